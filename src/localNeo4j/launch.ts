/**
 * Starts the bundled Neo4j on 127.0.0.1 and stops it again. The JVM's stdin is a pipe from this process:
 * when we die, even by SIGKILL, the pipe closes and the launcher shuts down, so no JVM is orphaned.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { classpath, ensureLauncherBuilt, LocalNeo4jError } from "./build.js";

const JVM_FLAGS = [
  "-Xmx768m",
  "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/java.io=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
  "-Dio.netty.tryReflectionSetAccessible=true",
];
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;

export type LocalNeo4j = { uri: string; logFile: string; stop: () => Promise<void> };

export async function startLocalNeo4j(options: {
  homeDir: string;
  port: number;
  log: (message: string) => void;
}): Promise<LocalNeo4j> {
  ensureLauncherBuilt(options.log);
  fs.mkdirSync(options.homeDir, { recursive: true });
  const port = options.port === 0 ? await freePort() : await assertPortFree(options.port);
  const logFile = path.join(options.homeDir, "neo4j-launcher.log");
  const logStream = fs.createWriteStream(logFile, { flags: "a" });

  const child = spawn("java", [...JVM_FLAGS, "-cp", classpath(), "local.neo4j.Launcher", options.homeDir, String(port)], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  child.stderr.pipe(logStream);
  const uri = await waitForReady(child, logStream, logFile);
  const stopOnExit = () => child.kill("SIGKILL");
  process.once("exit", stopOnExit);

  return {
    uri,
    logFile,
    stop: async () => {
      process.removeListener("exit", stopOnExit);
      await stopChild(child);
      logStream.end();
    },
  };
}

function waitForReady(child: ChildProcess, logStream: fs.WriteStream, logFile: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new LocalNeo4jError(`Local Neo4j did not become ready within ${READY_TIMEOUT_MS / 1000}s; see ${logFile}`));
    }, READY_TIMEOUT_MS);
    child.stdout!.on("data", (chunk: Buffer) => {
      logStream.write(chunk);
      buffered += chunk.toString("utf8");
      const match = /READY (bolt:\/\/\S+)/.exec(buffered);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(new LocalNeo4jError(`Could not start java for the local Neo4j: ${error.message}`));
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      logStream.end(() => {
        const locked = /FileLockException|Lock file has been locked/.test(fs.readFileSync(logFile, "utf8").slice(-20_000));
        const reason = locked
          ? "its data folder is in use by another Neo4j (is `npm start` already running, or still stopping?)"
          : `${signal ?? `exit ${code}`}`;
        reject(new LocalNeo4jError(`Local Neo4j exited before it was ready: ${reason}; see ${logFile}`));
      });
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function assertPortFree(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", () =>
      reject(new LocalNeo4jError(`Port ${port} on 127.0.0.1 is taken; set NEO4J_LOCAL_PORT to a free port or 0 for any.`)),
    );
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(port)));
  });
}
