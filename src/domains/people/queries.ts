/** Cypher for people, posts, occupancies and statements. */
import { cypher } from "../../db/gateway.js";
import { allQuery, relatedAnyQuery, relatedQuery } from "../../graphql/graphRead.js";

export const ALL_PEOPLE = allQuery("people.all", "Person", "n.unnamed, n.name, n.id");
export const ALL_POSTS = allQuery("posts.all", "Post", "n.title, n.id");
export const ALL_STATEMENTS = allQuery("statements.all", "Statement", "n.date, n.id");

export const PERSON_OCCUPANCIES = relatedQuery("person.occupancies", "Person", "-[:HOLDS]->", "Occupancy", "b.start, b.id");
export const PERSON_MEMBERSHIPS = relatedQuery("person.memberships", "Person", "-[:HOLDS]->", "Membership", "b.start, b.id");
export const PERSON_STATEMENTS = relatedQuery("person.statements", "Person", "-[:MADE]->", "Statement", "b.date, b.id");
export const POST_ORGANISATION = relatedQuery("post.organisation", "Post", "-[:IN]->", "Organisation");
export const POST_OCCUPANCIES = relatedQuery("post.occupancies", "Post", "<-[:OF]-", "Occupancy", "b.start, b.id");
export const OCCUPANCY_PERSON = relatedQuery("occupancy.person", "Occupancy", "<-[:HOLDS]-", "Person");
export const OCCUPANCY_POST = relatedQuery("occupancy.post", "Occupancy", "-[:OF]->", "Post");
export const STATEMENT_BY = relatedQuery("statement.by", "Statement", "<-[:MADE]-", "Person");
export const STATEMENT_ABOUT = relatedAnyQuery("statement.about", "Statement", "-[:ABOUT]->");

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
