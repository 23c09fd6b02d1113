/** The headline questions over real HTTP on the Swindon seed graph: accountability, themes, grades, context. */
import { describe, expect, it } from "vitest";
import { useTestServer } from "../support/harness.js";

const server = useTestServer();
const data = server.data;

const SWINDON = "org:swindon-borough-council";
const ACCOUNTABILITY = `query($area: ID!, $on: Date!) { accountability(authority: "${SWINDON}", serviceArea: $area, on: $on) {
  on posts { level certainty post { id role } holders { certainty attestedOn distanceDays person { id name unnamed } occupancy { evidence { quote } } } }
  steps { level line inferred from { id } to { __typename id } evidence { quote source { id } } }
  oversight { body { id } intervention { kind } members { role certainty member { __typename id } membership { evidence { quote } } }
    posts { certainty holders { attestedOn person { unnamed } } } } } }`;

const byRole = (answer: any, role: string) => answer.posts.find((p: any) => p.post.role === role);

describe("accountability(authority, serviceArea, on)", () => {
  it("on 1 October 2024: attested DCS and lead member, lines up to chief executive and leader, the board and its chair", async () => {
    const { accountability: a } = await data(ACCOUNTABILITY, { area: "area:children-in-care", on: "2024-10-01" });
    expect(byRole(a, "DCS")).toMatchObject({ level: 0, certainty: "ATTESTED", holders: [{ certainty: "ATTESTED", attestedOn: "2024", person: { id: "person:lisa-arthey" } }] });
    expect(byRole(a, "CABINET_MEMBER").holders[0]).toMatchObject({ attestedOn: "2024-10-17", distanceDays: 16, person: { id: "person:paul-dixon" } });
    // Jim Robbins and Sam Mowbray are attested on 18 Sept 2023 only: more than a year before, so not claimed.
    expect(byRole(a, "CHIEF_EXECUTIVE")).toMatchObject({ level: 1, certainty: "UNKNOWN", holders: [] });
    expect(byRole(a, "LEADER")).toMatchObject({ level: 1, certainty: "UNKNOWN", holders: [] });
    const lines = a.steps.map((s: any) => `${s.from.id}-${s.line}->${s.to.id}`);
    expect(lines).toEqual(expect.arrayContaining([
      "post:swindon-dcs-MANAGERIAL->post:swindon-chief-executive",
      "post:swindon-cabinet-member-childrens-social-care-POLITICAL->post:swindon-leader",
    ]));
    for (const step of a.steps) {
      expect(step.inferred).toBe(true);
      expect(step.evidence.length).toBeGreaterThan(0);
    }
    expect(a.oversight).toHaveLength(1);
    const board = a.oversight[0];
    expect(board).toMatchObject({ body: { id: "org:swindon-childrens-services-improvement-board" }, intervention: { kind: "IMPROVEMENT_NOTICE" } });
    expect(board.members[0]).toMatchObject({ role: "INDEPENDENT_CHAIR", certainty: "UNKNOWN", member: { __typename: "Person" } });
    expect(board.members.map((m: any) => m.member.id)).toContain("org:department-for-education");
    expect(board.posts[0]).toMatchObject({ certainty: "ATTESTED", holders: [{ attestedOn: "2024-10-17", person: { unnamed: true } }] });
  });

  it("in 2019: the DCS is an unnamed placeholder, and no board existed yet", async () => {
    const { accountability: a } = await data(ACCOUNTABILITY, { area: "area:children-in-care", on: "2019-06-01" });
    const dcs = byRole(a, "DCS");
    expect(dcs.certainty).toBe("ATTESTED");
    expect(dcs.holders).toHaveLength(1);
    expect(dcs.holders[0].person).toMatchObject({ name: null, unnamed: true });
    expect(dcs.holders[0].occupancy.evidence.length).toBeGreaterThan(0);
    expect(a.oversight).toEqual([]);
  });

  it("in mid-2021 nobody is attested in any post: UNKNOWN, never a guess", async () => {
    const { accountability: a } = await data(ACCOUNTABILITY, { area: "area:children-in-care", on: "2021-06-01" });
    expect(a.posts.length).toBeGreaterThanOrEqual(4);
    for (const p of a.posts) expect(p).toMatchObject({ certainty: "UNKNOWN", holders: [] });
  });

  it("returns every candidate when several could hold the post", async () => {
    // March 2024: the unnamed new Corporate Director (July 2023) and Lisa Arthey ("2024") are both within a year.
    const { accountability: a } = await data(ACCOUNTABILITY, { area: "area:children-in-care", on: "2024-03-01" });
    const ids = byRole(a, "DCS").holders.map((h: any) => h.person.id);
    expect(ids).toEqual(expect.arrayContaining(["person:swindon-new-corporate-dcs-2023-unnamed", "person:lisa-arthey"]));
    // In December 2023 the source dated only "2024" (it may mean December 2024) attests nothing yet.
    const { accountability: december } = await data(ACCOUNTABILITY, { area: "area:children-in-care", on: "2023-12-15" });
    expect(byRole(december, "DCS").holders.map((h: any) => h.person.id)).toEqual(["person:swindon-new-corporate-dcs-2023-unnamed"]);
  });

  it("asOf a month or year: everyone who may have held a post at any time in it; a day asOf is the day", async () => {
    const AS_OF = ACCOUNTABILITY.replace("$on: Date!", "$asOf: PartialDate").replace("on: $on", "asOf: $asOf");
    const { accountability: year } = await data(AS_OF, { area: "area:children-in-care", asOf: "2023" });
    expect(year.on).toBe("2023");
    // The new Corporate Director (attested July 2023) may have held it in 2023; Lisa Arthey, attested only by a
    // source dated "2024" (which may mean its last day, over a year after 2023 began), is no candidate for 2023.
    const directors = byRole(year, "DCS").holders.map((h: any) => h.person.id);
    expect(directors).toContain("person:swindon-new-corporate-dcs-2023-unnamed");
    expect(directors).not.toContain("person:lisa-arthey");
    // Robbins and Mowbray, attested in September 2023, are candidates for 2023 as a whole.
    expect(byRole(year, "LEADER").holders.map((h: any) => h.person.id)).toEqual(["person:jim-robbins"]);
    const { accountability: day } = await data(AS_OF, { area: "area:children-in-care", asOf: "2023-12-15" });
    const { accountability: on } = await data(ACCOUNTABILITY, { area: "area:children-in-care", on: "2023-12-15" });
    expect(day).toEqual(on);
  });

  it("takes on or asOf, not both and not neither", async () => {
    const query = (args: string) => server.gql(`{ accountability(authority: "${SWINDON}", serviceArea: "area:children-in-care"${args}) { on } }`);
    expect((await query(`, on: "2023-01-01", asOf: "2023"`)).body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "asOf" });
    expect((await query("")).body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "on" });
    expect((await query(`, asOf: "2023-13"`)).body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("rejects bad input clearly", async () => {
    const wrongId = await server.gql(ACCOUNTABILITY, { area: "theme:plan-quality", on: "2024-10-01" });
    expect(wrongId.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const badDate = await server.gql(ACCOUNTABILITY, { area: "area:children-in-care", on: "2024-02-30" });
    expect(badDate.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const unknown = await server.gql(ACCOUNTABILITY, { area: "area:no-such-area", on: "2024-10-01" });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});

const RECURRING = `query($from: PartialDate!, $to: PartialDate!, $min: Int, $polarity: Polarity) {
  recurringThemes(authority: "${SWINDON}", from: $from, to: $to, minInspections: $min, polarity: $polarity) {
    latestInspection { id }
    themes { theme { id } inspectionCount findingCount occurrences { date polarity inspection { id } finding { id serviceAreas { id } evidence { quote source { title } } } } }
    stoppedRecurring { theme { id } lastSeen { id } } newlyAppeared { theme { id } } } }`;

describe("accountability from statute, for any council", () => {
  it("where no source says who answers for an area, the DCS answers to the chief executive, inferred from statute", async () => {
    const { posts, serviceArea } = await data<any>(`{ posts { id role organisation { id } } serviceArea(id: "area:children-in-care") { responsiblePosts { id } } }`);
    const stated = new Set(serviceArea.responsiblePosts.map((p: any) => p.id));
    const byAuthority = new Map<string, any[]>();
    for (const post of posts) if (post.organisation) byAuthority.set(post.organisation.id, [...(byAuthority.get(post.organisation.id) ?? []), post]);
    // A council of the national record with a DCS and a chief executive in the graph, and no responsibilities stated.
    const [authority, own] = [...byAuthority.entries()].find(([, list]) => list.some((p) => p.role === "DCS") && list.some((p) => p.role === "CHIEF_EXECUTIVE") && !list.some((p) => stated.has(p.id)))!;
    expect(authority).toBeDefined();
    const { accountability: a } = await data<any>(
      `query ($authority: ID!) { accountability(authority: $authority, serviceArea: "area:children-in-care", asOf: "2024") {
        basis basisNote posts { level post { id role } } steps { level line inferred inferredFrom from { id } to { id } evidence { quote } } } }`,
      { authority },
    );
    expect(a.basis).toBe("STATUTE");
    expect(a.basisNote).toContain("Children Act 2004");
    const ids = (role: string) => own.filter((p) => p.role === role).map((p) => p.id).sort();
    expect(a.posts.filter((p: any) => p.level === 0).map((p: any) => p.post.id).sort()).toEqual(expect.arrayContaining(ids("DCS")));
    expect(a.posts.filter((p: any) => p.level === 1).map((p: any) => p.post.id).sort()).toEqual(ids("CHIEF_EXECUTIVE"));
    expect(a.steps.length).toBeGreaterThan(0);
    for (const step of a.steps) {
      expect(step).toMatchObject({ level: 1, line: "MANAGERIAL", inferred: true, evidence: [] });
      expect(step.inferredFrom).toMatch(/^statute: Children Act 2004, s\.18/);
      expect(ids("DCS")).toContain(step.from.id);
      expect(ids("CHIEF_EXECUTIVE")).toContain(step.to.id);
    }
  });

  it("a source's own statement replaces the statutory lines", async () => {
    const { accountability: a } = await data<any>(`{ accountability(authority: "${SWINDON}", serviceArea: "area:children-in-care", on: "2024-10-01") { basis basisNote steps { inferredFrom } } }`);
    expect(a).toMatchObject({ basis: "SOURCES", basisNote: null });
    expect(a.steps.some((s: any) => String(s.inferredFrom).startsWith("statute:"))).toBe(false);
  });
});

describe("recurringThemes", () => {
  it("finds the weaknesses raised in 2019 and again in 2023–24, each occurrence with quote and source", async () => {
    const { recurringThemes: r } = await data(RECURRING, { from: "2019", to: "2024", min: 3, polarity: "NEGATIVE" });
    const ids = r.themes.map((t: any) => t.theme.id);
    expect(ids).toEqual(expect.arrayContaining(["theme:drift-and-delay", "theme:plan-quality"]));
    for (const t of r.themes) {
      expect(t.inspectionCount).toBeGreaterThanOrEqual(3);
      expect(new Set(t.occurrences.map((o: any) => o.inspection.id)).size).toBe(t.inspectionCount);
      expect(t.occurrences).toHaveLength(t.findingCount);
      for (const o of t.occurrences) {
        expect(o.polarity).toBe("NEGATIVE");
        expect(o.finding.evidence[0].quote.length).toBeGreaterThan(0);
      }
      const years = t.occurrences.map((o: any) => o.date.slice(0, 4));
      expect(years).toContain("2019");
      expect(years.some((y: string) => y >= "2023")).toBe(true);
    }
  });

  it("orders by recurrence and honours minInspections and the date range", async () => {
    const { recurringThemes: wide } = await data(RECURRING, { from: "2019", to: "2024", min: 2 });
    const counts = wide.themes.map((t: any) => t.inspectionCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(wide.themes.length).toBeGreaterThan(2);
    const { recurringThemes: narrow } = await data(RECURRING, { from: "2023-01", to: "2023-12", min: 1 });
    for (const t of narrow.themes) for (const o of t.occurrences) expect(o.inspection.id).toBe("inspection:swindon-ilacs-2023-07");
  });

  it("reports themes that stopped recurring or newly appeared at the latest visit", async () => {
    const { recurringThemes: r } = await data(RECURRING, { from: "2019", to: "2024", min: 2, polarity: "NEGATIVE" });
    expect(r.latestInspection.id).toBe("inspection:swindon-mv-2024-09");
    expect(r.stoppedRecurring.map((s: any) => s.theme.id)).toContain("theme:drift-and-delay");
    for (const s of r.stoppedRecurring) expect(s.lastSeen.id).not.toBe(r.latestInspection.id);
  });

  it("rejects a range that ends before it starts", async () => {
    const res = await server.gql(RECURRING, { from: "2024", to: "2019" });
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("judgementHistory", () => {
  const HISTORY = `query($area: ID) { judgementHistory(authority: "${SWINDON}", area: $area) {
    label judgementArea { code framework } points { date grade previousGrade change mapping judgementArea { code } judgement { evidence { quote } } } } }`;

  it("traces care leavers across the 2023 framework split, stating the mapping", async () => {
    const { judgementHistory: series } = await data(HISTORY, { area: "area:care-leavers" });
    expect(series).toHaveLength(1);
    expect(series[0].judgementArea).toEqual({ code: "CARE_LEAVERS", framework: "ILACS 2023" });
    // 2014: the single inspection framework's own care leavers judgement; 2019: the combined ILACS 2018 one; 2023: today's.
    const [sif, combined, current] = series[0].points;
    expect(sif).toMatchObject({ date: "2014-03-11", grade: "REQUIRES_IMPROVEMENT", change: "FIRST", judgementArea: { code: "CARE_LEAVERS" } });
    expect(sif.mapping).toBeNull();
    expect(combined).toMatchObject({ date: "2019-07-01", grade: "REQUIRES_IMPROVEMENT", change: "UNCHANGED", judgementArea: { code: "CHILDREN_IN_CARE_AND_CARE_LEAVERS" } });
    expect(combined.mapping).toMatch(/children in care and care leavers/);
    expect(current).toMatchObject({ grade: "REQUIRES_IMPROVEMENT", previousGrade: "REQUIRES_IMPROVEMENT", change: "UNCHANGED", mapping: null });
  });

  it("gives every current area's series from 2014 across three frameworks, overall first, with declines from 2019 to 2023", async () => {
    const { judgementHistory: series } = await data(HISTORY, {});
    expect(series.map((s: any) => s.judgementArea.code)).toEqual(["OVERALL", "CARE_LEAVERS", "CHILDREN_IN_CARE", "HELP_AND_PROTECTION", "LEADERS"]);
    const overall = series[0].points.map((p: any) => `${p.date.slice(0, 4)}/${p.grade}/${p.change}`);
    expect(overall).toEqual(["2014/REQUIRES_IMPROVEMENT/FIRST", "2019/GOOD/IMPROVED", "2023/INADEQUATE/DECLINED"]);
    const inCare = series.find((s: any) => s.judgementArea.code === "CHILDREN_IN_CARE").points.map((p: any) => p.change);
    expect(inCare).toEqual(["FIRST", "UNCHANGED", "DECLINED"]);
    for (const s of series) for (const p of s.points) expect(p.judgement.evidence.length).toBeGreaterThan(0);
  });
});

describe("authorityContext", () => {
  it("gives a front-end's card in one request", async () => {
    const { authorityContext: c } = await data(`{ authorityContext(authority: "${SWINDON}", on: "2024-12-01") {
      on posts { post { role } certainty holders { person { id } } }
      latestJudgedInspection { id } latestJudgements { grade area { code } }
      latestVisit { id } latestFindings { id } openInterventions { kind } oversight { body { kind } }
      bodies { kind } nextExpectedInspection { id status } } }`);
    expect(c.on).toBe("2024-12-01");
    expect(c.posts.map((p: any) => p.post.role).slice(0, 3)).toEqual(["LEADER", "CHIEF_EXECUTIVE", "DCS"]);
    expect(c.latestJudgedInspection.id).toBe("inspection:swindon-ilacs-2023-07");
    expect(c.latestJudgements).toHaveLength(5);
    expect(c.latestVisit.id).toBe("inspection:swindon-mv-2024-09");
    expect(c.latestFindings.length).toBeGreaterThan(5);
    expect(c.openInterventions).toEqual([{ kind: "IMPROVEMENT_NOTICE" }]);
    // The board oversees the notice; the scrutiny committee held a meeting on the plan's progress on 17 October
    // 2024. The cabinet's meeting of 11 December was only announced: not oversight done, and after the day.
    expect(c.oversight).toEqual([{ body: { kind: "IMPROVEMENT_BOARD" } }, { body: { kind: "SCRUTINY_COMMITTEE" } }]);
    expect(c.bodies.map((b: any) => b.kind)).toEqual(expect.arrayContaining(["CABINET", "SCRUTINY_COMMITTEE", "IMPROVEMENT_BOARD"]));
    expect(c.nextExpectedInspection).toEqual({ id: "inspection:swindon-ilacs-2026-expected", status: "EXPECTED" });
  });

  it("as of 2020, shows the 2019 grades and no intervention", async () => {
    const { authorityContext: c } = await data(`{ authorityContext(authority: "${SWINDON}", on: "2020-03-01") {
      latestJudgedInspection { id } openInterventions { kind } oversight { body { id } } } }`);
    expect(c).toEqual({ latestJudgedInspection: { id: "inspection:swindon-ilacs-2019" }, openInterventions: [], oversight: [] });
  });
});

describe("input validation of literals", () => {
  it("an impossible PartialDate literal is BAD_USER_INPUT with a clear message, and status 400", async () => {
    const res = await server.gql(`{ recurringThemes(authority: "${SWINDON}", from: "2019-13", to: "2024") { themes { theme { id } } } }`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.body.errors?.[0]?.message).toMatch(/PartialDate must be "YYYY", "YYYY-MM" or "YYYY-MM-DD"/);
  });
});
