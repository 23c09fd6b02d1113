/**
 * Folding augmenting records ("augments": true) into the records they add to, before validation: one
 * real-world thing stays one node when a second source describes it. The base is the record with the same
 * id elsewhere in the import (another seed folder) or, failing that, in the graph. Evidence from the
 * augmenting record's sources replaces the base's evidence from those sources (a re-read report updates its
 * own quotes and keeps everyone else's); dates sharpen the base's and must fall within them; lists are
 * joined; identity fields (grade, authority, the inspection judged…) must agree; everything else is the base's.
 */
import { partialRange } from "../model/partialDates.js";
import { BundleError, type BundleProblem, type LoadedBundle } from "./readBundle.js";
import { NODE_SECTIONS } from "../model/graphMapping.js";

type AnyRecord = Record<string, unknown> & { id: string; augments?: true };
type Evidence = { source: string; quote: string; locator?: string };

/** Reads the records with these ids from the graph, as bundle records (export's inverse mapping). */
export type RecordReader = (ids: string[]) => Promise<Map<string, Record<string, unknown>>>;

const DATE_FIELDS = ["start", "end", "published", "issued", "lifted", "date"];
/** Fields that say which thing a record is: an augmenting record that disagrees on one describes something else. */
const MUST_AGREE = ["grade", "authority", "by", "inspection", "area", "status", "person", "post", "body"];
/** The generic kind a news text gives an inspection when it does not name the framework. */
const GENERIC_KIND = "INSPECTION";
/** Where a finding comes from: exactly one of these (the bundle schema checks each record; this, the merged one). */
const FINDING_ORIGINS = ["inspection", "review", "meeting"];

export async function foldAugments(loaded: LoadedBundle, readGraph?: RecordReader): Promise<void> {
  const missing = NODE_SECTIONS.flatMap((spec) => {
    const records = loaded.bundle[spec.section] as unknown as AnyRecord[];
    const defined = new Set(records.filter((r) => r.augments !== true).map((r) => r.id));
    return records.filter((r) => r.augments === true && !defined.has(r.id)).map((r) => r.id);
  });
  const fromGraph = missing.length > 0 && readGraph ? await readGraph([...new Set(missing)]) : new Map<string, Record<string, unknown>>();
  foldAugmentsWith(loaded, fromGraph);
}

/** The fold with the bases outside the import already read (none, for the seed folders on their own). */
export function foldAugmentsWith(loaded: LoadedBundle, fromGraph: Map<string, Record<string, unknown>> = new Map()): void {
  const problems: BundleProblem[] = [];
  for (const spec of NODE_SECTIONS) {
    const records = loaded.bundle[spec.section] as unknown as AnyRecord[];
    if (!records.some((r) => r.augments === true)) continue;
    const bases = new Map(records.filter((r) => r.augments !== true).map((r) => [r.id, r]));
    const kept: AnyRecord[] = [];
    const replaced = new Map<AnyRecord, AnyRecord>();
    for (const record of records) {
      if (record.augments !== true) {
        kept.push(record);
        continue;
      }
      const origin = loaded.origins.get(record) ?? { file: "(unknown)", path: "$" };
      const inBundle = bases.get(record.id);
      const base = (inBundle && (replaced.get(inBundle) ?? inBundle)) ?? (fromGraph.get(record.id) as AnyRecord | undefined);
      if (!base) {
        problems.push({ ...origin, message: `augments "${record.id}", which is neither in the import nor in the graph` });
        continue;
      }
      const conflicts: string[] = [];
      const merged = mergeRecords(base, record, conflicts);
      // A finding comes from one event: an augment naming another (a review for an inspection's finding) contradicts it.
      const origins = FINDING_ORIGINS.filter((field) => merged[field] !== undefined && merged[field] !== null);
      if (spec.section === "findings" && origins.length > 1) conflicts.push(`a finding comes from one event only, not both ${origins.join(" and ")}`);
      if (conflicts.length > 0) {
        problems.push({ ...origin, message: `augments "${record.id}" but contradicts it: ${conflicts.join("; ")}` });
        continue;
      }
      if (inBundle) {
        replaced.set(inBundle, merged);
        loaded.origins.set(merged, loaded.origins.get(inBundle)!);
      } else {
        // A base from the graph: the merged record is written in place of the augmenting one.
        bases.set(merged.id, merged);
        replaced.set(merged, merged);
        kept.push(merged);
        loaded.origins.set(merged, origin);
      }
    }
    (loaded.bundle[spec.section] as unknown as AnyRecord[]) = kept.map((r) => replaced.get(r) ?? r);
  }
  if (problems.length > 0) throw new BundleError(problems);
}

export function mergeRecords(base: AnyRecord, augment: AnyRecord, conflicts: string[]): AnyRecord {
  const merged: AnyRecord = { ...base };
  delete merged.augments;
  for (const [field, value] of Object.entries(augment)) {
    if (field === "id" || field === "augments" || value === undefined) continue;
    const current = base[field];
    if (field === "evidence") {
      const sources = new Set((value as Evidence[]).map((e) => e.source));
      merged.evidence = [...((current as Evidence[] | undefined) ?? []).filter((e) => !sources.has(e.source)), ...(value as Evidence[])];
    } else if (current === undefined || current === null) {
      merged[field] = value;
    } else if (DATE_FIELDS.includes(field)) {
      const sharper = sharpen(current as string, value as string);
      if (sharper === null) conflicts.push(`${field} ${String(value)} is not within ${String(current)}`);
      else merged[field] = sharper;
    } else if (Array.isArray(current)) {
      merged[field] = [...new Set([...(current as unknown[]), ...(value as unknown[])])];
    } else if (field === "kind" && current !== value) {
      if (current !== GENERIC_KIND) conflicts.push(`kind ${String(value)} is not ${String(current)}`);
      else {
        // The report names the framework the news text did not: its kind, and how it was told, replace the generic one.
        merged.kind = value;
        if (augment.inferred) Object.assign(merged, { inferred: true, inferredFrom: augment.inferredFrom });
      }
    } else if (field === "note") {
      const joined = `${String(current)} ${String(value)}`;
      if (!String(current).includes(String(value)) && joined.length <= 500) merged.note = joined;
    } else if (MUST_AGREE.includes(field) && current !== value) {
      conflicts.push(`${field} ${String(value)} is not ${String(current)}`);
    }
  }
  return merged;
}

/** The sharper of two partial dates when one lies within the other ("2019-07-01" within "2019"); null when they disagree. */
export function sharpen(a: string, b: string): string | null {
  const [aFrom, aTo] = partialRange(a);
  const [bFrom, bTo] = partialRange(b);
  if (bFrom >= aFrom && bTo <= aTo) return b;
  if (aFrom >= bFrom && aTo <= bTo) return a;
  return null;
}
