/** `npm start`: database up, schema applied, seeds loaded if missing, GraphQL served. Ctrl-C stops all. */
import "reflect-metadata";
import { loadConfig } from "./config.js";
import { bootDatabase } from "./boot.js";
import { createLogger } from "./log.js";
import { startServer } from "./api/server.js";

const startedAt = Date.now();
let config;
try {
  config = loadConfig();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const log = createLogger(config.logLevel);

try {
  const booted = await bootDatabase(config, log);
  const server = await startServer(booted.db, config, log.warn);
  booted.publish();
  // From now on an outage is noticed by a probe, not only by the next request, and reported once.
  booted.db.breaker.watch();
  console.log(`GraphQL ready at ${server.url} (explorer: open it in a browser) in ${((Date.now() - startedAt) / 1000).toFixed(1)}s`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: shutting down`);
    booted.withdraw();
    await server.stop();
    log.debug("HTTP server stopped");
    await booted.shutdown();
    log.debug("Database stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
} catch (error) {
  log.error((error as Error).message);
  process.exit(1);
}
