/**
 * A large import (a bundle over IMPORT_LARGE_BYTES, e.g. a million nodes) in bounded memory: its files are
 * read a few at a time, never all at once, and written part by part, each part one transaction.
 *
 * 1. Validate, a file at a time: shapes, augments, per-record checks; what later files need (where each id is
 *    defined, references not yet resolved) is kept, the records are not. References to ids outside the bundle
 *    are looked up in the graph in batches. Nothing is written unless every file is valid.
 * 2. Nodes, part by part: each part's transaction diffs its records against the graph, journals what it will
 *    change (importJournal.ts), writes its created and updated nodes and links them to the ChangeSet.
 * 3. Links, part by part: owned edges, evidence and relationships, once every node they may point at exists.
 * 4. Commit: the ChangeSet becomes COMMITTED and the journal is dropped.
 *
 * Still all or nothing: a failure at any point (a bad batch, a callback that throws, Neo4j going away) rolls
 * back every part already written, and an import killed outright is rolled back by the next one. While it
 * runs, other writes are refused (CONFLICT, reason IMPORT_IN_PROGRESS); reads go on and may see it half done.
 * An augmenting record's base must be in the graph or in the same file.
 */
import fs from "node:fs";
import { checkReason, lockWrites, recordChangeSet, type ChangeRecord } from "../audit/changeSets.js";
import type { Database, NamedQuery, Params, Transaction } from "../db/gateway.js";
import { NODE_SECTIONS, RELATIONSHIP_SECTIONS } from "../model/graphMapping.js";
import { foldAugments } from "./augment.js";
import type { Bundle } from "./bundleSchema.js";
import { diffBundle, hasChanges, type BundleDiff, type StoredState } from "./diffBundle.js";
import {
  beginJournal, commitJournal, continuePart, discardJournal, heartbeat, journalPart, linkOnce, recoverInterruptedImport, rollBackJournal, touch,
} from "./importJournal.js";
import { knownIdsIn, recordsIn, summarise, touchedBy, type ImportOptions, type ImportResult } from "./importBundle.js";
import {
  BundleError, bundleFilesOf, emptyBundle, readBundleFiles, recordCount, relationshipOwners, type BundleProblem, type LoadedBundle, type ScopedFile,
} from "./readBundle.js";
import { BundleValidator } from "./validateBundle.js";
import { planBundleWriteParts, runSteps } from "./writeBundle.js";

export type LargeImportOptions = ImportOptions & {
  /** Records per part (one transaction each). */
  partRecords: number;
  /** An earlier import silent this long is taken as interrupted and rolled back first. */
  staleAfterSeconds: number;
  log?: (line: string) => void;
};

/** Rows per Cypher statement: larger than a small import's, since each part is a transaction of its own. */
const LARGE_BATCH = 5_000;
const PART_TIMEOUT_MS = 10 * 60_000;

/** Whether the bundle files under these targets add up to more than `largeBytes` (then importLarge, not importBundles). */
export function isLargeImport(targets: string[], largeBytes: number): boolean {
  return bundleFilesOf(targets).reduce((sum, { file }) => sum + fs.statSync(file).size, 0) > largeBytes;
}

