/** Cypher for sources. */
import { allQuery } from "../../graphql/graphRead.js";

export const ALL_SOURCES = allQuery("sources.all", "Source", "n.published, n.id");
