/** The per-request context: the gateway, this operation's query counter and its own DataLoaders. */
import type { Credentials } from "../auth/apiKeys.js";
import type { Config } from "../config.js";
import { QueryCounter, type Database } from "../db/gateway.js";
import { LoaderRegistry } from "./loaders.js";

export type Context = {
  db: Database;
  config: Config;
  counter: QueryCounter;
  loaders: LoaderRegistry;
  /** Set by the client with the header `x-debug-query-count: 1`: report the query count in extensions. */
  reportQueryCount: boolean;
  /** Who is calling, from the API key (null principal: anonymous). */
  credentials: Credentials;
};

export function createContext(
  db: Database,
  config: Config,
  reportQueryCount = false,
  credentials: Credentials = { principal: null, invalid: false },
): Context {
  const counter = new QueryCounter();
  return { db, config, counter, loaders: new LoaderRegistry(db, counter), reportQueryCount, credentials };
}
