/**
 * Cypher for judgement history, one query: whether the authority (and the area asked, if any) exists, every
 * judgement of the authority's held inspections with what its area covers and (judgement null) the held
 * inspections with no judgement in the graph, and the judgement areas of the frameworks in force; each node with
 * only the fields asked for (and those the series are built from).
 */
import type { NodeProjection } from "../../graphql/compiledReads.js";
import { projectedQuery } from "../../graphql/projectedQuery.js";
import { inspectionDateKey } from "./queries.js";

export type HistoryProjections = { inspection: NodeProjection; judgement: NodeProjection; area: NodeProjection };

/** The query and, for materialise, the shapes of its inspections, judgements and judgement areas. */
export function judgementHistoryQuery(p: HistoryProjections) {
  return projectedQuery("inspections.judgementHistory", p, { inspection: "i", judgement: "j", area: "ja" }, (map) =>
    `OPTIONAL MATCH (auth:Organisation {id: $authority})
     RETURN auth IS NOT NULL AS authorityFound,
       ($area IS NULL OR EXISTS { (:ServiceArea {id: $area}) }) AS areaFound,
       COLLECT {
         MATCH (i:Inspection {status: 'HELD'})-[:OF]->(auth)
         OPTIONAL MATCH (i)-[:JUDGED]->(j:Judgement)-[:ON]->(ja:JudgementArea)
         OPTIONAL MATCH (ja)-[:COVERS]->(sa:ServiceArea)
         WITH i, j, ja, collect(sa.id) AS covers
         RETURN {inspection: ${map.inspection}, judgement: ${map.judgement}, area: ${map.area}, covers: covers}
         ORDER BY ${inspectionDateKey("i")}, i.sequence, i.id
       } AS judged,
       // Judgement areas of the frameworks in force (no end date): the series to report.
       COLLECT {
         MATCH (ja:JudgementArea) WHERE ja.validTo IS NULL
         OPTIONAL MATCH (ja)-[:COVERS]->(sa:ServiceArea)
         WITH ja, collect(sa.id) AS covers
         RETURN {area: ${map.area}, covers: covers}
         ORDER BY CASE ja.code WHEN 'OVERALL' THEN 0 ELSE 1 END, ja.framework, ja.id
       } AS current`);
}
