/**
 * Cypher for recurring themes, one query: whether the authority exists, and every theme occurrence in its held
 * inspections in a date range, oldest first, each inspection's and theme's properties sent once, not per row.
 */
import { cypher } from "../../db/gateway.js";
import { inspectionDateKey } from "../inspections/queries.js";
import { effectiveDateCypher } from "../../model/effectiveDates.js";

/** Inspections count in the range by their effective date (start, else end, else publication), as lists order them. */
const EFFECTIVE = effectiveDateCypher("i", "Inspection");

export const THEME_OCCURRENCES = cypher(
  "themes.occurrences",
  `OPTIONAL MATCH (auth:Organisation {id: $authority})
   CALL (auth) {
     MATCH (i:Inspection {status: 'HELD'})-[:OF]->(auth)
     WITH i, ${EFFECTIVE.date} AS effective
     WHERE effective >= $from AND effective <= $to
     MATCH (i)-[:FOUND]->(f:Finding)-[:EXEMPLIFIES]->(t:Theme)
     WHERE $polarity IS NULL OR f.polarity = $polarity
     WITH i, f, t ORDER BY ${inspectionDateKey("i")}, i.sequence, f.id
     RETURN collect({themeId: t.id, inspectionId: i.id, findingId: f.id, findingProps: properties(f)}) AS occurrences,
            collect(DISTINCT i) AS inspections, collect(DISTINCT t) AS themes
   }
   RETURN auth IS NOT NULL AS authorityFound, occurrences,
          [i IN inspections | {id: i.id, props: properties(i)}] AS inspections,
          [t IN themes | {id: t.id, props: properties(t)}] AS themes`,
);
