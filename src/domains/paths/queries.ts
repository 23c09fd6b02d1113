/**
 * Cypher for shortest paths. The hop bound cannot be a parameter, so there is one named query per
 * allowed bound, built at load from constants; relationship types come from the graph mapping, so the
 * walk follows every domain link and never SUPPORTED_BY (every claim cites a source: paths through
 * sources would be noise).
 */
import { cypher, type NamedQuery } from "../../db/gateway.js";
import { evidenceQuery } from "../../graphql/graphRead.js";
import { NODE_SECTIONS, RELATIONSHIP_SECTIONS } from "../../model/graphMapping.js";
import { CLAIM_LABELS, nodeByAnyLabel, type Label } from "../../model/labels.js";

export const MIN_HOPS = 1;
export const MAX_HOPS = 6;
export const MAX_PATHS = 10;

const TYPE_PATTERN = /^[A-Z_]+$/;

/** Every relationship type the mapping writes between entities (evidence edges are not in the mapping). */
export const DOMAIN_TYPES: string[] = [
  ...new Set([...NODE_SECTIONS.flatMap((s) => s.edges.map((e) => e.type)), ...RELATIONSHIP_SECTIONS.map((s) => s.type)]),
].sort();
for (const type of DOMAIN_TYPES) {
  if (!TYPE_PATTERN.test(type) || type === "SUPPORTED_BY") throw new Error(`Relationship type ${type} cannot be walked`);
}

/** Relationships that carry their own evidence lists (evidenceSources/evidenceQuotes). */
export const LIST_EVIDENCE_TYPES = new Set(RELATIONSHIP_SECTIONS.map((s) => s.type));

/**
 * Which end of a relationship is the record that asserts it, by "TYPE start end" labels: an
 * (:Occupancy)-[:OF]->(:Post) is asserted by the occupancy, a (:Person)-[:HOLDS]->(:Occupancy) too.
 */
export const ASSERTED_BY = new Map<string, "start" | "end">();
for (const section of NODE_SECTIONS) {
  for (const edge of section.edges) {
    for (const other of edge.allowed) {
      if (edge.direction === "OUT") ASSERTED_BY.set(`${edge.type} ${section.label} ${other}`, "start");
      else ASSERTED_BY.set(`${edge.type} ${other} ${section.label}`, "end");
    }
  }
}

/** The same query names as the claim resolvers' evidence, so hops and claims share one batch. */
export const CLAIM_EVIDENCE = Object.fromEntries(
  CLAIM_LABELS.map((label) => [label, evidenceQuery(`${label.toLowerCase()}.evidence`, label)]),
) as Partial<Record<Label, NamedQuery>>;

// Each end found through the unique id index of its label (a label-less MATCH would scan every node).
const FIND_BY_ID = nodeByAnyLabel("wanted");

/**
 * One row per shortest path (in a stable order, by the ids along it, then its relationship types), or one row with empty path
 * columns when there is none; fromFound and toFound tell a missing end from a missing path.
 */
function shortestPathsQuery(maxHops: number): NamedQuery {
  return cypher(
    `paths.shortest.${maxHops}`,
    `UNWIND [$from, $to] AS wanted
     CALL (wanted) {
       ${FIND_BY_ID}
     }
     WITH collect(n) AS ends
     WITH [e IN ends WHERE e.id = $from][0] AS a, [e IN ends WHERE e.id = $to][0] AS b
     OPTIONAL MATCH p = allShortestPaths((a)-[:${DOMAIN_TYPES.join("|")}*${MIN_HOPS}..${maxHops}]-(b))
     // Two paths through the same nodes differ in their relationships: those break the tie.
     WITH a, b, p, reduce(key = '', n IN coalesce(nodes(p), []) | key + n.id + ' ')
       + reduce(key = '', r IN coalesce(relationships(p), []) | key + type(r) + ' ') AS key
     ORDER BY key
     LIMIT toInteger($first)
     RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound,
       [n IN coalesce(nodes(p), []) | {id: n.id, label: labels(n)[0], props: properties(n)}] AS nodes,
       [r IN coalesce(relationships(p), []) |
         {type: type(r), start: startNode(r).id, sources: r.evidenceSources, quotes: r.evidenceQuotes, locators: r.evidenceLocators, inferred: coalesce(r.inferred, false)}] AS rels`,
  );
}

/** One constant per allowed bound, chosen by the validated number, never made from the request. */
export const SHORTEST_PATHS: ReadonlyMap<number, NamedQuery> = new Map(
  Array.from({ length: MAX_HOPS - MIN_HOPS + 1 }, (_, i) => [MIN_HOPS + i, shortestPathsQuery(MIN_HOPS + i)]),
);
