/**
 * The audit trail. Every change to the graph — a CLI import or a GraphQL mutation — writes one ChangeSet
 * node in the same transaction as the change: who (actor and role), when, why (a required reason), how
 * (cli or graphql), a summary of counts, and TOUCHED edges to each node it created or changed. Deleted
 * nodes cannot be linked, so their ids are kept on the ChangeSet.
 */
import { randomUUID } from "node:crypto";
import { cypher, type Transaction } from "../db/gateway.js";
import { badInput } from "../errors.js";
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
};

export const MIN_REASON = 3;
export const MAX_REASON = 500;

export function checkReason(reason: string | undefined | null): string {
  const text = (reason ?? "").trim();
  if (text.length < MIN_REASON || text.length > MAX_REASON) {
    throw badInput(`A reason of ${MIN_REASON}–${MAX_REASON} characters is required for every change`, { argument: "reason" });
  }
  return text;
}

const CREATE_CHANGE_SET = cypher(
  "audit.createChangeSet",
  `CREATE (c:ChangeSet {id: $id, actor: $actor, role: $role, reason: $reason, via: $via, operation: $operation,
                        at: datetime(), summary: $summary})
   RETURN c.id AS id`,
);

/** Links the ChangeSet to each touched node; labels are fixed, so one UNION branch per label. */
const LINK_TOUCHED = cypher(
  "audit.linkTouched",
  `MATCH (c:ChangeSet {id: $id})
   UNWIND $touched AS t
   CALL (t) {
     ${nodeByAnyLabel("t.id")}
   }
   MERGE (c)-[r:TOUCHED]->(n)
   SET r.change = t.change`,
);

/** Writes the ChangeSet inside the caller's transaction; returns its id. */
export async function recordChangeSet(tx: Transaction, change: ChangeRecord): Promise<string> {
  const id = `changeset:${new Date().toISOString().replace(/[^0-9]/g, "").slice(0, 14)}-${randomUUID().slice(0, 8)}`;
  await tx.run(CREATE_CHANGE_SET, {
    id,
    actor: change.actor,
    role: change.role,
    reason: checkReason(change.reason),
    via: change.via,
    operation: change.operation,
    summary: JSON.stringify(change.summary),
  });
  if (change.touched.length > 0) await tx.run(LINK_TOUCHED, { id, touched: change.touched });
  return id;
}
