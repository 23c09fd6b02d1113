/**
 * The national questions over real HTTP, each answer checked against what the seed bundles say: latest
 * grades filtered and sorted, neighbours side by side with their themes, prevalence by year, inspections
 * by their lead inspector, date ranges that mark borderline items, search over statements and meetings.
 */
import { describe, expect, it } from "vitest";
import { readSeeds } from "../support/bundles.js";
import { useTestServer } from "../support/harness.js";

const server = useTestServer();
const data = server.data;
const seeds = readSeeds();
const RANK: Record<string, number> = { OUTSTANDING: 3, GOOD: 2, REQUIRES_IMPROVEMENT: 1, ADEQUATE: 1, INADEQUATE: 0 };

/** The seed graph's latest inspection with an overall judgement, per authority. */
function latestGraded(authority: string) {
  const overall = new Set(seeds.judgements.filter((j) => /-overall$/.test(j.area) && !j.area.includes("lac-")).map((j) => j.inspection));
  return seeds.inspections
    .filter((i) => i.authority === authority && i.status === "HELD" && overall.has(i.id))
    .sort((a, b) => (a.start! < b.start! ? 1 : -1))[0];
}
const gradeOn = (inspection: string, areaSuffix: string) => seeds.judgements.find((j) => j.inspection === inspection && j.area.endsWith(areaSuffix))?.grade ?? null;
const councils = seeds.organisations.filter((o) => o.laCode && !seeds.successions.some((s) => s.predecessor === o.id));

describe("authorities with their latest grades", () => {
  it("lists every current authority of a region, each with the grades of its latest graded inspection", async () => {
    const { authorities } = await data(`{ authorities(region: "South West") { id latestGrades { overall inspection { id } } } }`);
    const expected = councils.filter((o) => o.region === "South West");
    expect(authorities.map((a: any) => a.id).sort()).toEqual(expected.map((o) => o.id).sort());
    for (const a of authorities) {
      const latest = latestGraded(a.id)!;
      expect(a.latestGrades.inspection.id, a.id).toBe(latest.id);
      expect(a.latestGrades.overall, a.id).toBe(gradeOn(latest.id, "-overall"));
    }
  });

  it("filters by a grade of any area and sorts by any grade, best first, missing grades last", async () => {
    const { authorities } = await data(`{ authorities(grade: INADEQUATE, gradeOf: HELP_AND_PROTECTION, orderBy: {field: LEADERS, direction: DESC}) {
      name latestGrades { helpAndProtection leaders } } }`);
    expect(authorities.length).toBeGreaterThan(0);
    for (const a of authorities) expect(a.latestGrades.helpAndProtection).toBe("INADEQUATE");
    const ranks = authorities.map((a: any) => (a.latestGrades.leaders ? RANK[a.latestGrades.leaders]! : -1));
    expect(ranks).toEqual([...ranks].sort((x, y) => y - x));
    const { authorities: all } = await data(`{ authorities(includeFormer: true) { id } }`);
    expect(all).toHaveLength(councils.length + new Set(seeds.successions.map((s) => s.predecessor)).size);
  });

  it("refuses an unknown region, listing the known ones", async () => {
    const res = await server.gql(`{ authorities(region: "Atlantis") { id } }`);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", allowed: expect.arrayContaining(["South West", "London"]) });
  });
});

describe("an authority against its neighbours", () => {
  it("gives each neighbour's latest grades and the themes of its latest recommendations, as the seeds have them", async () => {
    const { organisation } = await data(`{ organisation(id: "org:swindon-borough-council") { statisticalNeighbours { rank authority { id
      latestGrades { inspection { id } } recommendationThemes { theme { id } count recommendations { id } } } } } }`);
    expect(organisation.statisticalNeighbours).toHaveLength(10);
    for (const { authority } of organisation.statisticalNeighbours) {
      const latest = latestGraded(authority.id)!.id;
      expect(authority.latestGrades.inspection.id).toBe(latest);
      const recommendations = seeds.findings.filter((f) => f.inspection === latest && f.kind === "RECOMMENDATION");
      const expected = new Map<string, number>();
      for (const f of recommendations) for (const t of f.themes) expected.set(t, (expected.get(t) ?? 0) + 1);
      expect(Object.fromEntries(authority.recommendationThemes.map((t: any) => [t.theme.id, t.count]))).toEqual(Object.fromEntries(expected));
      const counts = authority.recommendationThemes.map((t: any) => t.count);
      expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    }
  });
});