export async function importLarge(db: Database, targets: string[], options: LargeImportOptions): Promise<ImportResult> {
  const reason = checkReason(options.reason);
  if (!options.dryRun) await recoverInterruptedImport(db, options.staleAfterSeconds, options.log);
  const { parts, partSizes, selfContained, relationships, owners, records, files } = await validateInParts(db, bundleFilesOf(targets), options);
  // Parts carry nodes only: relationship sections are stated per folder, so they are written once, at the end.
  const read = async (part: ScopedFile[]): Promise<LoadedBundle> => {
    const loaded = readBundleFiles(part, new Map(part.map((f) => [f.scope, new Set<keyof Bundle>()])));
    await foldAugments(loaded, recordsIn(db));
    for (const { section } of RELATIONSHIP_SECTIONS) (loaded.bundle[section] as unknown[]) = [];
    return loaded;
  };
  const base = { files, records, dryRun: options.dryRun ?? false, batches: parts.length * 2 + 3 };
  const diff = emptyDiff();
  const progress = stages(options, records);

  if (options.dryRun) {
    const reader = (query: NamedQuery, params: Params) => db.read(query, params);
    for (const [seq, part] of parts.entries()) {
      const loaded = await read(part);
      mergeDiff(diff, await diffBundle(loaded.bundle, reader, loaded.owners));
      progress("diffing", partSizes[seq]!);
    }
    mergeDiff(diff, await diffBundle(relationships, reader, owners));
    return { ...base, written: false, changeSetId: null, diff };
  }

  const change: ChangeRecord = { via: "cli", operation: `import ${targets.join(" ")}`, actor: options.actor, role: options.role, reason, summary: {}, touched: [] };
  const changeSetId = await db.writeTransaction("import.large.begin", async (tx) => {
    await lockWrites(tx);
    const id = await recordChangeSet(tx, change);
    await beginJournal(tx, id);
    return id;
  });
  /** One part's transaction: under the write lock, while the import still stands, with a sign of life first. */
  const inPart = async <T>(name: string, work: (tx: Transaction) => Promise<T>): Promise<T> => {
    await heartbeat(db, changeSetId);
    return db.writeTransaction(name, async (tx) => {
      await lockWrites(tx, changeSetId);
      await continuePart(tx, changeSetId);
      return work(tx);
    }, undefined, PART_TIMEOUT_MS);
  };
  try {
    for (const [seq, part] of parts.entries()) {
      const loaded = await read(part);
      mergeDiff(diff, await inPart("import.large.nodes", async (tx) => {
        const before: StoredState = { nodes: [], relationships: [] };
        const found = await diffBundle(loaded.bundle, (query, params) => tx.run(query, params), loaded.owners, before);
        await journalPart(tx, changeSetId, seq, found.created, before);
        const changed = new Set([...found.created, ...found.updated]);
        const { nodes, links } = planBundleWriteParts(onlyChanged(loaded.bundle, changed), loaded.owners, new Set(found.created));
        await runSteps(tx, nodes, undefined, LARGE_BATCH);
        // Everything its links point at exists already: written now, the part needs no second pass.
        if (selfContained[seq] && (await linkOnce(tx, changeSetId, seq))) await runSteps(tx, links, undefined, LARGE_BATCH);
        await touch(tx, changeSetId, touchedBy(found));
        return found;
      }));
      progress("writing nodes", partSizes[seq]!);
    }
    const created = new Set(diff.created);
    const changed = new Set([...diff.created, ...diff.updated]);
    for (const [seq, part] of parts.entries()) {
      const loaded = changed.size > 0 && !selfContained[seq] ? await read(part) : null;
      if (loaded) {
        await inPart("import.large.links", async (tx) => {
          if (!(await linkOnce(tx, changeSetId, seq))) return;
          await runSteps(tx, planBundleWriteParts(onlyChanged(loaded.bundle, changed), loaded.owners, created).links, undefined, LARGE_BATCH);
        });
      }
      progress("linking", partSizes[seq]!);
    }
    // Relationships, folder by folder as stated, once every node exists: their own journalled part.
    mergeDiff(diff, await inPart("import.large.relationships", async (tx) => {
      const before: StoredState = { nodes: [], relationships: [] };
      const found = await diffBundle(relationships, (query, params) => tx.run(query, params), owners, before);
      if (!hasChanges(found)) return found;
      await journalPart(tx, changeSetId, parts.length, [], before);
      await runSteps(tx, planBundleWriteParts(relationships, owners).links, undefined, LARGE_BATCH);
      // Each node once: a post created or updated by this import is touched already.
      await touch(tx, changeSetId, touchedBy(found).filter((t) => !changed.has(t.id)));
      return found;
    }));
    const stated = RELATIONSHIP_SECTIONS.reduce((n, { section }) => n + relationships[section].length, 0);
    options.onProgress?.({ done: stated, total: stated, step: "relationships", unit: "records" });
    if (!hasChanges(diff)) {
      await discardJournal(db, changeSetId);
      return { ...base, written: false, changeSetId: null, diff };
    }
    await commitJournal(db, changeSetId, summarise(diff));
    return { ...base, written: true, changeSetId, diff };
  } catch (error) {
    options.log?.(`Import failed, rolling back change set ${changeSetId}: ${(error as Error).message}`);
    try {
      await rollBackJournal(db, changeSetId, (error as Error).message ?? String(error));
    } catch (rollbackError) {
      // The journal stays: the next import (or a restart) rolls it back once this one is silent long enough.
      options.log?.(`Rolling back ${changeSetId} failed too (the next import will finish it): ${(rollbackError as Error).message}`);
    }
    throw error;
  }
}

/**
 * Pass 1: every file read, checked and let go; the files grouped into parts of about `partRecords` records.
 * Kept whole: the relationship sections (a few per post) and, per folder carrying one, the ids of the nodes whose
 * relationships it states in full, so those are diffed and written as one.
 */
