/** Cypher for organisations and bodies, memberships, meetings and interventions. */
import { evidenceQuery } from "../../graphql/graphRead.js";


export const ORGANISATION_EVIDENCE = evidenceQuery("organisation.evidence", "Organisation");

