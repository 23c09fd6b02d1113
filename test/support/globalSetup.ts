/**
 * Starts a throwaway Neo4j in a temp dir for the whole run (or uses NEO4J_URI), applies the schema and
 * loads the seeds, and hands the URI to the tests. Stopped and deleted at the end.
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

declare module "vitest" {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

let local: LocalNeo4j | undefined;
let tempDir: string | undefined;

export async function setup(project: TestProject) {
  const config = loadConfig();
  let uri = config.neo4j.uri;
  if (!uri) {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "csg-test-neo4j-"));
    const started = Date.now();
    local = await startLocalNeo4j({ homeDir: tempDir, port: 0, log: (m) => console.log(m) });
    uri = local.uri;
    console.log(`Test Neo4j ready at ${uri} in ${((Date.now() - started) / 1000).toFixed(1)}s (log: ${local.logFile})`);
  }
  const db = await Database.connect({ ...config.neo4j, uri, retries: config.neo4j.connectRetries });
  try {
    await applyMigrations(db);
    await seedIfNeeded(db, config.seedsDir, true);
  } finally {
    await db.close();
  }
  project.provide("neo4jUri", uri);
}

export async function teardown() {
  await local?.stop();
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
}
