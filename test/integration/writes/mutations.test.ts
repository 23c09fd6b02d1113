/** Authenticated edits over real HTTP: roles, full validation before writing, and the audit trail. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashKey } from "../../../src/auth/apiKeys.js";
import { readSeeds } from "../../support/bundles.js";
import { startTestServer, type TestServer } from "../../support/harness.js";
import { restoreAfterFile } from "../../support/restoring.js";
import { snapshot } from "../../support/snapshot.js";

const KEYS = { reader: "reader-key-0123456789", editor: "editor-key-0123456789", admin: "admin-key-0123456789" };
let server: TestServer;
const createdIds: string[] = [];

beforeAll(async () => {
  server = await startTestServer({
    API_KEYS: Object.entries(KEYS).map(([role, key]) => `test-${role}:${role}:${hashKey(key)}`).join(","),
  });
});
afterAll(() => server.close());
restoreAfterFile();

const as = (role: keyof typeof KEYS | "wrong" | null): Record<string, string> =>
  role === null ? {} : { authorization: `Bearer ${role === "wrong" ? "not-a-configured-key" : KEYS[role]}` };

const ADD_FINDING = `mutation($input: FindingInput!, $reason: String!) { addFinding(input: $input, reason: $reason) {
  finding { id summary themes { id } evidence { quote source { id } } inspection { id } }
  changeSet { id actor role reason via operation touched { change node { id } } } } }`;

const finding = (overrides: Record<string, unknown> = {}) => ({
  inspection: "inspection:swindon-mv-2024-09",
  kind: "WEAKNESS",
  polarity: "NEGATIVE",
  summary: "Test finding: pathway plans still missed young people's changing needs.",
  themes: ["theme:pathway-plans"],
  serviceAreas: ["area:care-leavers"],
  evidence: [{ source: "source:sbc-2024-10-17-third-monitoring-visit", quote: "improvements still need to be made to pathway plans" }],
  ...overrides,
});

describe("authentication and roles", () => {
  it("reads stay open without a key", async () => {
    const res = await server.gql("{ sources { id } }");
    expect(res.body.errors).toBeUndefined();
  });

  it("a mutation without a key is UNAUTHENTICATED (401), with a wrong key too, and writes nothing", async () => {
    const before = await snapshot(server.db);
    const none = await server.gql(ADD_FINDING, { input: finding(), reason: "testing auth" }, as(null));
    expect(none.status).toBe(401);
    expect(none.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const wrong = await server.gql(ADD_FINDING, { input: finding(), reason: "testing auth" }, as("wrong"));
    expect(wrong.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    // Who asks is checked before what they sent: a malformed id gets no feedback without a key.
    const malformed = await server.gql(`mutation { tagTheme(finding: "not an id", theme: "theme:x", reason: "testing auth") { finding { id } } }`, undefined, as(null));
    expect([malformed.status, malformed.body.errors?.[0]?.extensions?.code]).toEqual([401, "UNAUTHENTICATED"]);
    const malformedEnd = await server.gql(`mutation { endOccupancy(occupancy: "bad", end: "2024", evidence: [], reason: "testing auth") { occupancy { id } } }`, undefined, as("reader"));
    expect([malformedEnd.status, malformedEnd.body.errors?.[0]?.extensions?.code]).toEqual([403, "FORBIDDEN"]);
    // Also before variables are read: a bad partial date in a variable gets 401, not BAD_USER_INPUT.
    const badVariable = await server.gql(`mutation($end: PartialDate!) { endOccupancy(occupancy: "occupancy:x", end: $end, evidence: [], reason: "testing auth") { occupancy { id } } }`, { end: "not a date" }, as(null));
    expect([badVariable.status, badVariable.body.errors?.[0]?.extensions?.code]).toEqual([401, "UNAUTHENTICATED"]);
    const wrongRead = await server.gql("{ sources { id } }", undefined, as("wrong"));
    expect(wrongRead.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await snapshot(server.db)).toEqual(before);
  });

  it("a reader may not edit (FORBIDDEN, 403); an editor may not import (admin only)", async () => {
    const reader = await server.gql(ADD_FINDING, { input: finding(), reason: "testing roles" }, as("reader"));
    expect(reader.status).toBe(403);
    expect(reader.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const editorImport = await server.gql(`mutation { importBundle(bundle: {}, reason: "testing roles") { written } }`, undefined, as("editor"));
    expect(editorImport.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    // Neither an alias nor a fragment hides the field from the role check.
    const aliased = await server.gql(`mutation { harmless: importBundle(bundle: {}, reason: "testing roles") { written } }`, undefined, as("editor"));
    expect(aliased.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const fragment = await server.gql(
      `mutation { ...F } fragment F on Mutation { ... on Mutation { importBundle(bundle: {}, reason: "testing roles") { written } } }`,
      undefined,
      as("editor"),
    );
    expect(fragment.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("reads can be made to need a key", async () => {
    const closed = await startTestServer({ READS_REQUIRE_KEY: "true", API_KEYS: `r:reader:${hashKey(KEYS.reader)}` });
    try {
      const anonymous = await closed.gql("{ sources { id } }");
      expect(anonymous.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      // Checked before parsing and validation: without a key, a wrong document teaches nothing about the schema.
      for (const document of ["{ sourcez { id } }", "{ sources { id "]) {
        const probe = await closed.gql(document);
        expect(probe.status).toBe(401);
        expect(probe.body.errors?.map((e) => e.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
        expect(probe.body.errors?.[0]?.message).not.toMatch(/Did you mean|Syntax Error/);
      }
      const reader = await closed.gql("{ sources { id } }", undefined, as("reader"));
      expect(reader.body.errors).toBeUndefined();
    } finally {
      await closed.close();
    }
  });
});

describe("edits with an audit trail", () => {
  it("adds a finding with evidence, recording who, why, how and what in a ChangeSet", async () => {
    const res = await server.gql(ADD_FINDING, { input: finding(), reason: "Adding a finding from the October 2024 letter" }, as("editor"));
    expect(res.body.errors).toBeUndefined();
    const { finding: added, changeSet } = (res.body.data as any).addFinding;
    createdIds.push(added.id);
    expect(added).toMatchObject({ inspection: { id: "inspection:swindon-mv-2024-09" }, themes: [{ id: "theme:pathway-plans" }] });
    expect(changeSet).toMatchObject({ actor: "test-editor", role: "editor", via: "graphql", reason: "Adding a finding from the October 2024 letter" });
    expect(changeSet.touched).toEqual([{ change: "CREATED", node: { id: added.id } }]);

    const again = await server.gql(ADD_FINDING, { input: finding({ id: added.id }), reason: "same again" }, as("editor"));
    expect((again.body.data as any).addFinding.changeSet).toBeNull();

    const TRAIL = `query($id: ID!) { changes(entity: $id) { id reason touched { change } } }`;
    const trail = await server.gql(TRAIL, { id: added.id }, as("editor"));
    expect((trail.body.data as any).changes).toEqual([{ id: changeSet.id, reason: changeSet.reason, touched: [{ change: "CREATED" }] }]);
    // The trail names keys and roles: an editor's to read, by any route.
    expect((await server.gql(TRAIL, { id: added.id })).body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await server.gql(TRAIL, { id: added.id }, as("reader"))).body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const byNode = `{ node(id: "${changeSet.id}") { id } }`;
    expect((await server.gql(byNode)).body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await server.gql(byNode, undefined, as("editor"))).body.data).toEqual({ node: { id: changeSet.id } });
  });

  it("tags and untags a theme, each audited; a repeat is a no-op", async () => {
    const id = "finding:swindon-mv3-pathway-plans";
    const tag = `mutation($on: Boolean!) { a: tagTheme(finding: "${id}", theme: "theme:voice-of-the-child", reason: "test tag") @include(if: $on) { finding { themes { id } } changeSet { id } }
      b: untagTheme(finding: "${id}", theme: "theme:voice-of-the-child", reason: "test untag") @skip(if: $on) { finding { themes { id } } changeSet { id } } }`;
    const before = await server.gql(`{ finding: node(id: "${id}") { ... on Finding { themes { id } } } }`);
    const had = (before.body.data as any).finding.themes.map((t: any) => t.id);
    expect(had).not.toContain("theme:voice-of-the-child");
    const tagged = (await server.gql(tag, { on: true }, as("editor"))).body.data as any;
    expect(tagged.a.finding.themes.map((t: any) => t.id)).toContain("theme:voice-of-the-child");
    expect(tagged.a.changeSet.id).toMatch(/^changeset:/);
    const again = (await server.gql(tag, { on: true }, as("editor"))).body.data as any;
    expect(again.a.changeSet).toBeNull();
    const untagged = (await server.gql(tag, { on: false }, as("editor"))).body.data as any;
    expect(untagged.b.finding.themes.map((t: any) => t.id).sort()).toEqual([...had].sort());
    expect(untagged.b.changeSet.id).toMatch(/^changeset:/);
  });

  it("records an inspection with judgements, and an occupancy and its end", async () => {
    const inspection = await server.gql(`mutation($input: InspectionInput!) { recordInspection(input: $input, reason: "test: a visit") {
      inspection { id status judgements { grade area { code } } } changeSet { touched { change node { __typename } } } } }`, {
      input: {
        kind: "MONITORING_VISIT", authority: "org:swindon-borough-council", by: "org:ofsted", start: "2025-03",
        evidence: [{ source: "source:sbc-2024-12-06-cabinet-monitoring-visits", quote: "Further Ofsted monitoring visits will continue every four to six months" }],
        judgements: [{ area: "judgement-area:ilacs-2023-care-leavers", grade: "GOOD", evidence: [{ source: "source:sbc-2024-12-06-cabinet-monitoring-visits", quote: "improvements to the services provided to care-experienced young people" }] }],
      },
    }, as("editor"));
    expect(inspection.body.errors).toBeUndefined();
    const recorded = (inspection.body.data as any).recordInspection;
    createdIds.push(recorded.inspection.id, `judgement:${recorded.inspection.id.split(":")[1]}-ilacs-2023-care-leavers`);
    expect(recorded.inspection.judgements).toEqual([{ grade: "GOOD", area: { code: "CARE_LEAVERS" } }]);
    expect(recorded.changeSet.touched.map((t: any) => t.node.__typename).sort()).toEqual(["Inspection", "Judgement"]);

    const occupancy = await server.gql(`mutation { recordOccupancy(input: { person: "person:paul-dixon", post: "post:swindon-cabinet-member-childrens-social-care", start: "2024-05", status: SUBSTANTIVE,
        evidence: [{ source: "source:sbc-2024-10-17-third-monitoring-visit", quote: "Councillor Paul Dixon, Swindon Borough Council's Cabinet Member for Children's Social Care" }] }, reason: "test occupancy") {
      occupancy { id start startPrecision status } } }`, undefined, as("editor"));
    expect(occupancy.body.errors).toBeUndefined();
    const occ = (occupancy.body.data as any).recordOccupancy.occupancy;
    createdIds.push(occ.id);
    expect(occ).toMatchObject({ start: "2024-05", startPrecision: "MONTH", status: "SUBSTANTIVE" });
    const tooEarly = await server.gql(`mutation { endOccupancy(occupancy: "${occ.id}", end: "2023", reason: "test end",
        evidence: [{ source: "source:sbc-2024-12-06-cabinet-monitoring-visits", quote: "Councillor Paul Dixon" }]) { occupancy { id } } }`, undefined, as("editor"));
    expect(tooEarly.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(tooEarly.body.errors?.[0]?.message).toMatch(/end 2023 is before start 2024-05/);
    const ended = await server.gql(`mutation { endOccupancy(occupancy: "${occ.id}", end: "2025", reason: "test end",
        evidence: [{ source: "source:sbc-2024-12-06-cabinet-monitoring-visits", quote: "Councillor Paul Dixon, the Council's Cabinet Member for Children's Social Care" }]) {
      occupancy { end endPrecision evidence { quote } } changeSet { operation } } }`, undefined, as("editor"));
    expect(ended.body.errors).toBeUndefined();
    expect((ended.body.data as any).endOccupancy).toMatchObject({ occupancy: { end: "2025", endPrecision: "YEAR" }, changeSet: { operation: `endOccupancy ${occ.id}` } });
    expect((ended.body.data as any).endOccupancy.occupancy.evidence).toHaveLength(2);
    const repeat = await server.gql(`mutation { endOccupancy(occupancy: "${occ.id}", end: "2025", reason: "test end again",
        evidence: [{ source: "source:sbc-2024-12-06-cabinet-monitoring-visits", quote: "Councillor Paul Dixon, the Council's Cabinet Member for Children's Social Care" }]) {
      changeSet { id } } }`, undefined, as("editor"));
    expect((repeat.body.data as any).endOccupancy.changeSet).toBeNull();
  });
});

describe("bounded dates through the API", () => {
  it("records an occupancy known only by bounds; its end must fall within them, and then replaces them", async () => {
    const record = await server.gql(`mutation { recordOccupancy(input: { id: "occupancy:test-bounded-dixon", person: "person:paul-dixon",
        post: "post:swindon-cabinet-member-childrens-social-care", startBefore: "2024", endAfter: "2024-10", status: UNKNOWN,
        evidence: [{ source: "source:sbc-2024-10-17-third-monitoring-visit", quote: "Councillor Paul Dixon, Swindon Borough Council's Cabinet Member for Children's Social Care" }] },
        reason: "test bounded occupancy") { occupancy { id start startBefore endAfter effectiveDate { basis } } } }`, undefined, as("editor"));
    expect(record.body.errors).toBeUndefined();
    createdIds.push("occupancy:test-bounded-dixon");
    // No start or end: its effective date is its source's publication.
    expect((record.body.data as any).recordOccupancy.occupancy).toEqual({
      id: "occupancy:test-bounded-dixon", start: null, startBefore: "2024", endAfter: "2024-10", effectiveDate: { basis: "SOURCE_PUBLISHED" },
    });
    const end = (value: string) => server.gql(`mutation { endOccupancy(occupancy: "occupancy:test-bounded-dixon", end: "${value}", reason: "test end",
        evidence: [{ source: "source:sbc-2024-12-06-cabinet-monitoring-visits", quote: "Councillor Paul Dixon" }]) { occupancy { end endAfter endBefore } } }`, undefined, as("editor"));
    const tooEarly = await end("2024-09");
    expect(tooEarly.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(tooEarly.body.errors?.[0]?.message).toMatch(/end 2024-09 is not after endAfter 2024-10/);
    const ended = await end("2025-01");
    expect(ended.body.errors).toBeUndefined();
    expect((ended.body.data as any).endOccupancy.occupancy).toEqual({ end: "2025-01", endAfter: null, endBefore: null });
    const both = await server.gql(`mutation { recordOccupancy(input: { id: "occupancy:test-bounded-both", person: "person:paul-dixon",
        post: "post:swindon-cabinet-member-childrens-social-care", start: "2023", startBefore: "2024", status: UNKNOWN,
        evidence: [{ source: "source:sbc-2024-10-17-third-monitoring-visit", quote: "Councillor Paul Dixon" }] }, reason: "test") { occupancy { id } } }`, undefined, as("editor"));
    expect(both.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(both.body.errors?.[0]?.message).toMatch(/give start or its bounds/);
  });
});

describe("validation before any write", () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ["a dangling theme", { themes: ["theme:not-a-theme"] }, /does not resolve to any Theme/],
    ["an unknown source", { evidence: [{ source: "source:nope", quote: "some words" }] }, /does not resolve to any Source/],
    ["an overlong quote", { evidence: [{ source: "source:sbc-2024-10-17-third-monitoring-visit", quote: Array(40).fill("word").join(" ") }] }, /at most 30 words/],
    ["no evidence", { evidence: [] }, /at least one piece of evidence/],
    ["an empty summary", { summary: "  " }, /must not be empty/],
  ];
  it.each(cases)("rejects %s with BAD_USER_INPUT and writes nothing", async (_name, overrides, message) => {
    const before = await snapshot(server.db);
    const res = await server.gql(ADD_FINDING, { input: finding(overrides), reason: "testing validation" }, as("editor"));
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.body.errors?.[0]?.message).toMatch(message);
    expect(await snapshot(server.db)).toEqual(before);
  });

  it("requires a reason", async () => {
    const res = await server.gql(ADD_FINDING, { input: finding(), reason: " " }, as("editor"));
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.body.errors?.[0]?.message).toMatch(/reason/);
  });
});

describe("adding a source", () => {
  it("accepts an unknown publisher and date, derives the id from the title, and refuses a duplicate", async () => {
    const q = `mutation($input: SourceInput!) { addSource(input: $input, reason: "test source") { source { id publisher published kind } changeSet { id } } }`;
    const input = { title: "Test source added by the mutation test", kind: "OTHER" };
    const res = await server.gql(q, { input }, as("editor"));
    expect(res.body.errors).toBeUndefined();
    const added = (res.body.data as any).addSource;
    createdIds.push(added.source.id);
    expect(added.source).toEqual({ id: "source:test-source-added-by-the-mutation-test", publisher: null, published: null, kind: "OTHER" });
    const again = await server.gql(q, { input }, as("editor"));
    expect(again.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("import over GraphQL", () => {
  it("dry-runs and imports a bundle as admin, with an audit record", async () => {
    const bundle = { themes: [{ id: "theme:test-import-theme", label: "Test import theme", description: "Created by the mutation test." }] };
    createdIds.push("theme:test-import-theme");
    const q = `mutation($bundle: JSONObject!, $dry: Boolean!) { importBundle(bundle: $bundle, reason: "test import", dryRun: $dry) { dryRun written created changeSet { actor } } }`;
    const dry = await server.gql(q, { bundle, dry: true }, as("admin"));
    expect((dry.body.data as any).importBundle).toEqual({ dryRun: true, written: false, created: ["theme:test-import-theme"], changeSet: null });
    const real = await server.gql(q, { bundle, dry: false }, as("admin"));
    expect((real.body.data as any).importBundle).toMatchObject({ written: true, changeSet: { actor: "test-admin" } });
    const bad = await server.gql(q, { bundle: { themes: [{ id: "bad id" }] }, dry: false }, as("admin"));
    expect(bad.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(bad.body.errors?.[0]?.extensions?.problems).toBeInstanceOf(Array);
  });

  it("a dry-run import carrying an empty responsibilities section for a post reports every responsibility it would remove", async () => {
    const seeds = readSeeds();
    const dcs = seeds.posts.find((p) => p.id === "post:swindon-dcs")!;
    const expected = seeds.responsibilities
      .filter((r) => r.post === dcs.id)
      .map((r) => `${dcs.id} -[RESPONSIBLE_FOR]-> ${r.serviceArea}`)
      .sort();
    const before = await snapshot(server.db);
    const q = `mutation($bundle: JSONObject!) {
      importBundle(bundle: $bundle, reason: "what would go", dryRun: true) { written updated relationships { created updated unchanged removed } }
    }`;
    const res = await server.gql(q, { bundle: { posts: [dcs], responsibilities: [] } }, as("admin"));
    expect(res.body.errors).toBeUndefined();
    const report = (res.body.data as any).importBundle;
    expect(report).toMatchObject({ written: false, updated: [], relationships: { created: [], updated: [], unchanged: 0 } });
    expect([...report.relationships.removed].sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(5);
    const withoutSection = await server.gql(q, { bundle: { posts: [dcs] } }, as("admin"));
    expect((withoutSection.body.data as any).importBundle.relationships.removed).toEqual([]);
    expect(await snapshot(server.db)).toEqual(before);
  });
});
