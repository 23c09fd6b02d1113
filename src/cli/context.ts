/**
 * What each command gets: its output, the config (read only when a command needs it, so --help works
 * with a broken environment) and a database opened the way `npm start` opens it — NEO4J_URI, the bundled
 * Neo4j of a running `npm start`, or its own bundled Neo4j; migrations applied, no seeding — and always
 * shut down afterwards (a running server's database is left running).
 */
import { bootDatabase, type Booted } from "../boot.js";
import { loadConfig, type Config } from "../config.js";
import type { Database } from "../db/gateway.js";
import { createLogger, type Logger } from "../log.js";
import type { Output } from "./output.js";

export class CliContext {
  private loaded: Config | undefined;
  private booted: Promise<Booted> | undefined;

  /** Set by a command that finished but must not exit 0 (e.g. some files failed while the others went on). */
  exitCode = 0;

  constructor(readonly out: Output) {}

  get config(): Config {
    this.loaded ??= loadConfig();
    return this.loaded;
  }

  get log(): Logger {
    return createLogger(this.out.quiet ? "error" : this.config.logLevel);
  }

  /** Connects on first use only: `validate` needs no database when every reference resolves in the bundle. */
  database(): Promise<Database> {
    this.booted ??= bootDatabase(this.config, this.log, { seed: false, share: "join" });
    return this.booted.then((booted) => booted.db);
  }

  async close(): Promise<void> {
    const booted = await this.booted?.catch(() => undefined);
    this.booted = undefined;
    await booted?.shutdown();
  }
}
