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
  "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/java.io=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
  "-Dio.netty.tryReflectionSetAccessible=true",
];
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;

export type LocalNeo4j = { uri: string; logFile: string; stop: () => Promise<void> };

const FIRST_RESTART_MS = 1_000;
const MAX_RESTART_MS = 30_000;
/** A run this long resets the restart backoff. */
const STABLE_RUN_MS = 60_000;

/**
 * Starts the bundled Neo4j and supervises it: if the JVM dies (a crash, an OOM kill), it is started again on
 * the same port after 1 s, doubling to 30 s while it keeps failing; each exit and restart is logged once.
 */
/** The JVM's heap and Neo4j's page cache (the store's cache: reads from disk beyond it), as "768m" or "2g". */
export type LocalMemory = { heap: string; pageCache: string };
export const DEFAULT_LOCAL_MEMORY: LocalMemory = { heap: "768m", pageCache: "128m" };

export async function startLocalNeo4j(options: {
  homeDir: string;
  port: number;
  log: (message: string) => void;
  memory?: LocalMemory;
}): Promise<LocalNeo4j> {
  ensureLauncherBuilt(options.log);
  fs.mkdirSync(options.homeDir, { recursive: true });
  const port = options.port === 0 ? await freePort() : await assertPortFree(options.port);
  const logFile = path.join(options.homeDir, "neo4j-launcher.log");

  let stopping = false;
  let restartMs = FIRST_RESTART_MS;
  let restartTimer: NodeJS.Timeout | null = null;
  let child: ChildProcess;
  const spawnOnce = async (): Promise<string> => {
    const launched = launch(options.homeDir, port, logFile, options.memory ?? DEFAULT_LOCAL_MEMORY);
    child = launched.child;
    const uri = await launched.ready;
    const startedAt = Date.now();
    child.once("exit", (code, signal) => {
      if (stopping) return;
      if (Date.now() - startedAt > STABLE_RUN_MS) restartMs = FIRST_RESTART_MS;
      options.log(`The bundled Neo4j exited unexpectedly (${signal ?? `exit ${code}`}); restarting it in ${restartMs / 1000} s (log: ${logFile})`);
      scheduleRestart();
    });
    return uri;
  };
  const scheduleRestart = () => {
    const delay = restartMs;
    restartMs = Math.min(restartMs * 2, MAX_RESTART_MS);
    restartTimer = setTimeout(() => {
      restartTimer = null;
      if (stopping) return;
      spawnOnce().then(
        (uri) => options.log(`The bundled Neo4j is running again at ${uri}`),
        (error: Error) => {
          if (stopping) return;
          options.log(`The bundled Neo4j did not restart (${error.message}); trying again in ${restartMs / 1000} s`);
          scheduleRestart();
        },
      );
    }, delay);
  };

  const uri = await spawnOnce();
  const stopOnExit = () => child.kill("SIGKILL");
  process.once("exit", stopOnExit);

  return {
    uri,
    logFile,
    stop: async () => {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      process.removeListener("exit", stopOnExit);
      await stopChild(child);
    },
  };
}

/** One JVM: its process, and the bolt URI once it says READY (rejects if it dies or hangs first). */
function launch(homeDir: string, port: number, logFile: string, memory: LocalMemory): { child: ChildProcess; ready: Promise<string> } {
  const logStream = fs.createWriteStream(logFile, { flags: "a" });
  const flags = [`-Xmx${memory.heap}`, `-Dlocal.neo4j.pagecache=${memory.pageCache}`, ...JVM_FLAGS];
  const child = spawn("java", [...flags, "-cp", classpath(), "local.neo4j.Launcher", homeDir, String(port)], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  child.stderr!.pipe(logStream);
  // "close" (not "exit"): the JVM's last output may still be arriving when it exits.
  child.once("close", () => logStream.end());
  return { child, ready: waitForReady(child, logStream, logFile) };
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
      const explain = () => {
        const locked = /FileLockException|Lock file has been locked/.test(fs.readFileSync(logFile, "utf8").slice(-20_000));
        const reason = locked
          ? "its data folder is in use by another Neo4j (is `npm start` already running, or still stopping?)"
          : `${signal ?? `exit ${code}`}`;
        reject(new LocalNeo4jError(`Local Neo4j exited before it was ready: ${reason}; see ${logFile}`));
      };
      if (logStream.writableFinished) explain();
      else logStream.once("finish", explain);
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
