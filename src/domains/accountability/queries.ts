/** Cypher for the accountability question. */
import { cypher } from "../../db/gateway.js";

/**
 * Posts of the authority (or its bodies) responsible for the area, each with every ACCOUNTABLE_TO step
 * reachable above it. Dates are filtered in TS, where partial-date ranges are understood.
 */
export const RESPONSIBILITY_CHAINS = cypher(
  "accountability.chains",
  `MATCH (auth:Organisation {id: $authority})
   MATCH (p:Post)-[resp:RESPONSIBLE_FOR]->(:ServiceArea {id: $area})
   WHERE EXISTS { MATCH (p)-[:IN]->(o:Organisation) WHERE o = auth OR EXISTS { (o)-[:PART_OF*1..3]->(auth) } }
   CALL (p) {
     OPTIONAL MATCH path = (p)-[:ACCOUNTABLE_TO*1..6]->()
     UNWIND relationships(path) AS r
     RETURN collect(DISTINCT {from: startNode(r).id, to: endNode(r).id, props: properties(r)}) AS steps
   }
   RETURN p.id AS id, properties(resp) AS responsibility, steps`,
);

/** Interventions made in the authority, the inspections they follow, and the bodies overseeing them. */
export const OVERSIGHT = cypher(
  "accountability.oversight",
  `MATCH (:Organisation {id: $authority})<-[:TO]-(iv:Intervention)
   OPTIONAL MATCH (iv)-[:FOLLOWS]->(followed:Inspection)
   WITH iv, max(followed.start) AS followsFrom
   MATCH (body:Organisation)-[:OVERSEES]->(iv)
   RETURN iv.id AS id, properties(iv) AS props, followsFrom, body.id AS bodyId, properties(body) AS bodyProps
   ORDER BY iv.id, body.name`,
);

export const AUTHORITY_POSTS = cypher(
  "accountability.authorityPosts",
  `MATCH (auth:Organisation {id: $authority})
   MATCH (p:Post)-[:IN]->(o:Organisation) WHERE o = auth OR EXISTS { (o)-[:PART_OF*1..3]->(auth) }
   RETURN p.id AS id, properties(p) AS props
   ORDER BY CASE p.role WHEN 'LEADER' THEN 0 WHEN 'CHIEF_EXECUTIVE' THEN 1 WHEN 'DCS' THEN 2 WHEN 'CABINET_MEMBER' THEN 3 ELSE 4 END, p.title`,
);
