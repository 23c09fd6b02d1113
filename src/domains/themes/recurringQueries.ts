/** Cypher for recurring themes: every theme occurrence in an authority's held inspections in a date range. */
import { cypher } from "../../db/gateway.js";
import { inspectionDateKey } from "../inspections/queries.js";
import { effectiveDateCypher } from "../../model/effectiveDates.js";

/** Inspections count in the range by their effective date (start, else end, else publication), as lists order them. */
const EFFECTIVE = effectiveDateCypher("i", "Inspection");

export const THEME_OCCURRENCES = cypher(
  "themes.occurrences",
  `MATCH (i:Inspection {status: 'HELD'})-[:OF]->(:Organisation {id: $authority})
   WITH i, ${EFFECTIVE.date} AS effective
   WHERE effective >= $from AND effective <= $to
   MATCH (i)-[:FOUND]->(f:Finding)-[:EXEMPLIFIES]->(t:Theme)
   WHERE $polarity IS NULL OR f.polarity = $polarity
   RETURN t.id AS themeId, properties(t) AS themeProps, i.id AS inspectionId, properties(i) AS inspectionProps,
          f.id AS findingId, properties(f) AS findingProps
   ORDER BY ${inspectionDateKey("i")}, i.sequence, f.id`,
);
