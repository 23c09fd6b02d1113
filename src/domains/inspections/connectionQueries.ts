/**
 * Paged Cypher for the inspection and finding connections: one constant per scope and sort order. With an
 * authority the match starts from it (index seek); without one, listing everything scans by nature.
 */
import { pagedQueries } from "../../graphql/connections.js";
import { sortableStart } from "./queries.js";

const INSPECTION_FILTERS = `
    AND ($kind IS NULL OR n.kind = $kind)
    AND ($status IS NULL OR n.status = $status)
    AND ($from IS NULL OR n.start >= $from) AND ($to IS NULL OR n.start <= $to)
    AND ($grade IS NULL OR EXISTS { (n)-[:JUDGED]->(:Judgement {grade: $grade}) })`;

const FINDING_FILTERS = `
    AND ($inspection IS NULL OR i.id = $inspection)
    AND ($kind IS NULL OR n.kind = $kind)
    AND ($polarity IS NULL OR n.polarity = $polarity)
    AND ($from IS NULL OR i.start >= $from) AND ($to IS NULL OR i.start <= $to)
    AND ($theme IS NULL OR EXISTS { (n)-[:EXEMPLIFIES]->(:Theme {id: $theme}) })
    AND ($area IS NULL OR EXISTS { (n)-[:CONCERNS]->(:ServiceArea {id: $area}) })`;

const MATCHES = {
  inspections: {
    AUTHORITY: `MATCH (:Organisation {id: $authority})<-[:OF]-(n:Inspection) WHERE true ${INSPECTION_FILTERS}`,
    ANY: `MATCH (n:Inspection) WHERE true ${INSPECTION_FILTERS}`,
  },
  findings: {
    AUTHORITY: `MATCH (:Organisation {id: $authority})<-[:OF]-(i:Inspection)-[:FOUND]->(n:Finding) WHERE true ${FINDING_FILTERS}`,
    ANY: `MATCH (i:Inspection)-[:FOUND]->(n:Finding) WHERE true ${FINDING_FILTERS}`,
  },
};
export type Scope = keyof typeof MATCHES.inspections;

/** Every (scope, direction) variant of one sort key. */
function variants(name: string, matches: Record<Scope, string>, key: string) {
  const make = (scope: Scope) => ({
    ASC: pagedQueries(`${name}.${scope.toLowerCase()}`, matches[scope], key, "ASC"),
    DESC: pagedQueries(`${name}.${scope.toLowerCase()}`, matches[scope], key, "DESC"),
  });
  return { AUTHORITY: make("AUTHORITY"), ANY: make("ANY") };
}

// Partial dates sort at the middle of their range, as in every other list of inspections.
export const INSPECTION_PAGES = {
  START: variants("inspections.byStart", MATCHES.inspections, `toString(${sortableStart("n")})`),
};

export const FINDING_PAGES = {
  INSPECTION_DATE: variants("findings.byInspectionDate", MATCHES.findings, `toString(${sortableStart("i")})`),
  KIND: variants("findings.byKind", MATCHES.findings, "n.kind"),
};
