/** The graph's enumerations, as zod enums: the bundle schema validates with them and GraphQL registers them. */
import { z } from "zod";

export const OrganisationKind = z.enum([
  "COUNCIL", "DIRECTORATE", "CABINET", "IMPROVEMENT_BOARD", "SCRUTINY_COMMITTEE",
  "GOVERNMENT_DEPARTMENT", "MINISTER", "INSPECTORATE", "POLITICAL_GROUP", "PARTNER", "CHILDRENS_TRUST",
]);
export const PostRole = z.enum([
  "DCS", "LEADER", "CABINET_MEMBER", "CHIEF_EXECUTIVE", "CHAIR", "IMPROVEMENT_ADVISER",
  "COMMISSIONER", "OPPOSITION_LEADER", "OTHER",
]);
export const OccupancyStatus = z.enum(["SUBSTANTIVE", "INTERIM", "ACTING", "UNKNOWN"]);
export const MembershipRole = z.enum(["MEMBER", "CHAIR", "INDEPENDENT_CHAIR", "OBSERVER"]);
export const InspectionKind = z.enum([
  "ILACS_STANDARD", "ILACS_SHORT", "FOCUSED_VISIT", "MONITORING_VISIT", "JTAI", "SIF", "INSPECTION",
  "LOOKED_AFTER_CHILDREN", "SAFEGUARDING", "SAFEGUARDING_AND_LOOKED_AFTER",
]);
export const InspectionStatus = z.enum(["HELD", "EXPECTED"]);
/** ADEQUATE is the grade of the frameworks before November 2013, which "requires improvement" replaced. */
export const Grade = z.enum(["OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "ADEQUATE", "INADEQUATE"]);
export const FindingKind = z.enum([
  "STRENGTH", "WEAKNESS", "RECOMMENDATION", "PRIORITY_ACTION", "PROGRESS", "OBSERVATION",
]);
export const Polarity = z.enum(["POSITIVE", "NEGATIVE", "NEUTRAL"]);
/** ANNOUNCED: a source says it will take place; HELD: a source reports it took place. */
export const MeetingStatus = z.enum(["ANNOUNCED", "HELD"]);
/** A statutory direction may require a commissioner or the removal of services; those steps are kinds of their own when a source reports them. */
export const InterventionKind = z.enum(["IMPROVEMENT_NOTICE", "STATUTORY_DIRECTION", "COMMISSIONER_APPOINTMENT", "SERVICES_REMOVED_TO_TRUST"]);
/** Events with findings that are not Ofsted inspections: reviews commissioned by a council, the DfE or a partnership. */
export const ReviewKind = z.enum([
  "INDEPENDENT_REVIEW", "PEER_REVIEW", "SAFEGUARDING_PRACTICE_REVIEW", "COMMISSIONER_REVIEW", "OTHER",
]);
export const SourceKind = z.enum(["NEWS", "PRESS_RELEASE", "REPORT", "LETTER", "MINUTES", "OTHER"]);
export const AccountabilityLine = z.enum(["MANAGERIAL", "POLITICAL"]);
