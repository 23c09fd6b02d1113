/** A whole-graph snapshot (every node and relationship with its properties), for "nothing changed" checks. */
import { cypher, type Database } from "../../src/db/gateway.js";

const NODES = cypher(
  "test.snapshot.nodes",
  `MATCH (n) WHERE NOT n:Migration AND NOT n:SeedState AND NOT n:ChangeSet
   RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id`,
);
const RELATIONSHIPS = cypher(
  "test.snapshot.relationships",
  `MATCH (a)-[r]->(b) WHERE a.id IS NOT NULL AND b.id IS NOT NULL AND type(r) <> 'TOUCHED'
   RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
   ORDER BY from, type, to, coalesce(r.quote, r.key, '')`,
);

export async function snapshot(db: Database) {
  return { nodes: await db.read(NODES), relationships: await db.read(RELATIONSHIPS) };
}
