/** Cypher for people, posts, occupancies and statements. */
import { cypher } from "../../db/gateway.js";



export const POST_RESPONSIBILITIES = cypher(
  "post.responsibleFor",
  `MATCH (p:Post)-[r:RESPONSIBLE_FOR]->(a:ServiceArea) WHERE p.id IN $ids
   RETURN p.id AS key, a.id AS serviceAreaId, properties(r) AS props ORDER BY a.name`,
);
export const POST_ACCOUNTABILITIES = cypher(
  "post.accountableTo",
  `MATCH (p:Post)-[r:ACCOUNTABLE_TO]->(to) WHERE p.id IN $ids
   RETURN p.id AS key, to.id AS toId, properties(r) AS props ORDER BY r.line, to.id`,
);
