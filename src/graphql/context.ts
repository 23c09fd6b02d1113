/** The per-request context: a database session (gateway, query counter, DataLoaders) and who is calling. */
import type { Credentials, Principal } from "../auth/apiKeys.js";
import type { Config } from "../config.js";
import type { Database } from "../db/gateway.js";
import { openSession, type DbSession } from "../db/session.js";

export type Context = DbSession & {
  config: Config;
  /** Set by the client with the header `x-debug-query-count: 1`: report the query count in extensions. */
  reportQueryCount: boolean;
  /** Who is calling, from the API key (null principal: anonymous); checked by the auth plugin before execution. */
  credentials: Credentials;
};

export function createContext(
  db: Database,
  config: Config,
  reportQueryCount = false,
  credentials: Credentials = { principal: null, invalid: false },
): Context {
  return { ...openSession(db), config, reportQueryCount, credentials };
}

/** The caller of an operation the auth plugin has let through: resolvers never check roles themselves. */
export function caller(ctx: Context): Principal {
  const principal = ctx.credentials.principal;
  if (!principal) throw new Error("No authorised caller: the auth plugin must run before this resolver");
  return principal;
}
