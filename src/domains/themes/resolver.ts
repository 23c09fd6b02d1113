import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { badInput } from "../../errors.js";
import { Polarity } from "../../graphql/enums.js";
import { PartialDateScalar } from "../../graphql/partialDate.js";
import { recurringThemes } from "./recurring.js";
import { RecurringThemes } from "./recurringTypes.js";
import type { Context } from "../../graphql/context.js";
import { fetchNode, loadAll, requireNode } from "../../graphql/graphRead.js";
import { checkId } from "../../graphql/ids.js";
import * as q from "./queries.js";
import { ServiceArea, Theme } from "./types.js";

@Resolver(() => Theme)
export class ThemeResolver {
  @Query(() => [Theme], { description: "The theme vocabulary, alphabetically." })
  themes(@Ctx() ctx: Context) {
    return loadAll(ctx, q.ALL_THEMES, "Theme");
  }

  @Query(() => Theme, { nullable: true })
  theme(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    checkId(id, "Theme");
    return fetchNode(ctx, id, "Theme");
  }
}

@Resolver(() => ServiceArea)
export class ServiceAreaResolver {
  @Query(() => [ServiceArea])
  serviceAreas(@Ctx() ctx: Context) {
    return loadAll(ctx, q.ALL_SERVICE_AREAS, "ServiceArea");
  }

  @Query(() => ServiceArea, { nullable: true })
  serviceArea(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    checkId(id, "ServiceArea");
    return fetchNode(ctx, id, "ServiceArea");
  }
}

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
  ) {
    checkId(authority, "Organisation");
    if (minInspections < 1 || minInspections > 50) throw badInput("minInspections must be between 1 and 50", { argument: "minInspections" });
    await requireNode(ctx, authority, "Organisation");
    return recurringThemes(ctx, { authority, from, to, minInspections, polarity: polarity ?? null });
  }
}
