/** Cypher for organisations and bodies, memberships, meetings and interventions. */
import { allQuery, evidenceQuery } from "../../graphql/graphRead.js";

export const ALL_ORGANISATIONS = allQuery("organisations.all", "Organisation", "n.kind, n.name");
export const ALL_MEETINGS = allQuery("meetings.all", "Meeting", "n.date, n.id");
export const ALL_INTERVENTIONS = allQuery("interventions.all", "Intervention", "n.issued, n.id");

export const ORGANISATION_EVIDENCE = evidenceQuery("organisation.evidence", "Organisation");

