/** Cypher for the small edits that are not whole records: theme tags and an occupancy's end. */
import { CHANGE_SET_PROPERTIES } from "../../audit/changeSets.js";
import { cypher } from "../../db/gateway.js";

/**
 * Tags ($tagged) or untags a finding with a theme, with its ChangeSet, in one statement: the finding's lock
 * first (setting its id to itself), then the check, so identical edits queue on the finding and each sees
 * what the one before committed; a no-op writes nothing and answers a null changeSetId. The edge is changed
 * last: that locks the theme too, shared by every edit that tags it, and the statement commits as it ends.
 */
export const SET_THEME_TAG = cypher(
  "mutations.setThemeTag",
  `// Nothing while a large import holds the graph (its rollback would undo the edit).
   OPTIONAL MATCH (l:WriteLock {id: 'graph'})
   WITH l.importInProgress AS importing
   OPTIONAL MATCH (f:Finding {id: $finding})
   CALL (f, importing) { WITH f WHERE f IS NOT NULL AND importing IS NULL SET f.id = f.id }
   OPTIONAL MATCH (t:Theme {id: $theme})
   WITH importing, f, t, EXISTS { (f)-[:EXEMPLIFIES]->(t) } AS wasTagged
   OPTIONAL CALL (f, t, wasTagged, importing) {
     WITH * WHERE importing IS NULL AND f IS NOT NULL AND t IS NOT NULL AND wasTagged <> $tagged
     CREATE (c:ChangeSet ${CHANGE_SET_PROPERTIES})
     MERGE (c)-[:TOUCHED {change: 'UPDATED'}]->(f)
     FOREACH (_ IN CASE WHEN $tagged THEN [1] ELSE [] END | MERGE (f)-[:EXEMPLIFIES]->(t))
     WITH c, f, t
     OPTIONAL MATCH (f)-[r:EXEMPLIFIES]->(t) WHERE NOT $tagged
     DELETE r
     RETURN c.id AS changeSetId
   }
   RETURN f IS NOT NULL AS findingFound, t IS NOT NULL AS themeFound, changeSetId, importing`,
);

export const OCCUPANCY_FOR_END = cypher(
  "mutations.occupancyForEnd",
  `OPTIONAL MATCH (o:Occupancy {id: $occupancy})
   OPTIONAL MATCH (s:Source) WHERE s.id IN $sources
   WITH o, collect(s.id) AS sources
   RETURN o IS NOT NULL AS found, o.start AS start, o.startPrecision AS startPrecision,
          o.end AS end, o.endPrecision AS endPrecision, sources,
          [x IN [o.startAfter, o.endAfter, o.endBefore] | toString(x)] AS bounds,
          [o.startAfterPrecision, o.endAfterPrecision, o.endBeforePrecision] AS boundPrecisions,
          CASE WHEN o IS NULL THEN [] ELSE [(o)-[e:SUPPORTED_BY]->(src:Source) | src.id + '\n' + e.quote] END AS evidenceKeys`,
);

export const SET_OCCUPANCY_END = cypher(
  "mutations.setOccupancyEnd",
  `MATCH (o:Occupancy {id: $occupancy})
   // The end is now known: the bounds it was checked against give way to it.
   SET o.end = $end, o.endPrecision = $precision,
       o.endBefore = null, o.endBeforePrecision = null, o.endAfter = null, o.endAfterPrecision = null
   WITH o
   UNWIND $evidence AS e
   MATCH (s:Source {id: e.source})
   MERGE (o)-[r:SUPPORTED_BY {quote: e.quote}]->(s)
   SET r.locator = e.locator`,
);
