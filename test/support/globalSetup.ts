/**
 * One throwaway Neo4j for the whole run (or NEO4J_URI): started by the first project that needs it, with the
 * schema applied and the seeds loaded, shared by every later project, and stopped and deleted after the last.
 * Vitest runs each project's global setup in its main process, so a process-wide handle is shared.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { loadConfig } from "../../src/config.js";
import { Database } from "../../src/db/gateway.js";
import { applyMigrations } from "../../src/db/migrations.js";
import { startLocalNeo4j, type LocalNeo4j } from "../../src/localNeo4j/launch.js";
import { seedIfNeeded } from "../../src/bundles/loadBundles.js";
import { buildWeb } from "../../web/build.js";

declare module "vitest" {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

type Shared = { uri: Promise<string>; users: number; local?: LocalNeo4j; tempDir?: string };
const KEY = Symbol.for("csg.testNeo4j");
const registry = globalThis as unknown as { [KEY]?: Shared };

async function start(shared: Shared): Promise<string> {
  const config = loadConfig();
  let uri = config.neo4j.uri;
  if (!uri) {
    shared.tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "csg-test-neo4j-"));
    const started = Date.now();
    shared.local = await startLocalNeo4j({ homeDir: shared.tempDir, port: 0, log: (m) => console.log(m) });
    uri = shared.local.uri;
    console.log(`Test Neo4j ready at ${uri} in ${((Date.now() - started) / 1000).toFixed(1)}s (log: ${shared.local.logFile})`);
  }
  const db = await Database.connect({ ...config.neo4j, uri, retries: config.neo4j.connectRetries });
  try {
    await applyMigrations(db);
    await seedIfNeeded(db, config.seedsDir, true);
  } finally {
    await db.close();
  }
  return uri;
}

export async function setup(project: TestProject) {
  let shared = registry[KEY];
  if (!shared) {
    // The explorer the server serves (npm test has just built it; a bare `vitest run` builds it if stale).
    await buildWeb({ ifStale: true });
    shared = { users: 0 } as Shared;
    shared.uri = start(shared);
    registry[KEY] = shared;
  }
  shared.users++;
  project.provide("neo4jUri", await shared.uri);
}

export async function teardown() {
  const shared = registry[KEY];
  if (!shared || --shared.users > 0) return;
  registry[KEY] = undefined;
  await shared.local?.stop();
  if (shared.tempDir) fs.rmSync(shared.tempDir, { recursive: true, force: true });
}
