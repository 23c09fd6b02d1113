/**
 * Paged Cypher for the inspection and finding connections: one constant per scope and sort order. With an
 * authority the match starts from it (index seek); without one, listing everything scans by nature.
 */
import { pagedQueries } from "../../graphql/connections.js";
import { inspectionDateKey } from "./queries.js";
import { effectiveDateCypher } from "../../model/effectiveDates.js";

/**
 * A range filter on an inspection's effective date (start, else end, else its report's publication, else its
 * sources'), a partial date: with $within, only what lies wholly inside the range; otherwise (the default)
 * everything that may lie in it, so a visit known only as "2024" is kept, and marked, by a filter from March 2024.
 */
const inRange = (v: string) => {
  const { date, precision } = effectiveDateCypher(v, "Inspection");
  const last = `CASE e.precision WHEN 'YEAR' THEN e.date + duration('P1Y') - duration('P1D') WHEN 'MONTH' THEN e.date + duration('P1M') - duration('P1D') ELSE e.date END`;
  // Without a range nothing is computed (CASE is lazy); with one, the effective date once per row (as e).
  return `(CASE WHEN $from IS NULL AND $to IS NULL THEN true ELSE any(e IN [{date: ${date}, precision: ${precision}}] WHERE
      ($from IS NULL OR (CASE WHEN $within THEN e.date >= $from ELSE ${last} >= $from END))
      AND ($to IS NULL OR (CASE WHEN $within THEN ${last} <= $to ELSE e.date <= $to END))) END)`;
};

const INSPECTION_FILTERS = `
    AND ($kind IS NULL OR n.kind = $kind)
    AND ($status IS NULL OR n.status = $status)
    AND ${inRange("n")}
    AND ($grade IS NULL OR EXISTS { (n)-[:JUDGED]->(:Judgement {grade: $grade}) })`;

/** The findings filters, less the one the scope's match already applies (its start node): no check twice per row. */
const findingFilters = (scope: "AUTHORITY" | "INSPECTION" | "THEME" | "AREA" | "ANY") => `
    ${scope === "AUTHORITY" ? "" : "AND ($authority IS NULL OR EXISTS { (i)-[:OF]->(:Organisation {id: $authority}) })"}
    ${scope === "INSPECTION" ? "" : "AND ($inspection IS NULL OR i.id = $inspection)"}
    AND ($kind IS NULL OR n.kind = $kind)
    AND ($polarity IS NULL OR n.polarity = $polarity)
    AND ${inRange("i")}
    ${scope === "THEME" ? "" : "AND ($theme IS NULL OR EXISTS { (n)-[:EXEMPLIFIES]->(:Theme {id: $theme}) })"}
    ${scope === "AREA" ? "" : "AND ($area IS NULL OR EXISTS { (n)-[:CONCERNS]->(:ServiceArea {id: $area}) })"}`;

const MATCHES = {
  inspections: {
    AUTHORITY: `MATCH (:Organisation {id: $authority})<-[:OF]-(n:Inspection) WHERE true ${INSPECTION_FILTERS}`,
    ANY: `MATCH (n:Inspection) WHERE true ${INSPECTION_FILTERS}`,
  },
  // The most selective id given is where the match starts (an index seek), never a scan of every Inspection.
  findings: {
    AUTHORITY: `MATCH (:Organisation {id: $authority})<-[:OF]-(i:Inspection)-[:FOUND]->(n:Finding) WHERE true ${findingFilters("AUTHORITY")}`,
    INSPECTION: `MATCH (i:Inspection {id: $inspection})-[:FOUND]->(n:Finding) WHERE true ${findingFilters("INSPECTION")}`,
    THEME: `MATCH (:Theme {id: $theme})<-[:EXEMPLIFIES]-(n:Finding)<-[:FOUND]-(i:Inspection) WHERE true ${findingFilters("THEME")}`,
    AREA: `MATCH (:ServiceArea {id: $area})<-[:CONCERNS]-(n:Finding)<-[:FOUND]-(i:Inspection) WHERE true ${findingFilters("AREA")}`,
    ANY: `MATCH (i:Inspection)-[:FOUND]->(n:Finding) WHERE true ${findingFilters("ANY")}`,
  },
};
export type Scope = keyof typeof MATCHES.inspections;
export type FindingScope = keyof typeof MATCHES.findings;

/** Every (scope, direction) variant of one sort key; `keyOwner`: the variable the key depends on alone, if not `n`. */
function variants<S extends string>(name: string, matches: Record<S, string>, key: string, keyOwner?: string) {
  const make = (scope: S) => ({
    ASC: pagedQueries(`${name}.${scope.toLowerCase()}`, matches[scope], key, "ASC", "string", keyOwner),
    DESC: pagedQueries(`${name}.${scope.toLowerCase()}`, matches[scope], key, "DESC", "string", keyOwner),
  });
  return Object.fromEntries(Object.keys(matches).map((scope) => [scope, make(scope as S)])) as Record<S, ReturnType<typeof make>>;
}

/**
 * An inspection's place as every list of inspections orders it: its effective date at the middle of its
 * range, then its sequence (monitoring visit 1, 2, …), as one string; undated last ('~' sorts after digits).
 */
const inspectionKey = (v: string) =>
  `coalesce(toString(${inspectionDateKey(v)}) + ' ' + right('00000' + toString(toInteger(coalesce(${v}.sequence, 0))), 5), '~')`;

export const INSPECTION_PAGES = {
  START: variants("inspections.byStart", MATCHES.inspections, inspectionKey("n")),
};

export const FINDING_PAGES = {
  // A finding sorts by its inspection's place: the key computed once per inspection, not once per finding.
  INSPECTION_DATE: variants("findings.byInspectionDate", MATCHES.findings, inspectionKey("i"), "i"),
  KIND: variants("findings.byKind", MATCHES.findings, "n.kind"),
};
