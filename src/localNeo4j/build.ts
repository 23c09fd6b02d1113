/**
 * Builds the bundled Neo4j launcher with Maven once, and reuses the build while its inputs are unchanged.
 * Maven itself comes from the Maven Wrapper (tools/neo4j-local/mvnw), which fetches a pinned Maven from Maven
 * Central on first use, so a JDK 17+ is the only system prerequisite.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../config.js";

export const LAUNCHER_DIR = path.join(PROJECT_ROOT, "tools", "neo4j-local");
const TARGET = path.join(LAUNCHER_DIR, "target");
const MVNW = path.join(LAUNCHER_DIR, "mvnw");
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
      `'${command}' was not found on PATH; it is needed ${purpose}. Install a JDK 17+, or set NEO4J_URI to use an existing Neo4j.`,
    );
  }
}

function isBuildCurrent(): boolean {
  if (!fs.existsSync(STAMP)) return false;
  const built = fs.statSync(STAMP).mtimeMs;
  return INPUTS.every((file) => fs.statSync(file).mtimeMs <= built);
}

/**
 * Returns immediately when a current build exists; otherwise runs `mvnw package` (first run fetches Maven, ~10 MB,
 * and Neo4j, ~120 MB). mvnw runs through `sh` so a checkout that lost its executable bit still builds.
 */
export function ensureLauncherBuilt(log: (message: string) => void): void {
  requireCommand("java", "to run the bundled Neo4j");
  if (isBuildCurrent()) return;
  requireCommand("javac", "to build the bundled Neo4j (first run only); a JRE is not enough");
  log("Building the local Neo4j launcher with Maven (first run fetches Maven and Neo4j 5.26 from Maven Central, about a minute)...");
  const logFile = path.join(LAUNCHER_DIR, "build.log");
  const result = spawnSync("sh", [MVNW, "-B", "-q", "package", "-DskipTests"], {
    cwd: LAUNCHER_DIR,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) {
    throw new LocalNeo4jError(`Could not run ${MVNW} to build the local Neo4j launcher: ${result.error.message}`);
  }
  fs.writeFileSync(logFile, `${result.stdout ?? ""}${result.stderr ?? ""}`);
  if (result.status !== 0) {
    throw new LocalNeo4jError(
      `Building the local Neo4j launcher failed (mvnw exit ${result.status ?? result.signal}); see ${logFile}`,
    );
  }
  fs.writeFileSync(STAMP, new Date().toISOString());
}
