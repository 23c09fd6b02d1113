import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { type GraphObject } from "../../graphql/graphRead.js";
import { Node } from "../../graphql/node.js";
import { referenceResolver } from "../../graphql/referenceResolvers.js";
import { claimResolver, loadRelationshipClaims } from "../sources/evidence.js";
import { ServiceArea } from "../themes/types.js";
import * as q from "./queries.js";
import { Accountability, Identification, Occupancy, Person, Post, Responsibility, Statement } from "./types.js";
import { personRecords } from "./identity.js";

@Resolver(() => Post)
export class PostResolver {
  @FieldResolver(() => [Responsibility])
  async responsibleFor(@Root() post: GraphObject, @Ctx() ctx: Context) {
    return (await loadRelationshipClaims(ctx, q.POST_RESPONSIBILITIES, post.id)).map((r) => ({ ...r, serviceAreaId: r.otherId }));
  }

  @FieldResolver(() => [Accountability])
  async accountableTo(@Root() post: GraphObject, @Ctx() ctx: Context) {
    return (await loadRelationshipClaims(ctx, q.POST_ACCOUNTABILITIES, post.id)).map((r) => ({ ...r, toId: r.otherId }));
  }
}


export const ResponsibilityResolver = referenceResolver(Responsibility, "ResponsibilityResolver", [
  { name: "serviceArea", type: () => ServiceArea, idField: "serviceAreaId", label: "ServiceArea" },
]);

export const AccountabilityLineResolver = referenceResolver(Accountability, "AccountabilityLineResolver", [
  { name: "to", type: () => Node, idField: "toId", description: "The post or body this post answers to." },
]);

@Resolver(() => Occupancy)
export class OccupancyResolver extends claimResolver(Occupancy, "Occupancy") {}

@Resolver(() => Statement)
export class StatementResolver extends claimResolver(Statement, "Statement") {}

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => Person, {
    description: "The person this record belongs to, as the API answers with it: the record at the end of its identifications (the named one a placeholder was identified with), or itself. Holders in answers (context card, accountability) are always this record.",
  })
  async canonical(@Root() person: GraphObject, @Ctx() ctx: Context) {
    return (await personRecords(ctx, person.id)).canonical;
  }

  @FieldResolver(() => [Person], { description: "Every record of the same person (itself included), by id: read their occupancies, statements and evidence together." })
  async records(@Root() person: GraphObject, @Ctx() ctx: Context) {
    return (await personRecords(ctx, person.id)).records;
  }

  @FieldResolver(() => [Identification], { description: "The sourced identifications of this record with others, in either direction, with their evidence." })
  async identifications(@Root() person: GraphObject, @Ctx() ctx: Context) {
    const [as, from] = await Promise.all([
      loadRelationshipClaims(ctx, q.PERSON_IDENTIFIED_AS, person.id),
      loadRelationshipClaims(ctx, q.PERSON_IDENTIFIED_FROM, person.id),
    ]);
    return [
      ...as.map((r) => ({ ...r, personId: person.id, sameAsId: r.otherId })),
      ...from.map((r) => ({ ...r, personId: r.otherId, sameAsId: person.id })),
    ];
  }
}

export const IdentificationResolver = referenceResolver(Identification, "IdentificationResolver", [
  { name: "person", type: () => Person, idField: "personId", label: "Person", description: "The record identified (e.g. the placeholder)." },
  { name: "sameAs", type: () => Person, idField: "sameAsId", label: "Person", description: "The record it is the same person as." },
]);
