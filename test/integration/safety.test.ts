/** Per-operation limits, GraphQL-over-HTTP status codes and production hardening, over real HTTP. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { cypher } from "../../src/db/gateway.js";
import { startTestServer, type GraphQLResponse, type TestServer } from "../support/harness.js";

const GRAPHQL_RESPONSE = /^application\/graphql-response\+json/;
const COUNT = { "x-debug-query-count": "1" };

let tight: TestServer;
let defaults: TestServer;
let production: TestServer;
beforeAll(async () => {
  tight = await startTestServer({
    GRAPHQL_MAX_DEPTH: "4",
    GRAPHQL_MAX_ALIASES: "3",
    GRAPHQL_MAX_DIRECTIVES: "3",
    GRAPHQL_MAX_TOKENS: "80",
    GRAPHQL_MAX_COST: "400",
  });
  defaults = await startTestServer();
  production = await startTestServer({ NODE_ENV: "production" });
});
afterAll(async () => {
  await tight?.close();
  await defaults?.close();
  await production?.close();
});

/** A rejection: 400, the code, no data, and no database query run for it. */
function expectRejected(res: GraphQLResponse, code: string, message: RegExp) {
  expect(res.status).toBe(400);
  expect(res.contentType).toMatch(GRAPHQL_RESPONSE);
  expect(res.body.data).toBeUndefined();
  expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual([code]);
  expect(res.body.errors?.[0]?.message).toMatch(message);
  expect(res.body.extensions?.queryCount ?? 0).toBe(0);
}

/** A pass: 200, data, and the database was really asked. */
function expectPassed(res: GraphQLResponse) {
  expect(res.body.errors).toBeUndefined();
  expect(res.status).toBe(200);
  expect(res.contentType).toMatch(GRAPHQL_RESPONSE);
  expect(res.body.data).toBeTruthy();
  expect(res.body.extensions?.queryCount).toBeGreaterThan(0);
}

const aliases = (n: number) =>
  `{ ${Array.from({ length: n }, (_, i) => `s${i}: source(id: "source:x${i}") { id }`).join(" ")} }`;
const directives = (n: number) =>
  `{ themes { ${Array.from({ length: n }, () => "id @include(if: true)").join(" ")} } }`;
/** A query of exactly n tokens: `{`, n - 6 × `__typename`, `themes { id }`, `}`. */
const tokens = (n: number) => `{ ${Array.from({ length: n - 6 }, () => "__typename").join(" ")} themes { id } }`;

