import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { Row } from "../../db/gateway.js";
import { badInput, notFound } from "../../errors.js";
import type { Context } from "../../graphql/context.js";
import { NODE_BY_IDS, rowToObject, type GraphObject } from "../../graphql/graphRead.js";
import { checkId } from "../../graphql/ids.js";
import { CLAIM_LABELS, type Label } from "../../model/labels.js";
import { Evidence, evidenceFromLists, loadEvidence } from "../sources/evidence.js";
import { ASSERTED_BY, CLAIM_EVIDENCE, LIST_EVIDENCE_TYPES, MAX_HOPS, MAX_PATHS, MIN_HOPS, SHORTEST_PATHS } from "./queries.js";
import { Hop, Path } from "./types.js";

const DEFAULT_HOPS = 4;

type RelRow = { type: string; start: string; sources: unknown; quotes: unknown; locators: unknown; inferred: boolean };

@Resolver(() => Path)
export class PathsResolver {
  @Query(() => [Path], {
    description:
      `The shortest paths between two entities, within maxHops (${MIN_HOPS}–${MAX_HOPS}) relationships in either ` +
      `direction, never through a source; the first ${MAX_PATHS} at most, in a stable order. Empty when none is that short.`,
  })
  async paths(
    @Arg("from", () => ID) from: string,
    @Arg("to", () => ID) to: string,
    @Arg("maxHops", () => Int, { nullable: true, defaultValue: DEFAULT_HOPS }) maxHops: number | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: MAX_PATHS, description: `How many paths, 1–${MAX_PATHS}.` })
    first: number | null,
    @Ctx() ctx: Context,
  ): Promise<Path[]> {
    checkId(from);
    checkId(to);
    if (from === to) throw badInput("from and to must be different entities", { argument: "to" });
    // The bound picks one prepared query: only whitelisted numbers ever reach the Cypher text.
    const query = SHORTEST_PATHS.get(maxHops ?? DEFAULT_HOPS);
    if (!query) throw badInput(`maxHops must be between ${MIN_HOPS} and ${MAX_HOPS} (got ${maxHops})`, { argument: "maxHops" });

    const limit = first ?? MAX_PATHS;
    if (limit < 1 || limit > MAX_PATHS) throw badInput(`first must be between 1 and ${MAX_PATHS} (got ${limit})`, { argument: "first" });

    const rows = await ctx.db.read(query, { from, to, first: limit }, ctx.counter);
    const head = rows[0];
    if (!head?.fromFound) throw notFound(`No entity with id "${from}"`);
    if (!head.toFound) throw notFound(`No entity with id "${to}"`);
    return rows.filter((row) => (row.nodes as Row[]).length > 0).map((row) => toPath(ctx, row));
  }
}

function toPath(ctx: Context, row: Row): Path {
  const nodes = (row.nodes as Row[]).map((node) => {
    const label = node.label as Label;
    // Prime the by-id loader: resolving any of these nodes again (node(id), a hop's end) costs no query.
    ctx.loaders.byId(NODE_BY_IDS[label]).prime(node.id as string, { id: node.id as string, props: node.props ?? {} });
    return rowToObject(label, node);
  });
  const hops = (row.rels as RelRow[]).map((rel, i) => toHop(nodes[i]!, nodes[i + 1]!, rel));
  return { length: hops.length, nodes, hops };
}

function toHop(from: GraphObject, to: GraphObject, rel: RelRow): Hop {
  const forward = rel.start === from.id;
  const [start, end] = forward ? [from, to] : [to, from];
  const list = LIST_EVIDENCE_TYPES.has(rel.type);
  const claim = list ? null : claimOf(rel.type, start, end);
  return {
    from,
    to,
    type: rel.type,
    direction: forward ? "FORWARD" : "BACKWARD",
    evidence: list ? evidenceFromLists(rel.sources, rel.quotes, rel.locators) : [],
    inferred: list ? rel.inferred : claim?.inferred === true,
    claim: claim ? { label: claim.__typename, id: claim.id } : null,
  };
}

/** The claim that asserts the relationship; failing the mapping, whichever end is a claim. */
function claimOf(type: string, start: GraphObject, end: GraphObject): GraphObject | null {
  const side = ASSERTED_BY.get(`${type} ${start.__typename} ${end.__typename}`);
  const candidates = side === "start" ? [start] : side === "end" ? [end] : [start, end];
  const claim = candidates.find((n) => CLAIM_LABELS.includes(n.__typename as Label));
  return claim ?? null;
}

@Resolver(() => Hop)
export class HopResolver {
  @FieldResolver(() => [Evidence])
  evidence(@Root() hop: Hop, @Ctx() ctx: Context): Evidence[] | Promise<Evidence[]> {
    const query = hop.claim ? CLAIM_EVIDENCE[hop.claim.label as Label] : undefined;
    return query && hop.claim ? loadEvidence(ctx, query, hop.claim.id) : hop.evidence;
  }
}
