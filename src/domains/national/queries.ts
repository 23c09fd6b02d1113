/** Cypher for the national questions: latest grades, the themes of recommendations, prevalence by year. */
import { cypher } from "../../db/gateway.js";

/**
 * The authority `o`'s latest inspection with an overall judgement (so a review of the LSCB alone, or a
 * monitoring visit, is not taken for the latest grades), returned as `v`.
 */
const latestGraded = (v: string) => `
    MATCH (o)<-[:OF]-(${v}:Inspection {status: 'HELD'})
    WHERE EXISTS { (${v})-[:JUDGED]->(:Judgement)-[:ON]->(:JudgementArea {code: 'OVERALL'}) }
    RETURN ${v} ORDER BY coalesce(${v}.start, ${v}.end, ${v}.published) DESC, ${v}.id DESC LIMIT 1`;
const LATEST_GRADED = `CALL (o) { ${latestGraded("i")} }`;

export const LATEST_GRADES = cypher("national.latestGrades", `
  MATCH (o:Organisation) WHERE o.id IN $ids
  ${LATEST_GRADED}
  MATCH (i)-[:JUDGED]->(j:Judgement)-[:ON]->(a:JudgementArea)
  RETURN o.id AS key, i.id AS inspectionId, properties(i) AS inspectionProps, j.id AS judgementId, properties(j) AS judgementProps,
         a.code AS code
  ORDER BY a.code, j.id`);

/** Local authorities (those with a DfE code), current ones only unless $includeFormer, optionally of one region or type. */
export const AUTHORITIES = cypher("national.authorities", `
  MATCH (n:Organisation) WHERE n.laCode IS NOT NULL
    AND ($includeFormer OR NOT EXISTS { (n)-[:SUCCEEDED_BY]->() })
    AND ($region IS NULL OR n.region = $region) AND ($authorityType IS NULL OR n.authorityType = $authorityType)
  RETURN n.id AS id, properties(n) AS props ORDER BY n.name, n.id`);

export const REGIONS_AND_TYPES = cypher("national.regionsAndTypes", `
  MATCH (n:Organisation) WHERE n.laCode IS NOT NULL
  RETURN collect(DISTINCT n.region) AS regions, collect(DISTINCT n.authorityType) AS types`);

/** Per authority, the themes of the recommendations of its latest graded inspection ($latestOnly) or of all its inspections. */
export const RECOMMENDATION_THEMES = cypher("national.recommendationThemes", `
  MATCH (o:Organisation) WHERE o.id IN $ids
  CALL (o) {
    MATCH (o)<-[:OF]-(i:Inspection {status: 'HELD'})
    WHERE NOT $latestOnly OR i = COLLECT { ${latestGraded("x")} }[0]
    RETURN i
  }
  MATCH (i)-[:FOUND]->(f:Finding {kind: 'RECOMMENDATION'})-[:EXEMPLIFIES]->(t:Theme)
  WITH o, t, collect(f.id) AS findings
  RETURN o.id AS key, t.id AS themeId, properties(t) AS themeProps, findings
  ORDER BY size(findings) DESC, t.label`);

/** Per year of inspection and theme: the authorities whose findings of $kind raised it, and those findings. */
export const THEME_PREVALENCE = cypher("national.themePrevalence", `
  MATCH (o:Organisation)<-[:OF]-(i:Inspection {status: 'HELD'})-[:FOUND]->(f:Finding {kind: $kind})-[:EXEMPLIFIES]->(t:Theme)
  WHERE ($region IS NULL OR o.region = $region) AND ($authority IS NULL OR o.id = $authority) AND ($theme IS NULL OR t.id = $theme)
  WITH coalesce(i.start, i.end, i.published).year AS year, t, o, f
  WHERE year >= $from AND year <= $to
  WITH year, t, count(DISTINCT o) AS authorities, collect(f.id) AS findings
  RETURN year, t.id AS themeId, properties(t) AS themeProps, authorities, findings
  ORDER BY year, size(findings) DESC, t.label`);

/** Per year: how many authorities (of the region, or the one) had a graded inspection: the denominator of a share. */
export const INSPECTED_PER_YEAR = cypher("national.inspectedPerYear", `
  MATCH (o:Organisation)<-[:OF]-(i:Inspection {status: 'HELD'})
  WHERE EXISTS { (i)-[:JUDGED]->() } AND ($region IS NULL OR o.region = $region) AND ($authority IS NULL OR o.id = $authority)
  WITH coalesce(i.start, i.end, i.published).year AS year, o
  WHERE year >= $from AND year <= $to
  RETURN year, count(DISTINCT o) AS authorities ORDER BY year`);
