/**
 * The journal of a large import, which writes in many transactions: all or nothing all the same. Each part's
 * transaction also records what it is about to change (ImportJournal: the ids it creates; ImportSnapshot: a
 * copy of every node and relationship it updates, property types kept), so a failure, or a crash found later,
 * puts the graph back: snapshots restored, created nodes deleted, newest part first. The ChangeSet says what
 * happened (status IN_PROGRESS, COMMITTED or ROLLED_BACK, with the error), and the write lock names the import
 * while it runs, so no other change interleaves with it.
 */
import { importInProgress, lockWrites, type Touched } from "../audit/changeSets.js";
import { cypher, type Database, type NamedQuery, type Transaction } from "../db/gateway.js";
import { groupBy } from "../model/collections.js";
import { NODE_SECTIONS, RELATIONSHIP_SECTIONS } from "../model/graphMapping.js";
import { labelOf, type Label } from "../model/labels.js";
import type { StoredState } from "./diffBundle.js";
import { runSteps, type Step } from "./writeBundle.js";
import * as q from "./writeQueries.js";

const BATCH = 5_000;
/** Properties of a snapshot that are the journal's, not the copied node's or relationship's. */
const JOURNAL_KEYS = ["_changeSet", "_seq", "_label", "_edges", "_evidence", "_type", "_from", "_to"];
const removeJournalKeys = (v: string) => `REMOVE ${JOURNAL_KEYS.map((k) => `${v}.${k}`).join(", ")}`;

const memo = new Map<string, NamedQuery>();
const query = (name: string, text: () => string) => memo.get(name) ?? memo.set(name, cypher(name, text())).get(name)!;

const SNAPSHOT_NODES = (label: Label) => query(`import.snapshot.${label}`, () => `
  UNWIND $rows AS row
  MATCH (n:${label} {id: row.id})
  CREATE (s:ImportSnapshot)
  SET s = properties(n), s._changeSet = $changeSet, s._seq = $seq, s._label = '${label}', s._edges = row.edges, s._evidence = row.evidence`);

const SNAPSHOT_RELATIONSHIPS = (label: Label, type: string) => query(`import.snapshotRel.${label}.${type}`, () => `
  UNWIND $ids AS id
  MATCH (a:${label} {id: id})-[r:${type}]->(b)
  CREATE (s:ImportSnapshot)
  SET s = properties(r), s._changeSet = $changeSet, s._seq = $seq, s._type = '${type}', s._from = a.id, s._to = b.id`);

const WRITE_JOURNAL = cypher("import.journal", `
  CREATE (:ImportJournal {changeSet: $changeSet, seq: $seq, created: $created, relationshipOwners: $owners})
  WITH 1 AS one
  MATCH (l:WriteLock {id: 'graph'}) SET l.importHeartbeat = datetime()`);

const HEARTBEAT = cypher("import.heartbeat", "MATCH (l:WriteLock {id: 'graph'}) SET l.importHeartbeat = datetime()");
const DELETE_CHANGE_SET = cypher("import.deleteChangeSet", "MATCH (c:ChangeSet {id: $changeSet}) DETACH DELETE c");

const TOUCH = (label: Label) => query(`import.touch.${label}`, () => `
  MATCH (c:ChangeSet {id: $changeSet})
  UNWIND $rows AS row
  MATCH (n:${label} {id: row.id})
  CREATE (c)-[:TOUCHED {change: row.change}]->(n)`);

const BEGIN = cypher("import.begin", `
  MATCH (c:ChangeSet {id: $changeSet}) SET c.status = 'IN_PROGRESS'
  WITH c
  MATCH (l:WriteLock {id: 'graph'}) SET l.importInProgress = $changeSet, l.importHeartbeat = datetime()`);
const FINISH = cypher("import.finish", `
  MATCH (c:ChangeSet {id: $changeSet}) SET c.status = $status, c.error = $error, c.summary = coalesce($summary, c.summary)
  WITH c
  MATCH (l:WriteLock {id: 'graph'}) WHERE l.importInProgress = $changeSet REMOVE l.importInProgress, l.importHeartbeat`);
const UNTOUCH = cypher("import.untouch", `MATCH (:ChangeSet {id: $changeSet})-[r:TOUCHED]->() WITH r LIMIT ${BATCH} DELETE r RETURN count(*) AS n`);
const DROP_JOURNAL = cypher("import.dropJournal", `
  CALL () { MATCH (s:ImportSnapshot {_changeSet: $changeSet}) RETURN s AS x UNION MATCH (x:ImportJournal {changeSet: $changeSet}) RETURN x }
  WITH x LIMIT ${BATCH} DELETE x RETURN count(*) AS n`);
const JOURNAL_PARTS = cypher("import.journalParts", `
  MATCH (j:ImportJournal {changeSet: $changeSet}) RETURN j.seq AS seq, j.created AS created, j.relationshipOwners AS owners ORDER BY seq DESC`);
const NODE_SNAPSHOTS = cypher("import.nodeSnapshots", `
  MATCH (s:ImportSnapshot {_changeSet: $changeSet, _seq: $seq}) WHERE s._label IS NOT NULL
  RETURN s.id AS id, s._label AS label, s._edges AS edges, s._evidence AS evidence`);
const RESTORE_NODES = (label: Label) => query(`import.restore.${label}`, () => `
  MATCH (s:ImportSnapshot {_changeSet: $changeSet, _seq: $seq}) WHERE s._label = '${label}'
  MATCH (n:${label} {id: s.id})
  SET n = properties(s) ${removeJournalKeys("n")}`);
