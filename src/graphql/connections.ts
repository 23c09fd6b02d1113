/**
 * Relay connections with keyset cursors. A cursor is the sort key and id of the last row seen, so a page
 * is "rows after (key, id)" in the database's order: stable under inserts, no OFFSET scans. Each paged
 * query is built once, from a fixed MATCH/filter text and a fixed sort key per order, never from input.
 */
import { createHash } from "node:crypto";
import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType, type ClassType } from "type-graphql";
import { cypher, type NamedQuery, type Row } from "../db/gateway.js";
import { badInput } from "../errors.js";
import type { Label } from "../model/labels.js";
import type { Context } from "./context.js";
import { primeObject, type GraphObject } from "./graphRead.js";

export const MAX_PAGE = 100;
export const SortDirection = { ASC: "ASC", DESC: "DESC" } as const;
registerEnumType(SortDirection, { name: "SortDirection" });

@ObjectType("PageInfo")
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean, { description: "Always false: pages only go forward (after)." }) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

/** `first` and `after`: every connection's arguments extend these. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20 }) first!: number;
  @Field(() => String, { nullable: true }) after!: string | null;
}

/** Makes the Edge and Connection object types for a node type. */
/** Where an edge's date sits in the range the filter asked for. */
export const DateMatch = { WITHIN: "WITHIN", OVERLAPS: "OVERLAPS" } as const;
registerEnumType(DateMatch, {
  name: "DateMatch",
  description: "WITHIN: the date lies wholly in the range; OVERLAPS: only part of a partial date does (borderline, e.g. \"2024\" against March–June 2024).",
});

export function connectionOf<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String) cursor!: string;
    @Field(() => nodeType) node!: T;
    @Field(() => DateMatch, { nullable: true, description: "With a date range in the filter: whether the node's date lies wholly in it or only overlaps it (borderline); null without one." })
    dateMatch!: keyof typeof DateMatch | null;
  }
  @ObjectType(`${name}Connection`)
  class Connection {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int, { description: "All matches of the filter, across pages (counted only when asked, in the page's query)." })
    totalCount!: number;
  }
  return Connection;
}

/**
 * `order`: the sort key and direction, which a cursor's tag covers; `keyType`: what that key holds. `pageAndCount`
 * answers both in one query, for a client that asks for totalCount with its page.
 */
export type PagedQueries = { page: NamedQuery; count: NamedQuery; pageAndCount: NamedQuery; order: string; keyType: "string" | "number" };

/**
 * `match` binds `n` and applies the filters (parameters only); `key` is the sort expression over `n`,
 * holding strings (a null key sorts as '', first ascending) or, with keyType "number", numbers. With `keyOwner`,
 * the key is an expression over that variable alone (a finding's inspection): it is computed once per owner, and
 * owners wholly before the cursor are dropped before their rows are unwound.
 */
export function pagedQueries(
  name: string,
  match: string,
  key: string,
  direction: keyof typeof SortDirection,
  keyType: PagedQueries["keyType"] = "string",
  keyOwner?: string,
): PagedQueries {
  const after = direction === "ASC" ? ">" : "<";
  const afterCursor = `$afterId IS NULL OR key ${after} $afterKey OR (key = $afterKey AND n.id ${after} $afterId)`;
  const rows = keyOwner
    ? `${match}
       WITH ${keyOwner}, collect(n) AS owned
       WITH coalesce(${key}, '') AS key, owned
       WHERE $afterId IS NULL OR key ${after}= $afterKey
       UNWIND owned AS n
       WITH n, key
       WHERE ${afterCursor}`
    : `${match}
       WITH n, coalesce(${key}, '') AS key
       WHERE ${afterCursor}`;
  const order = `ORDER BY key ${direction}, n.id ${direction}
       LIMIT toInteger($limit)`;
  return {
    order: `${key}\n${direction}`,
    keyType,
    page: cypher(`${name}.page.${direction}`, `${rows}\n       RETURN n.id AS id, properties(n) AS props, key\n       ${order}`),
    count: cypher(`${name}.count`, `${match}\nRETURN count(n) AS total`),
    pageAndCount: cypher(
      `${name}.pageAndCount.${direction}`,
      `CALL () { ${match}\n RETURN count(n) AS total }
       CALL () { ${rows}\n WITH n, key ${order}\n RETURN collect({id: n.id, props: properties(n), key: key}) AS page }
       RETURN total, page`,
    ),
  };
}

/**
 * A cursor carries a tag of the order and filters it was issued for: reused with another order, or with
 * filters that change the keys (a finding count per authority), it would page from a meaningless point.
 */
function cursorTag(queries: PagedQueries, params: Record<string, unknown>): string {
  const filters = Object.keys(params).sort().map((name) => [name, params[name] ?? null]);
  return createHash("sha256").update(JSON.stringify([queries.order, filters])).digest("base64url").slice(0, 10);
}

export function encodeCursor(tag: string, key: unknown, id: string): string {
  return Buffer.from(JSON.stringify([tag, key, id])).toString("base64url");
}

function decodeCursor(queries: PagedQueries, tag: string, cursor: string): [string | number, string] {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    // reported below
  }
  if (!Array.isArray(value) || value.length !== 3 || typeof value[0] !== "string" || typeof value[2] !== "string") {
    throw badInput("`after` is not a cursor this API issued", { argument: "after" });
  }
  if (value[0] !== tag || typeof value[1] !== queries.keyType) {
    throw badInput("`after` was issued for another order or filter of this list: start again without it", { argument: "after" });
  }
  return [value[1] as string | number, value[2]];
}

/** Runs one page (first + 1 rows to learn whether there is a next page); totalCount with it when asked, else lazily. */
export async function paginate(
  ctx: Context,
  queries: PagedQueries,
  label: Label,
  args: { first: number; after: string | null | undefined; params: Record<string, unknown>; withTotal?: boolean },
) {
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAGE) {
    throw badInput(`first must be between 1 and ${MAX_PAGE}`, { argument: "first" });
  }
  const tag = cursorTag(queries, args.params);
  const [afterKey, afterId] = args.after ? decodeCursor(queries, tag, args.after) : [null, null];
  const params = { ...args.params, afterKey, afterId, limit: args.first + 1 };
  let rows: Row[];
  let total: Promise<number> | undefined;
  if (args.withTotal) {
    // Asked for with the page: one query, one round trip.
    const [answer] = await ctx.db.read(queries.pageAndCount, params, ctx.counter);
    rows = answer!.page as Row[];
    total = Promise.resolve(answer!.total as number);
  } else rows = await ctx.db.read(queries.page, params, ctx.counter);
  const page = rows.slice(0, args.first);
  const edges = page.map((row) => ({ cursor: encodeCursor(tag, row.key, row.id as string), node: primeObject(ctx, label, row.id as string, row.props) as GraphObject }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > args.first,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    // A getter, so the count query runs only when the client selects totalCount (and was not counted above).
    get totalCount() {
      total ??= ctx.db.read(queries.count, args.params, ctx.counter).then(([row]) => row!.total as number);
      return total;
    },
  };
}

/** The `orderBy` input of a connection: one of its sort fields (registered as `<name>SortField`) and a direction. */
export function orderInputOf<F extends string>(name: string, fields: { [K in F]: K }) {
  registerEnumType(fields, { name: `${name}SortField` });
  @InputType(`${name}Order`)
  class Order {
    @Field(() => fields) field!: F;
    @Field(() => SortDirection) direction!: keyof typeof SortDirection;
  }
  return Order;
}
