/** findingsConnection and inspectionsConnection: filtered, sorted, keyset-paged in the database. */
import { Args, ArgsType, Ctx, Info, Field, InputType, Query, Resolver, ID, registerEnumType } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import type { GraphQLResolveInfo } from "graphql";
import { selects } from "../../graphql/compiledReads.js";
import { connectionOf, orderInputOf, PageArgs, paginate } from "../../graphql/connections.js";
import { FindingKind, Grade, InspectionKind, InspectionStatus, Polarity } from "../../graphql/enums.js";
import { checkId } from "../../graphql/ids.js";
import { PartialDateScalar } from "../../graphql/partialDate.js";
import { dateMatch, rangeToNeo4j } from "../../model/partialDates.js";
import { loadRelatedOne, type GraphObject } from "../../graphql/graphRead.js";
import { RELATION_QUERIES } from "../../graphql/relationResolvers.js";
import { FINDING_PAGES, INSPECTION_PAGES, type FindingScope, type Scope } from "./connectionQueries.js";
import { Finding, Inspection } from "./types.js";
import { effectiveDateOf } from "../sources/evidence.js";

const FindingOrder = orderInputOf("Finding", { INSPECTION_DATE: "INSPECTION_DATE", KIND: "KIND" });
const InspectionOrder = orderInputOf("Inspection", { START: "START" });

const DateRangeMatch = { OVERLAPS: "OVERLAPS", WITHIN: "WITHIN" } as const;
registerEnumType(DateRangeMatch, {
  name: "DateRangeMatch",
  description: "OVERLAPS (default): keep what may lie in the range, a partial date that only overlaps it marked on its edge; WITHIN: only what certainly lies in it.",
});

@InputType("DateRange", { description: "Inclusive; partial dates stand for their whole year or month. Undated items never match a range." })
export class DateRange {
  @Field(() => PartialDateScalar, { nullable: true }) from?: string | null;
  @Field(() => PartialDateScalar, { nullable: true }) to?: string | null;
  @Field(() => DateRangeMatch, { defaultValue: "OVERLAPS" }) match?: keyof typeof DateRangeMatch;
}

@InputType("InspectionFilter")
class InspectionFilter {
  @Field(() => ID, { nullable: true }) authority?: string | null;
  @Field(() => InspectionKind, { nullable: true }) kind?: string | null;
  @Field(() => InspectionStatus, { nullable: true }) status?: string | null;
  @Field(() => Grade, { nullable: true, description: "Inspections that gave this grade in any judgement." }) grade?: string | null;
  @Field(() => DateRange, { nullable: true }) dates?: DateRange | null;
}

@InputType("FindingFilter")
class FindingFilter {
  @Field(() => ID, { nullable: true }) authority?: string | null;
  @Field(() => ID, { nullable: true }) inspection?: string | null;
  @Field(() => ID, { nullable: true }) theme?: string | null;
  @Field(() => ID, { nullable: true }) area?: string | null;
  @Field(() => FindingKind, { nullable: true }) kind?: string | null;
  @Field(() => Polarity, { nullable: true }) polarity?: string | null;
  @Field(() => DateRange, { nullable: true, description: "On the inspection's effective date (start, else end, else its report's publication, else its sources')." }) dates?: DateRange | null;
}

@ArgsType()
class FindingsConnectionArgs extends PageArgs {
  @Field(() => FindingFilter, { nullable: true }) filter!: FindingFilter | null;
  @Field(() => FindingOrder, { nullable: true }) orderBy!: InstanceType<typeof FindingOrder> | null;
}

@ArgsType()
class InspectionsConnectionArgs extends PageArgs {
  @Field(() => InspectionFilter, { nullable: true }) filter!: InspectionFilter | null;
  @Field(() => InspectionOrder, { nullable: true }) orderBy!: InstanceType<typeof InspectionOrder> | null;
}

const FindingConnection = connectionOf(Finding, "Finding");
const InspectionConnection = connectionOf(Inspection, "Inspection");