describe("operation limits", () => {
  it("rejects a query deeper than GRAPHQL_MAX_DEPTH, and passes one at the limit", async () => {
    const deep = await tight.gql(`{ person(id: "person:jim-robbins") { occupancies { post { organisation { name } } } } }`, {}, COUNT);
    expectRejected(deep, "DEPTH_LIMIT_EXCEEDED", /depth limit of 4 exceeded, found 5/);
    expectPassed(await tight.gql(`{ person(id: "person:jim-robbins") { occupancies { post { title } } } }`, {}, COUNT));
  });

  it("counts fragments by the fields they select, not as levels of their own", async () => {
    const res = await tight.gql(
      `{ person(id: "person:jim-robbins") { ...P } } fragment P on Person { occupancies { post { ... on Post { title } } } }`,
      {},
      COUNT,
    );
    expectPassed(res);
  });

  it("rejects more aliases than GRAPHQL_MAX_ALIASES, and passes as many as allowed", async () => {
    expectRejected(await tight.gql(aliases(4), {}, COUNT), "ALIAS_LIMIT_EXCEEDED", /Aliases limit of 3 exceeded, found 4/);
    expectPassed(await tight.gql(aliases(3), {}, COUNT));
  });

  it("rejects more directives than GRAPHQL_MAX_DIRECTIVES, and passes as many as allowed", async () => {
    expectRejected(await tight.gql(directives(4), {}, COUNT), "DIRECTIVE_LIMIT_EXCEEDED", /Directives limit of 3 exceeded, found 4/);
    expectPassed(await tight.gql(directives(3), {}, COUNT));
  });

  it("rejects a document of more than GRAPHQL_MAX_TOKENS tokens before parsing it all, and passes one at the limit", async () => {
    expectRejected(await tight.gql(tokens(81), {}, COUNT), "TOKEN_LIMIT_EXCEEDED", /Token limit of 80 exceeded/);
    expectPassed(await tight.gql(tokens(80), {}, COUNT));
  });

  it("costs lists by their real sizes in the graph, and rejects a query over GRAPHQL_MAX_COST", async () => {
    // Every organisation × the most posts any has × the most occupancies any post has: the database's figures.
    const [row] = await tight.db.read(cypher("test.sizes",
      `MATCH (o:Organisation) WITH count(o) AS orgs, max(COUNT { (o)<-[:IN]-(:Post) }) AS posts
       MATCH (p:Post) RETURN orgs, posts, max(COUNT { (p)<-[:OF]-(:Occupancy) }) AS occupancies`));
    const { orgs, posts, occupancies } = row as { orgs: number; posts: number; occupancies: number };
    const expected = orgs * (1 + posts * (1 + occupancies * 2));
    expect(expected).toBeGreaterThan(400);
    const costly = await tight.gql(`{ organisations { posts { occupancies { id } } } }`, {}, COUNT);
    expectRejected(costly, "COST_LIMIT_EXCEEDED", new RegExp(`cost limit of 400 exceeded, estimated ${expected}:`));
    expect(costly.body.errors?.[0]?.extensions).toMatchObject({ maxCost: 400, cost: expected });
    // A page is costed at its size: 3 × (1 + score + snippet).
    expectPassed(await tight.gql(`{ search(text: "Swindon", first: 3) { score snippet } }`, {}, COUNT));
  });

  it("refuses the amplification query (themes → findings → themes → findings) before it runs", async () => {
    const res = await defaults.gql(`{ themes { findings { themes { findings { id } } } } }`, {}, COUNT);
    expectRejected(res, "COST_LIMIT_EXCEEDED", new RegExp(`cost limit of ${loadConfig({}).limits.maxCost} exceeded, estimated \\d{7,}`));
  });

  it("costs a page size given as a variable by the variable's value", async () => {
    const query = `query Page($n: Int!) { search(text: "Swindon", first: $n) { score snippet } }`;
    expectPassed(await tight.gql(query, { n: 3 }, COUNT));
    // Each hit costs its fields plus the posts below it: one hit passes, fifty cross 400.
    const nested = `query Page($n: Int!) { search(text: "Swindon", first: $n) { score node { id ... on Organisation { posts { id title } } } } }`;
    expectPassed(await tight.gql(nested, { n: 1 }, COUNT));
    expectRejected(await tight.gql(nested, { n: 50 }, COUNT), "COST_LIMIT_EXCEEDED", /cost limit of 400 exceeded/);
    // A default declared on the variable is what execution uses, so it is what the cost counts.
    const defaulted = nested.replace("$n: Int!", "$n: Int! = 50");
    expectRejected(await tight.gql(defaulted, {}, COUNT), "COST_LIMIT_EXCEEDED", /cost limit of 400 exceeded/);
    expectPassed(await tight.gql(defaulted, { n: 1 }, COUNT));
  });

  it("costs each fragment once, so re-spread fragments cannot stall validation", async () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
    const document = `{ ...F0 } ${fragments.join(" ")} fragment F${levels} on Query { sources { id } }`;
    const started = Date.now();
    const res = await defaults.gql(document, {}, COUNT);
    expectRejected(res, "COST_LIMIT_EXCEEDED", new RegExp(`cost limit of ${loadConfig({}).limits.maxCost} exceeded`));
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("applies the limits to GET requests too", async () => {
    const url = new URL(tight.url);
    url.searchParams.set("query", `{ person(id: "person:jim-robbins") { occupancies { post { organisation { name } } } } }`);
    const res = await fetch(url, { headers: { accept: "application/graphql-response+json" } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as GraphQLResponse["body"];
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.code).toBe("DEPTH_LIMIT_EXCEEDED");
  });

  it("lets the defaults through for the deepest reads the API is meant for", async () => {
    const res = await defaults.gql(
      `{ inspection(id: "inspection:swindon-ilacs-2023-07") { judgements { grade area { code } evidence { quote source { title } } } } }`,
      {},
      COUNT,
    );
    expectPassed(res);
  });

  it("reads GRAPHQL_MAX_DIRECTIVES like the other limits", () => {
    expect(loadConfig({}).limits.maxDirectives).toBe(50);
    expect(loadConfig({ GRAPHQL_MAX_DIRECTIVES: "7" }).limits.maxDirectives).toBe(7);
    expect(() => loadConfig({ GRAPHQL_MAX_DIRECTIVES: "0" })).toThrowError(ConfigError);
    expect(() => loadConfig({ GRAPHQL_MAX_DIRECTIVES: "0" })).toThrowError(/GRAPHQL_MAX_DIRECTIVES/);
  });
});

describe("GraphQL over HTTP", () => {
  it("answers in application/graphql-response+json when the client accepts it, else application/json", async () => {
    expect((await defaults.gql("{ sources { id } }")).contentType).toMatch(GRAPHQL_RESPONSE);
    const legacy = await fetch(defaults.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query: "{ sources { id } }" }),
    });
    expect(legacy.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("runs queries on GET but refuses mutations with 405", async () => {
    const url = new URL(defaults.url);
    url.searchParams.set("query", "{ sources { id } }");
    const query = await fetch(url, { headers: { accept: "application/graphql-response+json" } });
    expect(query.status).toBe(200);
    url.searchParams.set("query", "mutation { __typename }");
    const mutation = await fetch(url, { headers: { accept: "application/graphql-response+json" } });
    expect(mutation.status).toBe(405);
    expect(((await mutation.json()) as GraphQLResponse["body"]).data).toBeUndefined();
  });

  it("answers invalid documents with 400 in application/graphql-response+json, 200 in legacy application/json", async () => {
    expect((await defaults.gql("{ sources { id ")).status).toBe(400);
    expect((await defaults.gql("{ sources { nope } }")).status).toBe(400);
    const legacy = { accept: "application/json" };
    for (const [query, variables] of [["{ sources { id "], ["{ sources { nope } }"], ["query($id: ID!) { person(id: $id) { id } }", { id: [1] }]] as const) {
      const res = await defaults.gql(query, variables, legacy);
      expect(res.status, query).toBe(200);
      expect(res.contentType).toMatch(/^application\/json/);
      expect(res.body.errors?.length, query).toBeGreaterThan(0);
      expect(res.body).not.toHaveProperty("data");
    }
    // Apollo's own negotiation decides: a parameterised application/json is still the legacy type.
    expect((await defaults.gql("{ sources { nope } }", undefined, { accept: "application/json; charset=utf-8" })).status).toBe(200);
    // A request that executes keeps its own status: a failed key check is still 401.
    expect((await defaults.gql("{ sources { id } }", undefined, { ...legacy, authorization: "Bearer nope" })).status).toBe(401);
  });
});

describe("production", () => {
  it("turns introspection off", async () => {
    for (const query of ["{ __schema { queryType { name } } }", `{ __type(name: "Source") { name } }`]) {
      const res = await production.gql(query);
      expect(res.status).toBe(400);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(res.body.errors?.[0]?.message).toMatch(/introspection/i);
    }
    expect((await defaults.gql("{ __schema { queryType { name } } }")).body.data).toBeTruthy();
  });

  it("sends no stack traces, whatever the error", async () => {
    const responses = await Promise.all([
      production.gql("{ sources { id "),
      production.gql("{ sources { nope } }"),
      production.gql(`{ source(id: "DROP TABLE") { id } }`),
      production.gql(tokens(2001)),
    ]);
    const errors = responses.flatMap((r) => r.body.errors ?? []);
    expect(errors.length).toBe(responses.length);
    for (const error of errors) {
      expect(error.extensions?.stacktrace).toBeUndefined();
      expect(JSON.stringify(error)).not.toMatch(/\bat .*\.(js|ts):\d+/);
    }
    // The test server does send them, which shows the check above can fail.
    expect((await defaults.gql("{ sources { id ")).body.errors?.[0]?.extensions?.stacktrace).toBeDefined();
  });

  it("does not suggest field names, which would reveal the hidden schema", async () => {
    const hidden = await production.gql("{ sourcez { id } }");
    expect(hidden.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
    expect((await defaults.gql("{ sourcez { id } }")).body.errors?.[0]?.message).toMatch(/Did you mean/);
  });
});

describe("input hygiene", () => {
  const post = (server: TestServer, body: string, contentType = "application/json") =>
    fetch(server.url, { method: "POST", headers: { "content-type": contentType, accept: "application/json" }, body });

  it("answers a body that is not JSON with a GraphQL-shaped error, not an HTML page", async () => {
    for (const server of [defaults, production]) {
      const res = await post(server, '{"query": "{ sources { id } }"');
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      const body = await res.json();
      expect(body).toEqual({ errors: [{ message: "The request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }] });
    }
    const large = await post(defaults, JSON.stringify({ query: `{ sources { id } } #${"x".repeat(1_100_000)}` }));
    expect(large.status).toBe(413);
    expect((await large.json()).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses a subscription with its own code", async () => {
    const res = await defaults.gql("subscription { sources { id } }");
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(["OPERATION_NOT_SUPPORTED"]);
    expect(res.body.errors?.[0]?.message).toMatch(/Subscriptions are not supported/);
  });

  it("answers the query-count header only outside production", async () => {
    expect((await defaults.gql("{ sources { id } }", undefined, COUNT)).body.extensions?.queryCount).toBeGreaterThan(0);
    const res = await production.gql("{ sources { id } }", undefined, COUNT);
    expect(res.body.data).toBeTruthy();
    expect(res.body.extensions?.queryCount).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toMatch(/sources\.all/);
  });
});
