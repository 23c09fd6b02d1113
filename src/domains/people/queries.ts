/** Cypher for people, posts, occupancies and statements. */
import { cypher } from "../../db/gateway.js";
import { allQuery } from "../../graphql/graphRead.js";

export const ALL_PEOPLE = allQuery("people.all", "Person", "n.unnamed, n.name, n.id");
export const ALL_POSTS = allQuery("posts.all", "Post", "n.title, n.id");
export const ALL_STATEMENTS = allQuery("statements.all", "Statement", "n.date, n.id");


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
