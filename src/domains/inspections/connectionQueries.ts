/** Paged Cypher for the inspection and finding connections: one constant per sort order. */
import { pagedQueries } from "../../graphql/connections.js";

/** Every filter optional; dates compare on each inspection's start (its earliest possible day). */
const INSPECTION_MATCH = `
  MATCH (n:Inspection)-[:OF]->(a:Organisation)
  WHERE ($authority IS NULL OR a.id = $authority)
    AND ($kind IS NULL OR n.kind = $kind)
    AND ($status IS NULL OR n.status = $status)
    AND ($from IS NULL OR n.start >= $from) AND ($to IS NULL OR n.start <= $to)
    AND ($grade IS NULL OR EXISTS { (n)-[:JUDGED]->(:Judgement {grade: $grade}) })`;

const FINDING_MATCH = `
  MATCH (a:Organisation)<-[:OF]-(i:Inspection)-[:FOUND]->(n:Finding)
  WHERE ($authority IS NULL OR a.id = $authority)
    AND ($inspection IS NULL OR i.id = $inspection)
    AND ($kind IS NULL OR n.kind = $kind)
    AND ($polarity IS NULL OR n.polarity = $polarity)
    AND ($from IS NULL OR i.start >= $from) AND ($to IS NULL OR i.start <= $to)
    AND ($theme IS NULL OR EXISTS { (n)-[:EXEMPLIFIES]->(:Theme {id: $theme}) })
    AND ($area IS NULL OR EXISTS { (n)-[:CONCERNS]->(:ServiceArea {id: $area}) })`;

export const INSPECTION_PAGES = {
  START: {
    ASC: pagedQueries("inspections.byStart", INSPECTION_MATCH, "toString(n.start)", "ASC"),
    DESC: pagedQueries("inspections.byStart", INSPECTION_MATCH, "toString(n.start)", "DESC"),
  },
};

export const FINDING_PAGES = {
  INSPECTION_DATE: {
    ASC: pagedQueries("findings.byInspectionDate", FINDING_MATCH, "toString(i.start)", "ASC"),
    DESC: pagedQueries("findings.byInspectionDate", FINDING_MATCH, "toString(i.start)", "DESC"),
  },
  KIND: {
    ASC: pagedQueries("findings.byKind", FINDING_MATCH, "n.kind", "ASC"),
    DESC: pagedQueries("findings.byKind", FINDING_MATCH, "n.kind", "DESC"),
  },
};
