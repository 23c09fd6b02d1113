/**
 * Export: one authority's subgraph as a bundle folder that re-imports into an empty database to the same
 * graph. The selection (bodies, posts, occupancies, memberships, inspections, interventions, meetings,
 * statements, post relationships) is closed over references: every node a record points to (a holder,
 * Ofsted, a theme, an evidence source, …) is exported too, so the folder is self-contained.
 * Records are rebuilt generically from graphMapping (the inverse of its props) and checked with bundleFile.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Plain } from "../db/convert.js";
import { plainToPartial } from "../model/partialDates.js";
import { cypher, type Database } from "../db/gateway.js";
import { notFound } from "../errors.js";
import { BUNDLE_SECTIONS, bundleFile, type Bundle } from "./bundleSchema.js";
import { readStoredNodes, readStoredRelationships, type Reader, type StoredNode, type StoredRelationship } from "./diffBundle.js";
import { NODE_SECTIONS, RELATIONSHIP_SECTIONS, type NodeSection, type RelationshipSection } from "../model/graphMapping.js";
import { labelOf, type Label } from "../model/labels.js";
import { emptyBundle, recordCount } from "./readBundle.js";
import { groupBy } from "../model/collections.js";

/** Which sections go in which file; every section appears exactly once. */
export const EXPORT_FILES: [string, (keyof Bundle)[]][] = [
  ["sources.json", ["sources"]],
  ["reference.json", ["serviceAreas", "judgementAreas", "themes"]],
  // Neighbours and successions are national reference data, never part of one authority's export (always empty);
  // deliveries and supports are exported for every organisation exported, so a re-import states them in full.
  ["organisations.json", ["organisations", "neighbours", "successions", "deliveries", "supports"]],
  ["people-and-posts.json", ["posts", "people", "occupancies", "identities"]],
  ["inspections.json", ["inspections", "judgements", "reviews"]],
  ["findings.json", ["findings"]],
  ["governance.json", ["memberships", "interventions", "meetings", "responsibilities", "accountabilities"]],
  ["statements.json", ["statements"]],
];

/** The authority's own records; everything they refer to is added by closure. */
const SELECT_AUTHORITY = cypher("export.selectAuthority", `
  MATCH (a:Organisation {id: $authorityId})
  WITH a, [a.id] + COLLECT { MATCH (b:Organisation)-[:PART_OF*1..]->(a) RETURN DISTINCT b.id } AS bodies
  WITH a, bodies, COLLECT { UNWIND bodies AS bid MATCH (p:Post)-[:IN]->(:Organisation {id: bid}) RETURN DISTINCT p.id } AS posts
  WITH a, bodies, posts,
       COLLECT { UNWIND posts AS pid MATCH (o:Occupancy)-[:OF]->(:Post {id: pid}) RETURN DISTINCT o.id } AS occupancies,
       COLLECT { UNWIND bodies AS bid MATCH (m:Membership)-[:OF]->(:Organisation {id: bid}) RETURN DISTINCT m.id } AS memberships,
       COLLECT { UNWIND bodies AS bid MATCH (m:Meeting)-[:OF]->(:Organisation {id: bid}) RETURN DISTINCT m.id } AS meetings,
       COLLECT { MATCH (i:Inspection)-[:OF]->(a) RETURN DISTINCT i.id } AS inspections,
       COLLECT { MATCH (v:Intervention)-[:TO]->(a) RETURN DISTINCT v.id } AS interventions,
       COLLECT { MATCH (r:Review)-[:OF]->(a) RETURN DISTINCT r.id } AS reviews
  WITH *,
       COLLECT { UNWIND inspections AS iid MATCH (:Inspection {id: iid})-[:JUDGED]->(j:Judgement) RETURN DISTINCT j.id } AS judgements,
       COLLECT { UNWIND inspections AS iid MATCH (:Inspection {id: iid})-[:FOUND]->(f:Finding) RETURN DISTINCT f.id }
         + COLLECT { UNWIND reviews AS rid MATCH (:Review {id: rid})-[:FOUND]->(f:Finding) RETURN DISTINCT f.id }
         + COLLECT { UNWIND meetings AS mid MATCH (:Meeting {id: mid})-[:FOUND]->(f:Finding) RETURN DISTINCT f.id } AS findings,
       COLLECT { UNWIND occupancies AS oid MATCH (p:Person)-[:HOLDS]->(:Occupancy {id: oid}) RETURN DISTINCT p.id }
         + COLLECT { UNWIND memberships AS mid MATCH (p:Person)-[:HOLDS]->(:Membership {id: mid}) RETURN DISTINCT p.id } AS people
  WITH *, COLLECT { UNWIND people AS pid MATCH (:Person {id: pid})-[:MADE]->(s:Statement) RETURN DISTINCT s.id } AS statements
  RETURN bodies + posts + occupancies + memberships + meetings + inspections + interventions + reviews + judgements + findings
         + people + statements AS ids, posts`);

