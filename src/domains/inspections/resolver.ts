import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { FindingKind, InspectionStatus, Polarity } from "../../graphql/enums.js";
import { fetchNode, loadAll, requireNode } from "../../graphql/graphRead.js";
import { checkId } from "../../graphql/ids.js";
import { claimResolver } from "../sources/evidence.js";
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
}

@Resolver(() => Judgement)
export class JudgementResolver extends claimResolver(Judgement, "Judgement") {
}

@Resolver(() => JudgementArea)
export class JudgementAreaResolver {
  @Query(() => [JudgementArea], { description: "Judgement areas of every framework version." })
  judgementAreas(@Ctx() ctx: Context) {
    return loadAll(ctx, q.ALL_JUDGEMENT_AREAS, "JudgementArea");
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
