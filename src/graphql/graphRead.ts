/**
 * Shared read patterns for the domains: nodes by id, related nodes, and evidence — each a named Cypher
 * query built once from fixed labels and relationship patterns in the domain's queries.ts (never from
 * input), batched through the request's DataLoaders, and turned into plain objects with PartialDates.
 */
import { cypher, type NamedQuery, type Row } from "../db/gateway.js";
import { plainToPartial } from "../model/partialDates.js";
import { notFound } from "../errors.js";
import { LABELS, labelOf, type Label } from "../model/labels.js";
import type { DbSession } from "../db/session.js";

export type GraphObject = { __typename: string; id: string; [field: string]: unknown };

/** Node or relationship properties with their dates as PartialDates: an "xPrecision" companion turns "x" into one. */
export function withPartialDates(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (key.endsWith("Precision") && `${key.slice(0, -9)}` in props) {
      out[key] = value;
      continue;
    }
    const precision = props[`${key}Precision`];
    if (precision === undefined) out[key] = value;
    else if (Array.isArray(value)) {
      out[key] = value.map((v, i) => plainToPartial(v as string, (precision as string[])[i] ?? "DAY"));
    } else out[key] = plainToPartial(value as string | null, precision as string | null);
  }
  return out;
}

/** Node properties to a GraphQL object of the given type. */
export function toObject(typename: string, id: string, props: Record<string, unknown>): GraphObject {
  return { ...withPartialDates(props), __typename: typename, id };
}

export function rowToObject(typename: string, row: Row): GraphObject {
  return toObject(typename, row.id as string, row.props as Record<string, unknown>);
}

export const byIdsQuery = (name: string, label: string) =>
  cypher(name, `MATCH (n:${label}) WHERE n.id IN $ids RETURN n.id AS id, properties(n) AS props`);

export const allQuery = (name: string, label: string, orderBy = "n.id") =>
  cypher(name, `MATCH (n:${label}) RETURN n.id AS id, properties(n) AS props ORDER BY ${orderBy}`);

/**
 * Relationships with properties of their own, batched: `pattern` binds `(a)` (the parent, by `$ids`), `[r]` and
 * `(b)`; rows are keyed by the parent, with the far end's id as `otherId` and the relationship's properties.
 */
export const relationshipPropsQuery = (name: string, pattern: string, orderBy: string) =>
  cypher(name, `MATCH ${pattern} WHERE a.id IN $ids RETURN a.id AS key, b.id AS otherId, properties(r) AS props ORDER BY ${orderBy}`);

export const evidenceQuery = (name: string, label: string) =>
  cypher(
    name,
    `MATCH (a:${label})-[e:SUPPORTED_BY]->(s:Source) WHERE a.id IN $ids
     RETURN a.id AS key, s.id AS sourceId, e.quote AS quote, e.locator AS locator ORDER BY s.published, s.id, e.quote`,
  );

export async function loadOne(session: DbSession, query: NamedQuery, typename: string, id: string): Promise<GraphObject | null> {
  const row = await session.loaders.byId(query).load(id);
  return row ? rowToObject(typename, row) : null;
}

/** All rows of a list query (columns id, props) for one label; primes the by-id loader for later lookups. */
export async function loadAll(session: DbSession, query: NamedQuery, label: Label, params: Record<string, unknown> = {}) {
  const rows = await session.db.read(query, params, session.counter);
  const loader = session.loaders.byId(NODE_BY_IDS[label]);
  for (const row of rows) loader.prime(row.id as string, row);
  return rows.map((row) => rowToObject(label, row));
}

/** Typename of related rows: the given one, or the node's label (which is its GraphQL type name). */
export async function loadRelated(session: DbSession, query: NamedQuery, parentId: string, typename?: string): Promise<GraphObject[]> {
  const rows = await session.loaders.related(query).load(parentId);
  return rows.map((row) => rowToObject(typename ?? (row.label as string), row));
}

export async function loadRelatedOne(session: DbSession, query: NamedQuery, parentId: string, typename?: string) {
  const [first] = await loadRelated(session, query, parentId, typename);
  return first ?? null;
}

/** One by-ids query per label; a label's GraphQL type has the label's name. */
export const NODE_BY_IDS = Object.fromEntries(
  LABELS.map((label) => [label, byIdsQuery(`${label.charAt(0).toLowerCase()}${label.slice(1)}.byIds`, label)]),
) as Record<Label, NamedQuery>;

/** Any node by id (the prefix names the label); null when absent or not of the expected label. */
export async function fetchNode(session: DbSession, id: string, expected?: Label): Promise<GraphObject | null> {
  const label = labelOf(id);
  if (!label || (expected && label !== expected)) return null;
  return loadOne(session, NODE_BY_IDS[label], label, id);
}

/** An object built from a row's id and properties, primed into the by-id loader so resolving it again costs no query. */
export function primeObject(session: DbSession, label: Label, id: string, props: unknown): GraphObject {
  const row = { id, props } as Row;
  session.loaders.byId(NODE_BY_IDS[label]).prime(id, row);
  return rowToObject(label, row);
}

/** A node the request depends on: NOT_FOUND when it does not exist. */
export async function requireNode(session: DbSession, id: string, label: Label): Promise<GraphObject> {
  const node = await fetchNode(session, id, label);
  if (!node) throw notFound(`No ${label} with id "${id}"`);
  return node;
}
