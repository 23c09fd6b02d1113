/**
 * Root fields generated from NODE_READS: `<label>(id)` (null when absent, BAD_USER_INPUT for an id of
 * another kind) and the unfiltered list `<labels>` in its declared order, each one named query.
 */
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, ID, Info, Query, Resolver } from "type-graphql";
import { fetchCompiled } from "./compiledReads.js";
import type { NamedQuery } from "../db/gateway.js";
import type { Label } from "../model/labels.js";
import { NODE_READS } from "../model/nodeReads.js";
import type { Context } from "./context.js";
import { cypher } from "../db/gateway.js";
import { OrganisationKind } from "./enums.js";
import { fetchNode, loadAll } from "./graphRead.js";
import { checkId } from "./ids.js";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ClassType = Function;

/** Every generated list query, by name (for the index and query-count checks). */
export const LIST_QUERIES: ReadonlyMap<string, NamedQuery> = new Map(
  NODE_READS.flatMap(({ label, list }) => {
    if (!list) return [];
    const where = list.filter ? `WHERE $${list.filter.arg} IS NULL OR n.${list.filter.property} = $${list.filter.arg}` : "";
    const query = cypher(`${list.name}.all`, `MATCH (n:${label}) ${where} RETURN n.id AS id, properties(n) AS props ORDER BY ${list.orderBy}`);
    return [[query.name, query] as const];
  }),
);

const FILTER_TYPES = { Boolean, OrganisationKind };

export function rootResolvers(typeOf: (label: Label) => ClassType): ClassType[] {
  return NODE_READS.map(({ label, byId, list }) => {
    class Generated {}
    Object.defineProperty(Generated, "name", { value: `${label}RootResolver` });
    const type = typeOf(label);
    const prototype = Generated.prototype as Record<string, unknown>;
    if (byId) {
      prototype[byId.name] = async (id: string, ctx: Context, info: GraphQLResolveInfo) => {
        checkId(id, label);
        // The node and every relation field its selection asks for, in one query (compiledReads.ts).
        const compiled = await fetchCompiled(ctx, label, id, info);
        return compiled !== undefined ? compiled : fetchNode(ctx, id, label);
      };
      Arg("id", () => ID)(prototype, byId.name, 0);
      Ctx()(prototype, byId.name, 1);
      Info()(prototype, byId.name, 2);
      Query(() => type, { nullable: true, ...(byId.description ? { description: byId.description } : {}) })(
        prototype, byId.name, Object.getOwnPropertyDescriptor(prototype, byId.name)!,
      );
    }
    if (list) {
      const query = LIST_QUERIES.get(`${list.name}.all`)!;
      const filter = list.filter;
      if (filter) {
        prototype[list.name] = (value: unknown, ctx: Context) => loadAll(ctx, query, label, { [filter.arg]: value ?? null });
        Arg(filter.arg, () => FILTER_TYPES[filter.type], { nullable: true })(prototype, list.name, 0);
        Ctx()(prototype, list.name, 1);
      } else {
        prototype[list.name] = (ctx: Context) => loadAll(ctx, query, label);
        Ctx()(prototype, list.name, 0);
      }
      Query(() => [type], list.description ? { description: list.description } : {})(
        prototype, list.name, Object.getOwnPropertyDescriptor(prototype, list.name)!,
      );
    }
    Resolver(() => type)(Generated);
    return Generated;
  });
}
