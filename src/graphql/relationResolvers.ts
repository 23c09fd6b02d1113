/**
 * Resolvers generated from the relation table: one field per read-side entry of RELATIONS, each loading
 * through one batched, named query (`<owner>.<field>`) and the request's DataLoader. Hand-written
 * resolvers are kept only for fields that are not a plain hop (relationship properties, counts, pages).
 */
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { cypher, type NamedQuery } from "../db/gateway.js";
import type { Label } from "../model/labels.js";
import { RELATION_READS, relationPattern, type RelationRead } from "../model/relations.js";
import type { Context } from "./context.js";
import { loadRelated, loadRelatedOne, type GraphObject } from "./graphRead.js";
import { Node } from "./node.js";
import { prefetched } from "./compiledReads.js";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ClassType = Function;

const lowerFirst = (s: string) => `${s.charAt(0).toLowerCase()}${s.slice(1)}`;

/** The batched query of one read: rows keyed by the owner's id, in the field's order. */
export function relationQuery(read: RelationRead): NamedQuery {
  return cypher(
    `${lowerFirst(read.owner)}.${read.name}`,
    `MATCH ${relationPattern(read)} WHERE a.id IN $ids
     RETURN a.id AS key, b.id AS id, labels(b)[0] AS label, properties(b) AS props ORDER BY ${read.orderBy}`,
  );
}

/** Every generated query, by name (for the index-usage and query-count checks). */
export const RELATION_QUERIES: ReadonlyMap<string, NamedQuery> = new Map(
  RELATION_READS.map((read) => {
    const query = relationQuery(read);
    return [query.name, query];
  }),
);

/**
 * One resolver class per owner type, with a field resolver per relation field. `typeOf` maps a label to
 * its GraphQL object type (the composition root knows the domains' types; this layer does not).
 */
export function relationResolvers(typeOf: (label: Label) => ClassType): ClassType[] {
  const owners = [...new Set(RELATION_READS.map((read) => read.owner))];
  return owners.map((owner) => {
    const reads = RELATION_READS.filter((read) => read.owner === owner);
    class Generated {}
    Object.defineProperty(Generated, "name", { value: `${owner}RelationsResolver` });
    for (const read of reads) defineField(Generated, read, typeOf);
    Resolver(() => typeOf(owner))(Generated);
    return Generated;
  });
}

function defineField(target: { prototype: object }, read: RelationRead, typeOf: (label: Label) => ClassType): void {
  const query = RELATION_QUERIES.get(`${lowerFirst(read.owner)}.${read.name}`)!;
  // A field reaching several labels is typed as the Node interface; its rows carry their own label.
  const far = read.far.length === 1 ? typeOf(read.far[0]!) : Node;
  const typename = read.far.length === 1 ? read.far[0] : undefined;
  // Compiled with its root (compiledReads.ts) when it could be; otherwise batched per level.
  const resolve = read.many
    ? (root: GraphObject, ctx: Context) => prefetched(root, read.name) ?? loadRelated(ctx, query, root.id, typename)
    : (root: GraphObject, ctx: Context) => {
      const compiled = prefetched(root, read.name);
      return compiled !== undefined ? compiled : loadRelatedOne(ctx, query, root.id, typename);
    };
  Object.defineProperty(target.prototype, read.name, { value: resolve, writable: true, configurable: true });
  const descriptor = Object.getOwnPropertyDescriptor(target.prototype, read.name)!;
  Root()(target.prototype, read.name, 0);
  Ctx()(target.prototype, read.name, 1);
  FieldResolver(() => (read.many ? [far] : far), {
    nullable: read.many ? false : read.nullable,
    ...(read.description ? { description: read.description } : {}),
  })(target.prototype, read.name, descriptor);
}
