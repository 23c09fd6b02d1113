/** Cypher for organisations and bodies, memberships, meetings and interventions. */
import { allQuery, evidenceQuery, relatedAnyQuery, relatedQuery } from "../../graphql/graphRead.js";
import { sortableStart } from "../inspections/queries.js";

export const ALL_ORGANISATIONS = allQuery("organisations.all", "Organisation", "n.kind, n.name");
export const ALL_MEETINGS = allQuery("meetings.all", "Meeting", "n.date, n.id");
export const ALL_INTERVENTIONS = allQuery("interventions.all", "Intervention", "n.issued, n.id");

export const ORGANISATION_EVIDENCE = evidenceQuery("organisation.evidence", "Organisation");
export const ORGANISATION_PART_OF = relatedQuery("organisation.partOf", "Organisation", "-[:PART_OF]->", "Organisation");
export const ORGANISATION_PARTS = relatedQuery("organisation.parts", "Organisation", "<-[:PART_OF]-", "Organisation", "b.kind, b.name");
export const ORGANISATION_POSTS = relatedQuery("organisation.posts", "Organisation", "<-[:IN]-", "Post", "b.title");
export const ORGANISATION_MEMBERSHIPS = relatedQuery("organisation.memberships", "Organisation", "<-[:OF]-", "Membership", "b.role, b.id");
export const ORGANISATION_MEMBERSHIPS_HELD = relatedQuery("organisation.membershipsHeld", "Organisation", "-[:HOLDS]->", "Membership");
export const ORGANISATION_INSPECTIONS = relatedQuery("organisation.inspections", "Organisation", "<-[:OF]-", "Inspection", `${sortableStart("b")}, b.sequence, b.id`);
export const ORGANISATION_MEETINGS = relatedQuery("organisation.meetings", "Organisation", "<-[:OF]-", "Meeting", "b.date, b.id");
export const ORGANISATION_INTERVENTIONS = relatedQuery("organisation.interventions", "Organisation", "<-[:TO]-", "Intervention", "b.issued, b.id");
export const ORGANISATION_OVERSEES = relatedQuery("organisation.oversees", "Organisation", "-[:OVERSEES]->", "Intervention");

export const MEMBERSHIP_MEMBER = relatedAnyQuery("membership.member", "Membership", "<-[:HOLDS]-");
export const MEMBERSHIP_BODY = relatedQuery("membership.body", "Membership", "-[:OF]->", "Organisation");
export const MEETING_BODY = relatedQuery("meeting.body", "Meeting", "-[:OF]->", "Organisation");
export const MEETING_CONSIDERED = relatedAnyQuery("meeting.considered", "Meeting", "-[:CONSIDERED]->");
export const INTERVENTION_ISSUED_BY = relatedQuery("intervention.issuedBy", "Intervention", "-[:ISSUED_BY]->", "Organisation");
export const INTERVENTION_TO = relatedQuery("intervention.to", "Intervention", "-[:TO]->", "Organisation");
export const INTERVENTION_FOLLOWS = relatedQuery("intervention.follows", "Intervention", "-[:FOLLOWS]->", "Inspection", `${sortableStart("b")}, b.sequence, b.id`);
export const INTERVENTION_OVERSEEN_BY = relatedQuery("intervention.overseenBy", "Intervention", "<-[:OVERSEES]-", "Organisation");
