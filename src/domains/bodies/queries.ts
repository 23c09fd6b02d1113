/** Cypher for organisations and bodies, memberships, meetings and interventions. */
import { cypher } from "../../db/gateway.js";
import { evidenceQuery } from "../../graphql/graphRead.js";

export const ORGANISATION_EVIDENCE = evidenceQuery("organisation.evidence", "Organisation");


export const ORGANISATION_NEIGHBOURS = cypher(
  "organisation.statisticalNeighbours",
  `MATCH (a:Organisation)-[r:STATISTICAL_NEIGHBOUR]->(b:Organisation) WHERE a.id IN $ids
   RETURN a.id AS key, b.id AS otherId, properties(r) AS props ORDER BY r.rank`,
);
export const ORGANISATION_SUCCESSORS = cypher(
  "organisation.succeededBy",
  `MATCH (a:Organisation)-[r:SUCCEEDED_BY]->(b:Organisation) WHERE a.id IN $ids
   RETURN a.id AS key, b.id AS otherId, properties(r) AS props ORDER BY b.name, b.id`,
);
export const ORGANISATION_PREDECESSORS = cypher(
  "organisation.succeeds",
  `MATCH (a:Organisation)<-[r:SUCCEEDED_BY]-(b:Organisation) WHERE a.id IN $ids
   RETURN a.id AS key, b.id AS otherId, properties(r) AS props ORDER BY b.name, b.id`,
);

/** Every local authority (organisations with a DfE code): 156, read whole to resolve a name. */
export const LOCAL_AUTHORITIES = cypher(
  "organisations.localAuthorities",
  "MATCH (n:Organisation) WHERE n.laCode IS NOT NULL RETURN n.id AS id, properties(n) AS props ORDER BY n.laCode",
);
