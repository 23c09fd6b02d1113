import { DateResolver } from "graphql-scalars";
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { notFound } from "../../errors.js";
import { AuthorityResolver as NameResolver, UnresolvedAuthority } from "../../ingest/authorities.js";
import type { Context } from "../../graphql/context.js";
import { referenceResolver } from "../../graphql/referenceResolvers.js";
import { primeObject, type GraphObject } from "../../graphql/graphRead.js";
import { claimResolver, Evidence, loadEvidence, loadRelationshipClaims } from "../sources/evidence.js";
import * as q from "./queries.js";
import { ImprovementSupport, Intervention, Meeting, Membership, Organisation, ServiceDelivery, StatisticalNeighbour, Succession } from "./types.js";


@Resolver(() => Organisation)
export class OrganisationResolver {
  @FieldResolver(() => [Evidence], { description: "Evidence that the body exists as described (may be empty for well-known bodies)." })
  evidence(@Root() org: GraphObject, @Ctx() ctx: Context) {
    return loadEvidence(ctx, q.ORGANISATION_EVIDENCE, org.id);
  }

  @FieldResolver(() => [String], { description: "Other names the authority goes by." })
  alsoKnownAs(@Root() org: GraphObject) {
    return (org.alsoKnownAs as string[] | null) ?? [];
  }

  @FieldResolver(() => [StatisticalNeighbour], { description: "A local authority's statistical neighbours, nearest first." })
  async statisticalNeighbours(@Root() org: GraphObject, @Ctx() ctx: Context) {
    return (await loadRelationshipClaims(ctx, q.ORGANISATION_NEIGHBOURS, org.id)).map((r) => ({ ...r, authorityId: r.otherId }));
  }

  @FieldResolver(() => [Succession], { description: "For a former authority: who took over its children's services, and when." })
  async succeededBy(@Root() org: GraphObject, @Ctx() ctx: Context) {
    return (await loadRelationshipClaims(ctx, q.ORGANISATION_SUCCESSORS, org.id)).map((r) => ({ ...r, predecessorId: org.id, successorId: r.otherId }));
  }

  @FieldResolver(() => [Succession], { description: "The former authorities whose children's services this one took over." })
  async succeeds(@Root() org: GraphObject, @Ctx() ctx: Context) {
    return (await loadRelationshipClaims(ctx, q.ORGANISATION_PREDECESSORS, org.id)).map((r) => ({ ...r, predecessorId: r.otherId, successorId: org.id }));
  }

  @FieldResolver(() => [ServiceDelivery], { description: "For a council: the bodies that deliver (or delivered) its children's services for it, a trust or a partner council, oldest first." })
  async servicesDeliveredBy(@Root() org: GraphObject, @Ctx() ctx: Context) {
    return (await loadRelationshipClaims(ctx, q.ORGANISATION_PROVIDERS, org.id)).map((r) => ({ ...r, authorityId: org.id, providerId: r.otherId }));
  }

  @FieldResolver(() => [ServiceDelivery], { description: "For a trust or a partner council: the councils whose children's services it delivers (or delivered)." })
  async deliversServicesFor(@Root() org: GraphObject, @Ctx() ctx: Context) {
    return (await loadRelationshipClaims(ctx, q.ORGANISATION_DELIVERS_FOR, org.id)).map((r) => ({ ...r, authorityId: r.otherId, providerId: org.id }));
  }

  @FieldResolver(() => [ImprovementSupport], { description: "For a council: who supports (or supported) its improvement." })
  async supportedBy(@Root() org: GraphObject, @Ctx() ctx: Context) {
    return (await loadRelationshipClaims(ctx, q.ORGANISATION_SUPPORTERS, org.id)).map((r) => ({ ...r, supportedId: org.id, supporterId: r.otherId }));
  }

  @FieldResolver(() => [ImprovementSupport], { description: "The councils whose improvement this body supports (or supported)." })
  async supports(@Root() org: GraphObject, @Ctx() ctx: Context) {
    return (await loadRelationshipClaims(ctx, q.ORGANISATION_SUPPORTS, org.id)).map((r) => ({ ...r, supportedId: r.otherId, supporterId: org.id }));
  }
}

export const StatisticalNeighbourResolver = referenceResolver(StatisticalNeighbour, "StatisticalNeighbourResolver", [
  { name: "authority", type: () => Organisation, idField: "authorityId", label: "Organisation" },
]);

export const ServiceDeliveryResolver = referenceResolver(ServiceDelivery, "ServiceDeliveryResolver", [
  { name: "authority", type: () => Organisation, idField: "authorityId", label: "Organisation" },
  { name: "provider", type: () => Organisation, idField: "providerId", label: "Organisation" },
]);

export const ImprovementSupportResolver = referenceResolver(ImprovementSupport, "ImprovementSupportResolver", [
  { name: "supported", type: () => Organisation, idField: "supportedId", label: "Organisation" },
  { name: "supporter", type: () => Organisation, idField: "supporterId", label: "Organisation" },
]);

export const SuccessionResolver = referenceResolver(Succession, "SuccessionResolver", [
  { name: "predecessor", type: () => Organisation, idField: "predecessorId", label: "Organisation" },
  { name: "successor", type: () => Organisation, idField: "successorId", label: "Organisation" },
]);

@Resolver(() => Membership)
export class MembershipResolver extends claimResolver(Membership, "Membership") {}

@Resolver(() => Meeting)
export class MeetingResolver extends claimResolver(Meeting, "Meeting") {}

@Resolver(() => Intervention)
export class InterventionResolver extends claimResolver(Intervention, "Intervention") {}

@Resolver()
export class AuthorityNameResolver {
  @Query(() => Organisation, {
    description:
      "The local authority a name means, however it is written (\"Telford & Wrekin\", \"Hull City Council\", \"the Isle of Wight Council\"); `on` picks between a former authority and its successor. NOT_FOUND, with the nearest names, when it means none or several.",
  })
  async authorityByName(
    @Arg("name", () => String) name: string,
    @Arg("on", () => DateResolver, { nullable: true, description: "The day the name is meant on, YYYY-MM-DD." }) on: Date | null,
    @Ctx() ctx: Context,
  ) {
    const rows = await ctx.db.read(q.LOCAL_AUTHORITIES, {}, ctx.counter);
    const nodes = new Map(rows.map((row) => [row.id as string, primeObject(ctx, "Organisation", row.id as string, row.props)]));
    const names = new NameResolver(
      [...nodes.values()].map((n) => ({ id: n.id, name: n.name as string, laCode: n.laCode as string, alsoKnownAs: (n.alsoKnownAs as string[] | null) ?? [] })),
    );
    try {
      return nodes.get(names.resolve(name, on ? on.toISOString().slice(0, 10) : undefined).id)!;
    } catch (error) {
      if (!(error instanceof UnresolvedAuthority)) throw error;
      throw notFound(error.message, { candidates: (error.candidates as unknown as { id: string }[]).map((c) => c.id) });
    }
  }
}
