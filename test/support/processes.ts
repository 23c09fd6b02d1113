/** Runs `npm start`'s entry point as a child process, as a user would, and reads what it prints. */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "../../src/config.js";

export type StartedApp = { child: ChildProcessWithoutNullStreams; output: () => string; exited: Promise<number | null> };

export function spawnApp(env: Record<string, string | undefined>): StartedApp {
  const { NEO4J_URI: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", path.join("src", "main.ts")], {
    cwd: PROJECT_ROOT,
    // NODE_ENV as a user has it (vitest sets "test", which changes Apollo's signal handling).
    env: { ...inherited, NODE_ENV: "development", ...env } as NodeJS.ProcessEnv,
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export async function waitForOutput(app: StartedApp, pattern: RegExp, timeoutMs = 120_000): Promise<RegExpMatchArray> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const match = app.output().match(pattern);
    if (match) return match;
    if (app.child.exitCode !== null) throw new Error(`App exited (${app.child.exitCode}) before printing ${pattern}:\n${app.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${pattern}:\n${app.output()}`);
}

/** PIDs of java processes whose command line mentions the given text (e.g. a data dir). */
export function javaProcessesMentioning(text: string): number[] {
  const result = spawnSync("pgrep", ["-f", `local.neo4j.Launcher ${text}`], { encoding: "utf8" });
  return result.stdout.split("\n").filter(Boolean).map(Number);
}

export type Run = { code: number | null; stdout: string; stderr: string };

/** Runs the CLI as `npm run cli -- …` does (the script passes a literal "--" first), with NEO4J_URI only if `env` sets it. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const { NEO4J_URI: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", path.join("src", "cli.ts"), "--", ...args], {
    cwd: PROJECT_ROOT,
    env: { ...inherited, NODE_ENV: "development", LOG_LEVEL: "warn", ...env } as NodeJS.ProcessEnv,
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
}