export type ExportResult = { authorityId: string; outDir: string; files: string[]; records: number; ids: string[] };

export async function exportAuthority(db: Database, authorityId: string, outDir: string): Promise<ExportResult> {
  const read: Reader = (query, params) => db.read(query, params);
  const [selected] = labelOf(authorityId) === "Organisation" ? await db.read(SELECT_AUTHORITY, { authorityId }) : [];
  if (!selected) throw notFound(`No organisation with id "${authorityId}" in the graph`);
  const { nodes, relationships } = await closeWithRelationships(read, selected.ids as string[], selected.posts as string[]);
  const bundle = emptyBundle();
  for (const spec of NODE_SECTIONS) {
    const records = nodes.filter((n) => labelOf(n.id) === spec.label).map((n) => nodeRecord(spec, n));
    (bundle[spec.section] as object[]).push(...records.sort((a, b) => compare(a.id as string, b.id as string)));
  }
  for (const [spec, rows] of relationships) {
    const records = rows.map((r) => relationshipRecord(spec, r));
    const sortKey = (r: Record<string, unknown>) => [r[spec.from.field], r[spec.to.field], ...spec.key.map((k) => r[k])].join("|");
    records.sort((a, b) => compare(sortKey(a), sortKey(b)));
    (bundle[spec.section] as object[]).push(...records);
  }
  return { authorityId, outDir, ...writeFolder(bundle, outDir), ids: nodes.map((n) => n.id).sort(compare) };
}

/** Records with these ids as they stand in the graph (what an augmenting record is folded into). */
export async function readRecords(read: Reader, ids: string[]): Promise<Map<string, Record<string, unknown>>> {
  const records = new Map<string, Record<string, unknown>>();
  for (const [label, group] of groupBy(ids, (id) => labelOf(id) ?? "?")) {
    const spec = NODE_SECTIONS.find((s) => s.label === label);
    if (!spec) continue;
    for (const [id, node] of await readStoredNodes(read, spec.label, group)) records.set(id, nodeRecord(spec, node));
  }
  return records;
}

/**
 * The selection closed over references, with the responsibilities and accountabilities of every post in
 * it: the exported folder carries those sections, so on re-import it states them in full for each post it
 * defines — including another body's post that it only refers to — and must not leave any out.
 */
async function closeWithRelationships(read: Reader, selected: string[], posts: string[]) {
  const relationships = new Map<RelationshipSection, StoredRelationship[]>(RELATIONSHIP_SECTIONS.map((spec) => [spec, []]));
  const ownersRead = new Set<string>();
  const fetched = new Map<string, StoredNode>();
  let pending = [...posts, ...selected.filter((id) => labelOf(id) === "Organisation")];
  for (;;) {
    for (const spec of RELATIONSHIP_SECTIONS) relationships.get(spec)!.push(...(await readStoredRelationships(read, spec, ownedBy(spec, pending))));
    for (const id of pending) ownersRead.add(id);
    const refs = [...relationships.values()].flat().flatMap((r) => [r.from, r.to, ...((r.props.evidenceSources as string[]) ?? [])]);
    const nodes = await closeOver(read, [...selected, ...refs], fetched);
    pending = nodes.map((n) => n.id).filter((id) => OWNER_LABELS.has(labelOf(id)!) && !ownersRead.has(id));
    if (pending.length === 0) return { nodes, relationships };
  }
}

/**
 * Posts own responsibilities and accountabilities; councils own who delivers and supports their services;
 * a person record owns its identification with another.
 */
const OWNER_LABELS = new Set<Label>(["Post", "Organisation", "Person"]);
/** Neighbours and successions are national reference data: never read for one authority's export. */
const ownedBy = (spec: RelationshipSection, ids: string[]) =>
  spec.section === "neighbours" || spec.section === "successions" ? [] : ids.filter((id) => spec.from.allowed.includes(labelOf(id)!));

/**
 * Fetches the given nodes and, repeatedly, every node their edges and evidence refer to, into `fetched`
 * (nodes already there, from an earlier round, are not read again).
 */
async function closeOver(read: Reader, start: string[], fetched: Map<string, StoredNode>): Promise<StoredNode[]> {
  let pending = [...new Set(start)].filter((id) => !fetched.has(id));
  while (pending.length > 0) {
    for (const [label, ids] of groupBy(pending, (id) => labelOf(id) ?? "?")) {
      if (label === "?") throw new Error(`Cannot export ids of unknown kind: ${ids.join(", ")}`);
      const found = await readStoredNodes(read, label as Label, ids);
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length > 0) throw new Error(`Export refers to nodes that are not in the graph: ${missing.join(", ")}`);
      for (const [id, node] of found) fetched.set(id, node);
    }
    const refs = [...fetched.values()].flatMap((n) => [...Object.values(n.edges).flat(), ...n.evidence.map((e) => e.source)]);
    pending = [...new Set(refs)].filter((id) => !fetched.has(id));
  }
  return [...fetched.values()];
}

