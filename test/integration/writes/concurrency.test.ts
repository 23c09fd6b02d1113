/**
 * An honest audit trail under concurrency: N identical writes at once make one change and one ChangeSet;
 * a create retried with its idempotency key returns the first result and writes nothing more.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashKey } from "../../../src/auth/apiKeys.js";
import { printFigures } from "../../support/figures.js";
import { startTestServer, type TestServer } from "../../support/harness.js";
import { restoreAfterFile } from "../../support/restoring.js";

const EDITOR = "editor-key-concurrency-0123456789";
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ API_KEYS: `concurrent-editor:editor:${hashKey(EDITOR)}`, RATE_LIMIT_PER_MINUTE: "100000" });
});
afterAll(() => server.close());
restoreAfterFile();

const asEditor = { authorization: `Bearer ${EDITOR}` };
const N = 20;
const changesOf = async (entity: string) =>
  (await server.gql<any>(`query ($entity: ID!) { changes(entity: $entity, first: 100) { id operation touched { change node { id } } } }`, { entity }, asEditor)).body.data.changes;

describe("concurrent identical writes", () => {
  it(`${N} identical tagTheme calls at once: one change, one ChangeSet, the rest unchanged`, async () => {
    const { findings } = (await server.gql<any>(`{ findings(kind: RECOMMENDATION, theme: "theme:drift-and-delay") { id } }`)).body.data;
    const { finding } = (await server.gql<any>(`query ($id: ID!) { finding: node(id: $id) { ... on Finding { id themes { id } } } }`, { id: findings[0].id })).body.data;
    const theme = ["theme:workforce-stability", "theme:early-help", "theme:adoption"].find((t) => !finding.themes.some((x: any) => x.id === t))!;
    const before = (await changesOf(finding.id)).length;
    const answers = await Promise.all(
      Array.from({ length: N }, () =>
        server.gql<any>(
          `mutation ($f: ID!, $t: ID!) { tagTheme(finding: $f, theme: $t, reason: "concurrency test") { finding { themes { id } } changeSet { id } } }`,
          { f: finding.id, t: theme },
          asEditor,
        ),
      ),
    );
    for (const answer of answers) expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined();
    expect(answers.filter((a) => a.body.data.tagTheme.changeSet !== null)).toHaveLength(1);
    for (const answer of answers) expect(answer.body.data.tagTheme.finding.themes.map((t: any) => t.id)).toContain(theme);
    expect((await changesOf(finding.id)).length - before).toBe(1);

    // And back: N identical untags at once remove it once, with one ChangeSet (the seed finding is as it was).
    const untags = await Promise.all(
      Array.from({ length: N }, () =>
        server.gql<any>(`mutation ($f: ID!, $t: ID!) { untagTheme(finding: $f, theme: $t, reason: "concurrency test") { changeSet { id } } }`, { f: finding.id, t: theme }, asEditor),
      ),
    );
    for (const answer of untags) expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined();
    expect(untags.filter((a) => a.body.data.untagTheme.changeSet !== null)).toHaveLength(1);
    expect((await changesOf(finding.id)).length - before).toBe(2);
    printFigures("concurrent identical tagTheme/untagTheme", { calls: N, changeSets: (await changesOf(finding.id)).length - before, "changeSets expected": 2 });
  });

  it(`${N} identical addSource calls at once: one source, one CREATED ChangeSet`, async () => {
    const title = `Concurrency test source ${Date.now()}`;
    const answers = await Promise.all(
      Array.from({ length: N }, () =>
        server.gql<any>(
          `mutation ($input: SourceInput!) { addSource(input: $input, reason: "concurrency test") { source { id } changeSet { id touched { change } } } }`,
          { input: { title, kind: "OTHER", publisher: null, published: null } },
          asEditor,
        ),
      ),
    );
    const created = answers.filter((a) => a.body.data?.addSource?.changeSet);
    expect(created).toHaveLength(1);
    expect(created[0]!.body.data.addSource.changeSet.touched).toEqual([{ change: "CREATED" }]);
    // The others were either queued behind it and found nothing to change, or arrived after and were told it exists.
    for (const answer of answers.filter((a) => !a.body.data?.addSource?.changeSet)) {
      if (answer.body.errors) expect(answer.body.errors[0]!.extensions?.code).toBe("BAD_USER_INPUT");
      else expect(answer.body.data.addSource.changeSet).toBeNull();
    }
    const id = created[0]!.body.data.addSource.source.id;
    expect(await changesOf(id)).toHaveLength(1);
  });
});

describe("idempotency keys", () => {
  const ADD = `mutation ($input: FindingInput!, $key: String) { addFinding(input: $input, reason: "retry test", idempotencyKey: $key) { finding { id summary } changeSet { id } } }`;
  const input = (summary: string) => ({
    inspection: "inspection:swindon-mv-2024-09",
    kind: "WEAKNESS",
    polarity: "NEGATIVE",
    summary,
    themes: ["theme:pathway-plans"],
    evidence: [{ source: "source:sbc-2024-10-17-third-monitoring-visit", quote: "improvements still need to be made to pathway plans" }],
  });

  it("a create retried with its key, at once or later, returns the first finding and ChangeSet and makes no duplicate", async () => {
    const key = `retry-${Date.now()}`;
    const first = input("Retry test: a finding sent several times.");
    const answers = await Promise.all(Array.from({ length: 10 }, () => server.gql<any>(ADD, { input: first, key }, asEditor)));
    for (const answer of answers) expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined();
    const ids = new Set(answers.map((a) => a.body.data.addFinding.finding.id));
    const changeSets = new Set(answers.map((a) => a.body.data.addFinding.changeSet?.id));
    expect(ids.size).toBe(1);
    expect(changeSets.size).toBe(1);
    expect([...changeSets][0]).toMatch(/^changeset:/);
    const later = await server.gql<any>(ADD, { input: first, key }, asEditor);
    expect(later.body.data.addFinding).toEqual(answers[0]!.body.data.addFinding);
    const [id] = [...ids];
    expect(await changesOf(id!)).toHaveLength(1);
    // Without a key the same input is a new finding, as before.
    const unkeyed = await server.gql<any>(ADD, { input: first }, asEditor);
    expect(unkeyed.body.data.addFinding.finding.id).not.toBe(id);
  });

  it("the same key with different input is a CONFLICT; a malformed key is BAD_USER_INPUT", async () => {
    const key = `conflict-${Date.now()}`;
    const ok = await server.gql<any>(ADD, { input: input("Retry test: the first request."), key }, asEditor);
    expect(ok.body.errors).toBeUndefined();
    const other = await server.gql<any>(ADD, { input: input("Retry test: something else entirely."), key }, asEditor);
    expect(other.body.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", argument: "idempotencyKey" });
    const bad = await server.gql<any>(ADD, { input: input("Retry test: bad key."), key: "has a space" }, asEditor);
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "idempotencyKey" });
  });
});