/** Date range as Neo4j dates: from its first day to the last day of `to`. */
export const dateParams = (range: DateRange | null | undefined) => ({
  ...rangeToNeo4j(range?.from, range?.to, "dates.to"),
  within: range?.match === "WITHIN",
});

type Page = Awaited<ReturnType<typeof paginate>>;

/** Marks each edge with where its date sits in the filter's range, from the date `dateOf` gives (lazily: only if asked). */
function markDates(page: Page, range: DateRange | null | undefined, dateOf: (node: GraphObject) => Promise<string | null>): Page {
  if (!range?.from && !range?.to) return page;
  for (const edge of page.edges as { node: GraphObject }[]) {
    let match: Promise<string | null> | undefined;
    // A getter, as for totalCount: a finding's inspection is read only when the client asks.
    Object.defineProperty(edge, "dateMatch", {
      enumerable: true,
      get: () => (match ??= dateOf(edge.node).then((date) => {
        const where = dateMatch(date, range.from, range.to);
        return where === "OUTSIDE" ? null : where;
      })),
    });
  }
  return page;
}

const scopeOf = (filter: { authority?: string | null }): Scope => (filter.authority == null ? "ANY" : "AUTHORITY");
/** Findings start from the most selective id the filter names: an inspection, an authority, a theme, an area. */
const findingScopeOf = (filter: { authority?: string | null; inspection?: string | null; theme?: string | null; area?: string | null }): FindingScope =>
  filter.inspection != null ? "INSPECTION" : filter.authority != null ? "AUTHORITY" : filter.theme != null ? "THEME" : filter.area != null ? "AREA" : "ANY";

function ids(filter: Record<string, unknown>, fields: Record<string, Parameters<typeof checkId>[1]>) {
  for (const [field, label] of Object.entries(fields)) {
    const value = filter[field];
    if (value != null) checkId(value as string, label);
  }
}

@Resolver()
export class ListConnectionsResolver {
  @Query(() => FindingConnection, { description: "Findings, filtered and sorted in the database, paged with keyset cursors." })
  async findingsConnection(@Args(() => FindingsConnectionArgs) { first, after, filter, orderBy }: FindingsConnectionArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const f = filter ?? {};
    ids(f as Record<string, unknown>, { authority: "Organisation", inspection: "Inspection", theme: "Theme", area: "ServiceArea" });
    const order = orderBy ?? { field: "INSPECTION_DATE", direction: "ASC" };
    const inspectionOf = RELATION_QUERIES.get("finding.inspection")!;
    const page = await paginate(ctx, FINDING_PAGES[order.field][findingScopeOf(f)][order.direction], "Finding", {
      first,
      after,
      params: {
        authority: f.authority ?? null, inspection: f.inspection ?? null, theme: f.theme ?? null, area: f.area ?? null,
        kind: f.kind ?? null, polarity: f.polarity ?? null, ...dateParams(f.dates),
      },
      withTotal: selects(info, "totalCount"),
    });
    // A finding is dated by its inspection's effective date.
    return markDates(page, f.dates, async (node) => {
      const inspection = await loadRelatedOne(ctx, inspectionOf, node.id);
      return inspection ? ((await effectiveDateOf(ctx, "Inspection", inspection))?.date ?? null) : null;
    });
  }

  @Query(() => InspectionConnection, { description: "Inspections and visits, filtered and sorted in the database, paged with keyset cursors." })
  async inspectionsConnection(@Args(() => InspectionsConnectionArgs) { first, after, filter, orderBy }: InspectionsConnectionArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const f = filter ?? {};
    ids(f as Record<string, unknown>, { authority: "Organisation" });
    const order = orderBy ?? { field: "START", direction: "ASC" };
    const page = await paginate(ctx, INSPECTION_PAGES[order.field][scopeOf(f)][order.direction], "Inspection", {
      first,
      after,
      params: { authority: f.authority ?? null, kind: f.kind ?? null, status: f.status ?? null, grade: f.grade ?? null, ...dateParams(f.dates) },
      withTotal: selects(info, "totalCount"),
    });
    return markDates(page, f.dates, async (node) => (await effectiveDateOf(ctx, "Inspection", node))?.date ?? null);
  }
}
