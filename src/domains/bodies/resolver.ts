import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { OrganisationKind } from "../../graphql/enums.js";
import { fetchNode, loadAll, type GraphObject } from "../../graphql/graphRead.js";
import { checkId } from "../../graphql/ids.js";
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
}

@Resolver(() => Membership)
export class MembershipResolver extends claimResolver(Membership, "Membership") {
}

@Resolver(() => Meeting)
export class MeetingResolver extends claimResolver(Meeting, "Meeting") {
  @Query(() => [Meeting], { description: "Meetings of cabinets, boards and committees, oldest first." })
  meetings(@Ctx() ctx: Context) {
    return loadAll(ctx, q.ALL_MEETINGS, "Meeting");
  }
}

@Resolver(() => Intervention)
export class InterventionResolver extends claimResolver(Intervention, "Intervention") {
  @Query(() => [Intervention])
  interventions(@Ctx() ctx: Context) {
    return loadAll(ctx, q.ALL_INTERVENTIONS, "Intervention");
  }
}
