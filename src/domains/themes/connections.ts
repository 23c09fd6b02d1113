/** themesConnection and serviceAreasConnection, sortable by how many findings raise them (counted in the database). */
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { cypher } from "../../db/gateway.js";
import type { Context } from "../../graphql/context.js";
import { connectionOf, orderInputOf, paginate, pagedQueries } from "../../graphql/connections.js";
import type { GraphObject } from "../../graphql/graphRead.js";
import { checkId } from "../../graphql/ids.js";
import { ServiceArea, Theme } from "./types.js";

const ThemeOrder = orderInputOf("Theme", { LABEL: "LABEL", FINDING_COUNT: "FINDING_COUNT" });
const ServiceAreaOrder = orderInputOf("ServiceArea", { NAME: "NAME", FINDING_COUNT: "FINDING_COUNT" });


/** Findings counted are those of the authority's inspections when `authority` is given, else all. */
const findingCount = (rel: string) =>
  `COUNT { MATCH (n)<-[:${rel}]-(:Finding)<-[:FOUND]-(:Inspection)-[:OF]->(a:Organisation) WHERE $authority IS NULL OR a.id = $authority }`;

const pages = (name: string, label: string, textKey: string, rel: string) => {
  const match = `MATCH (n:${label})`;
  return {
    TEXT: { ASC: pagedQueries(`${name}.byText`, match, textKey, "ASC"), DESC: pagedQueries(`${name}.byText`, match, textKey, "DESC") },
    FINDING_COUNT: {
      ASC: pagedQueries(`${name}.byFindingCount`, match, findingCount(rel), "ASC", "number"),
      DESC: pagedQueries(`${name}.byFindingCount`, match, findingCount(rel), "DESC", "number"),
    },
  };
};
const THEME_PAGES = pages("themes", "Theme", "n.label", "EXEMPLIFIES");
const AREA_PAGES = pages("serviceAreas", "ServiceArea", "n.name", "CONCERNS");

const ThemeConnection = connectionOf(Theme, "Theme");
const ServiceAreaConnection = connectionOf(ServiceArea, "ServiceArea");

// The same count as the sort key, so a page sorted by an authority's counts shows those counts.
const THEME_FINDING_COUNTS = cypher(
  "themes.findingCounts",
  `MATCH (n:Theme) WHERE n.id IN $ids RETURN n.id AS key, ${findingCount("EXEMPLIFIES")} AS count`,
);
const AREA_FINDING_COUNTS = cypher(
  "serviceAreas.findingCounts",
  `MATCH (n:ServiceArea) WHERE n.id IN $ids RETURN n.id AS key, ${findingCount("CONCERNS")} AS count`,
);

const AUTHORITY_ARG = { nullable: true, description: "Count only this council's findings (all councils when omitted)." };

@Resolver()
export class ThemeConnectionsResolver {
  @Query(() => ThemeConnection, { description: "Themes, sorted by label or by the number of findings raising them (of one authority, if given)." })
  themesConnection(
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("authority", () => ID, { nullable: true }) authority: string | null,
    @Arg("orderBy", () => ThemeOrder, { nullable: true }) orderBy: InstanceType<typeof ThemeOrder> | null,
    @Ctx() ctx: Context,
  ) {
    if (authority != null) checkId(authority, "Organisation");
    const order = orderBy ?? { field: "LABEL", direction: "ASC" };
    const queries = THEME_PAGES[order.field === "LABEL" ? "TEXT" : "FINDING_COUNT"][order.direction];
    return paginate(ctx, queries, "Theme", { first, after, params: { authority: authority ?? null } });
  }

  @Query(() => ServiceAreaConnection, { description: "Service areas, sorted by name or by the number of findings concerning them (of one authority, if given)." })
  serviceAreasConnection(
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("authority", () => ID, { nullable: true }) authority: string | null,
    @Arg("orderBy", () => ServiceAreaOrder, { nullable: true }) orderBy: InstanceType<typeof ServiceAreaOrder> | null,
    @Ctx() ctx: Context,
  ) {
    if (authority != null) checkId(authority, "Organisation");
    const order = orderBy ?? { field: "NAME", direction: "ASC" };
    const queries = AREA_PAGES[order.field === "NAME" ? "TEXT" : "FINDING_COUNT"][order.direction];
    return paginate(ctx, queries, "ServiceArea", { first, after, params: { authority: authority ?? null } });
  }
}

@Resolver(() => Theme)
export class ThemeCountResolver {
  @FieldResolver(() => Int, { description: "How many findings raise this theme." })
  async findingCount(@Root() theme: GraphObject, @Arg("authority", () => ID, AUTHORITY_ARG) authority: string | null, @Ctx() ctx: Context) {
    if (authority != null) checkId(authority, "Organisation");
    const [row] = await ctx.loaders.related(THEME_FINDING_COUNTS, { authority: authority ?? null }).load(theme.id);
    return (row?.count as number) ?? 0;
  }
}

@Resolver(() => ServiceArea)
export class ServiceAreaCountResolver {
  @FieldResolver(() => Int, { description: "How many findings concern this area." })
  async findingCount(@Root() area: GraphObject, @Arg("authority", () => ID, AUTHORITY_ARG) authority: string | null, @Ctx() ctx: Context) {
    if (authority != null) checkId(authority, "Organisation");
    const [row] = await ctx.loaders.related(AREA_FINDING_COUNTS, { authority: authority ?? null }).load(area.id);
    return (row?.count as number) ?? 0;
  }
}
