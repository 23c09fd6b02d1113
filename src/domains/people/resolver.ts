import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { fetchNode, loadAll, loadRelated, loadRelatedOne, withPartialDates, type GraphObject } from "../../graphql/graphRead.js";
import { checkId } from "../../graphql/ids.js";
import { Node } from "../../graphql/node.js";
import { Membership, Organisation } from "../bodies/types.js";
import { claimResolver, evidenceFromLists } from "../sources/evidence.js";
import { ServiceArea } from "../themes/types.js";
import * as q from "./queries.js";
import { Accountability, Occupancy, Person, Post, Responsibility, Statement } from "./types.js";

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => [Person], { description: "Everyone in the graph, named people first. `unnamed` filters to placeholders or to named people." })
  async people(@Arg("unnamed", () => Boolean, { nullable: true }) unnamed: boolean | null, @Ctx() ctx: Context) {
    const people = await loadAll(ctx, q.ALL_PEOPLE, "Person");
    return unnamed == null ? people : people.filter((p) => p.unnamed === unnamed);
  }

  @Query(() => Person, { nullable: true })
  person(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    checkId(id, "Person");
    return fetchNode(ctx, id, "Person");
  }

  @FieldResolver(() => [Occupancy], { description: "Posts this person held, with dates and evidence." })
  occupancies(@Root() person: GraphObject, @Ctx() ctx: Context) {
    return loadRelated(ctx, q.PERSON_OCCUPANCIES, person.id, "Occupancy");
  }

  @FieldResolver(() => [Membership])
  memberships(@Root() person: GraphObject, @Ctx() ctx: Context) {
    return loadRelated(ctx, q.PERSON_MEMBERSHIPS, person.id, "Membership");
  }

  @FieldResolver(() => [Statement])
  statements(@Root() person: GraphObject, @Ctx() ctx: Context) {
    return loadRelated(ctx, q.PERSON_STATEMENTS, person.id, "Statement");
  }
}

@Resolver(() => Post)
export class PostResolver {
  @Query(() => [Post])
  posts(@Ctx() ctx: Context) {
    return loadAll(ctx, q.ALL_POSTS, "Post");
  }

  @Query(() => Post, { nullable: true })
  post(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    checkId(id, "Post");
    return fetchNode(ctx, id, "Post");
  }

  @FieldResolver(() => Organisation, { nullable: true })
  organisation(@Root() post: GraphObject, @Ctx() ctx: Context) {
    return loadRelatedOne(ctx, q.POST_ORGANISATION, post.id, "Organisation");
  }

  @FieldResolver(() => [Occupancy], { description: "Everyone known to have held this post." })
  occupancies(@Root() post: GraphObject, @Ctx() ctx: Context) {
    return loadRelated(ctx, q.POST_OCCUPANCIES, post.id, "Occupancy");
  }

  @FieldResolver(() => [Responsibility])
  async responsibleFor(@Root() post: GraphObject, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.related(q.POST_RESPONSIBILITIES).load(post.id);
    return rows.map((row) => relationshipObject(row.props as Record<string, unknown>, { serviceAreaId: row.serviceAreaId }));
  }

  @FieldResolver(() => [Accountability])
  async accountableTo(@Root() post: GraphObject, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.related(q.POST_ACCOUNTABILITIES).load(post.id);
    return rows.map((row) => relationshipObject(row.props as Record<string, unknown>, { toId: row.toId }));
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
export class AccountabilityResolver {
  @FieldResolver(() => Node, { description: "The post or body this post answers to." })
  to(@Root() a: Accountability, @Ctx() ctx: Context) {
    return fetchNode(ctx, a.toId);
  }
}

@Resolver(() => Occupancy)
export class OccupancyResolver extends claimResolver(Occupancy, "Occupancy") {
  @FieldResolver(() => Person)
  person(@Root() occupancy: GraphObject, @Ctx() ctx: Context) {
    return loadRelatedOne(ctx, q.OCCUPANCY_PERSON, occupancy.id, "Person");
  }

  @FieldResolver(() => Post)
  post(@Root() occupancy: GraphObject, @Ctx() ctx: Context) {
    return loadRelatedOne(ctx, q.OCCUPANCY_POST, occupancy.id, "Post");
  }
}

@Resolver(() => Statement)
export class StatementResolver extends claimResolver(Statement, "Statement") {
  @Query(() => [Statement], { description: "Public statements by named people, oldest first." })
  statements(@Ctx() ctx: Context) {
    return loadAll(ctx, q.ALL_STATEMENTS, "Statement");
  }

  @FieldResolver(() => Person)
  by(@Root() statement: GraphObject, @Ctx() ctx: Context) {
    return loadRelatedOne(ctx, q.STATEMENT_BY, statement.id, "Person");
  }

  @FieldResolver(() => [Node], { description: "What the statement is about." })
  about(@Root() statement: GraphObject, @Ctx() ctx: Context) {
    return loadRelated(ctx, q.STATEMENT_ABOUT, statement.id);
  }
}
