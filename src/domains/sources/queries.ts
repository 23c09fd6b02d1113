/** Cypher for sources. */
import { cypher } from "../../db/gateway.js";

export const ALL_SOURCES = cypher("sources.all", `
  MATCH (n:Source) WHERE $kind IS NULL OR n.kind = $kind
  RETURN n.id AS id, properties(n) AS props ORDER BY n.published, n.id`);
