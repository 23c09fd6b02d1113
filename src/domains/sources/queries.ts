/** Cypher for sources. */
import { cypher } from "../../db/gateway.js";

export const SOURCES_BY_IDS = cypher(
  "sources.byIds",
  "MATCH (n:Source) WHERE n.id IN $ids RETURN n.id AS id, properties(n) AS props",
);

export const ALL_SOURCES = cypher(
  "sources.all",
  "MATCH (n:Source) RETURN n.id AS id, properties(n) AS props ORDER BY n.published, n.id",
);
