/** GraphQL enums made from the bundle schema's zod enums, so the two can never disagree. */
import { registerEnumType } from "type-graphql";
import type { z } from "zod";
import * as bundle from "../model/enums.js";

type EnumObject<T extends string> = { [K in T]: K };

function fromZod<T extends [string, ...string[]]>(zodEnum: z.ZodEnum<T>, name: string, description: string) {
  const values = Object.fromEntries(zodEnum.options.map((o) => [o, o])) as EnumObject<T[number]>;
  registerEnumType(values, { name, description });
  return values;
}

export const SourceKind = fromZod(bundle.SourceKind, "SourceKind", "What kind of document a source is.");
export const OrganisationKind = fromZod(bundle.OrganisationKind, "OrganisationKind", "What kind of body an organisation is.");
export const PostRole = fromZod(bundle.PostRole, "PostRole", "The role a post plays in accountability.");
export const OccupancyStatus = fromZod(bundle.OccupancyStatus, "OccupancyStatus", "On what footing a post was held.");
export const MembershipRole = fromZod(bundle.MembershipRole, "MembershipRole", "A member's role in a body.");
export const InspectionKind = fromZod(bundle.InspectionKind, "InspectionKind", "Ofsted inspection or visit type; INSPECTION where the source does not say which.");
export const InspectionStatus = fromZod(bundle.InspectionStatus, "InspectionStatus", "HELD, or EXPECTED for an announced future inspection.");
export const Grade = fromZod(bundle.Grade, "Grade", "Ofsted's four-point grade.");
export const FindingKind = fromZod(bundle.FindingKind, "FindingKind", "What an inspection finding is.");
export const Polarity = fromZod(bundle.Polarity, "Polarity", "Whether a finding is good news, bad news or neither.");
export const MeetingStatus = fromZod(bundle.MeetingStatus, "MeetingStatus", "ANNOUNCED: a source says the meeting will take place; HELD: a source reports that it took place.");
export const InterventionKind = fromZod(bundle.InterventionKind, "InterventionKind", "A government intervention's legal form.");
export const ReviewKind = fromZod(bundle.ReviewKind, "ReviewKind", "What kind of review (not an Ofsted inspection): independent, peer (sector-led), a safeguarding practice review, a commissioner's review, or other.");
export const AccountabilityLine = fromZod(bundle.AccountabilityLine, "AccountabilityLine", "Managerial (officers) or political (members) line.");

export const DatePrecision = { YEAR: "YEAR", MONTH: "MONTH", DAY: "DAY" } as const;
registerEnumType(DatePrecision, { name: "DatePrecision", description: "How precisely a date is known." });