async function validateInParts(db: Database, files: ScopedFile[], options: LargeImportOptions) {
  const validator = new BundleValidator();
  const unfolded: BundleProblem[] = [];
  const carried = new Map<number, Set<keyof Bundle>>();
  const ownerCandidates = new Map<number, Bundle>();
  const relationships = emptyBundle();
  const parts: ScopedFile[][] = [];
  const partSizes: number[] = [];
  /** Per part, the ids its records refer to that no earlier file defines: in the graph, or in a later part. */
  const waitingOn: Set<string>[] = [];
  let inCurrent = 0;
  let records = 0;
  for (const [index, file] of files.entries()) {
    try {
      const loaded = readBundleFiles([file]);
      try {
        await foldAugments(loaded, recordsIn(db));
      } catch (error) {
        if (!(error instanceof BundleError)) throw error;
        unfolded.push(...error.problems);
        continue;
      }
      const unresolved = validator.add(loaded);
      for (const [scope, sections] of loaded.carried) carried.set(scope, new Set([...(carried.get(scope) ?? []), ...sections]));
      keepRelationshipParts(loaded.bundle, relationships, ownerCandidates, file.scope);
      const count = recordCount(loaded.bundle);
      records += count;
      // A new part when this file would take the current one past its size (a file is never split).
      if (parts.length === 0 || (inCurrent > 0 && inCurrent + count > options.partRecords)) {
        parts.push([]);
        partSizes.push(0);
        inCurrent = 0;
      }
      parts.at(-1)!.push(file);
      partSizes[partSizes.length - 1]! += count;
      inCurrent += count;
      const waiting = (waitingOn[parts.length - 1] ??= new Set<string>());
      for (const id of unresolved) waiting.add(id);
    } catch (error) {
      if (!(error instanceof BundleError)) throw error;
      validator.report(error.problems);
    } finally {
      options.onProgress?.({ done: index + 1, total: files.length, step: "validating", unit: "files" });
    }
  }
  // Files are folded one at a time: a base in another file is not found, and the message says why.
  validator.report(unfolded.map((problem) => {
    const id = problem.message.match(/^augments "([^"]+)", which is neither/)?.[1];
    return id && validator.defines(id)
      ? { ...problem, message: `augments "${id}", whose base is in another file: in a large import an augmenting record must be in the same file as its base, or its base already in the graph` }
      : problem;
  }));
  await validator.finish(knownIdsIn(db));
  const owners = relationshipOwners([...ownerCandidates].map(([scope, bundle]) => ({ carried: carried.get(scope) ?? new Set(), bundle })));
  // A part referring only to itself, earlier parts and the graph links its records as it writes them.
  const selfContained = parts.map((_, k) => ![...(waitingOn[k] ?? [])].some((id) => validator.defines(id)));
  return { parts, partSizes, selfContained, relationships, owners, records, files: files.map((f) => f.file) };
}

/** Moves a file's relationship records into `relationships`, and notes (by id only) the nodes that may own some. */
function keepRelationshipParts(bundle: Bundle, relationships: Bundle, ownerCandidates: Map<number, Bundle>, scope: number): void {
  for (const { section } of RELATIONSHIP_SECTIONS) (relationships[section] as object[]).push(...(bundle[section] as object[]));
  const candidates = ownerCandidates.get(scope) ?? emptyBundle();
  ownerCandidates.set(scope, candidates);
  for (const { section, label } of NODE_SECTIONS) {
    if (!OWNER_LABELS.has(label)) continue;
    for (const record of bundle[section] as { id: string }[]) (candidates[section] as { id: string }[]).push({ id: record.id } as never);
  }
}

const OWNER_LABELS = new Set(RELATIONSHIP_SECTIONS.flatMap((spec) => spec.from.allowed));

/** The node records the diff found created or updated (the rest would write what is already there); other sections whole. */
function onlyChanged(bundle: Bundle, changed: ReadonlySet<string>): Bundle {
  const out = { ...bundle };
  for (const { section } of NODE_SECTIONS) {
    (out[section] as { id: string }[]) = (bundle[section] as { id: string }[]).filter((r) => changed.has(r.id));
  }
  return out;
}

function stages(options: LargeImportOptions, total: number) {
  const done = new Map<string, number>();
  return (step: string, records: number) => {
    done.set(step, (done.get(step) ?? 0) + records);
    options.onProgress?.({ done: done.get(step)!, total, step, unit: "records" });
  };
}

function emptyDiff(): BundleDiff {
  return { counts: {}, created: [], updated: [], unchanged: [], changes: {}, relationships: { created: [], updated: [], unchanged: [], removed: [] } };
}

function mergeDiff(into: BundleDiff, part: BundleDiff): void {
  for (const [name, counts] of Object.entries(part.counts)) {
    const target = (into.counts[name] ??= { CREATED: 0, UPDATED: 0, UNCHANGED: 0, ...(counts.REMOVED === undefined ? {} : { REMOVED: 0 }) });
    for (const [change, n] of Object.entries(counts) as [keyof typeof counts, number][]) target[change] = (target[change] ?? 0) + n;
  }
  for (const key of ["created", "updated", "unchanged"] as const) for (const id of part[key]) into[key].push(id);
  for (const key of ["created", "updated", "unchanged", "removed"] as const) for (const name of part.relationships[key]) into.relationships[key].push(name);
  Object.assign(into.changes, part.changes);
}

