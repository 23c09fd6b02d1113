/** Cypher for inspections, judgements, judgement areas and findings. */
import { cypher } from "../../db/gateway.js";
import { allQuery, relatedQuery } from "../../graphql/graphRead.js";

export const ALL_JUDGEMENT_AREAS = allQuery("judgementAreas.all", "JudgementArea", "n.validFrom, n.framework, n.code");

/** A partial date sorts at the middle of its range: a visit known only as "2024" after one in February 2024. */
export const sortableStart = (v: string) =>
  `CASE ${v}.startPrecision WHEN 'YEAR' THEN ${v}.start + duration('P6M') WHEN 'MONTH' THEN ${v}.start + duration('P14D') ELSE ${v}.start END`;

const INSPECTION_STATUS = "($status IS NULL OR n.status = $status)";
const INSPECTION_ORDER = `ORDER BY ${sortableStart("n")}, n.sequence, n.id`;

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
   RETURN n.id AS id, properties(n) AS props ORDER BY ${sortableStart("i")}, i.sequence, n.id`,
);

export const INSPECTION_AUTHORITY = relatedQuery("inspection.authority", "Inspection", "-[:OF]->", "Organisation");
export const INSPECTION_BY = relatedQuery("inspection.by", "Inspection", "-[:BY]->", "Organisation");
export const INSPECTION_JUDGEMENTS = relatedQuery("inspection.judgements", "Inspection", "-[:JUDGED]->", "Judgement");
export const INSPECTION_FINDINGS = relatedQuery("inspection.findings", "Inspection", "-[:FOUND]->", "Finding", "b.kind, b.id");
export const INSPECTION_INTERVENTIONS = relatedQuery("inspection.interventions", "Inspection", "<-[:FOLLOWS]-", "Intervention");
export const INSPECTION_MEETINGS = relatedQuery("inspection.consideredAt", "Inspection", "<-[:CONSIDERED]-", "Meeting", "b.date");
export const JUDGEMENT_AREA = relatedQuery("judgement.area", "Judgement", "-[:ON]->", "JudgementArea");
export const JUDGEMENT_INSPECTION = relatedQuery("judgement.inspection", "Judgement", "<-[:JUDGED]-", "Inspection");
export const JUDGEMENT_AREA_COVERS = relatedQuery("judgementArea.covers", "JudgementArea", "-[:COVERS]->", "ServiceArea", "b.name");
export const FINDING_INSPECTION = relatedQuery("finding.inspection", "Finding", "<-[:FOUND]-", "Inspection");
export const FINDING_AREAS = relatedQuery("finding.serviceAreas", "Finding", "-[:CONCERNS]->", "ServiceArea", "b.name");
export const FINDING_THEMES = relatedQuery("finding.themes", "Finding", "-[:EXEMPLIFIES]->", "Theme", "b.label");
