/** Cypher for the audit trail. */
import { cypher } from "../../db/gateway.js";


/** Newest first; `entity` keeps the changes that touched that node. */
export const CHANGES = cypher(
  "changes.list",
  `MATCH (c:ChangeSet)
   WHERE ($since IS NULL OR c.at >= datetime($since))
     AND ($entity IS NULL OR EXISTS { (c)-[:TOUCHED]->({id: $entity}) })
   RETURN c.id AS id, properties(c) AS props
   ORDER BY c.at DESC, c.id DESC
   LIMIT toInteger($first)`,
);

export const CHANGE_TOUCHED = cypher(
  "changeSet.touched",
  `MATCH (c:ChangeSet)-[t:TOUCHED]->(n) WHERE c.id IN $ids
   RETURN c.id AS key, t.change AS change, n.id AS id, labels(n)[0] AS label, properties(n) AS props
   ORDER BY t.change, n.id`,
);

