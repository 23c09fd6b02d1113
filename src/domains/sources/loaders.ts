/** Reading sources through the request's DataLoaders. */
import type { DbSession } from "../../db/session.js";
import { fetchNode, loadAll } from "../../graphql/graphRead.js";
import { ALL_SOURCES } from "./queries.js";

export const sourceById = (session: DbSession, id: string) => fetchNode(session, id, "Source");
export const allSources = (session: DbSession, kind: string | null) => loadAll(session, ALL_SOURCES, "Source", { kind });
