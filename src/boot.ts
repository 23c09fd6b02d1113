/** Brings the system up in order — Neo4j (bundled or NEO4J_URI) → migrations → seeds — and down again. */
import path from "node:path";
import type { Config } from "./config.js";
import { Database } from "./db/gateway.js";
import { applyMigrations } from "./db/migrations.js";
import { publishEndpoint, readEndpoint } from "./localNeo4j/endpoint.js";
import { startLocalNeo4j, type LocalNeo4j } from "./localNeo4j/launch.js";
import type { Logger } from "./log.js";
import { seedIfNeeded } from "./bundles/loadBundles.js";
import { recoverInterruptedImport } from "./bundles/importJournal.js";
import { AppError } from "./errors.js";

/**
 * `publish` tells CLI processes where the bundled Neo4j listens: call it once the server is ready (never
 * earlier, so no CLI joins a database still migrating or seeding); `withdraw` (and `shutdown`, first) takes it back.
 */
export type Booted = { db: Database; local: LocalNeo4j | null; publish: () => void; withdraw: () => void; shutdown: () => Promise<void> };

/**
 * `seed`: load the seeds if missing. `share`: "publish" (the server) tells others where the bundled Neo4j it
 * starts listens; "join" (the CLI) uses a running server's bundled Neo4j instead of starting its own.
 */
export type BootOptions = { seed: boolean; share: "publish" | "join" };

/**
 * Before the seeds: a large import killed earlier is rolled back once silent long enough. One still running
 * holds the graph: the seeds are not checked this time (false), and the server starts all the same.
 */
async function recovered(db: Database, config: Config, log: Logger): Promise<boolean> {
  try {
    await recoverInterruptedImport(db, config.imports.staleAfterSeconds, log.warn);
    return true;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "CONFLICT") throw error;
    log.warn(`Seeds not checked: ${error.message}`);
    return false;
  }
}

export async function bootDatabase(config: Config, log: Logger, options: BootOptions = { seed: true, share: "publish" }): Promise<Booted> {
  let local: LocalNeo4j | null = null;
  let unpublish = () => {};
  let uri = config.neo4j.uri;
  const homeDir = path.join(config.dataDir, "neo4j");
  let db: Database | undefined;
  const running = !uri && options.share === "join" ? readEndpoint(homeDir) : null;
  if (running) {
    // A server that died without withdrawing its file (killed outright) leaves nothing listening: start our own.
    db = await Database.connect({ ...config.neo4j, uri: running.uri, retries: 0 }).catch(() => undefined);
    if (db) {
      uri = running.uri;
      log.info(`Using the bundled Neo4j of the running server (pid ${running.pid}) at ${uri}`);
    } else log.warn(`The server (pid ${running.pid}) published ${running.uri}, but nothing answers there: starting the bundled Neo4j`);
  }
  if (!uri) {
    log.info(`NEO4J_URI is not set: starting the bundled Neo4j in ${homeDir}`);
    local = await startLocalNeo4j({ homeDir, port: config.neo4j.localPort, log: log.info, memory: config.neo4j.localMemory });
    uri = local.uri;
    log.info(`Neo4j ready at ${uri} (log: ${local.logFile})`);
  }
  try {
    db ??= await Database.connect({ ...config.neo4j, uri, retries: config.neo4j.connectRetries, log: log.warn });
    const applied = await applyMigrations(db);
    log.info(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Schema up to date");
    if (options.seed && (await recovered(db, config, log))) {
      // The first load (the national record: thousands of records) takes a while: say how far it has got.
      let reported = -1;
      const seeded = await seedIfNeeded(db, config.seedsDir, false, undefined, ({ done, total }) => {
        const tenth = Math.floor((done / total) * 10);
        if (tenth > reported) log.info(`Loading seeds: ${tenth * 10}% (${done} of ${total} batches)`);
        reported = tenth;
      });
      log.info(
        !seeded ? "Seeds already loaded" : seeded.written ? `Loaded seeds: ${formatCounts(seeded.counts)}` : "Seeds checked: the graph already holds them",
      );
    }
  } catch (error) {
    await db?.close();
    await local?.stop();
    throw error;
  }
  const database = db;
  return {
    db: database,
    local,
    publish: () => {
      if (local && options.share === "publish") unpublish = publishEndpoint(homeDir, local.uri);
    },
    withdraw: () => unpublish(),
    shutdown: async () => {
      unpublish();
      await database.close();
      await local?.stop();
    },
  };
}

export function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts).map(([label, n]) => `${label} ${n}`).join(", ");
}
