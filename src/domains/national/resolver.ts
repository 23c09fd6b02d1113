import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { FindingKind, Grade } from "../../graphql/enums.js";
import type { GraphObject } from "../../graphql/graphRead.js";
import { checkId } from "../../graphql/ids.js";
import { badInput } from "../../errors.js";
import { Organisation } from "../bodies/types.js";
import { Finding } from "../inspections/types.js";
import { authorities, findingsByIds, latestGrades, recommendationThemes, themePrevalence } from "./service.js";
import { AuthorityOrder, AuthorityOrderField, LatestArea, LatestGrades, ThemeTally, ThemeYear } from "./types.js";

@ArgsType()
class AuthoritiesArgs {
  @Field(() => String, { nullable: true, description: "e.g. \"South West\"; an unknown region is an error listing the known ones." })
  region!: string | null;
  @Field(() => String, { nullable: true, description: "Unitary Authority, Metropolitan District, London Borough or County." })
  authorityType!: string | null;
  @Field(() => Grade, { nullable: true, description: "Keep authorities whose latest grade in `gradeOf` is this." })
  grade!: string | null;
  @Field(() => LatestArea, { defaultValue: LatestArea.OVERALL }) gradeOf!: LatestArea;
  @Field(() => Boolean, { defaultValue: false, description: "Include the former authorities (Bournemouth, Poole, Northamptonshire…)." })
  includeFormer!: boolean;
  @Field(() => AuthorityOrder, { defaultValue: { field: AuthorityOrderField.NAME, direction: "ASC" } }) orderBy!: AuthorityOrder;
}

@ArgsType()
class PrevalenceArgs {
  @Field(() => Int, { description: "First year (of the inspections' start)." }) from!: number;
  @Field(() => Int, { description: "Last year, inclusive." }) to!: number;
  @Field(() => String, { nullable: true }) region!: string | null;
  @Field(() => ID, { nullable: true }) authority!: string | null;
  @Field(() => ID, { nullable: true }) theme!: string | null;
  @Field(() => FindingKind, { defaultValue: "RECOMMENDATION", description: "RECOMMENDATION (told to improve) by default." }) kind!: string;
}

@Resolver()
export class NationalResolver {
  @Query(() => [Organisation], {
    description: "Local authorities with their latest grades (`latestGrades`), filtered by region, type or a grade, sorted by any of them.",
  })
  authorities(@Args(() => AuthoritiesArgs) args: AuthoritiesArgs, @Ctx() ctx: Context) {
    return authorities(ctx, { ...args, region: args.region ?? null, authorityType: args.authorityType ?? null, grade: args.grade ?? null });
  }

  @Query(() => [ThemeYear], {
    description: "National prevalence: per year and theme, how many authorities were told to improve it (of how many inspected), with the recommendations behind each count. A theme-by-year heatmap in one request.",
  })
  themePrevalence(@Args(() => PrevalenceArgs) args: PrevalenceArgs, @Ctx() ctx: Context) {
    const scope = { region: args.region ?? null, authority: args.authority ?? null, theme: args.theme ?? null };
    if (scope.authority !== null) checkId(scope.authority, "Organisation");
    if (scope.theme !== null) checkId(scope.theme, "Theme");
    return themePrevalence(ctx, { ...args, ...scope });
  }
}

@Resolver(() => Organisation)
export class OrganisationGradesResolver {
  @FieldResolver(() => LatestGrades, { nullable: true, description: "A local authority's latest inspection with an overall judgement, and its grades; null if none." })
  latestGrades(@Root() org: GraphObject, @Ctx() ctx: Context) {
    return latestGrades(ctx, org.id);
  }

  @FieldResolver(() => [ThemeTally], { description: "Themes of the authority's recommendations, most raised first: of its latest graded inspection, or of all with latestOnly: false." })
  recommendationThemes(
    @Root() org: GraphObject,
    @Arg("latestOnly", () => Boolean, { defaultValue: true }) latestOnly: boolean,
    @Ctx() ctx: Context,
  ) {
    return recommendationThemes(ctx, org.id, latestOnly);
  }
}

@Resolver(() => ThemeYear)
export class ThemeYearResolver {
  @FieldResolver(() => [Finding], { description: "The findings behind the count (first 20 unless `first` says; at most 200), each with its quote." })
  findings(@Root() row: ThemeYear, @Arg("first", () => Int, { defaultValue: 20 }) first: number, @Ctx() ctx: Context) {
    if (first < 1 || first > 200) throw badInput("first must be between 1 and 200");
    return findingsByIds(ctx, row.findingIds.slice(0, first));
  }
}
