/**
 * The journal of a large import, which writes in many transactions: all or nothing all the same. Each part's
 * transaction also records what it is about to change (ImportJournal: the ids it creates; ImportSnapshot: a
 * copy of every node and relationship it updates, property types kept), so a failure, or a crash found later,
 * puts the graph back: snapshots restored, created nodes deleted, newest part first. The ChangeSet says what
 * happened (status IN_PROGRESS, COMMITTED or ROLLED_BACK, with the error), and the write lock names the import
 * while it runs, so no other change interleaves with it.
 */
import { importInProgress, lockWrites, type Touched } from "../audit/changeSets.js";
import { AppError } from "../errors.js";
import { cypher, type Database, type NamedQuery, type Transaction } from "../db/gateway.js";
import { groupBy } from "../model/collections.js";
import { NODE_SECTIONS, RELATIONSHIP_SECTIONS } from "../model/graphMapping.js";
import { labelOf, type Label } from "../model/labels.js";
import type { StoredState } from "./diffBundle.js";
import { planRecordLinks, runSteps, type Step } from "./writeBundle.js";
import { memo } from "./writeQueries.js";

const BATCH = 5_000;
/** Properties of a snapshot that are the journal's, not the copied node's or relationship's. */
const JOURNAL_KEYS = ["_changeSet", "_seq", "_label", "_edges", "_evidence", "_type", "_from", "_to"];
const removeJournalKeys = (v: string) => `REMOVE ${JOURNAL_KEYS.map((k) => `${v}.${k}`).join(", ")}`;


const SNAPSHOT_NODES = (label: Label) => memo(`import.snapshot.${label}`, () => `
  UNWIND $rows AS row
  MATCH (n:${label} {id: row.id})
  CREATE (s:ImportSnapshot)
  SET s = properties(n), s._changeSet = $changeSet, s._seq = $seq, s._label = '${label}', s._edges = row.edges, s._evidence = row.evidence`);

const SNAPSHOT_RELATIONSHIPS = (label: Label, type: string) => memo(`import.snapshotRel.${label}.${type}`, () => `
  UNWIND $ids AS id
  MATCH (a:${label} {id: id})-[r:${type}]->(b)
  CREATE (s:ImportSnapshot)
  SET s = properties(r), s._changeSet = $changeSet, s._seq = $seq, s._type = '${type}', s._from = a.id, s._to = b.id`);

const WRITE_JOURNAL = cypher("import.journal", `
  CREATE (:ImportJournal {changeSet: $changeSet, seq: $seq, created: $created, relationshipOwners: $owners})
  WITH 1 AS one
  MATCH (l:WriteLock {id: 'graph'}) SET l.importHeartbeat = datetime()`);

const HEARTBEAT = cypher("import.heartbeat", `
  MATCH (l:WriteLock {id: 'graph'}) WHERE l.importInProgress = $changeSet SET l.importHeartbeat = datetime()`);
/** In each part's transaction (under the write lock): the import still stands (no rollback has taken it over). */
const CONTINUE = cypher("import.continue", `
  MATCH (c:ChangeSet {id: $changeSet}) MATCH (l:WriteLock {id: 'graph'}) SET l.importHeartbeat = datetime() RETURN c.status AS status`);
const CONTINUE_ROLLBACK = cypher("import.continueRollback", "MATCH (l:WriteLock {id: 'graph'}) SET l.importHeartbeat = datetime()");
const ROLLING_BACK = cypher("import.rollingBack", `
  MATCH (c:ChangeSet {id: $changeSet}) WHERE c.status IN ['IN_PROGRESS', 'ROLLING_BACK'] SET c.status = 'ROLLING_BACK'
  WITH c MATCH (l:WriteLock {id: 'graph'}) SET l.importHeartbeat = datetime() RETURN count(c) AS marked`);
const JOURNAL_PART = cypher("import.journalPart", `
  MATCH (j:ImportJournal {changeSet: $changeSet, seq: $seq}) RETURN j.created AS created, j.relationshipOwners AS owners, j.linked AS linked`);
const MARK_LINKED = cypher("import.markLinked", "MATCH (j:ImportJournal {changeSet: $changeSet, seq: $seq}) SET j.linked = true");
const ORPHAN_JOURNALS = cypher("import.orphanJournals", `
  CALL () { MATCH (j:ImportJournal) RETURN DISTINCT j.changeSet AS cs UNION MATCH (s:ImportSnapshot) RETURN DISTINCT s._changeSet AS cs }
  OPTIONAL MATCH (c:ChangeSet {id: cs})
  WITH cs, c WHERE c IS NULL OR NOT c.status IN ['IN_PROGRESS', 'ROLLING_BACK']
  RETURN cs`);
