/**
 * Cypher for writing bundles. Labels and relationship types cannot be parameters in Cypher, so each
 * query is made from the fixed vocabulary of graphMapping.ts (never from input) and memoised by name.
 */
import { cypher, type NamedQuery } from "../db/gateway.js";
import { LABELS, nodeByAnyLabel, type Label } from "../model/labels.js";

const TYPE_PATTERN = /^[A-Z_]+$/;
const cache = new Map<string, NamedQuery>();

/** A query made once per name (its label or type fixed in the text) and reused after. */
export function memo(name: string, make: () => string): NamedQuery {
  let query = cache.get(name);
  if (!query) {
    query = cypher(name, make());
    cache.set(name, query);
  }
  return query;
}

function checkLabel(label: string): Label {
  if (!LABELS.includes(label as Label)) throw new Error(`Unknown label ${label}`);
  return label as Label;
}
function checkType(type: string): string {
  if (!TYPE_PATTERN.test(type)) throw new Error(`Bad relationship type ${type}`);
  return type;
}

/** rows: [{id, props}]; properties set to null are removed, so an update drops what the bundle dropped. */
export const upsertNodes = (label: string) =>
  memo(`bundle.upsert.${checkLabel(label)}`, () => `
    UNWIND $rows AS row
    MERGE (n:${label} {id: row.id})
    SET n += row.props`);

/** rows: [{id, props}] of nodes known not to exist (the diff found them absent, under the write lock). */
export const createNodes = (label: string) =>
  memo(`bundle.create.${checkLabel(label)}`, () => `
    UNWIND $rows AS row
    CREATE (n:${label})
    SET n = row.props, n.id = row.id`);

/**
 * rows: [{id, targets}]; removes the record's edges of this type to nodes of the field's labels not in targets
 * (a finding's FOUND edge from an inspection is its `inspection` field's, one from a review its `review`'s).
 */
export const pruneEdges = (owner: string, type: string, direction: "OUT" | "IN", far: readonly string[]) =>
  memo(`bundle.prune.${checkLabel(owner)}.${checkType(type)}.${direction}.${far.map(checkLabel).join("|")}`, () => `
    UNWIND $rows AS row
    MATCH (a:${owner} {id: row.id})${direction === "OUT" ? `-[r:${type}]->` : `<-[r:${type}]-`}(b:${far.join("|")})
    WHERE NOT b.id IN row.targets
    DELETE r`);

/** rows: [{id, target}] */
export const mergeEdges = (owner: string, type: string, direction: "OUT" | "IN", target: string) =>
  memo(`bundle.edge.${checkLabel(owner)}.${checkType(type)}.${direction}.${checkLabel(target)}`, () => `
    UNWIND $rows AS row
    MATCH (a:${owner} {id: row.id})
    MATCH (b:${target} {id: row.target})
    MERGE ${direction === "OUT" ? `(a)-[:${type}]->(b)` : `(b)-[:${type}]->(a)`}`);

/** rows: [{id, target}] from records created by this write (no edge of theirs exists yet), each edge once. */
export const createEdges = (owner: string, type: string, direction: "OUT" | "IN", target: string) =>
  memo(`bundle.newEdge.${checkLabel(owner)}.${checkType(type)}.${direction}.${checkLabel(target)}`, () => `
    UNWIND $rows AS row
    MATCH (a:${owner} {id: row.id})
    MATCH (b:${target} {id: row.target})
    CREATE ${direction === "OUT" ? `(a)-[:${type}]->(b)` : `(b)-[:${type}]->(a)`}`);

/** rows: [{id, source, quote, locator}] of records created by this write, each source and quote once. */
export const createEvidence = (owner: string) =>
  memo(`bundle.evidence.create.${checkLabel(owner)}`, () => `
    UNWIND $rows AS row
    MATCH (a:${owner} {id: row.id})
    MATCH (s:Source {id: row.source})
    CREATE (a)-[:SUPPORTED_BY {quote: row.quote, locator: row.locator}]->(s)`);

/** rows: [{id, keys}] where keys are "sourceId\n quote" of the evidence to keep. */
export const pruneEvidence = (owner: string) =>
  memo(`bundle.evidence.prune.${checkLabel(owner)}`, () => `
    UNWIND $rows AS row
    MATCH (a:${owner} {id: row.id})-[e:SUPPORTED_BY]->(s:Source)
    WHERE NOT (s.id + '\n' + e.quote) IN row.keys
    DELETE e`);

/** rows: [{id, source, quote, locator}] */
export const mergeEvidence = (owner: string) =>
  memo(`bundle.evidence.merge.${checkLabel(owner)}`, () => `
    UNWIND $rows AS row
    MATCH (a:${owner} {id: row.id})
    MATCH (s:Source {id: row.source})
    MERGE (a)-[e:SUPPORTED_BY {quote: row.quote}]->(s)
    SET e.locator = row.locator`);

/** rows: [{from, to, key, props}] — a relationship with properties and its evidence as parallel lists. */
export const mergeRelationship = (fromLabel: string, type: string, toLabel: string) =>
  memo(`bundle.rel.${checkLabel(fromLabel)}.${checkType(type)}.${checkLabel(toLabel)}`, () => `
    UNWIND $rows AS row
    MATCH (a:${fromLabel} {id: row.from})
    MATCH (b:${toLabel} {id: row.to})
    MERGE (a)-[r:${type} {key: row.key}]->(b)
    SET r += row.props`);

/** A relationship's identity among its owner's relationships of one type, as pruneRelationships computes it. */
export const relationshipIdentity = (to: string, key: string) => `${to}|${key}`;

/** rows: [{id, keep}] where keep lists the relationshipIdentity of each relationship of this type to keep. */
export const pruneRelationships = (owner: string, type: string) =>
  memo(`bundle.relPrune.${checkLabel(owner)}.${checkType(type)}`, () => `
    UNWIND $rows AS row
    MATCH (a:${owner} {id: row.id})-[r:${type}]->(b)
    WHERE NOT (b.id + '|' + coalesce(r.key, '')) IN row.keep
    DELETE r`);

/** Node counts per label, from the count store (no scans). */
export const COUNT_BY_LABEL = memo("bundle.countByLabel", () =>
  LABELS.map((label) => `MATCH (n:${label}) RETURN '${label}' AS label, count(n) AS count`).join("\nUNION ALL\n"));

export const EXISTING_IDS = memo("bundle.existingIds", () => `
  UNWIND $ids AS id
  CALL (id) {
    ${nodeByAnyLabel("id")}
  }
  RETURN DISTINCT n.id AS found`);
