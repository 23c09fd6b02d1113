/** Full-text search over real HTTP: hits, snippets, type filters, hostile Lucene input, validation. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escapeLucene, luceneQuery, parseTerms } from "../../src/domains/search/queries.js";
import { snippetOf } from "../../src/domains/search/snippet.js";
import { startTestServer, type TestServer } from "../support/harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type Hit = { score: number; field: string; snippet: string; node: { __typename: string; id: string } };
const SEARCH = `query($text: String!, $types: [SearchType!], $first: Int, $authority: ID) {
  search(text: $text, types: $types, first: $first, authority: $authority) { score field snippet node { __typename id } } }`;

async function search(text: string, variables: Record<string, unknown> = {}): Promise<Hit[]> {
  const res = await server.gql<{ search: Hit[] }>(SEARCH, { text, ...variables });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.search;
}

async function errorOf(text: string, variables: Record<string, unknown> = {}) {
  const res = await server.gql(SEARCH, { text, ...variables });
  expect(res.body.data?.search ?? null).toBeNull();
  return res.body.errors?.[0];
}

describe("search", () => {
  it("filtered by authority, keeps only what belongs to it, in the unfiltered order", async () => {
    const swindon = "org:swindon-borough-council";
    const scoped = await search("plans care", { authority: swindon, first: 50 });
    expect(scoped.length).toBeGreaterThan(5);
    // Every finding hit was found by one of Swindon's inspections, every person holds a Swindon post or
    // membership, every organisation is Swindon or one of its bodies.
    const ids = scoped.map((h) => h.node.id);
    // Themes apart: each may have thousands of findings, which the cost limit counts for every id asked.
    const others = `query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Finding { inspection { authority { id } } } ... on Organisation { id partOf { id } } } }`;
    const theme = `query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Theme { findings { inspection { authority { id } } } } } }`;
    const themes = ids.filter((id) => id.startsWith("theme:"));
    const nodes = [];
    for (const [query, batch] of [[others, ids.filter((id) => !themes.includes(id))], ...themes.map((id) => [theme, [id]])] as [string, string[]][]) {
      const res = await server.gql<any>(query, { ids: batch });
      expect(res.body.errors).toBeUndefined();
      nodes.push(...res.body.data.nodes);
    }
    expect(nodes).toHaveLength(ids.length);
    for (const node of nodes) {
      if (node.inspection) expect(node.inspection.authority.id, node.id).toBe(swindon);
      if (node.id.startsWith("org:")) expect([node.id, node.partOf?.id], node.id).toContain(swindon);
      if (node.findings) expect(node.findings.some((f: any) => f.inspection.authority?.id === swindon), node.id).toBe(true);
    }
    expect(scoped.some((h) => h.node.__typename === "Finding")).toBe(true);
    // Another council's things never appear, though the unfiltered search finds them first.
    const everywhere = await search("plans care", { first: 50 });
    expect(everywhere.some((h) => !ids.includes(h.node.id))).toBe(true);
    expect((await search("robbins", { authority: swindon })).map((h) => h.node.id)).toEqual(["person:jim-robbins"]);
    expect(await search("robbins", { authority: "org:barnet" })).toEqual([]);
  });

  it("refuses an unknown authority", async () => {
    expect(await errorOf("plans", { authority: "org:no-such-council" })).toMatchObject({ extensions: { code: "NOT_FOUND", argument: "authority" } });
    // An empty id is no id: refused, not taken for "no authority" nor answered with nothing.
    expect(await errorOf("plans", { authority: "" })).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    // So with a text of stop words only, which needs no search.
    expect(await errorOf("the", { authority: "" })).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    expect(await errorOf("the", { authority: "org:no-such-council" })).toMatchObject({ extensions: { code: "NOT_FOUND", argument: "authority" } });
    expect(await search("the", { authority: "org:swindon-borough-council" })).toEqual([]);
  });

  it("asks whether the authority exists only when its search has no hits", async () => {
    const count = async (text: string, authority: string) => {
      const res = await server.gql(SEARCH, { text, authority }, { "x-debug-query-count": "1" });
      expect(res.body.errors).toBeUndefined();
      return { hits: res.body.data.search.length, queries: res.body.extensions?.queryCount };
    };
    const swindon = await count("plans", "org:swindon-borough-council");
    expect(swindon.queries).toBe(1);
    expect(swindon.hits).toBeGreaterThan(0);
    // A known authority without hits: the search, then the check that tells it from an unknown one.
    expect(await count("robbins", "org:barnet")).toEqual({ hits: 0, queries: 2 });
  });

  it("finds Jim Robbins by surname, the name marked", async () => {
    const hits = await search("robbins");
    const jim = hits.find((h) => h.node.id === "person:jim-robbins");
    expect(jim).toMatchObject({ field: "name", snippet: "Jim **Robbins**", node: { __typename: "Person" } });
    expect(jim!.score).toBeGreaterThan(0);
  });

  it("finds findings by any form of a word of their summary, with the form marked in context", async () => {
    const hits = await search("drift", { types: ["FINDING"], first: 50 });
    const findings = hits.filter((h) => h.node.__typename === "Finding");
    // Swindon's short summaries rank among the national record's findings that mention drift.
    expect(findings.map((h) => h.node.id)).toEqual(expect.arrayContaining([
      "finding:swindon-2019-historic-drift-into-care",
      "finding:swindon-2023-plans-drift",
    ]));
    expect(findings.length).toBeGreaterThan(3);
    for (const f of findings) {
      expect(f.field).toBe("summary");
      expect(f.snippet).toMatch(/\*\*drift(ing)?\*\*/i);
    }
    // English stemming: "drifting" is "drift".
    expect(findings.find((h) => h.node.id === "finding:swindon-2023-plans-drift")?.snippet).toBe(
      "Children's plans were **drifting**.",
    );
  });

  it("stems both ways: an inflected query finds the base form and other inflections", async () => {
    const drifting = await search("drifting", { types: ["FINDING", "THEME"], first: 50 });
    expect(drifting.map((h) => h.node.id)).toEqual(expect.arrayContaining(["theme:drift-and-delay", "finding:swindon-2019-historic-drift-into-care"]));
    expect(drifting.find((h) => h.node.id === "theme:drift-and-delay")?.snippet).toBe("**Drift** and delay");
    // No text in the graph says "inspections"; it finds "inspection", "inspected" and "inspects".
    const inspections = await search("inspections", { types: ["ORGANISATION", "SOURCE", "THEME"], first: 50 });
    expect(inspections.length).toBeGreaterThan(5);
    for (const hit of inspections) expect(hit.snippet, hit.node.id).toMatch(/\*\*inspect(ion|ed|s)\*\*/i);
    expect(inspections.find((h) => h.node.id === "org:ofsted")?.snippet).toMatch(/\*\*inspects\*\*/);
    expect(inspections.find((h) => h.node.id === "org:swindon-borough-council")?.snippet).toMatch(/\*\*inspected\*\*/);
  });

  it("searches by prefix when a word ends with *, against the index's stems", async () => {
    const hits = await search("drift*", { types: ["FINDING"] });
    const plans = hits.find((h) => h.node.id === "finding:swindon-2023-plans-drift");
    expect(plans?.snippet).toBe("Children's plans were **drifting**.");
    // "inspect*" covers inspection, inspected, inspects and inspectorate.
    const types = ["ORGANISATION", "THEME", "PERSON", "POST"];
    const inspect = await search("inspect*", { types, first: 50 });
    expect(inspect.map((h) => h.node.id)).toEqual(expect.arrayContaining((await search("inspections", { types, first: 50 })).map((h) => h.node.id)));
    // No stem starts with "drifting", but the word itself is searched too, so a starred whole word still works.
    const starred = await search("drifting*", { types: ["FINDING"], first: 50 });
    expect(starred.map((h) => h.node.id)).toContain("finding:swindon-2023-plans-drift");
  });

  it("ignores English stop words: alone they give no hits and send no query, and they are never marked", async () => {
    const res = await server.gql(SEARCH, { text: "the and of THE Not" }, { "x-debug-query-count": "1" });
    expect(res.body).toMatchObject({ data: { search: [] }, extensions: { queryCount: 0 } });
    const withStopWords = await search("the drift of", { first: 50 });
    expect(withStopWords).toEqual(await search("drift", { first: 50 }));
    const historic = withStopWords.find((h) => h.node.id === "finding:swindon-2019-historic-drift-into-care");
    expect(historic?.snippet).toBe("In the past there had been **drift** and delay in children coming into care.");
  });

  it("filters by type in the database, before the limit", async () => {
    const themes = await search("drift", { types: ["THEME"] });
    expect(themes.map((h) => h.node.id)).toContain("theme:drift-and-delay");
    expect(new Set(themes.map((h) => h.node.__typename))).toEqual(new Set(["Theme"]));

    const [top] = await search("drift", { first: 1 });
    expect(top!.node.__typename).not.toBe("Finding");
    // Were the filter applied after LIMIT 1, this would come back empty.
    const onlyFindings = await search("drift", { first: 1, types: ["FINDING"] });
    expect(onlyFindings).toHaveLength(1);
    expect(onlyFindings[0]!.node.__typename).toBe("Finding");
  });

  it("ranks by score, best first, ties by id", async () => {
    const hits = await search("children care council", { first: 50 });
    expect(hits.length).toBeGreaterThan(5);
    for (let i = 1; i < hits.length; i += 1) {
      const [a, b] = [hits[i - 1]!, hits[i]!];
      expect(a.score).toBeGreaterThanOrEqual(b.score);
      if (a.score === b.score) expect(a.node.id < b.node.id).toBe(true);
    }
    expect(hits[0]!.score).toBeGreaterThan(hits[hits.length - 1]!.score);
  });

  it("a shorter page is the start of a longer one, ties at its end included (the cutoff keeps every tie)", async () => {
    // Posts share words in their titles ("Director of Children's Services"): many hits score alike.
    const all = await search("director children services", { first: 50, types: ["POST"] });
    const scores = all.map((hit) => hit.score);
    expect(new Set(scores).size).toBeLessThan(scores.length);
    for (const first of [1, 2, 3, 5, 8, 13, 21, 34]) {
      expect((await search("director children services", { first, types: ["POST"] })).map((hit) => hit.node.id)).toEqual(all.slice(0, first).map((hit) => hit.node.id));
    }
  });

  it("treats Lucene syntax in user text as plain words, never as an error", async () => {
    for (const text of ["drift AND (", '"unterminated', "*", "title:x", "a~~~", "\\", "NOT", "drift || ^2 [a TO z] {x} /re/ ?", "&& !"]) {
      const res = await server.gql<{ search: Hit[] }>(SEARCH, { text });
      expect(res.body.errors, text).toBeUndefined();
      expect(Array.isArray(res.body.data?.search), text).toBe(true);
    }
    // The words around the syntax still search: "drift AND (" finds drift ("and" is a stop word).
    const hits = await search("drift AND (");
    expect(hits.map((h) => h.node.id)).toContain("theme:drift-and-delay");
    expect(await search("*")).toEqual([]);
    // Fifty prefix words (each a prefix and a word, over six fields) stay under Lucene's clause limit.
    expect((await search("co* ".repeat(50).trim())).length).toBeGreaterThan(0);
  });

  it("rejects empty or over-long text and first outside 1..50 with BAD_USER_INPUT naming the argument", async () => {
    for (const [text, vars, argument] of [
      ["", {}, "text"],
      ["   ", {}, "text"],
      ["x".repeat(500), {}, "text"],
      ["drift", { first: 0 }, "first"],
      ["drift", { first: 51 }, "first"],
      ["drift", { types: [] }, "types"],
    ] as const) {
      const error = await errorOf(text, vars);
      expect(error?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(error?.extensions?.argument).toBe(argument);
      expect(error?.message).toContain(argument);
    }
    expect(await search("x".repeat(200), { first: 50 })).toEqual([]);
  });

  it("resolves hit nodes from the search query itself: one query in all", async () => {
    const res = await server.gql(
      `{ search(text: "robbins drift") { node { id ... on Person { name description } ... on Finding { summary kind } ... on Theme { label } } } }`,
      undefined,
      { "x-debug-query-count": "1" },
    );
    expect(res.body.errors).toBeUndefined();
    expect((res.body.data as any).search.length).toBeGreaterThan(1);
    // The index gave fewer than the window of its best hits: they were all, so one query settled the page.
    expect(res.body.extensions).toMatchObject({ queryCount: 1, queries: ["search.top"] });
  });
});