const CLAIM_STALE = cypher("import.claimStale", `
  MATCH (l:WriteLock {id: 'graph'}) SET l.locked = true
  WITH l, l.importInProgress AS changeSet, toString(l.importHeartbeat) AS heartbeat,
       duration.inSeconds(l.importHeartbeat, datetime()).seconds AS idleSeconds
  // Claimed under the lock: a second import finding it at the same moment sees a fresh heartbeat and waits.
  FOREACH (_ IN CASE WHEN changeSet IS NOT NULL AND idleSeconds >= $staleAfterSeconds THEN [1] ELSE [] END | SET l.importHeartbeat = datetime())
  RETURN changeSet, heartbeat, idleSeconds`);
const DELETE_CHANGE_SET = cypher("import.deleteChangeSet", "MATCH (c:ChangeSet {id: $changeSet}) DETACH DELETE c");

const TOUCH = (label: Label) => memo(`import.touch.${label}`, () => `
  MATCH (c:ChangeSet {id: $changeSet})
  UNWIND $rows AS row
  MATCH (n:${label} {id: row.id})
  CREATE (c)-[:TOUCHED {change: row.change}]->(n)`);

const BEGIN = cypher("import.begin", `
  MATCH (c:ChangeSet {id: $changeSet}) SET c.status = 'IN_PROGRESS'
  WITH c
  MATCH (l:WriteLock {id: 'graph'}) SET l.importInProgress = $changeSet, l.importHeartbeat = datetime()`);
const FINISH = cypher("import.finish", `
  MATCH (c:ChangeSet {id: $changeSet}) WHERE c.status = $from
  SET c.status = $status, c.error = $error, c.summary = coalesce($summary, c.summary)
  WITH c
  MATCH (l:WriteLock {id: 'graph'}) WHERE l.importInProgress = $changeSet REMOVE l.importInProgress, l.importHeartbeat
  RETURN count(c) AS finished`);
const UNTOUCH = cypher("import.untouch", `MATCH (:ChangeSet {id: $changeSet})-[r:TOUCHED]->() WITH r LIMIT ${BATCH} DELETE r RETURN count(*) AS n`);
const DROP_JOURNAL = cypher("import.dropJournal", `
  CALL () { MATCH (s:ImportSnapshot {_changeSet: $changeSet}) RETURN s AS x UNION MATCH (x:ImportJournal {changeSet: $changeSet}) RETURN x }
  WITH x LIMIT ${BATCH} DELETE x RETURN count(*) AS n`);
const JOURNAL_PARTS = cypher("import.journalParts", `
  MATCH (j:ImportJournal {changeSet: $changeSet}) RETURN j.seq AS seq, j.created AS created, j.relationshipOwners AS owners ORDER BY seq DESC`);
const NODE_SNAPSHOTS = cypher("import.nodeSnapshots", `
  MATCH (s:ImportSnapshot {_changeSet: $changeSet, _seq: $seq}) WHERE s._label IS NOT NULL
  RETURN s.id AS id, s._label AS label, s._edges AS edges, s._evidence AS evidence`);
const RESTORE_NODES = (label: Label) => memo(`import.restore.${label}`, () => `
  MATCH (s:ImportSnapshot {_changeSet: $changeSet, _seq: $seq}) WHERE s._label = '${label}'
  MATCH (n:${label} {id: s.id})
  SET n = properties(s) ${removeJournalKeys("n")}`);
const DELETE_RELATIONSHIPS = (label: Label, type: string) => memo(`import.unrelate.${label}.${type}`, () => `
  UNWIND $ids AS id MATCH (:${label} {id: id})-[r:${type}]->() DELETE r`);
const RESTORE_RELATIONSHIPS = (type: string, from: readonly Label[], to: readonly Label[]) => memo(`import.restoreRel.${type}`, () => `
  MATCH (s:ImportSnapshot {_changeSet: $changeSet, _seq: $seq}) WHERE s._type = '${type}'
  MATCH (a:${from.join("|")} {id: s._from})
  MATCH (b:${to.join("|")} {id: s._to})
  CREATE (a)-[r:${type}]->(b)
  SET r = properties(s) ${removeJournalKeys("r")}`);
const DELETE_CREATED = (label: Label) => memo(`import.deleteCreated.${label}`, () => `
  UNWIND $ids AS id MATCH (n:${label} {id: id}) DETACH DELETE n`);
const DROP_PART = cypher("import.dropPart", `
  CALL () { MATCH (s:ImportSnapshot {_changeSet: $changeSet, _seq: $seq}) RETURN s AS x UNION MATCH (x:ImportJournal {changeSet: $changeSet, seq: $seq}) RETURN x }
  DELETE x`);

