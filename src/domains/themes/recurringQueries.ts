/**
 * Cypher for recurring themes, one query: whether the authority exists, and every theme occurrence in its held
 * inspections in a date range, oldest first, each inspection and theme sent once, not per row, and each node
 * with only the fields asked for (and those the answer is built from).
 */
import type { NodeProjection } from "../../graphql/compiledReads.js";
import { projectedQuery } from "../../graphql/projectedQuery.js";
import { inspectionDateKey } from "../inspections/queries.js";
import { effectiveDateCypher } from "../../model/effectiveDates.js";

/** Inspections count in the range by their effective date (start, else end, else publication), as lists order them. */
const EFFECTIVE = effectiveDateCypher("i", "Inspection");

export type OccurrenceProjections = { inspection: NodeProjection; finding: NodeProjection; theme: NodeProjection };

/** The query and, for materialise, the shapes of its inspections, findings and themes. */
export function themeOccurrences(p: OccurrenceProjections) {
  return projectedQuery("themes.occurrences", p, { inspection: "i", finding: "f", theme: "t" }, (map) =>
    `OPTIONAL MATCH (auth:Organisation {id: $authority})
     CALL (auth) {
       MATCH (i:Inspection {status: 'HELD'})-[:OF]->(auth)
       WITH i, ${EFFECTIVE.date} AS effective
       WHERE effective >= $from AND effective <= $to
       MATCH (i)-[:FOUND]->(f:Finding)-[:EXEMPLIFIES]->(t:Theme)
       WHERE $polarity IS NULL OR f.polarity = $polarity
       WITH i, f, t ORDER BY ${inspectionDateKey("i")}, i.sequence, f.id
       RETURN collect({themeId: t.id, inspectionId: i.id, finding: ${map.finding}}) AS occurrences,
              collect(DISTINCT i) AS inspections, collect(DISTINCT t) AS themes
     }
     RETURN auth IS NOT NULL AS authorityFound, occurrences,
            [i IN inspections | ${map.inspection}] AS inspections,
            [t IN themes | ${map.theme}] AS themes`);
}
