/** Cypher for organisations and bodies, memberships, meetings and interventions. */
import { cypher } from "../../db/gateway.js";
import { evidenceQuery, relationshipPropsQuery } from "../../graphql/graphRead.js";

export const ORGANISATION_EVIDENCE = evidenceQuery("organisation.evidence", "Organisation");
export const ORGANISATION_NEIGHBOURS = relationshipPropsQuery(
  "organisation.statisticalNeighbours", "(a:Organisation)-[r:STATISTICAL_NEIGHBOUR]->(b:Organisation)", "r.rank",
);
export const ORGANISATION_SUCCESSORS = relationshipPropsQuery(
  "organisation.succeededBy", "(a:Organisation)-[r:SUCCEEDED_BY]->(b:Organisation)", "b.name, b.id",
);
export const ORGANISATION_PREDECESSORS = relationshipPropsQuery(
  "organisation.succeeds", "(a:Organisation)<-[r:SUCCEEDED_BY]-(b:Organisation)", "b.name, b.id",
);

export const ORGANISATION_PROVIDERS = relationshipPropsQuery(
  "organisation.servicesDeliveredBy", "(a:Organisation)-[r:SERVICES_DELIVERED_BY]->(b:Organisation)", "r.start, b.name, b.id",
);
export const ORGANISATION_DELIVERS_FOR = relationshipPropsQuery(
  "organisation.deliversServicesFor", "(a:Organisation)<-[r:SERVICES_DELIVERED_BY]-(b:Organisation)", "r.start, b.name, b.id",
);
export const ORGANISATION_SUPPORTERS = relationshipPropsQuery(
  "organisation.supportedBy", "(a:Organisation)-[r:SUPPORTED_IN_IMPROVEMENT_BY]->(b:Organisation)", "r.start, b.name, b.id",
);
export const ORGANISATION_SUPPORTS = relationshipPropsQuery(
  "organisation.supports", "(a:Organisation)<-[r:SUPPORTED_IN_IMPROVEMENT_BY]-(b:Organisation)", "r.start, b.name, b.id",
);

/** Every local authority (organisations with a DfE code): 156, read whole to resolve a name. */
export const LOCAL_AUTHORITIES = cypher(
  "organisations.localAuthorities",
  "MATCH (n:Organisation) WHERE n.laCode IS NOT NULL RETURN n.id AS id, properties(n) AS props ORDER BY n.laCode",
);
