import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { fetchNode, withPartialDates, type GraphObject } from "../../graphql/graphRead.js";
import { Node } from "../../graphql/node.js";
import { claimResolver, evidenceFromLists } from "../sources/evidence.js";
import { ServiceArea } from "../themes/types.js";
import * as q from "./queries.js";
import { Accountability, Occupancy, Post, Responsibility, Statement } from "./types.js";

@Resolver(() => Post)
export class PostResolver {
  @FieldResolver(() => [Responsibility])
  async responsibleFor(@Root() post: GraphObject, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.related(q.POST_RESPONSIBILITIES).load(post.id);
    return rows.map((row) => relationshipObject(row.props as Record<string, unknown>, { serviceAreaId: row.otherId }));
  }

  @FieldResolver(() => [Accountability])
  async accountableTo(@Root() post: GraphObject, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.related(q.POST_ACCOUNTABILITIES).load(post.id);
    return rows.map((row) => relationshipObject(row.props as Record<string, unknown>, { toId: row.otherId }));
  }
}

function relationshipObject(props: Record<string, unknown>, extra: Record<string, unknown>) {
  const { evidenceSources, evidenceQuotes, evidenceLocators, ...rest } = props;
  return { ...withPartialDates(rest), ...extra, evidence: evidenceFromLists(evidenceSources, evidenceQuotes, evidenceLocators) };
}

@Resolver(() => Responsibility)
export class ResponsibilityResolver {
  @FieldResolver(() => ServiceArea)
  serviceArea(@Root() r: Responsibility, @Ctx() ctx: Context) {
    return fetchNode(ctx, r.serviceAreaId, "ServiceArea");
  }
}

@Resolver(() => Accountability)
export class AccountabilityLineResolver {
  @FieldResolver(() => Node, { description: "The post or body this post answers to." })
  to(@Root() a: Accountability, @Ctx() ctx: Context) {
    return fetchNode(ctx, a.toId);
  }
}

@Resolver(() => Occupancy)
export class OccupancyResolver extends claimResolver(Occupancy, "Occupancy") {}

@Resolver(() => Statement)
export class StatementResolver extends claimResolver(Statement, "Statement") {}