/** Marks the (just created) ChangeSet as in progress and takes the graph for the import (under the write lock). */
export async function beginJournal(tx: Transaction, changeSetId: string): Promise<void> {
  await tx.run(BEGIN, { changeSet: changeSetId });
}

/** A sign of life before each part's work (its own statement): an import that shows none for long is taken as interrupted. */
export async function heartbeat(db: Database, changeSetId: string): Promise<void> {
  await db.write(HEARTBEAT, { changeSet: changeSetId });
}

/** At the start of each part's transaction, after the write lock: the import still stands, or this part must not write. */
export async function continuePart(tx: Transaction, changeSetId: string): Promise<void> {
  const [row] = await tx.run(CONTINUE, { changeSet: changeSetId });
  if (row?.status !== "IN_PROGRESS") {
    throw new AppError("CONFLICT", `Import ${changeSetId} is being rolled back (taken as interrupted); it writes nothing more`, { reason: "IMPORT_ROLLED_BACK", changeSetId });
  }
}

/**
 * A part's links are written once: a transaction retried after a commit whose acknowledgement was lost finds
 * its part marked and does nothing (CREATE is not idempotent). Returns false when already done.
 */
export async function linkOnce(tx: Transaction, changeSetId: string, seq: number): Promise<boolean> {
  const [part] = await tx.run(JOURNAL_PART, { changeSet: changeSetId, seq });
  if (!part || part.linked === true) return false;
  await tx.run(MARK_LINKED, { changeSet: changeSetId, seq });
  return true;
}

/** An import that found nothing to change leaves no trace: its ChangeSet and journal go, the graph is released. */
export async function discardJournal(db: Database, changeSetId: string): Promise<void> {
  await rollBackJournal(db, changeSetId, "nothing to change");
  await db.write(DELETE_CHANGE_SET, { changeSet: changeSetId });
}

/**
 * Journals one part before it writes, in the part's own transaction: the ids it creates, a snapshot of each
 * node it updates and of the relationships it may change (`before`, as the diff read them).
 */
export async function journalPart(tx: Transaction, changeSetId: string, seq: number, created: string[], before: StoredState): Promise<void> {
  const params = { changeSet: changeSetId, seq };
  for (const [label, nodes] of groupBy(before.nodes, (n) => n.label)) {
    const rows = nodes.map(({ node }) => ({ id: node.id, edges: JSON.stringify(node.edges), evidence: JSON.stringify(node.evidence) }));
    for (let i = 0; i < rows.length; i += BATCH) await tx.run(SNAPSHOT_NODES(label), { ...params, rows: rows.slice(i, i + BATCH) });
  }
  const owners = before.relationships.filter((r) => r.from.length > 0).map((r) => ({ type: r.type, ids: r.from }));
  for (const { type, ids } of owners) {
    for (const [label, group] of groupBy(ids, (id) => labelOf(id)!)) await tx.run(SNAPSHOT_RELATIONSHIPS(label, type), { ...params, ids: group });
  }
  await tx.run(WRITE_JOURNAL, { ...params, created, owners: JSON.stringify(owners) });
}

/** TOUCHED edges from the ChangeSet to what a part created or updated (each node is in one part: created once). */
export async function touch(tx: Transaction, changeSetId: string, touched: Touched[]): Promise<void> {
  for (const [label, rows] of groupBy(touched, (t) => labelOf(t.id)!)) {
    for (let i = 0; i < rows.length; i += BATCH) await tx.run(TOUCH(label), { changeSet: changeSetId, rows: rows.slice(i, i + BATCH) });
  }
}

/** The import is complete: the ChangeSet says so, the graph is released, the journal dropped. */
export async function commitJournal(db: Database, changeSetId: string, summary: Record<string, number>): Promise<void> {
  await db.writeTransaction("import.commit", async (tx) => {
    await lockWrites(tx, changeSetId);
    const [row] = await tx.run(FINISH, { changeSet: changeSetId, from: "IN_PROGRESS", status: "COMMITTED", error: null, summary: JSON.stringify(summary) });
    if (!row || (row.finished as number) === 0) await continuePart(tx, changeSetId);
  });
  await dropInBatches(db, DROP_JOURNAL, changeSetId);
}

/**
 * Puts the graph back as it was before the import, newest part first, one transaction per part (a part's
 * journal goes with its restore, so a rollback that is itself interrupted resumes where it stopped); then the
 * ChangeSet is marked ROLLED_BACK with the error, loses its TOUCHED edges, and the graph is released.
 */
