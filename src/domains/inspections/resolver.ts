import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { FindingKind, InspectionStatus, Polarity } from "../../graphql/enums.js";
import { fetchNode, loadAll, loadRelated, loadRelatedOne, requireNode, type GraphObject } from "../../graphql/graphRead.js";
import { checkId } from "../../graphql/ids.js";
import { Intervention, Meeting, Organisation } from "../bodies/types.js";
import { claimResolver } from "../sources/evidence.js";
import { ServiceArea, Theme } from "../themes/types.js";
import { judgementHistory } from "./history.js";
import { AUTHORITY_JUDGEMENTS, CURRENT_JUDGEMENT_AREAS } from "./historyQueries.js";
import { GradeSeries } from "./historyTypes.js";
import * as q from "./queries.js";
import { Finding, Inspection, Judgement, JudgementArea } from "./types.js";

const optionalId = (id: string | null, label: Parameters<typeof checkId>[1]) => {
  if (id != null) checkId(id, label);
  return id;
};

@Resolver(() => Inspection)
export class InspectionResolver extends claimResolver(Inspection, "Inspection") {
  @Query(() => [Inspection], { description: "Inspections and visits, oldest first; optionally of one authority, held or expected." })
  inspections(
    @Arg("authority", () => ID, { nullable: true }) authority: string | null,
    @Arg("status", () => InspectionStatus, { nullable: true }) status: string | null,
    @Ctx() ctx: Context,
  ) {
    const query = optionalId(authority, "Organisation") == null ? q.ALL_INSPECTIONS : q.AUTHORITY_INSPECTIONS;
    return loadAll(ctx, query, "Inspection", { authority, status });
  }

  @Query(() => Inspection, { nullable: true })
  inspection(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    checkId(id, "Inspection");
    return fetchNode(ctx, id, "Inspection");
  }

  @FieldResolver(() => Organisation, { nullable: true, description: "The council inspected." })
  authority(@Root() i: GraphObject, @Ctx() ctx: Context) {
    return loadRelatedOne(ctx, q.INSPECTION_AUTHORITY, i.id, "Organisation");
  }

  @FieldResolver(() => Organisation, { nullable: true, description: "The inspectorate." })
  by(@Root() i: GraphObject, @Ctx() ctx: Context) {
    return loadRelatedOne(ctx, q.INSPECTION_BY, i.id, "Organisation");
  }

  @FieldResolver(() => [Judgement])
  judgements(@Root() i: GraphObject, @Ctx() ctx: Context) {
    return loadRelated(ctx, q.INSPECTION_JUDGEMENTS, i.id, "Judgement");
  }

  @FieldResolver(() => [Finding])
  findings(@Root() i: GraphObject, @Ctx() ctx: Context) {
    return loadRelated(ctx, q.INSPECTION_FINDINGS, i.id, "Finding");
  }

  @FieldResolver(() => [Intervention], { description: "Interventions that followed this inspection." })
  interventions(@Root() i: GraphObject, @Ctx() ctx: Context) {
    return loadRelated(ctx, q.INSPECTION_INTERVENTIONS, i.id, "Intervention");
  }

  @FieldResolver(() => [Meeting], { description: "Meetings that considered this inspection." })
  consideredAt(@Root() i: GraphObject, @Ctx() ctx: Context) {
    return loadRelated(ctx, q.INSPECTION_MEETINGS, i.id, "Meeting");
  }
}

@Resolver(() => Judgement)
export class JudgementResolver extends claimResolver(Judgement, "Judgement") {
  @FieldResolver(() => JudgementArea)
  area(@Root() j: GraphObject, @Ctx() ctx: Context) {
    return loadRelatedOne(ctx, q.JUDGEMENT_AREA, j.id, "JudgementArea");
  }

  @FieldResolver(() => Inspection)
  inspection(@Root() j: GraphObject, @Ctx() ctx: Context) {
    return loadRelatedOne(ctx, q.JUDGEMENT_INSPECTION, j.id, "Inspection");
  }
}

@Resolver(() => JudgementArea)
export class JudgementAreaResolver {
  @Query(() => [JudgementArea], { description: "Judgement areas of every framework version." })
  judgementAreas(@Ctx() ctx: Context) {
    return loadAll(ctx, q.ALL_JUDGEMENT_AREAS, "JudgementArea");
  }

  @FieldResolver(() => [ServiceArea])
  covers(@Root() area: GraphObject, @Ctx() ctx: Context) {
    return loadRelated(ctx, q.JUDGEMENT_AREA_COVERS, area.id, "ServiceArea");
  }
}

@Resolver(() => Finding)
export class FindingResolver extends claimResolver(Finding, "Finding") {
  @Query(() => [Finding], { description: "Findings, oldest inspection first; every filter optional." })
  findings(
    @Arg("inspection", () => ID, { nullable: true }) inspection: string | null,
    @Arg("theme", () => ID, { nullable: true }) theme: string | null,
    @Arg("area", () => ID, { nullable: true }) area: string | null,
    @Arg("kind", () => FindingKind, { nullable: true }) kind: string | null,
    @Arg("polarity", () => Polarity, { nullable: true }) polarity: string | null,
    @Ctx() ctx: Context,
  ) {
    return loadAll(ctx, q.FINDINGS, "Finding", {
      inspection: optionalId(inspection, "Inspection"),
      theme: optionalId(theme, "Theme"),
      area: optionalId(area, "ServiceArea"),
      kind,
      polarity,
    });
  }

  @FieldResolver(() => Inspection)
  inspection(@Root() f: GraphObject, @Ctx() ctx: Context) {
    return loadRelatedOne(ctx, q.FINDING_INSPECTION, f.id, "Inspection");
  }

  @FieldResolver(() => [ServiceArea])
  serviceAreas(@Root() f: GraphObject, @Ctx() ctx: Context) {
    return loadRelated(ctx, q.FINDING_AREAS, f.id, "ServiceArea");
  }

  @FieldResolver(() => [Theme])
  themes(@Root() f: GraphObject, @Ctx() ctx: Context) {
    return loadRelated(ctx, q.FINDING_THEMES, f.id, "Theme");
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
  ) {
    checkId(authority, "Organisation");
    if (area != null) checkId(area, "ServiceArea");
    const [, , rows, current] = await Promise.all([
      requireNode(ctx, authority, "Organisation"),
      area == null ? null : requireNode(ctx, area, "ServiceArea"),
      ctx.db.read(AUTHORITY_JUDGEMENTS, { authority }, ctx.counter),
      ctx.db.read(CURRENT_JUDGEMENT_AREAS, {}, ctx.counter),
    ]);
    return judgementHistory(ctx, rows, current, area ?? null);
  }
}
