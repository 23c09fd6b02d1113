import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/harness.js";
import { readSeeds } from "../support/bundles.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("GraphQL over real HTTP", () => {
  it("serves every seed source, oldest first, undated ones last", async () => {
    const res = await server.gql<{ sources: { id: string; title: string; publisher: string | null; published: string }[] }>(
      "{ sources { id title publisher published } }",
    );
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const seeds = readSeeds().sources;
    expect(res.body.data!.sources).toHaveLength(seeds.length);
    const published = res.body.data!.sources.map((s) => s.published);
    const dated = published.filter((p) => p !== null);
    expect(published).toEqual([...[...dated].sort(), ...published.filter((p) => p === null)]);
    expect(res.body.data!.sources.filter((s) => s.publisher === null)).toHaveLength(seeds.filter((s) => s.publisher === null).length);
  });

  it("keeps a publication date's precision", async () => {
    const res = await server.gql<{ sources: { published: string; publishedPrecision: string }[] }>(
      "{ sources { published publishedPrecision } }",
    );
    const precisions = res.body.data!.sources.filter((s) => s.published !== null).map((s) => [s.published.length, s.publishedPrecision]);
    for (const [length, precision] of precisions) {
      expect(precision).toBe(length === 4 ? "YEAR" : length === 7 ? "MONTH" : "DAY");
    }
    expect(precisions.map((p) => p[1])).toContain("YEAR");
  });

  it("fetches one source by id and through node(id)", async () => {
    const list = await server.gql<{ sources: { id: string; title: string }[] }>("{ sources { id title } }");
    const first = list.body.data!.sources[0]!;
    const res = await server.gql(
      "query($id: ID!) { source(id: $id) { title } node(id: $id) { __typename id ... on Source { title } } }",
      { id: first.id },
    );
    expect(res.body.data).toEqual({ source: { title: first.title }, node: { __typename: "Source", id: first.id, title: first.title } });
  });

  it("answers null for an unknown id, as the schema says", async () => {
    const res = await server.gql("{ source(id: \"source:no-such-thing\") { id } node(id: \"source:nope\") { id } }");
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ source: null, node: null });
  });

  it("rejects a malformed id with BAD_USER_INPUT", async () => {
    const res = await server.gql("{ source(id: \"DROP TABLE\") { id } }");
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const wrongType = await server.gql("{ source(id: \"person:jim-robbins\") { id } }");
    expect(wrongType.body.errors?.[0]?.message).toMatch(/not the id of a Source/);
  });

  it("answers a malformed document with 400 and GRAPHQL_PARSE_FAILED", async () => {
    const res = await server.gql("{ sources { id ");
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
  });

  it("answers an unknown field with 400 and GRAPHQL_VALIDATION_FAILED", async () => {
    const res = await server.gql("{ sources { nope } }");
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("reports the operation's query count when asked, and batches through DataLoaders", async () => {
    const res = await server.gql(
      "{ a: node(id: \"source:x1\") { id } b: node(id: \"source:x2\") { id } c: source(id: \"source:x3\") { id } }",
      undefined,
      { "x-debug-query-count": "1" },
    );
    expect(res.body.extensions?.queryCount).toBe(1);
    const plain = await server.gql("{ sources { id } }");
    expect(plain.body.extensions?.queryCount).toBeUndefined();
  });

  it("reports health from the database", async () => {
    const res = await fetch(server.url.replace("/graphql", "/healthz"));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
  });

  it("serves GraphiQL and its assets from this server, with no CDN", async () => {
    const page = await fetch(server.url, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("GraphiQL");
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThanOrEqual(4);
    for (const url of urls) {
      expect(url.startsWith("/")).toBe(true);
      const asset = await fetch(new URL(url, server.url));
      expect(asset.status, url).toBe(200);
    }
  });
});
