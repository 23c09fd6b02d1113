/** Cypher for inspections, judgements, judgement areas and findings. */
import { cypher } from "../../db/gateway.js";
import { inspectionDateKey } from "../../model/relations.js";

export { inspectionDateKey };



const INSPECTION_STATUS = "($status IS NULL OR n.status = $status)";
const INSPECTION_ORDER = `ORDER BY ${inspectionDateKey("n")}, n.sequence, n.id`;

/** Inspections of one authority (starting from it: an index seek), oldest first, then by place in a series. */
export const AUTHORITY_INSPECTIONS = cypher(
  "inspections.ofAuthority",
  `MATCH (:Organisation {id: $authority})<-[:OF]-(n:Inspection) WHERE ${INSPECTION_STATUS}
   RETURN n.id AS id, properties(n) AS props ${INSPECTION_ORDER}`,
);

/** Every inspection (a full listing scans by nature). */
export const ALL_INSPECTIONS = cypher(
  "inspections.all",
  `MATCH (n:Inspection) WHERE ${INSPECTION_STATUS}
   RETURN n.id AS id, properties(n) AS props ${INSPECTION_ORDER}`,
);

/** Findings filtered in the database; every filter optional. */
export const FINDINGS = cypher(
  "findings.list",
  `MATCH (i:Inspection)-[:FOUND]->(n:Finding)
   WHERE ($inspection IS NULL OR i.id = $inspection)
     AND ($kind IS NULL OR n.kind = $kind)
     AND ($polarity IS NULL OR n.polarity = $polarity)
     AND ($theme IS NULL OR EXISTS { (n)-[:EXEMPLIFIES]->(:Theme {id: $theme}) })
     AND ($area IS NULL OR EXISTS { (n)-[:CONCERNS]->(:ServiceArea {id: $area}) })
   RETURN n.id AS id, properties(n) AS props ORDER BY ${inspectionDateKey("i")}, i.sequence, n.id`,
);

