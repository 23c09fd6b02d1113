/**
 * Plans the write of a validated bundle, run in one transaction by importBundle: nodes first (batched
 * UNWIND/MERGE by id), then the edges each record owns (stale ones pruned so an updated bundle changes
 * only what differs), then evidence, then relationships with properties (those a carried section no
 * longer lists removed first). All or nothing.
 */
import type { Database, NamedQuery, Transaction } from "../db/gateway.js";
import { groupBy } from "../model/collections.js";
import type { Bundle } from "./bundleSchema.js";
import { dateProps, NODE_SECTIONS, RELATIONSHIP_SECTIONS, targetsOf, type NodeSection, type RelationshipOwners } from "../model/graphMapping.js";
import { labelOf } from "../model/labels.js";
import * as q from "./writeQueries.js";

export const BATCH_SIZE = 500;

type AnyRecord = Record<string, unknown> & { id: string };
export type Step = { query: NamedQuery; rows: Record<string, unknown>[] };
/** `unit`, when given, names what done and total count and `step` the stage (a large import's files, then records). */
export type Progress = { done: number; total: number; step: string; unit?: string };

/** `owners`: whose relationships the bundle states in full (LoadedBundle.owners); theirs not listed are removed. */
export function planBundleWrite(bundle: Bundle, owners: RelationshipOwners, created?: ReadonlySet<string>): Step[] {
  const { nodes, links } = planBundleWriteParts(bundle, owners, created);
  return [...nodes, ...links];
}

/**
 * The write in two parts: the nodes, then what links them (owned edges, evidence, relationships), which needs
 * every node it links to written first (a large import writes every part's nodes before any links). Records in
 * `created` (the diff found them absent, under the write lock) are created outright, with nothing to prune.
 */
export function planBundleWriteParts(bundle: Bundle, owners: RelationshipOwners, created: ReadonlySet<string> = new Set()): { nodes: Step[]; links: Step[] } {
  const nodes: Step[] = [];
  const edges: Step[] = [];
  const evidence: Step[] = [];
  for (const spec of NODE_SECTIONS) {
    const all = bundle[spec.section] as unknown as AnyRecord[];
    for (const [fresh, records] of [[false, all.filter((r) => !created.has(r.id))], [true, all.filter((r) => created.has(r.id))]] as const) {
      if (records.length === 0) continue;
      const planned = planRecords(spec, records, fresh);
      nodes.push(planned.node);
      edges.push(...planned.edges);
      evidence.push(...planned.evidence);
    }
  }
  const relationships: Step[] = [];
  for (const [spec, specOwners] of owners) {
    const listed = groupBy(
      (bundle[spec.section] as unknown as Record<string, unknown>[]).map((r) => relationshipRow(r, spec)),
      (row) => row.from as string,
    );
    for (const [label, group] of groupBy(specOwners, (owner) => owner.label)) {
      relationships.push({
        query: q.pruneRelationships(label, spec.type),
        rows: [...new Set(group.map((owner) => owner.id))].map((id) => ({
          id,
          keep: (listed.get(id) ?? []).map((row) => q.relationshipIdentity(row.to as string, row.key)),
        })),
      });
    }
  }
  for (const spec of RELATIONSHIP_SECTIONS) {
    const records = bundle[spec.section] as unknown as Record<string, unknown>[];
    const grouped = groupBy(records, (r) => `${labelOf(r[spec.from.field] as string)}|${labelOf(r[spec.to.field] as string)}`);
    for (const [pair, group] of grouped) {
      const [fromLabel, toLabel] = pair.split("|") as [string, string];
      relationships.push({
        query: q.mergeRelationship(fromLabel, spec.type, toLabel),
        rows: group.map((r) => relationshipRow(r, spec)),
      });
    }
  }
  return { nodes, links: [...edges, ...evidence, ...relationships] };
}

/** The steps of one section's records: `fresh` ones are new (CREATE, each edge and piece of evidence once). */
function planRecords(spec: NodeSection, records: AnyRecord[], fresh: boolean): { node: Step; edges: Step[]; evidence: Step[] } {
  const node = { query: fresh ? q.createNodes(spec.label) : q.upsertNodes(spec.label), rows: records.map((r) => ({ id: r.id, props: spec.props(r) })) };
  return { node, ...planRecordLinks(spec, records, fresh) };
}

