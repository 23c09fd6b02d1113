/** Cypher for the small edits that are not whole records: theme tags and an occupancy's end. */
import { cypher } from "../../db/gateway.js";

export const FINDING_AND_THEME = cypher(
  "mutations.findingAndTheme",
  `OPTIONAL MATCH (f:Finding {id: $finding})
   OPTIONAL MATCH (t:Theme {id: $theme})
   RETURN f IS NOT NULL AS findingFound, t IS NOT NULL AS themeFound, EXISTS { (f)-[:EXEMPLIFIES]->(t) } AS tagged`,
);

export const TAG_THEME = cypher(
  "mutations.tagTheme",
  `MATCH (f:Finding {id: $finding}) MATCH (t:Theme {id: $theme}) MERGE (f)-[:EXEMPLIFIES]->(t)`,
);

export const UNTAG_THEME = cypher(
  "mutations.untagTheme",
  `MATCH (:Finding {id: $finding})-[r:EXEMPLIFIES]->(:Theme {id: $theme}) DELETE r`,
);

export const OCCUPANCY_FOR_END = cypher(
  "mutations.occupancyForEnd",
  `OPTIONAL MATCH (o:Occupancy {id: $occupancy})
   OPTIONAL MATCH (s:Source) WHERE s.id IN $sources
   WITH o, collect(s.id) AS sources
   RETURN o IS NOT NULL AS found, o.start AS start, o.startPrecision AS startPrecision,
          o.end AS end, o.endPrecision AS endPrecision, sources,
          CASE WHEN o IS NULL THEN [] ELSE [(o)-[e:SUPPORTED_BY]->(src:Source) | src.id + '\n' + e.quote] END AS evidenceKeys`,
);

export const SET_OCCUPANCY_END = cypher(
  "mutations.setOccupancyEnd",
  `MATCH (o:Occupancy {id: $occupancy})
   SET o.end = $end, o.endPrecision = $precision
   WITH o
   UNWIND $evidence AS e
   MATCH (s:Source {id: e.source})
   MERGE (o)-[r:SUPPORTED_BY {quote: e.quote}]->(s)
   SET r.locator = e.locator`,
);
