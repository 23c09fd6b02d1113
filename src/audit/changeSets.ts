/**
 * The audit trail. Every change to the graph — a CLI import or a GraphQL mutation — writes one ChangeSet
 * node in the same transaction as the change: who (actor and role), when, why (a required reason), how
 * (cli or graphql), a summary of counts, and TOUCHED edges to each node it created or changed. Deleted
 * nodes cannot be linked, so their ids are kept on the ChangeSet.
 */
import { randomUUID } from "node:crypto";
import { cypher, type NamedQuery, type Params, type Row, type Transaction } from "../db/gateway.js";

/** A transaction's or the database's reads: the key is looked up before a write and again under its lock. */
type Reader = (query: NamedQuery, params: Params) => Promise<Row[]>;
import { AppError, badInput } from "../errors.js";
import { nodeByAnyLabel } from "../model/labels.js";

/** An import never deletes a node (only owned edges and relationships), so these are the only kinds. */
export type ChangeKind = "CREATED" | "UPDATED";
export type Touched = { id: string; change: ChangeKind };
export type ChangeRecord = {
  actor: string;
  role: string;
  reason: string;
  via: "cli" | "graphql" | "startup";
  /** What was done, e.g. "import seeds/example" or "addFinding". */
  operation: string;
  summary: Record<string, number>;
  touched: Touched[];
  /** A client's key for a create it may retry, and a digest of what it asked (see idempotency below). */
  idempotency?: Idempotency;
};

/** `key` is the client's, per actor; `request` a digest of the operation and its input. */
export type Idempotency = { key: string; request: string };

export const MIN_REASON = 3;
export const MAX_REASON = 500;

export function checkReason(reason: string | undefined | null): string {
  const text = (reason ?? "").trim();
  if (text.length < MIN_REASON || text.length > MAX_REASON) {
    throw badInput(`A reason of ${MIN_REASON}–${MAX_REASON} characters is required for every change`, { argument: "reason" });
  }
  return text;
}

/**
 * Locks the write lock node until the transaction ends: writes that check then act queue here. MATCH then
 * SET takes the exclusive lock at once (a MERGE would first take a shared one, and twenty writers upgrading
 * shared locks together deadlock); a graph wiped of everything but its migrations gets the node back by
 * MERGE, under migration 006's uniqueness constraint.
 */
const LOCK_WRITES = cypher(
  "audit.lockWrites",
  "MATCH (l:WriteLock {id: 'graph'}) SET l.locked = true RETURN count(l) AS locked, collect(l.importInProgress)[0] AS importing",
);
const CREATE_WRITE_LOCK = cypher(
  "audit.createWriteLock",
  "MERGE (l:WriteLock {id: 'graph'}) SET l.locked = true RETURN count(l) AS locked, l.importInProgress AS importing",
);

const CHANGE_SET_BY_KEY = cypher(
  "audit.changeSetByKey",
  `MATCH (c:ChangeSet {idempotencyKey: $key}) WHERE c.actor = $actor
   RETURN c.id AS id, c.request AS request, c.operation AS operation`,
);

/**
 * Takes the write lock before a write reads what it will change. Without it two identical writes could both
 * find "not there yet", both write, and both claim the change in the audit trail.
 */
export async function lockWrites(tx: Transaction, ownImport?: string): Promise<void> {
  let [row] = await tx.run(LOCK_WRITES);
  if (!row?.locked) [row] = await tx.run(CREATE_WRITE_LOCK);
  if (!row?.locked) throw new Error("The write lock could not be taken");
  // A large import writes in many transactions and holds the graph between them (see bundles/largeImport.ts).
  const importing = row.importing as string | null;
  if (importing && importing !== ownImport) throw importInProgress(importing);
  // A large import's own parts: its hold must still be there (not released by a rollback that took it over).
  if (ownImport && importing !== ownImport) throw new AppError("CONFLICT", `Import ${ownImport} no longer holds the graph: it was rolled back`, { reason: "IMPORT_ROLLED_BACK", changeSetId: ownImport });
}

const IMPORT_HOLD = cypher("audit.importHold", "MATCH (l:WriteLock {id: 'graph'}) RETURN l.importInProgress AS importing");

