/** Cypher for the authority context card. */
import { cypher } from "../../db/gateway.js";

export const AUTHORITY_INSPECTIONS = cypher(
  "context.inspections",
  `MATCH (i:Inspection)-[:OF]->(:Organisation {id: $authority})
   RETURN i.id AS id, properties(i) AS props,
          EXISTS { (i)-[:JUDGED]->(:Judgement) } AS judged, EXISTS { (i)-[:FOUND]->(:Finding) } AS found
   ORDER BY i.start, i.sequence, i.id`,
);

export const AUTHORITY_INTERVENTIONS = cypher(
  "context.interventions",
  `MATCH (:Organisation {id: $authority})<-[:TO]-(iv:Intervention)
   OPTIONAL MATCH (iv)-[:FOLLOWS]->(followed:Inspection)
   WITH iv, max(followed.start) AS followsFrom
   RETURN iv.id AS id, properties(iv) AS props, followsFrom
   ORDER BY iv.issued, iv.id`,
);
