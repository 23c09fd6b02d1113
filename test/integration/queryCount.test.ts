/** Batching: each headline operation sends at most as many Cypher queries as it is deep, however many parents. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HEADLINE_OPERATIONS, nestingDepth } from "../../bench/operations.js";
import { COMPARED_OPERATIONS, type Tier } from "../../bench/comparedOperations.js";
import { startTestServer, type TestServer } from "../support/harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function queryCount(query: string, variables?: Record<string, unknown>): Promise<number> {
  const res = await server.gql(query, variables, { "x-debug-query-count": "1" });
  expect(res.body.errors).toBeUndefined();
  return res.body.extensions!.queryCount as number;
}

describe("query count per operation", () => {
  it("measures nesting depth as levels of fields", () => {
    expect(nestingDepth("{ a { b { c } } }")).toBe(3);
    expect(nestingDepth("{ a { ... on X { b { c d { e } } } } f }")).toBe(4);
  });

  it.each(HEADLINE_OPERATIONS.map((op) => [op.name, op] as const))("%s", async (_name, op) => {
    const count = await queryCount(op.query);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(nestingDepth(op.query));
  });

  // The questions the peer cannot express, as the benchmark asks them: each answered by one Cypher query
  // (existence checks, holders, oversight and reference data included), not a chain of dependent reads.
  const SWINDON: Tier = { name: "Swindon", authority: "org:swindon-borough-council", theme: "theme:drift-and-delay", search: "drift", on: "2024-10-01" };
  const HEADLINE_QUESTIONS = ["judgement history", "context card on a day", "accountability on a day", "recurring themes 2019–2024"];
  it("finds the headline questions among the benchmark's operations", () => {
    expect(COMPARED_OPERATIONS.filter((op) => HEADLINE_QUESTIONS.includes(op.name))).toHaveLength(HEADLINE_QUESTIONS.length);
  });
  it.each(COMPARED_OPERATIONS.filter((op) => HEADLINE_QUESTIONS.includes(op.name)).map((op) => [op.name, op] as const))("%s is one query", async (_name, op) => {
    expect(await queryCount(op.project, op.variables(SWINDON))).toBe(1);
  });

  it("a page and its totalCount are one query; the count only when asked", async () => {
    const page = (fields: string) => `{ findingsConnection(first: 5, filter: { theme: "theme:drift-and-delay" }) { ${fields} } }`;
    expect(await queryCount(page("totalCount edges { node { id } }"))).toBe(1);
    expect(await queryCount(page("edges { node { id } }"))).toBe(1);
    const res = await server.gql(page("totalCount edges { node { id } }"));
    const alone = await server.gql(page("edges { node { id } }"));
    const countAlone = await server.gql(page("totalCount"));
    expect(res.body.data.findingsConnection.totalCount).toBeGreaterThan(5);
    expect(res.body.data.findingsConnection.totalCount).toBe(countAlone.body.data.findingsConnection.totalCount);
    expect(res.body.data.findingsConnection.edges).toEqual(alone.body.data.findingsConnection.edges);
    // Past the last page: no rows, and the count all the same.
    let after: string | null = null;
    for (let more = true; more; ) {
      const next: { body: { data?: any } } = await server.gql(`query($after: String) { findingsConnection(first: 100, after: $after, filter: { theme: "theme:drift-and-delay" }) { pageInfo { hasNextPage endCursor } } }`, { after });
      ({ hasNextPage: more, endCursor: after } = next.body.data.findingsConnection.pageInfo);
    }
    const beyond = await server.gql(`query($after: String) { findingsConnection(first: 5, after: $after, filter: { theme: "theme:drift-and-delay" }) { totalCount edges { cursor } } }`, { after });
    expect(beyond.body.data.findingsConnection).toEqual({ totalCount: countAlone.body.data.findingsConnection.totalCount, edges: [] });
  });

  it("does not grow with the number of parents (no N+1)", async () => {
    const nested = "findings { id themes { label } serviceAreas { name } evidence { quote } }";
    const one = await queryCount(`{ inspection(id: "inspection:swindon-ilacs-2023-07") { id ${nested} } }`);
    // Every inspection of the council, one level deeper (the council itself): the relation fields are compiled
    // into the root's one query, and evidence (hand-written) is one batched query: 2 either way, not one per inspection.
    const all = await queryCount(`{ organisation(id: "org:swindon-borough-council") { inspections { id ${nested} } } }`);
    expect(one).toBe(2);
    expect(all).toBe(one);
    const fewPeople = await queryCount(`{ people(unnamed: false) { occupancies { post { title } evidence { quote } } } }`);
    const allPeople = await queryCount(`{ people { occupancies { post { title } evidence { quote } } } }`);
    expect(allPeople).toBe(fewPeople);
  });
});