describe("theme prevalence by year", () => {
  it("counts, per year and theme, the authorities told to improve it, of those inspected, with the recommendations behind it", async () => {
    const { themePrevalence: rows } = await data(`{ themePrevalence(from: 2019, to: 2024) { year theme { id } authorities inspectedAuthorities share findingCount findings(first: 20) { id evidence { quote locator } } } }`);
    const inspection = new Map(seeds.inspections.map((i) => [i.id, i]));
    const yearOf = (id: string) => Number((inspection.get(id)!.start ?? inspection.get(id)!.published!).slice(0, 4));
    const recommendations = seeds.findings.filter((f) => f.kind === "RECOMMENDATION" && f.inspection && yearOf(f.inspection) >= 2019 && yearOf(f.inspection) <= 2024);
    expect(rows.reduce((n: number, r: any) => n + r.findingCount, 0)).toBe(recommendations.reduce((n, f) => n + f.themes.length, 0));
    for (const row of rows.filter((_: unknown, i: number) => i % 7 === 0)) {
      const raised = recommendations.filter((f) => yearOf(f.inspection!) === row.year && f.themes.includes(row.theme.id));
      expect(row.authorities).toBe(new Set(raised.map((f) => inspection.get(f.inspection!)!.authority)).size);
      expect(row.findingCount).toBe(raised.length);
      expect(row.findings).toHaveLength(Math.min(20, raised.length));
      const ids = new Set(raised.map((f) => f.id));
      for (const f of row.findings) expect(ids.has(f.id)).toBe(true);
      expect(row.share).toBeCloseTo(row.authorities / row.inspectedAuthorities, 3);
      for (const f of row.findings) expect(f.evidence[0].locator).toMatch(/^page \d+/);
    }
    const res = await server.gql(`{ themePrevalence(from: 2024, to: 2019) { year } }`);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("inspections led by an inspector", () => {
  it("links each lead inspector to the inspections the reports say they led", async () => {
    const lead = seeds.inspections.find((i) => i.id === "inspection:swindon-ilacs-2023-07")!.leadInspector!;
    const { person } = await data(`query($id: ID!) { person(id: $id) { name inspectionsLed { id } } }`, { id: lead });
    expect(person.inspectionsLed.map((i: any) => i.id).sort()).toEqual(seeds.inspections.filter((i) => i.leadInspector === lead).map((i) => i.id).sort());
  });
});

describe("date ranges over partial dates", () => {
  it("keeps a borderline item by default and marks it, and drops it when asked for items wholly within", async () => {
    const q = `query($match: DateRangeMatch) { findingsConnection(first: 100, filter: {authority: "org:swindon-borough-council", dates: {from: "2024-03", to: "2024-12", match: $match}}) {
      totalCount edges { dateMatch node { inspection { id start } } } } }`;
    const overlapping = (await data(q, { match: "OVERLAPS" })).findingsConnection;
    const within = (await data(q, { match: "WITHIN" })).findingsConnection;
    const marks = new Map(overlapping.edges.map((e: any) => [e.node.inspection.id, e.dateMatch]));
    expect(marks.get("inspection:swindon-mv-2024-second")).toBe("OVERLAPS"); // known only as "2024"
    expect(marks.get("inspection:swindon-mv-2024-09")).toBe("WITHIN");
    expect(within.edges.every((e: any) => e.dateMatch === "WITHIN")).toBe(true);
    expect(within.totalCount).toBe(overlapping.edges.filter((e: any) => e.dateMatch === "WITHIN").length);
  });
});

describe("search over statements and meetings", () => {
  it("finds what people said and what meetings were for", async () => {
    const { search } = await data(`{ search(text: "priority plan", types: [STATEMENT, MEETING], first: 50) { field node { __typename id } } }`);
    const types = new Set(search.map((h: any) => h.node.__typename));
    expect(types).toEqual(new Set(["Statement", "Meeting"]));
    for (const hit of search) expect(["quote", "purpose"]).toContain(hit.field);
  });
});

describe("grade history of every authority", () => {
  it("has no empty series, and a first grade is FIRST exactly when no earlier grading inspection is known without a grade", async () => {
    let previousUnknown = 0;
    for (const council of councils) {
      const { judgementHistory } = await data<any>(
        `query ($id: ID!) { judgementHistory(authority: $id) { label points { change inspection { start } } earlierUngraded { id start kind } } }`,
        { id: council.id },
      );
      const graded = seeds.judgements.some((j) => seeds.inspections.find((i) => i.id === j.inspection)?.authority === council.id);
      expect(judgementHistory.length > 0, council.id).toBe(graded);
      for (const series of judgementHistory) {
        expect(series.points.length, `${council.id} ${series.label}`).toBeGreaterThan(0);
        const first = series.points[0];
        expect(first.change, `${council.id} ${series.label}`).toBe(series.earlierUngraded.length > 0 ? "PREVIOUS_UNKNOWN" : "FIRST");
        for (const earlier of series.earlierUngraded) expect(earlier.start < first.inspection.start, `${council.id} ${earlier.id}`).toBe(true);
        expect(series.points.slice(1).every((p: any) => !["FIRST", "PREVIOUS_UNKNOWN"].includes(p.change))).toBe(true);
        if (first.change === "PREVIOUS_UNKNOWN") previousUnknown++;
      }
    }
    // The national record has such series (an early inspection graded nothing standing for a later area).
    expect(previousUnknown).toBeGreaterThan(0);
  });
});