/**
 * The owned edges and evidence of one section's records, as they state them (an import's records; a large
 * import's snapshots when it puts updated nodes back): `fresh` records are new, with nothing to prune.
 */
export function planRecordLinks(spec: NodeSection, records: AnyRecord[], fresh: boolean): { edges: Step[]; evidence: Step[] } {
  const edges: Step[] = [];
  for (const edge of spec.edges) {
    if (!fresh) {
      edges.push({
        query: q.pruneEdges(spec.label, edge.type, edge.direction, edge.allowed),
        rows: records.map((r) => ({ id: r.id, targets: targetsOf(r, edge.field) })),
      });
    }
    const byTargetLabel = groupBy(
      records.flatMap((r) => [...new Set(targetsOf(r, edge.field))].map((target) => ({ id: r.id, target }))),
      (row) => labelOf(row.target)!,
    );
    for (const [targetLabel, rows] of byTargetLabel) {
      edges.push({ query: (fresh ? q.createEdges : q.mergeEdges)(spec.label, edge.type, edge.direction, targetLabel), rows });
    }
  }
  const evidence: Step[] = [];
  const withEvidence = records.filter((r) => Array.isArray(r.evidence));
  if (withEvidence.length > 0) {
    const items = (r: AnyRecord) => r.evidence as { source: string; quote: string; locator?: string }[];
    if (!fresh) {
      evidence.push({
        query: q.pruneEvidence(spec.label),
        rows: withEvidence.map((r) => ({ id: r.id, keys: items(r).map((e) => `${e.source}\n${e.quote}`) })),
      });
    }
    // One per source and quote, the later locator winning (as MERGE then SET does).
    const rows = withEvidence.flatMap((r) => [
      ...new Map(items(r).map((e) => [`${e.source}\n${e.quote}`, { id: r.id, source: e.source, quote: e.quote, locator: e.locator ?? null }])).values(),
    ]);
    evidence.push({ query: fresh ? q.createEvidence(spec.label) : q.mergeEvidence(spec.label), rows });
  }
  return { edges, evidence };
}

/** The row mergeRelationship writes for one responsibility/accountability record (also what diffBundle compares). */
export function relationshipRow(r: Record<string, unknown>, spec: (typeof RELATIONSHIP_SECTIONS)[number]) {
  const evidence = r.evidence as { source: string; quote: string }[];
  const extra = Object.fromEntries([...spec.key, ...(spec.props ?? [])].map((k) => [k, r[k]]));
  return {
    from: r[spec.from.field],
    to: r[spec.to.field],
    key: spec.key.map((k) => String(r[k])).join("|"),
    props: {
      ...extra,
      ...dateProps(r, "start", "end"),
      inferred: (r.inferred as boolean | undefined) ?? false,
      inferredFrom: r.inferredFrom ?? null,
      note: r.note ?? null,
      evidenceSources: evidence.map((e) => e.source),
      evidenceQuotes: evidence.map((e) => e.quote),
      evidenceLocators: evidence.map((e) => (e as { locator?: string }).locator ?? ""),
    },
  };
}

/** How many batches runSteps will send for these steps (the progress total). */
export function countBatches(steps: Step[]): number {
  return steps.reduce((sum, s) => sum + Math.ceil(s.rows.length / BATCH_SIZE), 0);
}

/** Runs the steps in batches inside one transaction (or the caller's), reporting progress. */
export async function runSteps(
  tx: Transaction,
  steps: Step[],
  onProgress?: (progress: Progress) => void,
  batchSize = BATCH_SIZE,
): Promise<void> {
  const total = countBatches(steps);
  let done = 0;
  for (const step of steps) {
    for (let offset = 0; offset < step.rows.length; offset += batchSize) {
      await tx.run(step.query, { rows: step.rows.slice(offset, offset + batchSize) });
      done += 1;
      onProgress?.({ done, total, step: step.query.name });
    }
  }
}

export async function countByLabel(db: Database): Promise<Record<string, number>> {
  const rows = await db.read(q.COUNT_BY_LABEL);
  return Object.fromEntries(rows.map((row) => [row.label as string, row.count as number]));
}
