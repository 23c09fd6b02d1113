/**
 * Change detection: what importing a validated bundle would do to each record — CREATED (id absent),
 * UPDATED (properties, owned edges or evidence differ) or UNCHANGED — and which relationships it would
 * REMOVE (those from its posts that a section it carries no longer lists). It compares exactly what
 * writeBundle writes (graphMapping's props, edges and evidence; relationshipRow for relationship
 * sections), read back in batches through the gateway. The stored-record reads are shared with export.
 */
import { isDeepStrictEqual } from "node:util";
import { toPlain, type Plain } from "../db/convert.js";
import { cypher, type NamedQuery, type Params, type Row } from "../db/gateway.js";
import type { Bundle } from "./bundleSchema.js";
import {
  NODE_SECTIONS, RELATIONSHIP_SECTIONS, targetsOf, type NodeSection, type RelationshipOwners, type RelationshipSection,
} from "../model/graphMapping.js";
import type { Label } from "../model/labels.js";
import { relationshipRow } from "./writeBundle.js";

/** Runs a read: db.read outside a transaction, or tx.run inside one (so a diff sees what the write will see). */
export type Reader = (query: NamedQuery, params: Params) => Promise<Row[]>;

export type StoredEvidence = { source: string; quote: string; locator: string | null };
export type StoredNode = {
  id: string;
  props: Record<string, Plain>;
  /** Target ids per edge field of the section's spec (e.g. themes → ["theme:…"]). */
  edges: Record<string, string[]>;
  evidence: StoredEvidence[];
};
export type StoredRelationship = { from: string; to: string; key: string; props: Record<string, Plain> };

const FIELD_PATTERN = /^[A-Za-z][A-Za-z0-9]*$/;

/** One read per label: properties, the owned edges (one list per field) and SUPPORTED_BY evidence. */
const READ_NODES = new Map<Label, NamedQuery>(
  NODE_SECTIONS.map((spec) => {
    const edges = spec.edges.map((edge) => {
      if (!FIELD_PATTERN.test(edge.field)) throw new Error(`Bad edge field ${edge.field}`);
      const far = `(b:${edge.allowed.join("|")})`;
      const pattern = edge.direction === "OUT" ? `(n)-[:${edge.type}]->${far}` : `(n)<-[:${edge.type}]-${far}`;
      return `${edge.field}: [${pattern} | b.id]`;
    });
    return [spec.label, cypher(`bundle.read.${spec.label}`, `
      UNWIND $ids AS id
      MATCH (n:${spec.label} {id: id})
      RETURN n.id AS id, properties(n) AS props, {${edges.join(", ")}} AS edges,
             [(n)-[e:SUPPORTED_BY]->(s:Source) | {source: s.id, quote: e.quote, locator: e.locator}] AS evidence`)];
  }),
);

/** One read per relationship type and owner label: every such relationship leaving the given nodes. */
const READ_RELATIONSHIPS = new Map<string, NamedQuery>(
  RELATIONSHIP_SECTIONS.flatMap((spec) =>
    spec.from.allowed.map((label) => [`${spec.type}|${label}`, cypher(`bundle.readRel.${label}.${spec.type}`, `
      UNWIND $ids AS id
      MATCH (a:${label} {id: id})-[r:${spec.type}]->(b)
      RETURN a.id AS from, b.id AS to, r.key AS key, properties(r) AS props`)] as const),
  ),
);

/** Ids per read: records are small and most of a large import's are absent, so reads take more than a write batch. */
const READ_BATCH = 2_000;

async function inBatches(ids: string[], read: (batch: string[]) => Promise<Row[]>): Promise<Row[]> {
  const rows: Row[] = [];
  for (let offset = 0; offset < ids.length; offset += READ_BATCH) {
    for (const row of await read(ids.slice(offset, offset + READ_BATCH))) rows.push(row);
  }
  return rows;
}

export async function readStoredNodes(read: Reader, label: Label, ids: string[]): Promise<Map<string, StoredNode>> {
  const query = READ_NODES.get(label)!;
  const rows = await inBatches([...new Set(ids)], (batch) => read(query, { ids: batch }));
  return new Map(rows.map((row) => [row.id as string, row as unknown as StoredNode]));
}

export async function readStoredRelationships(read: Reader, spec: RelationshipSection, fromIds: string[]): Promise<StoredRelationship[]> {
  const rows: Row[] = [];
  for (const label of spec.from.allowed) {
    const query = READ_RELATIONSHIPS.get(`${spec.type}|${label}`)!;
    rows.push(...(await inBatches([...new Set(fromIds)], (batch) => read(query, { ids: batch }))));
  }
  return rows as unknown as StoredRelationship[];
}

export type Change = "CREATED" | "UPDATED" | "UNCHANGED" | "REMOVED";
/** REMOVED is counted for relationship types only: a bundle never deletes nodes. */
export type ChangeCounts = Record<Exclude<Change, "REMOVED">, number> & { REMOVED?: number };
export type BundleDiff = {
  /** By node label, and by relationship type for the relationship sections. */
  counts: Record<string, ChangeCounts>;
  created: string[];
  updated: string[];
  unchanged: string[];
  /** For each UPDATED id or relationship: what differs ("props.summary", "edges.themes", "evidence"). */
  changes: Record<string, string[]>;
  /** Relationships named "post:a -[ACCOUNTABLE_TO MANAGERIAL]-> post:b". */
  relationships: { created: string[]; updated: string[]; unchanged: string[]; removed: string[] };
};

