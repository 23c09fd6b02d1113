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

const SCOPED_NODES = cypher(
  "test.snapshot.scopedNodes",
  `UNWIND $ids AS id MATCH (n {id: id}) WHERE NOT n:ChangeSet
   RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id`,
);
const SCOPED_RELATIONSHIPS = cypher(
  "test.snapshot.scopedRelationships",
  `UNWIND $ids AS id MATCH (a {id: id})-[r]->(b) WHERE b.id IN $ids AND type(r) <> 'TOUCHED'
   RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
   ORDER BY from, type, to, coalesce(r.quote, r.key, '')`,
);

/** The subgraph among the given ids: those nodes, and every relationship between two of them (audit edges aside). */
export async function snapshotOf(db: Database, ids: string[]) {
  return { nodes: await db.read(SCOPED_NODES, { ids }), relationships: await db.read(SCOPED_RELATIONSHIPS, { ids }) };
}

const CHANGE_SETS = cypher("test.snapshot.changeSets", "MATCH (c:ChangeSet) RETURN c.id AS id ORDER BY id");

/** Ids of every ChangeSet, to see whether an operation wrote one. */
export async function changeSetIds(db: Database): Promise<string[]> {
  return (await db.read(CHANGE_SETS)).map((row) => row.id as string);
}
