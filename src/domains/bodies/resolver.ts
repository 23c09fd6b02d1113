import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { OrganisationKind } from "../../graphql/enums.js";
import { fetchNode, loadAll, loadRelated, loadRelatedOne, type GraphObject } from "../../graphql/graphRead.js";
import { checkId } from "../../graphql/ids.js";
import { Node } from "../../graphql/node.js";
import { Inspection } from "../inspections/types.js";
import { Post } from "../people/types.js";
import { claimResolver, Evidence, loadEvidence } from "../sources/evidence.js";
import * as q from "./queries.js";
import { Intervention, Meeting, Membership, Organisation } from "./types.js";

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => [Organisation], { description: "Councils, their bodies, departments and partners; optionally of one kind." })
  async organisations(@Arg("kind", () => OrganisationKind, { nullable: true }) kind: string | null, @Ctx() ctx: Context) {
    const all = await loadAll(ctx, q.ALL_ORGANISATIONS, "Organisation");
    return kind == null ? all : all.filter((o) => o.kind === kind);
  }

  @Query(() => Organisation, { nullable: true })
  organisation(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    checkId(id, "Organisation");
    return fetchNode(ctx, id, "Organisation");
  }

  @FieldResolver(() => [Evidence], { description: "Evidence that the body exists as described (may be empty for well-known bodies)." })
  evidence(@Root() org: GraphObject, @Ctx() ctx: Context) {
    return loadEvidence(ctx, q.ORGANISATION_EVIDENCE, org.id);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: "The council a body belongs to." })
  partOf(@Root() org: GraphObject, @Ctx() ctx: Context) {
    return loadRelatedOne(ctx, q.ORGANISATION_PART_OF, org.id, "Organisation");
  }

  @FieldResolver(() => [Organisation], { description: "Bodies that are part of this one." })
  parts(@Root() org: GraphObject, @Ctx() ctx: Context) {
    return loadRelated(ctx, q.ORGANISATION_PARTS, org.id, "Organisation");
  }

  @FieldResolver(() => [Post])
  posts(@Root() org: GraphObject, @Ctx() ctx: Context) {
    return loadRelated(ctx, q.ORGANISATION_POSTS, org.id, "Post");
  }

  @FieldResolver(() => [Membership], { description: "Who sits on this body." })
  memberships(@Root() org: GraphObject, @Ctx() ctx: Context) {
    return loadRelated(ctx, q.ORGANISATION_MEMBERSHIPS, org.id, "Membership");
  }

  @FieldResolver(() => [Membership], { description: "Seats this organisation holds on other bodies (e.g. DfE on an improvement board)." })
  membershipsHeld(@Root() org: GraphObject, @Ctx() ctx: Context) {
    return loadRelated(ctx, q.ORGANISATION_MEMBERSHIPS_HELD, org.id, "Membership");
  }

  @FieldResolver(() => [Inspection], { description: "Inspections of this council, oldest first." })
  inspections(@Root() org: GraphObject, @Ctx() ctx: Context) {
    return loadRelated(ctx, q.ORGANISATION_INSPECTIONS, org.id, "Inspection");
  }

  @FieldResolver(() => [Meeting])
  meetings(@Root() org: GraphObject, @Ctx() ctx: Context) {
    return loadRelated(ctx, q.ORGANISATION_MEETINGS, org.id, "Meeting");
  }

  @FieldResolver(() => [Intervention], { description: "Interventions made in this council." })
  interventions(@Root() org: GraphObject, @Ctx() ctx: Context) {
    return loadRelated(ctx, q.ORGANISATION_INTERVENTIONS, org.id, "Intervention");
  }

  @FieldResolver(() => [Intervention], { description: "Interventions this body oversees." })
  oversees(@Root() org: GraphObject, @Ctx() ctx: Context) {
    return loadRelated(ctx, q.ORGANISATION_OVERSEES, org.id, "Intervention");
  }
}

@Resolver(() => Membership)
export class MembershipResolver extends claimResolver(Membership, "Membership") {
  @FieldResolver(() => Node, { description: "A Person or an Organisation." })
  member(@Root() m: GraphObject, @Ctx() ctx: Context) {
    return loadRelatedOne(ctx, q.MEMBERSHIP_MEMBER, m.id);
  }

  @FieldResolver(() => Organisation)
  body(@Root() m: GraphObject, @Ctx() ctx: Context) {
    return loadRelatedOne(ctx, q.MEMBERSHIP_BODY, m.id, "Organisation");
  }
}

@Resolver(() => Meeting)
export class MeetingResolver extends claimResolver(Meeting, "Meeting") {
  @Query(() => [Meeting], { description: "Meetings of cabinets, boards and committees, oldest first." })
  meetings(@Ctx() ctx: Context) {
    return loadAll(ctx, q.ALL_MEETINGS, "Meeting");
  }

  @FieldResolver(() => Organisation)
  body(@Root() m: GraphObject, @Ctx() ctx: Context) {
    return loadRelatedOne(ctx, q.MEETING_BODY, m.id, "Organisation");
  }

  @FieldResolver(() => [Node], { description: "Inspections or interventions the meeting considered." })
  considered(@Root() m: GraphObject, @Ctx() ctx: Context) {
    return loadRelated(ctx, q.MEETING_CONSIDERED, m.id);
  }
}

@Resolver(() => Intervention)
export class InterventionResolver extends claimResolver(Intervention, "Intervention") {
  @Query(() => [Intervention])
  interventions(@Ctx() ctx: Context) {
    return loadAll(ctx, q.ALL_INTERVENTIONS, "Intervention");
  }

  @FieldResolver(() => Organisation, { nullable: true })
  issuedBy(@Root() i: GraphObject, @Ctx() ctx: Context) {
    return loadRelatedOne(ctx, q.INTERVENTION_ISSUED_BY, i.id, "Organisation");
  }

  @FieldResolver(() => Organisation, { nullable: true })
  to(@Root() i: GraphObject, @Ctx() ctx: Context) {
    return loadRelatedOne(ctx, q.INTERVENTION_TO, i.id, "Organisation");
  }

  @FieldResolver(() => [Inspection])
  follows(@Root() i: GraphObject, @Ctx() ctx: Context) {
    return loadRelated(ctx, q.INTERVENTION_FOLLOWS, i.id, "Inspection");
  }

  @FieldResolver(() => [Organisation], { description: "Bodies overseeing the work the intervention requires." })
  overseenBy(@Root() i: GraphObject, @Ctx() ctx: Context) {
    return loadRelated(ctx, q.INTERVENTION_OVERSEEN_BY, i.id, "Organisation");
  }
}
