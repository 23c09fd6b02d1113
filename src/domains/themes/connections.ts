/** themesConnection and serviceAreasConnection, sortable by how many findings raise them (counted in the database). */
import { Arg, Args, ArgsType, Ctx, Info, Field, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { cypher } from "../../db/gateway.js";
import type { Context } from "../../graphql/context.js";
import type { GraphQLResolveInfo } from "graphql";
import { selects } from "../../graphql/compiledReads.js";
import { connectionOf, orderInputOf, PageArgs, paginate, pagedQueries } from "../../graphql/connections.js";
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

const AUTHORITY_ARG = { nullable: true, description: "Count only this council's findings (all councils when omitted)." };

/** Reference lists sorted by name or by finding count; counts can be limited to one council. */
@ArgsType()
class CountedPageArgs extends PageArgs {
  @Field(() => ID, { nullable: true }) authority!: string | null;
}

@ArgsType()
class ThemesConnectionArgs extends CountedPageArgs {
  @Field(() => ThemeOrder, { nullable: true }) orderBy!: InstanceType<typeof ThemeOrder> | null;
}

@ArgsType()
class ServiceAreasConnectionArgs extends CountedPageArgs {
  @Field(() => ServiceAreaOrder, { nullable: true }) orderBy!: InstanceType<typeof ServiceAreaOrder> | null;
}

@Resolver()
export class ThemeConnectionsResolver {
  @Query(() => ThemeConnection, { description: "Themes, sorted by label or by the number of findings raising them (of one authority, if given)." })
  themesConnection(@Args(() => ThemesConnectionArgs) { first, after, authority, orderBy }: ThemesConnectionArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    if (authority != null) checkId(authority, "Organisation");
    const order = orderBy ?? { field: "LABEL", direction: "ASC" };
    const queries = THEME_PAGES[order.field === "LABEL" ? "TEXT" : "FINDING_COUNT"][order.direction];
    return paginate(ctx, queries, "Theme", { first, after, params: { authority: authority ?? null }, withTotal: selects(info, "totalCount") });
  }

  @Query(() => ServiceAreaConnection, { description: "Service areas, sorted by name or by the number of findings concerning them (of one authority, if given)." })
  serviceAreasConnection(@Args(() => ServiceAreasConnectionArgs) { first, after, authority, orderBy }: ServiceAreasConnectionArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    if (authority != null) checkId(authority, "Organisation");
    const order = orderBy ?? { field: "NAME", direction: "ASC" };
    const queries = AREA_PAGES[order.field === "NAME" ? "TEXT" : "FINDING_COUNT"][order.direction];
    return paginate(ctx, queries, "ServiceArea", { first, after, params: { authority: authority ?? null }, withTotal: selects(info, "totalCount") });
  }
}

/** `findingCount` on a reference type: the same count as its sort key, so a page sorted by an authority's counts shows those counts. */
function findingCountResolver(type: typeof Theme | typeof ServiceArea, label: "Theme" | "ServiceArea", relationship: string, description: string) {
  const counts = cypher(
    `${label === "Theme" ? "themes" : "serviceAreas"}.findingCounts`,
    `MATCH (n:${label}) WHERE n.id IN $ids RETURN n.id AS key, ${findingCount(relationship)} AS count`,
  );
  @Resolver(() => type)
  class FindingCountResolver {
    @FieldResolver(() => Int, { description })
    async findingCount(@Root() node: GraphObject, @Arg("authority", () => ID, AUTHORITY_ARG) authority: string | null, @Ctx() ctx: Context) {
      if (authority != null) checkId(authority, "Organisation");
      const [row] = await ctx.loaders.related(counts, { authority: authority ?? null }).load(node.id);
      return (row?.count as number) ?? 0;
    }
  }
  Object.defineProperty(FindingCountResolver, "name", { value: `${label}FindingCountResolver` });
  return FindingCountResolver;
}

export const ThemeCountResolver = findingCountResolver(Theme, "Theme", "EXEMPLIFIES", "How many findings raise this theme.");
export const ServiceAreaCountResolver = findingCountResolver(ServiceArea, "ServiceArea", "CONCERNS", "How many findings concern this area.");
