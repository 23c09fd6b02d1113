/** Nested reads over real HTTP: inspections, people, bodies, findings, all with evidence. */
import { describe, expect, it } from "vitest";
import { NODE_SECTIONS } from "../../src/model/graphMapping.js";
import { LABEL_BY_PREFIX } from "../../src/model/labels.js";
import { readSeeds } from "../support/bundles.js";
import { useTestServer } from "../support/harness.js";

const server = useTestServer();
const data = server.data;

const gradesOf = (inspection: { judgements: { grade: string; area: { code: string } }[] }) =>
  Object.fromEntries(inspection.judgements.map((j) => [j.area.code, j.grade]));

describe("read API", () => {
  it("reads an inspection's grades per judgement area, each with a quoted source", async () => {
    const { inspection } = await data(`{ inspection(id: "inspection:swindon-ilacs-2023-07") {
      kind start end published authority { name } by { name }
      judgements { grade area { code framework validFrom } evidence { quote source { title published } } } } }`);
    expect(inspection).toMatchObject({ kind: "ILACS_STANDARD", start: "2023-07-17", end: "2023-07-28", authority: { name: "Swindon Borough Council" } });
    expect(gradesOf(inspection)).toEqual({
      OVERALL: "INADEQUATE", LEADERS: "INADEQUATE", HELP_AND_PROTECTION: "INADEQUATE",
      CHILDREN_IN_CARE: "INADEQUATE", CARE_LEAVERS: "REQUIRES_IMPROVEMENT",
    });
    for (const j of inspection.judgements) {
      expect(j.area.framework).toBe("ILACS 2023");
      expect(j.evidence.length).toBeGreaterThan(0);
      expect(j.evidence[0].source.title).toBeTruthy();
    }
  });

  it("reads the 2019 grades under the earlier framework, care leavers combined with children in care", async () => {
    const { inspection } = await data(`{ inspection(id: "inspection:swindon-ilacs-2019") { start startPrecision judgements { grade area { code } } } }`);
    // The news gave only the year; the report's dates sharpen it.
    expect(inspection.start).toBe("2019-07-01");
    expect(inspection.startPrecision).toBe("DAY");
    const { inspection: second } = await data(`{ inspection(id: "inspection:swindon-mv-2024-second") { start startPrecision } }`);
    expect(second).toEqual({ start: "2024", startPrecision: "YEAR" });
    expect(gradesOf(inspection)).toEqual({
      OVERALL: "GOOD", LEADERS: "GOOD", HELP_AND_PROTECTION: "GOOD", CHILDREN_IN_CARE_AND_CARE_LEAVERS: "REQUIRES_IMPROVEMENT",
    });
  });

  it("lists inspections in time order, partial dates at the middle of their range, the expected one last", async () => {
    const { inspections } = await data(`{ inspections(authority: "org:swindon-borough-council") { id status sequence } }`);
    expect(inspections.map((i: { id: string }) => i.id)).toEqual([
      "inspection:swindon-inspection-2014", "inspection:swindon-fv-2018-05", "inspection:swindon-ilacs-2019",
      "inspection:swindon-ilacs-2023-07", "inspection:swindon-mv-2024-02", "inspection:swindon-mv-2024-second",
      "inspection:swindon-mv-2024-09", "inspection:swindon-ilacs-2026-expected",
    ]);
    const { inspections: expected } = await data(`{ inspections(status: EXPECTED) { id } }`);
    expect(expected).toEqual([{ id: "inspection:swindon-ilacs-2026-expected" }]);
  });

  it("reads person → occupancies → post → organisation with attestation dates and evidence", async () => {
    const { person } = await data(`{ person(id: "person:jim-robbins") { name unnamed
      occupancies { status start attestedOn evidence { quote } post { role title organisation { name kind } } } } }`);
    expect(person.name).toBe("Jim Robbins");
    expect(person.occupancies).toHaveLength(1);
    const [occupancy] = person.occupancies;
    expect(occupancy).toMatchObject({ start: null, attestedOn: ["2023-09-18"], post: { role: "LEADER", organisation: { kind: "COUNCIL" } } });
    expect(occupancy.evidence[0].quote).toMatch(/Jim Robbins/);
  });

  it("keeps unnamed people as placeholders with a description and no name", async () => {
    const { people } = await data(`{ people(unnamed: true) { id name unnamed description occupancies { post { id role } } } }`);
    const expected = readSeeds().people.filter((p) => p.unnamed).length;
    expect(people).toHaveLength(expected);
    for (const p of people) {
      expect(p.name).toBeNull();
      expect(p.description.length).toBeGreaterThan(10);
    }
    // Swindon's DCS placeholders: two from the news texts, one from the 2014 report ("in post since March 2008").
    const dcsPlaceholders = people.filter((p: any) => p.occupancies.some((o: any) => o.post.id === "post:swindon-dcs"));
    expect(dcsPlaceholders.map((p: any) => p.id).sort()).toEqual([
      "person:swindon-borough-council-dcs-from-2008-03", "person:swindon-dcs-2019-unnamed", "person:swindon-new-corporate-dcs-2023-unnamed",
    ]);
  });

  it("reads a body's members, people and organisations alike", async () => {
    const { organisation } = await data(`{ organisation(id: "org:swindon-childrens-services-improvement-board") {
      kind partOf { id } oversees { kind }
      memberships { role evidence { quote } member { __typename id ... on Person { unnamed } ... on Organisation { kind } } } } }`);
    expect(organisation.kind).toBe("IMPROVEMENT_BOARD");
    expect(organisation.oversees).toEqual([{ kind: "IMPROVEMENT_NOTICE" }]);
    const byRole = organisation.memberships.map((m: any) => `${m.role}:${m.member.__typename}`);
    expect(byRole).toEqual(expect.arrayContaining(["INDEPENDENT_CHAIR:Person", "MEMBER:Organisation"]));
    const dfe = organisation.memberships.find((m: any) => m.member.id === "org:department-for-education");
    expect(dfe.member.kind).toBe("GOVERNMENT_DEPARTMENT");
  });

  it("filters findings by theme in the database, each with its inspection, areas and quote", async () => {
    const { findings } = await data(`{ findings(theme: "theme:drift-and-delay") {
      kind polarity summary inspection { id start } themes { id } serviceAreas { name } evidence { quote source { id } } } }`);
    expect(findings.length).toBeGreaterThanOrEqual(3);
    const years = new Set(findings.map((f: any) => f.inspection.start.slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(2);
    for (const f of findings) {
      expect(f.themes.map((t: { id: string }) => t.id)).toContain("theme:drift-and-delay");
      expect(f.evidence.length).toBeGreaterThan(0);
    }
    const { findings: negative } = await data(`{ findings(theme: "theme:drift-and-delay", polarity: NEGATIVE) { polarity } }`);
    expect(negative.length).toBeGreaterThan(0);
    expect(negative.length).toBeLessThanOrEqual(findings.length);
    expect(new Set(negative.map((f: any) => f.polarity))).toEqual(new Set(["NEGATIVE"]));
  });

  it("reads the improvement notice, statements and meetings with their links", async () => {
    const result = await data(`{
      interventions { kind inferred inferredFrom issuedBy { name } to { name } follows { id } overseenBy { kind } }
      statements { quote date by { ... on Person { name } } about { __typename id } evidence { quote } }
      meetings { date body { kind } considered { __typename id } } }`);
    expect(result.interventions[0]).toMatchObject({ kind: "IMPROVEMENT_NOTICE", follows: [{ id: "inspection:swindon-ilacs-2023-07" }] });
    expect(result.interventions[0].inferred).toBe(true);
    expect(result.statements.map((s: any) => s.by.name)).toEqual(expect.arrayContaining(["Jim Robbins", "Sam Mowbray", "Paul Dixon"]));
    expect(result.meetings.map((m: any) => m.date)).toEqual(["2023-09-20", "2024-10-17", "2024-12-11"]);
  });

  it("reads posts' responsibilities and lines of accountability, marked as inferred", async () => {
    const { post } = await data(`{ post(id: "post:swindon-dcs") { occupancies { person { id } }
      responsibleFor { inferred serviceArea { name } evidence { quote } }
      accountableTo { line inferred to { __typename id } } } }`);
    expect(post.occupancies.length).toBeGreaterThanOrEqual(3);
    expect(post.responsibleFor.length).toBeGreaterThan(0);
    expect(post.responsibleFor.every((r: any) => r.inferred && r.evidence.length > 0)).toBe(true);
    expect(post.accountableTo).toContainEqual({ line: "MANAGERIAL", inferred: true, to: { __typename: "Post", id: "post:swindon-chief-executive" } });
  });

  it("fetches one node of every label through node(id), typed by its label", async () => {
    const seeds = readSeeds() as Record<string, { id?: string }[]>;
    const ids = Object.values(seeds).map((records) => records[0]?.id).filter((id): id is string => Boolean(id));
    // Every label a bundle can hold (ChangeSets are written, not loaded) but reviews: no Swindon source reports
    // one; test/integration/writes/exampleCouncils.test.ts reads an example's review through node(id).
    expect(NODE_SECTIONS.filter((spec) => seeds[spec.section]!.length === 0).map((spec) => spec.section)).toEqual(["reviews"]);
    expect(ids.length).toBe(NODE_SECTIONS.length - 1);
    const { nodes } = await data(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids });
    expect(nodes.map((n: any) => n.id)).toEqual(ids);
    for (const n of nodes) expect(n.__typename).toBe(LABEL_BY_PREFIX[n.id.split(":")[0] as keyof typeof LABEL_BY_PREFIX]);
  });

  it("rejects a malformed filter id with BAD_USER_INPUT", async () => {
    const res = await server.gql(`{ findings(theme: "not an id") { id } }`);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
