/** Cypher for recurring themes: every theme occurrence in an authority's held inspections in a date range. */
import { cypher } from "../../db/gateway.js";
import { sortableStart } from "../inspections/queries.js";

export const THEME_OCCURRENCES = cypher(
  "themes.occurrences",
  `MATCH (i:Inspection {status: 'HELD'})-[:OF]->(:Organisation {id: $authority})
   WHERE i.start >= $from AND i.start <= $to
   MATCH (i)-[:FOUND]->(f:Finding)-[:EXEMPLIFIES]->(t:Theme)
   WHERE $polarity IS NULL OR f.polarity = $polarity
   RETURN t.id AS themeId, properties(t) AS themeProps, i.id AS inspectionId, properties(i) AS inspectionProps,
          f.id AS findingId, properties(f) AS findingProps
   ORDER BY ${sortableStart("i")}, i.sequence, f.id`,
);