describe("search query building", () => {
  it("escapes every Lucene special character", () => {
    const specials = '+-&|!(){}[]^"~*?:\\/';
    expect(escapeLucene(specials)).toBe([...specials].map((c) => `\\${c}`).join(""));
  });

  it("turns operators into plain words and keeps only a safe trailing * as a prefix", () => {
    expect(luceneQuery(parseTerms("drift AND ( NOT title:x b~~~ plans* *x x* OR"))).toBe(
      "drift title\\:x b\\~\\~\\~ plans* plans \\*x x\\*",
    );
    expect(parseTerms("* \\ && ( ~")).toEqual([]);
    // Stop words go: alone, or as the only tokens of a word; a word with any other token stays.
    expect(parseTerms("The and/or of")).toEqual([]);
    expect(luceneQuery(parseTerms("the:care the*"))).toBe("the\\:care the* the");
  });

  it("marks the first matching word in the preferred field, with ellipses where it cuts", () => {
    const summary = `${"word ".repeat(20)}plans that drift or are repeated ${"more ".repeat(30)}`.trim();
    const { field, snippet } = snippetOf({ description: "nothing here", summary }, parseTerms("drift"));
    expect(field).toBe("summary");
    expect(snippet).toMatch(/^….*plans that \*\*drift\*\* or are repeated .*…$/);
    expect(snippet.length).toBeLessThan(140);
    expect(snippetOf({ name: "Children in care", description: "care" }, parseTerms("care children")).snippet).toBe(
      "**Children** in **care**",
    );
    expect(snippetOf({ summary: "Careers and scare" }, parseTerms("care"))).toEqual({ field: "summary", snippet: "Careers and scare" });
  });

  it("marks inflected forms by stem, prefixes against stems, and never stop words", () => {
    const mark = (text: string, query: string) => snippetOf({ summary: text }, parseTerms(query)).snippet;
    expect(mark("Plans drifted; drifting plans; the drift", "drift")).toBe("Plans **drifted**; **drifting** plans; the **drift**");
    expect(mark("A drift in the inspection", "drifts inspections")).toBe("A **drift** in the **inspection**");
    expect(mark("Families and the family's plan", "family")).toBe("**Families** and the **family's** plan");
    expect(mark("Recording was recorded in records", "record*")).toBe("**Recording** was **recorded** in **records**");
    // "inspections*": no stem starts with it, but the word's own forms match.
    expect(mark("Inspected after an inspection by inspectors", "inspections*")).toBe(
      "**Inspected** after an **inspection** by inspectors",
    );
    // "the*" matches stems starting "the" (theme) but not the stop words "the" and "there".
    expect(mark("There the theme is", "the*")).toBe("There the **theme** is");
  });
});
