/** Reading sources through the request's DataLoaders. */
import type { Context } from "../../graphql/context.js";
import { fetchNode, loadAll } from "../../graphql/graphRead.js";
import { ALL_SOURCES } from "./queries.js";

export const sourceById = (ctx: Context, id: string) => fetchNode(ctx, id, "Source");
export const allSources = (ctx: Context) => loadAll(ctx, ALL_SOURCES, "Source");