/** For edits that lock only their entity: none while a large import holds the graph (its rollback would undo them). */
export async function refuseDuringImport(tx: Transaction): Promise<void> {
  const [row] = await tx.run(IMPORT_HOLD);
  if (row?.importing) throw importInProgress(row.importing as string);
}

export const importInProgress = (changeSetId: string) =>
  new AppError("CONFLICT", `A large import (change set ${changeSetId}) is writing to the graph; other changes wait until it ends. Try again later.`, {
    reason: "IMPORT_IN_PROGRESS", changeSetId,
  });

/**
 * Locks one node (by id, under its label) until the transaction ends: an edit of one entity queues only
 * behind edits of that entity. Setting the id to itself changes nothing but takes the exclusive lock.
 */
export async function lockEntity(tx: Transaction, label: "Finding" | "Occupancy", id: string): Promise<void> {
  await tx.run(label === "Finding" ? LOCK_FINDING : LOCK_OCCUPANCY, { id });
}
const LOCK_FINDING = cypher("audit.lockFinding", "MATCH (n:Finding {id: $id}) SET n.id = n.id");
const LOCK_OCCUPANCY = cypher("audit.lockOccupancy", "MATCH (n:Occupancy {id: $id}) SET n.id = n.id");

export const MAX_IDEMPOTENCY_KEY = 100;

/**
 * The ChangeSet an earlier request with this actor's idempotency key recorded, if any (call under the write
 * lock). The same key with a different request is refused: it would silently return another result.
 */
export async function changeSetForKey(read: Reader, actor: string, idempotency: Idempotency): Promise<string | null> {
  const [row] = await read(CHANGE_SET_BY_KEY, { key: idempotency.key, actor });
  if (!row) return null;
  if (row.request !== idempotency.request) {
    throw new AppError("CONFLICT", `The idempotency key "${idempotency.key}" was used for a different request (${row.operation as string}); use a new key for a new request`, {
      argument: "idempotencyKey",
    });
  }
  return row.id as string;
}

export function checkIdempotencyKey(key: string | null | undefined): string | null {
  if (key === null || key === undefined) return null;
  const text = key.trim();
  if (text.length < 1 || text.length > MAX_IDEMPOTENCY_KEY || !/^[\x21-\x7e]+$/.test(text)) {
    throw badInput(`idempotencyKey must be 1–${MAX_IDEMPOTENCY_KEY} printable characters without spaces`, { argument: "idempotencyKey" });
  }
  return text;
}

/** A ChangeSet's properties as Cypher, filled by changeSetParams: for statements that write one with their change. */
export const CHANGE_SET_PROPERTIES = `{id: $id, actor: $actor, role: $role, reason: $reason, via: $via, operation: $operation,
  at: datetime(), summary: $summary, idempotencyKey: $idempotencyKey, request: $request}`;

/**
 * The ChangeSet and its links to each touched node, in one statement (one round trip less inside every
 * write transaction, which holds its locks until it commits). Labels are fixed: one UNION branch per label.
 */
const CREATE_CHANGE_SET = cypher(
  "audit.createChangeSet",
  `CREATE (c:ChangeSet ${CHANGE_SET_PROPERTIES})
   WITH c
   UNWIND $touched AS t
   CALL (t) {
     ${nodeByAnyLabel("t.id")}
   }
   MERGE (c)-[r:TOUCHED]->(n)
   SET r.change = t.change`,
);

/** The parameters of CHANGE_SET_PROPERTIES (and `touched`), with a new id. */
export function changeSetParams(change: ChangeRecord): Params & { id: string } {
  return {
    id: `changeset:${new Date().toISOString().replace(/[^0-9]/g, "").slice(0, 14)}-${randomUUID().slice(0, 8)}`,
    actor: change.actor,
    role: change.role,
    reason: checkReason(change.reason),
    via: change.via,
    operation: change.operation,
    summary: JSON.stringify(change.summary),
    idempotencyKey: change.idempotency?.key ?? null,
    request: change.idempotency?.request ?? null,
    touched: change.touched,
  };
}

/** Writes the ChangeSet inside the caller's transaction; returns its id. */
export async function recordChangeSet(tx: Transaction, change: ChangeRecord): Promise<string> {
  const params = changeSetParams(change);
  await tx.run(CREATE_CHANGE_SET, params);
  return params.id;
}
