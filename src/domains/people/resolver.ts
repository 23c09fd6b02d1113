import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { type GraphObject } from "../../graphql/graphRead.js";
import { Node } from "../../graphql/node.js";
import { referenceResolver } from "../../graphql/referenceResolvers.js";
import { claimResolver, loadRelationshipClaims } from "../sources/evidence.js";
import { ServiceArea } from "../themes/types.js";
import * as q from "./queries.js";
import { Accountability, Occupancy, Post, Responsibility, Statement } from "./types.js";

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