export async function rollBackJournal(db: Database, changeSetId: string, error: string): Promise<void> {
  await db.writeTransaction("import.rollingBack", async (tx) => {
    await lockWrites(tx, changeSetId);
    await tx.run(ROLLING_BACK, { changeSet: changeSetId });
  });
  const parts = await db.read(JOURNAL_PARTS, { changeSet: changeSetId });
  for (const { seq } of parts) {
    await db.writeTransaction("import.rollBack", async (tx) => {
      await lockWrites(tx, changeSetId);
      await tx.run(CONTINUE_ROLLBACK, { changeSet: changeSetId });
      // Read again under the lock: a part another rollback of the same import has restored is gone.
      const [part] = await tx.run(JOURNAL_PART, { changeSet: changeSetId, seq });
      if (part) await restorePart(tx, changeSetId, seq as number, part.created as string[], JSON.parse(part.owners as string));
    });
  }
  await dropInBatches(db, UNTOUCH, changeSetId);
  await db.writeTransaction("import.rolledBack", async (tx) => {
    await lockWrites(tx, changeSetId);
    await tx.run(FINISH, { changeSet: changeSetId, from: "ROLLING_BACK", status: "ROLLED_BACK", error: error.slice(0, 2_000), summary: null });
  });
  await dropInBatches(db, DROP_JOURNAL, changeSetId);
}

async function restorePart(tx: Transaction, changeSetId: string, seq: number, created: string[], owners: { type: string; ids: string[] }[]) {
  const params = { changeSet: changeSetId, seq };
  for (const { type, ids } of owners) {
    const spec = RELATIONSHIP_SECTIONS.find((s) => s.type === type)!;
    for (const [label, group] of groupBy(ids, (id) => labelOf(id)!)) await tx.run(DELETE_RELATIONSHIPS(label, type), { ids: group });
    await tx.run(RESTORE_RELATIONSHIPS(type, spec.from.allowed, spec.to.allowed), params);
  }
  const snapshots = await tx.run(NODE_SNAPSHOTS, params);
  for (const label of new Set(snapshots.map((s) => s.label as Label))) await tx.run(RESTORE_NODES(label), params);
  await runSteps(tx, snapshotLinks(snapshots as never), undefined, BATCH);
  for (const [label, ids] of groupBy(created, (id) => labelOf(id)!)) {
    for (let i = 0; i < ids.length; i += BATCH) await tx.run(DELETE_CREATED(label), { ids: ids.slice(i, i + BATCH) });
  }
  await tx.run(DROP_PART, params);
}

/** The owned edges and evidence of updated nodes, back to what their snapshots hold (as an import would write them). */
function snapshotLinks(snapshots: { id: string; label: Label; edges: string; evidence: string }[]): Step[] {
  return [...groupBy(snapshots, (s) => s.label)].flatMap(([label, group]) => {
    const spec = NODE_SECTIONS.find((s) => s.label === label)!;
    // A snapshot as the record that would write it: each edge field's targets, and its evidence.
    const records = group.map((s) => ({ id: s.id, ...(JSON.parse(s.edges) as Record<string, string[]>), evidence: JSON.parse(s.evidence) }));
    const { edges, evidence } = planRecordLinks(spec, records, false);
    return [...edges, ...evidence];
  });
}

async function dropInBatches(db: Database, drop: NamedQuery, changeSetId: string): Promise<void> {
  for (;;) {
    const [row] = await db.write(drop, { changeSet: changeSetId });
    if (!row || (row.n as number) === 0) return;
  }
}

/**
 * Before an import: a large import that stopped without finishing (its process killed, the machine down) is
 * rolled back once it has shown no progress for `staleAfterSeconds`; one still making progress is another
 * import at work, and this one may not start (CONFLICT). Journals left by an import killed after it finished
 * are dropped. Returns the change set rolled back, if any.
 */
export async function recoverInterruptedImport(db: Database, staleAfterSeconds: number, log?: (line: string) => void): Promise<string | null> {
  for (const { cs } of await db.read(ORPHAN_JOURNALS)) await dropInBatches(db, DROP_JOURNAL, cs as string);
  const lock = await db.writeTransaction("import.claimStale", async (tx) => (await tx.run(CLAIM_STALE, { staleAfterSeconds }))[0]);
  const changeSetId = lock?.changeSet as string | null | undefined;
  if (!changeSetId) return null;
  if ((lock!.idleSeconds as number) < staleAfterSeconds) throw importInProgress(changeSetId);
  log?.(`Rolling back import ${changeSetId}: interrupted, no progress since ${lock!.heartbeat}`);
  await rollBackJournal(db, changeSetId, `interrupted: no progress since ${lock!.heartbeat}; rolled back by the next import`);
  return changeSetId;
}