const DELETE_RELATIONSHIPS = (label: Label, type: string) => query(`import.unrelate.${label}.${type}`, () => `
  UNWIND $ids AS id MATCH (:${label} {id: id})-[r:${type}]->() DELETE r`);
const RESTORE_RELATIONSHIPS = (type: string, from: readonly Label[], to: readonly Label[]) => query(`import.restoreRel.${type}`, () => `
  MATCH (s:ImportSnapshot {_changeSet: $changeSet, _seq: $seq}) WHERE s._type = '${type}'
  MATCH (a:${from.join("|")} {id: s._from})
  MATCH (b:${to.join("|")} {id: s._to})
  CREATE (a)-[r:${type}]->(b)
  SET r = properties(s) ${removeJournalKeys("r")}`);
const DELETE_CREATED = (label: Label) => query(`import.deleteCreated.${label}`, () => `
  UNWIND $ids AS id MATCH (n:${label} {id: id}) DETACH DELETE n`);
const DROP_PART = cypher("import.dropPart", `
  CALL () { MATCH (s:ImportSnapshot {_changeSet: $changeSet, _seq: $seq}) RETURN s AS x UNION MATCH (x:ImportJournal {changeSet: $changeSet, seq: $seq}) RETURN x }
  DELETE x`);
const LOCK_STATE = cypher("import.lockState", `
  MATCH (l:WriteLock {id: 'graph'}) RETURN l.importInProgress AS changeSet, toString(l.importHeartbeat) AS heartbeat,
    duration.inSeconds(l.importHeartbeat, datetime()).seconds AS idleSeconds`);

/** Marks the (just created) ChangeSet as in progress and takes the graph for the import (under the write lock). */
export async function beginJournal(tx: Transaction, changeSetId: string): Promise<void> {
  await tx.run(BEGIN, { changeSet: changeSetId });
}

/** A sign of life between parts: an import that shows none for long is taken as interrupted. */
export async function heartbeat(tx: Transaction): Promise<void> {
  await tx.run(HEARTBEAT);
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
    await tx.run(FINISH, { changeSet: changeSetId, status: "COMMITTED", error: null, summary: JSON.stringify(summary) });
  });
  await dropInBatches(db, DROP_JOURNAL, changeSetId);
}

/**
 * Puts the graph back as it was before the import, newest part first, one transaction per part (a part's
 * journal goes with its restore, so a rollback that is itself interrupted resumes where it stopped); then the
 * ChangeSet is marked ROLLED_BACK with the error, loses its TOUCHED edges, and the graph is released.
 */
export async function rollBackJournal(db: Database, changeSetId: string, error: string): Promise<void> {
  const parts = await db.read(JOURNAL_PARTS, { changeSet: changeSetId });
  for (const part of parts) {
    await db.writeTransaction("import.rollBack", async (tx) => {
      await lockWrites(tx, changeSetId);
      await restorePart(tx, changeSetId, part.seq as number, part.created as string[], JSON.parse(part.owners as string));
    });
  }
  await dropInBatches(db, UNTOUCH, changeSetId);
  await db.writeTransaction("import.rolledBack", async (tx) => {
    await lockWrites(tx, changeSetId);
    await tx.run(FINISH, { changeSet: changeSetId, status: "ROLLED_BACK", error: error.slice(0, 2_000), summary: null });
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

/** The owned edges and evidence of updated nodes, back to what their snapshots hold. */
function snapshotLinks(snapshots: { id: string; label: Label; edges: string; evidence: string }[]): Step[] {
  const steps: Step[] = [];
  for (const [label, group] of groupBy(snapshots, (s) => s.label)) {
    const spec = NODE_SECTIONS.find((s) => s.label === label)!;
    const parsed = group.map((s) => ({ id: s.id, edges: JSON.parse(s.edges) as Record<string, string[]>, evidence: JSON.parse(s.evidence) as { source: string; quote: string; locator: string | null }[] }));
    for (const edge of spec.edges) {
      steps.push({ query: q.pruneEdges(label, edge.type, edge.direction, edge.allowed), rows: parsed.map((p) => ({ id: p.id, targets: p.edges[edge.field] ?? [] })) });
      const rows = parsed.flatMap((p) => (p.edges[edge.field] ?? []).map((target) => ({ id: p.id, target })));
      for (const [target, byTarget] of groupBy(rows, (row) => labelOf(row.target)!)) {
        steps.push({ query: q.mergeEdges(label, edge.type, edge.direction, target), rows: byTarget });
      }
    }
    steps.push({ query: q.pruneEvidence(label), rows: parsed.map((p) => ({ id: p.id, keys: p.evidence.map((e) => `${e.source}\n${e.quote}`) })) });
    steps.push({ query: q.mergeEvidence(label), rows: parsed.flatMap((p) => p.evidence.map((e) => ({ id: p.id, ...e }))) });
  }
  return steps;
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
 * import at work, and this one may not start (CONFLICT). Returns the change set rolled back, if any.
 */
export async function recoverInterruptedImport(db: Database, staleAfterSeconds: number, log?: (line: string) => void): Promise<string | null> {
  const [lock] = await db.read(LOCK_STATE);
  const changeSetId = lock?.changeSet as string | null | undefined;
  if (!changeSetId) return null;
  if ((lock!.idleSeconds as number) < staleAfterSeconds) throw importInProgress(changeSetId);
  log?.(`Rolling back import ${changeSetId}: interrupted, no progress since ${lock!.heartbeat}`);
  await rollBackJournal(db, changeSetId, `interrupted: no progress since ${lock!.heartbeat}; rolled back by the next import`);
  return changeSetId;
}