/** The inverse of spec.props: dates back to partial dates, defaults and nulls dropped, edges and evidence as fields. */
function nodeRecord(spec: NodeSection, node: StoredNode): Record<string, unknown> {
  const record: Record<string, unknown> = { id: node.id };
  Object.assign(record, recordProps(Object.keys(spec.props({})), node.props));
  for (const edge of spec.edges) {
    const targets = [...new Set(node.edges[edge.field] ?? [])].sort(compare);
    if (isListField(spec.section, edge.field)) record[edge.field] = targets;
    else if (targets.length > 0) record[edge.field] = targets[0];
  }
  const evidence = [...node.evidence]
    .sort((a, b) => compare(`${a.source}\n${a.quote}`, `${b.source}\n${b.quote}`))
    .map((e) => (e.locator ? { source: e.source, quote: e.quote, locator: e.locator } : { source: e.source, quote: e.quote }));
  if (evidence.length > 0) record.evidence = evidence;
  return completeNullable(spec.section, dropEmptyLists(record));
}

function relationshipRecord(spec: RelationshipSection, rel: StoredRelationship): Record<string, unknown> {
  const props = rel.props;
  const fields = [...spec.key, ...(spec.props ?? []), "start", "startPrecision", "end", "endPrecision", "inferred", "inferredFrom", "note"];
  const sources = (props.evidenceSources as string[] | null) ?? [];
  const quotes = (props.evidenceQuotes as string[] | null) ?? [];
  const locators = (props.evidenceLocators as string[] | null) ?? [];
  return {
    [spec.from.field]: rel.from,
    [spec.to.field]: rel.to,
    ...recordProps(fields, props),
    evidence: sources.map((source, i) => (locators[i] ? { source, quote: quotes[i], locator: locators[i] } : { source, quote: quotes[i] })),
  };
}

function recordProps(keys: string[], props: Record<string, Plain>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const base = key.endsWith("Precision") ? key.slice(0, -"Precision".length) : null;
    if (base !== null && keys.includes(base)) continue;
    const value = props[key] ?? null;
    if (keys.includes(`${key}Precision`)) {
      const precision = props[`${key}Precision`] ?? null;
      if (Array.isArray(value)) out[key] = value.map((d, i) => plainToPartial(d as string, (precision as string[])[i] ?? null));
      else if (value !== null) out[key] = plainToPartial(value as string, precision as string | null);
    } else if (!(key === "inferred" && value === false) && value !== null) {
      out[key] = value;
    }
  }
  return out;
}

function dropEmptyLists(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => !(Array.isArray(v) && v.length === 0)));
}

/** Fields the format requires but allows null (a source's publisher, an unnamed person's name) are written as null. */
function completeNullable(section: keyof Bundle, record: Record<string, unknown>): Record<string, unknown> {
  for (const [field, schema] of Object.entries(recordShape(section))) {
    if (!(field in record) && schema instanceof z.ZodNullable) record[field] = null;
  }
  return record;
}

function recordShape(section: keyof Bundle): z.ZodRawShape {
  let element: z.ZodTypeAny = bundleFile.shape[section].unwrap().element;
  if (element instanceof z.ZodEffects) element = element.innerType();
  return (element as z.AnyZodObject).shape;
}

function isListField(section: keyof Bundle, field: string): boolean {
  let schema: z.ZodTypeAny | undefined = recordShape(section)[field];
  while (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
    schema = schema instanceof z.ZodDefault ? schema.removeDefault() : schema.unwrap();
  }
  return schema instanceof z.ZodArray;
}

function writeFolder(bundle: Bundle, outDir: string): { files: string[]; records: number } {
  const covered = EXPORT_FILES.flatMap(([, sections]) => sections).sort();
  if (covered.join() !== [...BUNDLE_SECTIONS].sort().join()) throw new Error("EXPORT_FILES must name every bundle section once");
  fs.mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  let records = 0;
  for (const [name, sections] of EXPORT_FILES) {
    const content = Object.fromEntries(sections.filter((s) => bundle[s].length > 0).map((s) => [s, bundle[s]]));
    // Fail here, not on re-import, if the inverse mapping ever drifts from the format.
    const parsed = bundleFile.safeParse(content);
    if (!parsed.success) throw new Error(`Export produced an invalid ${name}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    records += recordCount(content);
    // Every file is always written, so a re-export replaces stale sections of an earlier one.
    fs.writeFileSync(path.join(outDir, name), `${JSON.stringify(content, null, 2)}\n`);
    files.push(path.join(outDir, name));
  }
  return { files, records };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
