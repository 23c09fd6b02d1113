import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { type GraphObject } from "../../graphql/graphRead.js";
import { claimResolver, Evidence, loadEvidence } from "../sources/evidence.js";
import * as q from "./queries.js";
import { Intervention, Meeting, Membership, Organisation } from "./types.js";

@Resolver(() => Organisation)
export class OrganisationResolver {
  @FieldResolver(() => [Evidence], { description: "Evidence that the body exists as described (may be empty for well-known bodies)." })
  evidence(@Root() org: GraphObject, @Ctx() ctx: Context) {
    return loadEvidence(ctx, q.ORGANISATION_EVIDENCE, org.id);
  }
}

@Resolver(() => Membership)
export class MembershipResolver extends claimResolver(Membership, "Membership") {}

@Resolver(() => Meeting)
export class MeetingResolver extends claimResolver(Meeting, "Meeting") {}

@Resolver(() => Intervention)
export class InterventionResolver extends claimResolver(Intervention, "Intervention") {}
