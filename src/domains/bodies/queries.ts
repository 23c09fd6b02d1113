/** Cypher for organisations and bodies, memberships, meetings and interventions. */
import { cypher } from "../../db/gateway.js";
import { evidenceQuery, relationshipPropsQuery } from "../../graphql/graphRead.js";

export const ORGANISATION_EVIDENCE = evidenceQuery("organisation.evidence", "Organisation");
/** A relationship between organisations with properties of its own, read from one end (`a`) to the other. */
const between = (field: string, type: string, direction: "OUT" | "IN", orderBy: string) =>
  relationshipPropsQuery(
    `organisation.${field}`,
    direction === "OUT" ? `(a:Organisation)-[r:${type}]->(b:Organisation)` : `(a:Organisation)<-[r:${type}]-(b:Organisation)`,
    orderBy,
  );

export const ORGANISATION_NEIGHBOURS = between("statisticalNeighbours", "STATISTICAL_NEIGHBOUR", "OUT", "r.rank");
export const ORGANISATION_SUCCESSORS = between("succeededBy", "SUCCEEDED_BY", "OUT", "b.name, b.id");
export const ORGANISATION_PREDECESSORS = between("succeeds", "SUCCEEDED_BY", "IN", "b.name, b.id");
export const ORGANISATION_PROVIDERS = between("servicesDeliveredBy", "SERVICES_DELIVERED_BY", "OUT", "r.start, b.name, b.id");
export const ORGANISATION_DELIVERS_FOR = between("deliversServicesFor", "SERVICES_DELIVERED_BY", "IN", "r.start, b.name, b.id");
export const ORGANISATION_SUPPORTERS = between("supportedBy", "SUPPORTED_IN_IMPROVEMENT_BY", "OUT", "r.start, b.name, b.id");
export const ORGANISATION_SUPPORTS = between("supports", "SUPPORTED_IN_IMPROVEMENT_BY", "IN", "r.start, b.name, b.id");

/** Every local authority (organisations with a DfE code): 156, read whole to resolve a name. */
export const LOCAL_AUTHORITIES = cypher(
  "organisations.localAuthorities",
  "MATCH (n:Organisation) WHERE n.laCode IS NOT NULL RETURN n.id AS id, properties(n) AS props ORDER BY n.laCode",
);
