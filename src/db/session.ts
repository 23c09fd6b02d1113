/**
 * A database session for one unit of work (a GraphQL request, a CLI command): the gateway, a counter of the
 * queries it sends, and its own batching loaders. Domain services take one of these and plain inputs, never
 * the GraphQL context, so the server and the CLI share them.
 */
import { QueryCounter, type Database } from "./gateway.js";
import { LoaderRegistry } from "./loaders.js";

export type DbSession = { db: Database; counter: QueryCounter; loaders: LoaderRegistry };

export function openSession(db: Database): DbSession {
  const counter = new QueryCounter();
  return { db, counter, loaders: new LoaderRegistry(db, counter) };
}
