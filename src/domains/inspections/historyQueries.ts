/**
 * Cypher for judgement history: every judgement of an authority's held inspections, with what its area
 * covers, and (one row each, judgement null) the held inspections with no judgement in the graph.
 */
import { cypher } from "../../db/gateway.js";
import { inspectionDateKey } from "./queries.js";

export const AUTHORITY_JUDGEMENTS = cypher(
  "inspections.authorityJudgements",
  `MATCH (i:Inspection {status: 'HELD'})-[:OF]->(:Organisation {id: $authority})
   OPTIONAL MATCH (i)-[:JUDGED]->(j:Judgement)-[:ON]->(ja:JudgementArea)
   OPTIONAL MATCH (ja)-[:COVERS]->(sa:ServiceArea)
   WITH i, j, ja, collect(sa.id) AS covers
   RETURN i.id AS inspectionId, properties(i) AS inspectionProps, j.id AS judgementId, properties(j) AS judgementProps,
          ja.id AS areaId, properties(ja) AS areaProps, covers
   ORDER BY ${inspectionDateKey("i")}, i.sequence, i.id`,
);

/** Judgement areas of the frameworks in force (no end date), with what each covers: the series to report. */
export const CURRENT_JUDGEMENT_AREAS = cypher(
  "inspections.currentJudgementAreas",
  `MATCH (ja:JudgementArea) WHERE ja.validTo IS NULL
   OPTIONAL MATCH (ja)-[:COVERS]->(sa:ServiceArea)
   WITH ja, collect(sa.id) AS covers
   RETURN ja.id AS areaId, properties(ja) AS areaProps, covers
   ORDER BY CASE ja.code WHEN 'OVERALL' THEN 0 ELSE 1 END, ja.framework, ja.id`,
);
