/**
 * The national questions as plain functions over a DbSession: every authority's latest grades (filtered
 * and sorted), the themes of an authority's recommendations, and how often each theme was raised per year.
 */
import type { Row } from "../../db/gateway.js";
import type { DbSession } from "../../db/session.js";
import { badInput } from "../../errors.js";
import { fetchNode, primeObject, rowToObject, type GraphObject } from "../../graphql/graphRead.js";
import * as q from "./queries.js";
import { AuthorityOrderField, LatestArea, type AuthorityOrder, type ThemeYear } from "./types.js";

export type LatestGradesValue = {
  inspection: GraphObject;
  overall: string | null;
  leaders: string | null;
  helpAndProtection: string | null;
  childrenInCare: string | null;
  careLeavers: string | null;
  combinedCareJudgement: boolean;
  judgements: GraphObject[];
};

/** The authority's latest graded inspection and its grades, batched over every authority asked for in the request. */
export async function latestGrades(session: DbSession, authorityId: string): Promise<LatestGradesValue | null> {
  const rows = await session.loaders.related(q.LATEST_GRADES).load(authorityId);
  return rows.length === 0 ? null : toLatest(session, rows);
}

function toLatest(session: DbSession, rows: Row[]): LatestGradesValue {
  const grade = (...codes: string[]) => {
    for (const code of codes) {
      const row = rows.find((r) => r.code === code);
      if (row) return (row.judgementProps as { grade: string }).grade;
    }
    return null;
  };
  const first = rows[0]!;
  return {
    inspection: primeObject(session, "Inspection", first.inspectionId as string, first.inspectionProps),
    overall: grade("OVERALL"),
    leaders: grade("LEADERS"),
    helpAndProtection: grade("HELP_AND_PROTECTION"),
    childrenInCare: grade("CHILDREN_IN_CARE", "CHILDREN_IN_CARE_AND_CARE_LEAVERS"),
    careLeavers: grade("CARE_LEAVERS", "CHILDREN_IN_CARE_AND_CARE_LEAVERS"),
    combinedCareJudgement: rows.some((r) => r.code === "CHILDREN_IN_CARE_AND_CARE_LEAVERS"),
    judgements: rows.map((r) => primeObject(session, "Judgement", r.judgementId as string, r.judgementProps)),
  };
}

const GRADE_RANK: Record<string, number> = { OUTSTANDING: 3, GOOD: 2, REQUIRES_IMPROVEMENT: 1, ADEQUATE: 1, INADEQUATE: 0 };
const GRADE_FIELD: Record<LatestArea, keyof LatestGradesValue> = {
  OVERALL: "overall", LEADERS: "leaders", HELP_AND_PROTECTION: "helpAndProtection", CHILDREN_IN_CARE: "childrenInCare", CARE_LEAVERS: "careLeavers",
};

export type AuthoritiesArgs = {
  region: string | null;
  authorityType: string | null;
  grade: string | null;
  gradeOf: LatestArea;
  includeFormer: boolean;
  orderBy: AuthorityOrder;
};

/** Local authorities with their latest grades: filtered by region, type and a grade, sorted by any column. */
export async function authorities(session: DbSession, args: AuthoritiesArgs): Promise<GraphObject[]> {
  const [known] = await session.db.read(q.REGIONS_AND_TYPES, {}, session.counter);
  for (const [name, value, allowed] of [["region", args.region, known!.regions], ["authorityType", args.authorityType, known!.types]] as const) {
    if (value !== null && !(allowed as string[]).includes(value)) {
      throw badInput(`No authority has ${name} "${value}"`, { allowed: [...(allowed as string[])].sort() });
    }
  }
  const rows = await session.db.read(q.AUTHORITIES, { region: args.region, authorityType: args.authorityType, includeFormer: args.includeFormer }, session.counter);
  const nodes = rows.map((row) => primeObject(session, "Organisation", row.id as string, row.props));
  const latest = new Map(await Promise.all(nodes.map(async (n) => [n.id, await latestGrades(session, n.id)] as const)));
  const gradeOf = (n: GraphObject, area: LatestArea) => (latest.get(n.id)?.[GRADE_FIELD[area]] as string | null | undefined) ?? null;
  const kept = args.grade === null ? nodes : nodes.filter((n) => gradeOf(n, args.gradeOf) === args.grade);
  return sortAuthorities(kept, args.orderBy, (n) => latest.get(n.id) ?? null);
}

