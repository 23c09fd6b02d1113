/** Reading sources: rows to Source objects, through the request's DataLoaders. */
import type { Row } from "../../db/gateway.js";
import { plainToPartial } from "../../db/convert.js";
import type { Context } from "../../graphql/context.js";
import type { Typed } from "../../graphql/node.js";
import type { Source } from "./types.js";
import { ALL_SOURCES, SOURCES_BY_IDS } from "./queries.js";

export type SourceObject = Source & Typed<"Source">;

export function toSource(row: Row): SourceObject {
  const p = row.props as Record<string, string | null>;
  return {
    __typename: "Source",
    id: row.id as string,
    title: p.title!,
    publisher: p.publisher ?? null,
    published: plainToPartial(p.published ?? null, p.publishedPrecision ?? null),
    publishedPrecision: (p.publishedPrecision ?? null) as SourceObject["publishedPrecision"],
    publishedNote: p.publishedNote ?? null,
    url: p.url ?? null,
    kind: p.kind as SourceObject["kind"],
  };
}

export async function sourceById(ctx: Context, id: string): Promise<SourceObject | null> {
  const row = await ctx.loaders.byId(SOURCES_BY_IDS).load(id);
  return row ? toSource(row) : null;
}

export async function allSources(ctx: Context): Promise<SourceObject[]> {
  const rows = await ctx.db.read(ALL_SOURCES, {}, ctx.counter);
  // Prime the by-id loader so nested lookups of these sources cost no extra query.
  const loader = ctx.loaders.byId(SOURCES_BY_IDS);
  for (const row of rows) loader.prime(row.id as string, row);
  return rows.map(toSource);
}
