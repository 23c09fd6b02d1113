import { Field, Int, ObjectType } from "type-graphql";
import { AccountabilityLine, MembershipRole } from "../../graphql/enums.js";
import { Node } from "../../graphql/node.js";
import { PartialDateScalar } from "../../graphql/partialDate.js";
import { registerEnumType } from "type-graphql";
import { Intervention, Meeting, Membership, Organisation } from "../bodies/types.js";
import { Occupancy, Person, Post } from "../people/types.js";
import { ServiceArea } from "../themes/types.js";
import { Evidence } from "../sources/evidence.js";

export const CertaintyEnum = { CERTAIN: "CERTAIN", ATTESTED: "ATTESTED", VACANT: "VACANT", UNKNOWN: "UNKNOWN" } as const;
registerEnumType(CertaintyEnum, {
  name: "Certainty",
  description: "CERTAIN: the known dates contain the day. ATTESTED: a source shows the holder in post within a year (see attestedOn). VACANT: every known occupancy has both dates and none contains the day. UNKNOWN: the sources cannot say.",
});

@ObjectType("HolderAtDate", { description: "A candidate holder of a post on the day asked, with how sure that is." })
export class HolderAtDate {
  @Field(() => Person) person!: unknown;
  @Field(() => Occupancy, { description: "The occupancy that places them best on the day." }) occupancy!: unknown;
  @Field(() => [Occupancy], {
    description: "Every occupancy of the post by this person that may cover the day, best first: one holder however many records or sources show them in post.",
  })
  occupancies!: unknown[];
  @Field(() => CertaintyEnum) certainty!: string;
  @Field(() => PartialDateScalar, { nullable: true, description: "For ATTESTED: the attestation nearest the day asked." })
  attestedOn!: string | null;
  @Field(() => Int, { description: "Days between the day asked and that attestation (0 when it covers the day)." })
  distanceDays!: number;
}

@ObjectType("LastKnownHolder", { description: "When no one is known to hold a post on the day asked: who the sources last placed in it, and as of when." })
export class LastKnownHolder {
  @Field(() => Person) person!: unknown;
  @Field(() => Occupancy) occupancy!: unknown;
  @Field(() => PartialDateScalar, { description: "The latest date, not after the day asked, at which a source places them in post: the start, an attestation or the end of the occupancy." })
  asOf!: string;
}

@ObjectType("PostAtDate", { description: "A post and everyone who may have held it on the day asked." })
export class PostAtDate {
  @Field(() => Post) post!: unknown;
  @Field(() => Int, { description: "0 for the post responsible for the service area, then 1, 2… up the lines." })
  level!: number;
  @Field(() => CertaintyEnum) certainty!: string;
  @Field(() => [HolderAtDate], { description: "All candidates, best first; never silently reduced to one." })
  holders!: HolderAtDate[];
  @Field(() => LastKnownHolder, { nullable: true, description: "Only when `holders` is empty: the last known holder before the day asked, as of the latest evidence (\"last known holder, as of 2023-07\"); null when no source places anyone in the post before it." })
  lastKnown!: LastKnownHolder | null;
}

@ObjectType("AccountabilityStep", { description: "One line of accountability in force on the day asked." })
export class AccountabilityStep {
  @Field(() => Post) from!: unknown;
  @Field(() => Node, { description: "The post or body answered to." }) to!: unknown;
  @Field(() => AccountabilityLine) line!: string;
  @Field(() => Int) level!: number;
  @Field(() => Boolean) inferred!: boolean;
  @Field(() => String, { nullable: true }) inferredFrom!: string | null;
  @Field(() => [Evidence]) evidence!: Evidence[];
}

@ObjectType("MemberAtDate", { description: "A member of an overseeing body, as far as the sources date it." })
export class MemberAtDate {
  @Field(() => Membership) membership!: unknown;
  @Field(() => Node, { description: "A Person or an Organisation." }) member!: unknown;
  @Field(() => MembershipRole) role!: string;
  @Field(() => CertaintyEnum, { description: "CERTAIN when the membership's dates contain the day; UNKNOWN when they are not stated." })
  certainty!: string;
}

@ObjectType("Oversight", {
  description: "A body the sources show overseeing the authority's improvement work on the day asked: it oversees an intervention in force, or held meetings about the authority's improvement in the year to the day.",
})
export class Oversight {
  @Field(() => Organisation) body!: unknown;
  @Field(() => Intervention, { nullable: true, description: "The intervention in force whose work the body oversees; null for a body seen overseeing only through its meetings." })
  intervention!: unknown;
  @Field(() => [Meeting], { description: "The body's meetings about the authority (of its own bodies, or considering its inspections or interventions) that a source reports HELD in the year to the day, oldest first. Announced meetings are not oversight done and are left out." })
  meetings!: unknown[];
  @Field(() => [MemberAtDate], { description: "Members, chairs first." }) members!: MemberAtDate[];
  @Field(() => [PostAtDate], { description: "The body's own posts (e.g. its independent chair) and their holders." })
  posts!: PostAtDate[];
}

export const AccountabilityBasis = { SOURCES: "SOURCES", STATUTE: "STATUTE" } as const;
registerEnumType(AccountabilityBasis, {
  name: "AccountabilityBasis",
  description: "Where an accountability answer's lines come from: the sources' own statements, or (when no source states who answered for the area then) the statutory lines of every English authority.",
});

@ObjectType("AccountabilityAnswer", { description: "Who was accountable for a service area on a day, up to the chief executive and the leader." })
export class AccountabilityAnswer {
  @Field(() => Organisation) authority!: unknown;
  @Field(() => ServiceArea) serviceArea!: unknown;
  @Field(() => String, { description: "The day asked (YYYY-MM-DD), or the month or year (asOf)." }) on!: string;
  @Field(() => [PostAtDate], { description: "Responsible posts (level 0), then every post up the managerial and political lines; then, at level 0, the posts of whoever delivers the authority's children's services on the day (all of a trust's posts; a partner council's DCS)." })
  posts!: PostAtDate[];
  @Field(() => [AccountabilityStep]) steps!: AccountabilityStep[];
  @Field(() => [Oversight]) oversight!: Oversight[];
  @Field(() => [Organisation], { description: "Who delivers the authority's children's services for it on the day, when not the authority itself: a children's trust or a partner council (see Organisation.servicesDeliveredBy)." })
  deliveredBy!: unknown[];
  @Field(() => AccountabilityBasis, { description: "SOURCES when a source states who answered for the area then; otherwise STATUTE: the DCS and the lead member for children's services (Children Act 2004, ss.18–19) among the authority's posts, answering to the chief executive and the leader, each line inferred from statute with no evidence." })
  basis!: string;
  @Field(() => String, { nullable: true, description: "For STATUTE: what the statutory lines are and why they are shown." })
  basisNote!: string | null;
}
