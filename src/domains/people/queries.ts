/** Cypher for people, posts, occupancies and statements. */
import { cypher } from "../../db/gateway.js";
import { relationshipPropsQuery } from "../../graphql/graphRead.js";

export const POST_RESPONSIBILITIES = relationshipPropsQuery("post.responsibleFor", "(a:Post)-[r:RESPONSIBLE_FOR]->(b:ServiceArea)", "b.name, b.id");
export const POST_ACCOUNTABILITIES = relationshipPropsQuery("post.accountableTo", "(a:Post)-[r:ACCOUNTABLE_TO]->(b)", "r.line, b.id");

/** Cypher for the record the API answers with for the person record `v` (see PERSON_RECORDS). */
export const canonicalOf = (v: string) =>
  `coalesce(COLLECT { MATCH (${v})-[:SAME_AS*1..10]->(end:Person) WHERE NOT EXISTS { (end)-[:SAME_AS]->() } RETURN end ORDER BY end.id LIMIT 1 }[0], ${v})`;

/** Identifications stated from this record (it is the same as `b`) and to it (`b` is the same as it). */
export const PERSON_IDENTIFIED_AS = relationshipPropsQuery("person.identifiedAs", "(a:Person)-[r:SAME_AS]->(b:Person)", "b.id");
export const PERSON_IDENTIFIED_FROM = relationshipPropsQuery("person.identifiedFrom", "(a:Person)<-[r:SAME_AS]-(b:Person)", "b.id");

/**
 * The person a record belongs to: the record at the end of its SAME_AS chain (itself when it has none; the
 * smallest id should two chains ever leave one record), and every record of that person, itself included.
 */
export const PERSON_RECORDS = cypher(
  "person.records",
  `MATCH (a:Person) WHERE a.id IN $ids
   WITH a, ${canonicalOf("a")} AS canonical
   MATCH (record:Person)-[:SAME_AS*0..10]->(canonical)
   // Should a chain ever branch (two imports identifying one record with two others), a record belongs to the
   // person its own chain ends at, so no record is listed under two people; DISTINCT for diamonds.
   WITH DISTINCT a, canonical, record
   WHERE ${canonicalOf("record")} = canonical
   RETURN a.id AS key, canonical.id AS canonicalId, properties(canonical) AS canonicalProps,
          record.id AS recordId, properties(record) AS recordProps
   ORDER BY record.id`,
);
