/**
 * Where a running `npm start` serves its bundled Neo4j, so the CLI can use that database while the server
 * runs (the data folder is locked by the server's JVM; a second one could not open it). The file names the
 * Bolt URI and the server's pid; a file whose process is gone is stale and ignored.
 */
import fs from "node:fs";
import path from "node:path";

export type Endpoint = { uri: string; pid: number };

export const endpointFile = (homeDir: string) => path.join(homeDir, "endpoint.json");

export function publishEndpoint(homeDir: string, uri: string): () => void {
  const file = endpointFile(homeDir);
  // Written whole, then renamed: a reader never sees half a file.
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify({ uri, pid: process.pid } satisfies Endpoint)}\n`);
  fs.renameSync(`${file}.tmp`, file);
  // Only this process's own file is removed: a later server may have replaced it.
  return () => {
    if (readEndpoint(homeDir)?.pid === process.pid) fs.rmSync(file, { force: true });
  };
}

/** The published endpoint if its server is still alive, else null. */
export function readEndpoint(homeDir: string): Endpoint | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(endpointFile(homeDir), "utf8"));
  } catch {
    return null;
  }
  const { uri, pid } = (parsed ?? {}) as Partial<Endpoint>;
  if (typeof uri !== "string" || !/^bolt:\/\/127\.0\.0\.1:\d+$/.test(uri) || typeof pid !== "number") return null;
  return isAlive(pid) ? { uri, pid } : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
