/**
 * Bounded work per admitted request: a time limit that Neo4j enforces on each transaction (so the database
 * stops working when the request gives up) and a cap on the response size, each with its own code.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cypher, QueryCounter } from "../../src/db/gateway.js";
import { startTestServer, type TestServer } from "../support/harness.js";

/** Cypher that would run for minutes: only a timeout can end it early. */
const ENDLESS = cypher("test.endless", "UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n");
const RUNNING = cypher(
  "test.running",
  "SHOW TRANSACTIONS YIELD metaData, currentQuery WHERE metaData.query = 'test.endless' RETURN count(*) AS running",
);

let limited: TestServer;
let capped: TestServer;
beforeAll(async () => {
  limited = await startTestServer({ GRAPHQL_TIME_LIMIT_MS: "10" });
  capped = await startTestServer({ GRAPHQL_MAX_RESPONSE_BYTES: "2000" });
});
afterAll(async () => {
  await limited?.close();
  await capped?.close();
});

describe("time limit", () => {
  it("ends the Neo4j transaction when an operation's time runs out", async () => {
    const counter = new QueryCounter();
    counter.limitTime(300);
    const started = Date.now();
    const error = await limited.db.read(ENDLESS, {}, counter).catch((e: unknown) => e);
    expect((error as { extensions?: { code?: string } }).extensions?.code).toBe("TIME_LIMIT_EXCEEDED");
    // Neo4j stopped it (the query alone runs for minutes), and nothing of it is still running there.
    expect(Date.now() - started).toBeLessThan(20_000);
    const [row] = await limited.db.read(RUNNING);
    expect(row!.running).toBe(0);
  });

  it("refuses further queries once the time is spent, before sending them", async () => {
    const counter = new QueryCounter();
    counter.limitTime(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await expect(limited.db.read(RUNNING, {}, counter)).rejects.toMatchObject({ extensions: { code: "TIME_LIMIT_EXCEEDED", limitMs: 1 } });
  });

  it("answers an operation past GRAPHQL_TIME_LIMIT_MS with one TIME_LIMIT_EXCEEDED error and no partial data", async () => {
    // National prevalence over fourteen years reads every recommendation: far more than 10 ms of work.
    const res = await limited.gql(`{ themePrevalence(from: 2012, to: 2025) { year findingCount } }`);
    expect(res.status).toBe(200);
    expect(res.body.data).toBeNull();
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: "TIME_LIMIT_EXCEEDED", limitMs: 10 });
    expect(res.body.errors?.[0]?.message).toMatch(/time limit of 10 ms/);
  });
});

describe("response size cap", () => {
  it("replaces a response over GRAPHQL_MAX_RESPONSE_BYTES with RESPONSE_TOO_LARGE, saying how large it was", async () => {
    const full = await capped.gql(`{ themes { id label } }`);
    expect(full.body.data).toBeNull();
    expect(full.body.errors).toHaveLength(1);
    const extensions = full.body.errors?.[0]?.extensions as { code: string; maxBytes: number; bytes: number };
    expect(extensions.code).toBe("RESPONSE_TOO_LARGE");
    expect(extensions.maxBytes).toBe(2000);
    expect(extensions.bytes).toBeGreaterThan(2000);
  });

  it("sends a response within the cap as it is", async () => {
    const small = await capped.gql(`{ themes { id } }`);
    const text = JSON.stringify(small.body);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(2000);
    expect(small.body.errors).toBeUndefined();
    expect((small.body.data as { themes: unknown[] }).themes.length).toBeGreaterThan(0);
  });
});
