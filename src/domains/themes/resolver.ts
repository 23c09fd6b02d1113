import { Arg, Info, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { badInput } from "../../errors.js";
import { Polarity } from "../../graphql/enums.js";
import { PartialDateScalar } from "../../graphql/partialDate.js";
import { OCCURRENCE_FIELDS, recurringThemes } from "./recurring.js";
import { projectionAt } from "../../graphql/compiledReads.js";
import type { GraphQLResolveInfo } from "graphql";
import { RecurringThemes } from "./recurringTypes.js";
import type { Context } from "../../graphql/context.js";
import { checkId } from "../../graphql/ids.js";

@Resolver()
export class RecurringThemesResolver {
  @Query(() => RecurringThemes, {
    description: "Themes raised in at least `minInspections` distinct inspections or visits of an authority between `from` and `to` (by each inspection's start), with every occurrence; `polarity: NEGATIVE` keeps weaknesses only.",
  })
  async recurringThemes(
    @Arg("authority", () => ID) authority: string,
    @Arg("from", () => PartialDateScalar) from: string,
    @Arg("to", () => PartialDateScalar) to: string,
    @Arg("minInspections", () => Int, { defaultValue: 2 }) minInspections: number,
    @Arg("polarity", () => Polarity, { nullable: true }) polarity: string | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    checkId(authority, "Organisation");
    if (minInspections < 1 || minInspections > 50) throw badInput("minInspections must be between 1 and 50", { argument: "minInspections" });
    // Each node as the client selects it, wherever in the answer it appears.
    const spans = (field: string) => ["stoppedRecurring", "newlyAppeared"].map((list) => [list, field]);
    return recurringThemes(ctx, { authority, from, to, minInspections, polarity: polarity ?? null }, {
      inspection: projectionAt(info, "Inspection", [["themes", "occurrences", "inspection"], ["latestInspection"], ...spans("firstSeen"), ...spans("lastSeen")], OCCURRENCE_FIELDS.inspection),
      finding: projectionAt(info, "Finding", [["themes", "occurrences", "finding"]], OCCURRENCE_FIELDS.finding),
      theme: projectionAt(info, "Theme", [["themes", "theme"], ...spans("theme")], OCCURRENCE_FIELDS.theme),
    });
  }
}
