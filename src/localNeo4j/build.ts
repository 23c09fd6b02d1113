/** Builds the bundled Neo4j launcher with Maven once, and reuses the build while its inputs are unchanged. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../config.js";

export const LAUNCHER_DIR = path.join(PROJECT_ROOT, "tools", "neo4j-local");
const TARGET = path.join(LAUNCHER_DIR, "target");
const STAMP = path.join(TARGET, "build.stamp");
const INPUTS = [
  path.join(LAUNCHER_DIR, "pom.xml"),
  path.join(LAUNCHER_DIR, "src", "main", "java", "local", "neo4j", "Launcher.java"),
];

export class LocalNeo4jError extends Error {
  override name = "LocalNeo4jError";
}

export function classpath(): string {
  return [path.join(TARGET, "classes"), path.join(TARGET, "lib", "*")].join(path.delimiter);
}

export function requireCommand(command: string, purpose: string): void {
  const probe = spawnSync(command, ["-version"], { stdio: "ignore" });
  if (probe.error) {
    throw new LocalNeo4jError(
      `'${command}' was not found on PATH; it is needed ${purpose}. Install a JDK 17+ and Maven, or set NEO4J_URI to use an existing Neo4j.`,
    );
  }
}

function isBuildCurrent(): boolean {
  if (!fs.existsSync(STAMP)) return false;
  const built = fs.statSync(STAMP).mtimeMs;
  return INPUTS.every((file) => fs.statSync(file).mtimeMs <= built);
}

/** Returns immediately when a current build exists; otherwise runs `mvn package` (first run fetches ~120 MB). */
export function ensureLauncherBuilt(log: (message: string) => void): void {
  requireCommand("java", "to run the bundled Neo4j");
  if (isBuildCurrent()) return;
  requireCommand("mvn", "to build the bundled Neo4j (first run only)");
  log("Building the local Neo4j launcher with Maven (first run fetches Neo4j 5.26 from Maven Central, about a minute)...");
  const logFile = path.join(LAUNCHER_DIR, "build.log");
  const result = spawnSync("mvn", ["-B", "-q", "package", "-DskipTests"], {
    cwd: LAUNCHER_DIR,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  fs.writeFileSync(logFile, `${result.stdout ?? ""}${result.stderr ?? ""}`);
  if (result.status !== 0) {
    throw new LocalNeo4jError(`Building the local Neo4j launcher failed (mvn exit ${result.status}); see ${logFile}`);
  }
  fs.writeFileSync(STAMP, new Date().toISOString());
}