export function hasChanges(diff: BundleDiff): boolean {
  const { created, updated, removed } = diff.relationships;
  return diff.created.length + diff.updated.length + created.length + updated.length + removed.length > 0;
}

export function relationshipName(type: string, from: string, to: string, key: string): string {
  return `${from} -[${key ? `${type} ${key}` : type}]-> ${to}`;
}

/** What was stored before a change, as the diff read it: enough to put it back (a large import's journal). */
export type StoredState = {
  nodes: { label: Label; node: StoredNode }[];
  relationships: { type: string; from: string[]; stored: StoredRelationship[] }[];
};

/**
 * `owners`: whose relationships the bundle states in full (LoadedBundle.owners). `before`, when given, receives
 * the stored state of every node the bundle would update and of every relationship section it reads.
 */
export async function diffBundle(bundle: Bundle, read: Reader, owners: RelationshipOwners, before?: StoredState): Promise<BundleDiff> {
  const diff: BundleDiff = {
    counts: {}, created: [], updated: [], unchanged: [], changes: {},
    relationships: { created: [], updated: [], unchanged: [], removed: [] },
  };
  const tally = (name: string, change: Change, relationship = false) => {
    diff.counts[name] ??= relationship ? { CREATED: 0, UPDATED: 0, UNCHANGED: 0, REMOVED: 0 } : { CREATED: 0, UPDATED: 0, UNCHANGED: 0 };
    diff.counts[name][change] = (diff.counts[name][change] ?? 0) + 1;
  };
  for (const spec of NODE_SECTIONS) {
    const records = bundle[spec.section] as unknown as (Record<string, unknown> & { id: string })[];
    if (records.length === 0) continue;
    const stored = await readStoredNodes(read, spec.label, records.map((r) => r.id));
    for (const record of records) {
      const existing = stored.get(record.id);
      const differences = existing ? nodeDifferences(spec, record, existing) : [];
      const change: Change = !existing ? "CREATED" : differences.length > 0 ? "UPDATED" : "UNCHANGED";
      tally(spec.label, change);
      diff[change === "CREATED" ? "created" : change === "UPDATED" ? "updated" : "unchanged"].push(record.id);
      if (change === "UPDATED") {
        diff.changes[record.id] = differences;
        before?.nodes.push({ label: spec.label, node: existing! });
      }
    }
  }
  for (const spec of RELATIONSHIP_SECTIONS) {
    const records = bundle[spec.section] as unknown as Record<string, unknown>[];
    const owned = new Set((owners.get(spec) ?? []).map((owner) => owner.id));
    if (records.length === 0 && owned.size === 0) continue;
    const rows = records.map((r) => relationshipRow(r, spec));
    const from = [...new Set([...rows.map((row) => row.from as string), ...owned])];
    const stored = await readStoredRelationships(read, spec, from);
    before?.relationships.push({ type: spec.type, from, stored });
    const byName = new Map(stored.map((s) => [relationshipName(spec.type, s.from, s.to, s.key ?? ""), s]));
    const listed = new Set(rows.map((row) => relationshipName(spec.type, row.from as string, row.to as string, row.key)));
    for (const [name, existing] of byName) {
      if (owned.has(existing.from) && !listed.has(name)) {
        tally(spec.type, "REMOVED", true);
        diff.relationships.removed.push(name);
      }
    }
    for (const row of rows) {
      const name = relationshipName(spec.type, row.from as string, row.to as string, row.key);
      const existing = byName.get(name);
      const differences = existing ? propDifferences(row.props, existing.props) : [];
      const change: Change = !existing ? "CREATED" : differences.length > 0 ? "UPDATED" : "UNCHANGED";
      tally(spec.type, change, true);
      diff.relationships[change === "CREATED" ? "created" : change === "UPDATED" ? "updated" : "unchanged"].push(name);
      if (change === "UPDATED") diff.changes[name] = differences;
    }
  }
  return diff;
}

function nodeDifferences(spec: NodeSection, record: Record<string, unknown>, stored: StoredNode): string[] {
  const differences = propDifferences(spec.props(record), stored.props);
  for (const edge of spec.edges) {
    const expected = [...new Set(targetsOf(record, edge.field))].sort();
    const actual = [...new Set(stored.edges[edge.field] ?? [])].sort();
    if (!isDeepStrictEqual(expected, actual)) differences.push(`edges.${edge.field}`);
  }
  // writeBundle only touches evidence of records that carry an evidence list.
  if (Array.isArray(record.evidence)) {
    const items = record.evidence as { source: string; quote: string; locator?: string }[];
    // Later items win, as SET e.locator does when a source and quote repeat.
    const expected = [...new Map(items.map((e) => [`${e.source}\n${e.quote}`, e.locator ?? null])).entries()].map(([k, l]) => `${k}\n${l}`);
    const actual = stored.evidence.map((e) => `${e.source}\n${e.quote}\n${e.locator ?? null}`);
    if (!isDeepStrictEqual([...new Set(expected)].sort(), [...new Set(actual)].sort())) differences.push("evidence");
  }
  return differences;
}

/** Compares only what SET n += props writes: a null is a removal, so it matches an absent property. */
function propDifferences(expected: Record<string, unknown>, stored: Record<string, Plain>): string[] {
  return Object.entries(expected)
    .filter(([key, value]) => !isDeepStrictEqual(toPlain(value), stored[key] ?? null))
    .map(([key]) => `props.${key}`);
}