function sortAuthorities(nodes: GraphObject[], order: AuthorityOrder, latestOf: (n: GraphObject) => LatestGradesValue | null): GraphObject[] {
  const sign = order.direction === "DESC" ? -1 : 1;
  const key = (n: GraphObject): string | number | null => {
    switch (order.field) {
      case AuthorityOrderField.NAME: return n.name as string;
      case AuthorityOrderField.REGION: return (n.region as string | null) ?? null;
      case AuthorityOrderField.AUTHORITY_TYPE: return (n.authorityType as string | null) ?? null;
      case AuthorityOrderField.LATEST_INSPECTION: return (latestOf(n)?.inspection.start as string | undefined) ?? null;
      default: {
        const grade = latestOf(n)?.[GRADE_FIELD[order.field as unknown as LatestArea]] as string | null | undefined;
        return grade ? GRADE_RANK[grade]! : null;
      }
    }
  };
  // Missing values last whichever the direction; ties by name, so the order is total.
  return [...nodes].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    if (ka !== kb) {
      if (ka === null) return 1;
      if (kb === null) return -1;
      return (ka < kb ? -1 : 1) * sign;
    }
    return (a.name as string).localeCompare(b.name as string) || a.id.localeCompare(b.id);
  });
}

/** The themes of an authority's recommendations (its latest graded inspection's, or all), most raised first. */
export async function recommendationThemes(session: DbSession, authorityId: string, latestOnly: boolean) {
  const rows = await session.loaders.related(q.RECOMMENDATION_THEMES, { latestOnly }).load(authorityId);
  return Promise.all(rows.map(async (row) => ({
    theme: rowToObject("Theme", { id: row.themeId, props: row.themeProps } as Row),
    count: (row.findings as string[]).length,
    recommendations: await findingsByIds(session, row.findings as string[]),
  })));
}

export async function findingsByIds(session: DbSession, ids: string[]): Promise<GraphObject[]> {
  return (await Promise.all(ids.map((id) => fetchNode(session, id, "Finding")))).filter((f): f is GraphObject => f !== null);
}

export type PrevalenceArgs = { from: number; to: number; region: string | null; authority: string | null; theme: string | null; kind: string };

/** Per year and theme: the authorities whose inspection raised it, of those inspected that year, with the findings behind it. */
export async function themePrevalence(session: DbSession, args: PrevalenceArgs): Promise<ThemeYear[]> {
  if (args.from > args.to) throw badInput(`"from" (${args.from}) is after "to" (${args.to})`);
  if (args.from < 2000 || args.to > 2100) throw badInput("Years must be between 2000 and 2100");
  const params = { ...args };
  const [rows, inspected] = await Promise.all([
    session.db.read(q.THEME_PREVALENCE, params, session.counter),
    session.db.read(q.INSPECTED_PER_YEAR, params, session.counter),
  ]);
  const perYear = new Map(inspected.map((r) => [Number(r.year), Number(r.authorities)]));
  return rows.map((row) => {
    const year = Number(row.year);
    const inspectedAuthorities = perYear.get(year) ?? 0;
    const findingIds = row.findings as string[];
    return {
      year,
      theme: rowToObject("Theme", { id: row.themeId, props: row.themeProps } as Row),
      authorities: Number(row.authorities),
      inspectedAuthorities,
      share: inspectedAuthorities === 0 ? 0 : Math.round((Number(row.authorities) / inspectedAuthorities) * 1000) / 1000,
      findingCount: findingIds.length,
      findingIds,
    };
  });
}
