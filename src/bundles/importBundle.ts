/**
 * Import: read and validate the whole bundle, work out what would change, and — unless it is a dry run
 * or nothing changes — write it and its ChangeSet in one transaction. A failure in any batch (including
 * an onProgress callback that throws) rolls all of it back, ChangeSet included.
 */
import { changeSetForKey, checkReason, lockWrites, recordChangeSet, type ChangeRecord, type Idempotency, type Touched } from "../audit/changeSets.js";
import type { Database, QueryCounter } from "../db/gateway.js";
import { foldAugments, type RecordReader } from "./augment.js";
import { readRecords } from "./exportBundle.js";
import { diffBundle, hasChanges, type BundleDiff, type Reader } from "./diffBundle.js";
import { readBundles, recordCount, type LoadedBundle } from "./readBundle.js";
import { validateBundle, type KnownIds } from "./validateBundle.js";
import { countBatches, planBundleWrite, runSteps, type Progress } from "./writeBundle.js";
import { EXISTING_IDS } from "./writeQueries.js";

export type ImportOptions = {
  actor: string;
  role: string;
  reason: string;
  dryRun?: boolean;
  /** Called after each batch inside the transaction; throwing from it aborts and rolls back the import. */
  onProgress?: (progress: Progress) => void;
  /** A retried create: when this actor's key already has a ChangeSet, that is the answer and nothing is written. */
  idempotency?: Idempotency;
  /** The request's counter: its time limit, if any, becomes the transaction's timeout (past it, nothing is written). */
  counter?: QueryCounter;
};

export type ImportResult = {
  files: string[];
  records: number;
  dryRun: boolean;
  /** True only when the transaction wrote the bundle and its ChangeSet. */
  written: boolean;
  changeSetId: string | null;
  /** True when an earlier request with the same idempotency key had already made the change (changeSetId is its). */
  replayed?: boolean;
  /** Batches the write takes (or would take). */
  batches: number;
  diff: BundleDiff;
};

/** Reads the bases of augmenting records that the import does not carry from the graph (export's inverse mapping). */
export function recordsIn(db: Database): RecordReader {
  return (ids) => readRecords((query, params) => db.read(query, params), ids);
}

/** Resolves references to ids the bundle does not carry against the graph. */
export function knownIdsIn(db: Database): KnownIds {
  return async (ids) => new Set((await db.read(EXISTING_IDS, { ids })).map((row) => row.found as string));
}

export async function importBundles(db: Database, targets: string[], options: ImportOptions): Promise<ImportResult> {
  checkReason(options.reason);
  return importLoaded(db, readBundles(targets), { ...options, via: "cli", operation: `import ${targets.join(" ")}` });
}

/** The import of an already-read bundle: from files (CLI) or from a GraphQL mutation's input. */
/** An import (a whole seed load: 60,000 records and their ChangeSet in one transaction) may take minutes on a busy machine. */
const IMPORT_TIMEOUT_MS = 15 * 60_000;

export async function importLoaded(
  db: Database,
  loaded: LoadedBundle,
  options: ImportOptions & { via: ChangeRecord["via"]; operation: string },
): Promise<ImportResult> {
  const reason = checkReason(options.reason);
  await foldAugments(loaded, recordsIn(db));
  await validateBundle(loaded, knownIdsIn(db));
  const { bundle, files, owners } = loaded;
  // What the diff finds absent is created outright (the write runs under the write lock, after the diff).
  const planned = (diff: BundleDiff) => planBundleWrite(bundle, owners, new Set(diff.created));
  const base = {
    files,
    records: recordCount(bundle),
    dryRun: options.dryRun ?? false,
  };
  if (options.dryRun) {
    const diff = await diffBundle(bundle, (query, params) => db.read(query, params), owners);
    return { ...base, batches: countBatches(planned(diff)), written: false, changeSetId: null, diff };
  }
  return db.writeTransaction("bundle.import", async (tx) => {
    // Under the write lock, and diffed inside the transaction: the ChangeSet describes exactly what this
    // write changed, and a concurrent identical write, queued behind it, finds nothing left to change.
    await lockWrites(tx);
    const read: Reader = (query, params) => tx.run(query, params);
    if (options.idempotency) {
      const earlier = await changeSetForKey(read, options.actor, options.idempotency);
      if (earlier) {
        const diff = await diffBundle(bundle, read, owners);
        return { ...base, batches: countBatches(planned(diff)), written: false, changeSetId: earlier, replayed: true, diff };
      }
    }
    const diff = await diffBundle(bundle, read, owners);
    const steps = planned(diff);
    if (!hasChanges(diff)) return { ...base, batches: countBatches(steps), written: false, changeSetId: null, diff };
    await runSteps(tx, steps, options.onProgress);
    const changeSetId = await recordChangeSet(tx, {
      via: options.via,
      operation: options.operation,
      actor: options.actor,
      role: options.role,
      reason,
      summary: summarise(diff),
      touched: touchedBy(diff),
      idempotency: options.idempotency,
    });
    return { ...base, batches: countBatches(steps), written: true, changeSetId, diff };
  }, options.counter, IMPORT_TIMEOUT_MS);
}

/** Created and updated nodes; a changed or removed relationship counts as a change to the post that owns it. */
export function touchedBy(diff: BundleDiff): Touched[] {
  const touched = new Map<string, Touched>();
  for (const id of diff.created) touched.set(id, { id, change: "CREATED" });
  for (const id of diff.updated) touched.set(id, { id, change: "UPDATED" });
  const { created, updated, removed } = diff.relationships;
  for (const name of [...created, ...updated, ...removed]) {
    const from = name.slice(0, name.indexOf(" "));
    if (!touched.has(from)) touched.set(from, { id: from, change: "UPDATED" });
  }
  return [...touched.values()];
}

export function summarise(diff: BundleDiff): Record<string, number> {
  const summary: Record<string, number> = {
    created: diff.created.length,
    updated: diff.updated.length,
    unchanged: diff.unchanged.length,
    relationshipsCreated: diff.relationships.created.length,
    relationshipsUpdated: diff.relationships.updated.length,
    relationshipsRemoved: diff.relationships.removed.length,
  };
  for (const [name, counts] of Object.entries(diff.counts)) {
    if (counts.CREATED > 0) summary[`${name}.created`] = counts.CREATED;
    if (counts.UPDATED > 0) summary[`${name}.updated`] = counts.UPDATED;
    if ((counts.REMOVED ?? 0) > 0) summary[`${name}.removed`] = counts.REMOVED!;
  }
  return summary;
}
