import { Field, ObjectType } from "type-graphql";
import { Intervention, Organisation } from "../bodies/types.js";
import { Finding, Inspection, Judgement } from "../inspections/types.js";
import { Oversight, PostAtDate } from "../accountability/types.js";

@ObjectType("AuthorityContext", { description: "Everything a front-end's council card needs, as of one day, in one request." })
export class AuthorityContext {
  @Field(() => Organisation) authority!: unknown;
  @Field(() => String, { description: "The day (YYYY-MM-DD), or the month or year asked (asOf)." }) on!: string;
  @Field(() => [PostAtDate], { description: "The authority's posts (leader, chief executive, DCS, cabinet members, …) with candidate holders on the day." })
  posts!: unknown[];
  @Field(() => Inspection, { nullable: true, description: "The latest held inspection with judgements that began by the day." })
  latestJudgedInspection!: unknown;
  @Field(() => [Judgement], { description: "That inspection's judgements." }) latestJudgements!: unknown[];
  @Field(() => Inspection, { nullable: true, description: "The latest held inspection or visit with findings that began by the day." })
  latestVisit!: unknown;
  @Field(() => [Finding], { description: "That visit's findings." }) latestFindings!: unknown[];
  @Field(() => [Intervention], { description: "Interventions in force on the day (issued — or, if that is unknown, following an inspection that began — by then, and not lifted)." })
  openInterventions!: unknown[];
  @Field(() => [Oversight], { description: "Bodies overseeing the authority's improvement on the day: overseeing an intervention in force, or having held meetings about it in the year to the day; with members and chairs." }) oversight!: unknown[];
  @Field(() => [Organisation], { description: "The authority's own bodies." }) bodies!: unknown[];
  @Field(() => [Organisation], {
    description: "Who delivers the authority's children's services on the day, when not the council itself: a children's trust or a partner council (dates not placing the day outside them). Their posts follow the authority's own in `posts`: all of a trust's, and of a partner council only its DCS.",
  })
  deliveredBy!: unknown[];
  @Field(() => Inspection, { nullable: true, description: "The next inspection expected after the day." })
  nextExpectedInspection!: unknown;
}
