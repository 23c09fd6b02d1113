import { Arg, Args, ArgsType, Ctx, Info, Field, ID, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { FindingKind, InspectionStatus, Polarity } from "../../graphql/enums.js";
import { loadAll } from "../../graphql/graphRead.js";
import { checkId } from "../../graphql/ids.js";
import { claimResolver } from "../sources/evidence.js";
import { HISTORY_FIELDS, judgementHistory } from "./history.js";
import { projectionAt } from "../../graphql/compiledReads.js";
import type { GraphQLResolveInfo } from "graphql";
import { GradeSeries } from "./historyTypes.js";
import * as q from "./queries.js";
import { Finding, Inspection, Judgement, Review } from "./types.js";

const optionalId = (id: string | null, label: Parameters<typeof checkId>[1]) => {
  if (id != null) checkId(id, label);
  return id;
};

@ArgsType()
class InspectionsArgs {
  @Field(() => ID, { nullable: true }) authority!: string | null;
  @Field(() => InspectionStatus, { nullable: true }) status!: string | null;
}

/** Every filter optional; ids are checked for their kind. */
@ArgsType()
class FindingsArgs {
  @Field(() => ID, { nullable: true }) inspection!: string | null;
  @Field(() => ID, { nullable: true }) theme!: string | null;
  @Field(() => ID, { nullable: true }) area!: string | null;
  @Field(() => FindingKind, { nullable: true }) kind!: string | null;
  @Field(() => Polarity, { nullable: true }) polarity!: string | null;
}

@Resolver(() => Inspection)
export class InspectionResolver extends claimResolver(Inspection, "Inspection") {
  @Query(() => [Inspection], { description: "Inspections and visits, oldest first; optionally of one authority, held or expected." })
  inspections(@Args(() => InspectionsArgs) { authority, status }: InspectionsArgs, @Ctx() ctx: Context) {
    const query = optionalId(authority, "Organisation") == null ? q.ALL_INSPECTIONS : q.AUTHORITY_INSPECTIONS;
    return loadAll(ctx, query, "Inspection", { authority, status });
  }
}

@Resolver(() => Review)
export class ReviewResolver extends claimResolver(Review, "Review") {}

@Resolver(() => Judgement)
export class JudgementResolver extends claimResolver(Judgement, "Judgement") {}

@Resolver(() => Finding)
export class FindingResolver extends claimResolver(Finding, "Finding") {
  @Query(() => [Finding], { description: "Findings, oldest inspection first; every filter optional." })
  findings(@Args(() => FindingsArgs) { inspection, theme, area, kind, polarity }: FindingsArgs, @Ctx() ctx: Context) {
    return loadAll(ctx, q.FINDINGS, "Finding", {
      inspection: optionalId(inspection, "Inspection"), theme: optionalId(theme, "Theme"), area: optionalId(area, "ServiceArea"), kind, polarity,
    });
  }
}

@Resolver()
export class JudgementHistoryResolver {
  @Query(() => [GradeSeries], {
    description: "Grades over time per judgement area of the framework in force (overall effectiveness first), across framework changes, each with the change from the previous grade; `area` keeps the series covering that service area.",
  })
  async judgementHistory(
    @Arg("authority", () => ID) authority: string,
    @Arg("area", () => ID, { nullable: true }) area: string | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    checkId(authority, "Organisation");
    if (area != null) checkId(area, "ServiceArea");
    // Each node as the client selects it, wherever in the series it appears.
    return judgementHistory(ctx, authority, area ?? null, {
      inspection: projectionAt(info, "Inspection", [["points", "inspection"], ["earlierUngraded"]], HISTORY_FIELDS.inspection),
      judgement: projectionAt(info, "Judgement", [["points", "judgement"]], HISTORY_FIELDS.judgement),
      area: projectionAt(info, "JudgementArea", [["judgementArea"], ["points", "judgementArea"]], HISTORY_FIELDS.area),
    });
  }
}
