/**
 * A schema-aware fuzzer against the production-mode server over real HTTP: at least 1,000 valid and broken
 * operations. None may get a 5xx, an INTERNAL_SERVER_ERROR, an internal detail in its answer (a stack
 * frame, a file path, a driver or Cypher message) or no answer in time.
 */
import { readFileSync } from "node:fs";
import { buildSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cypher } from "../../src/db/gateway.js";
import { fuzzer, type FuzzCase } from "../support/fuzz.js";
import { startTestServer, type TestServer } from "../support/harness.js";
import { percentile, printFigures } from "../support/figures.js";

const CASES = 1_200;
const WORKERS = 4;
const SEED = 20261201;
const HANG_MS = 20_000;
/** What must never reach a client in production: stack frames, source paths, driver and Cypher details. */
const LEAK = /\.(?:ts|js):\d+|node_modules|\bat (?:async )?[\w$.<>]+ \(|Neo\.(?:Client|Database|Transient)Error|\bcypher\b|stacktrace|\/work\/|\/home\//i;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ NODE_ENV: "production", RATE_LIMIT_PER_MINUTE: "1000000" });
});
afterAll(() => server?.close());

type Outcome = { testCase: FuzzCase; status: number | "hang"; ms: number; text: string };

async function send(url: string, testCase: FuzzCase): Promise<Outcome> {
  const started = Date.now();
  const headers = { "content-type": "application/json", accept: "application/graphql-response+json, application/json" };
  try {
    const response =
      testCase.method === "GET"
        ? await fetch(`${url}?${new URLSearchParams(Object.entries(JSON.parse(testCase.body)).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]))}`, {
          headers, signal: AbortSignal.timeout(HANG_MS),
        })
        : await fetch(url, { method: "POST", headers, body: testCase.body, signal: AbortSignal.timeout(HANG_MS) });
    return { testCase, status: response.status, ms: Date.now() - started, text: await response.text() };
  } catch (error) {
    return { testCase, status: "hang", ms: Date.now() - started, text: String(error) };
  }
}

describe("schema-aware fuzzing", { timeout: 600_000 }, () => {
  it(`${CASES} valid and broken operations: no 5xx, no internal error, no leak, no hang`, async () => {
    const schema = buildSchema(readFileSync(new URL("../../schema/schema.graphql", import.meta.url), "utf8"));
    // Real ids of every kind, so valid operations reach real data as well as "not found".
    const rows = await server.db.read(cypher("test.fuzzIds", "MATCH (n) WHERE n.id IS NOT NULL AND NOT n:ChangeSet WITH n ORDER BY n.id SKIP 7 LIMIT 4000 RETURN collect(n.id) AS ids"));
    const ids = (rows[0]!.ids as string[]).filter((_, i) => i % 20 === 0);
    const generate = fuzzer(schema, ids, SEED);
    const cases = Array.from({ length: CASES }, () => generate.next());

    const outcomes: Outcome[] = [];
    let next = 0;
    const started = Date.now();
    await Promise.all(Array.from({ length: WORKERS }, async () => {
      while (next < cases.length) outcomes.push(await send(server.url, cases[next++]!));
    }));
    const seconds = (Date.now() - started) / 1000;

    const failures = outcomes.filter((o) => o.status === "hang" || o.status >= 500 || /INTERNAL_SERVER_ERROR/.test(o.text) || LEAK.test(o.text));
    const byStatus = new Map<string, number>();
    for (const o of outcomes) byStatus.set(String(o.status), (byStatus.get(String(o.status)) ?? 0) + 1);
    const latencies = outcomes.map((o) => o.ms);
    printFigures("fuzzer", {
      seed: SEED,
      operations: outcomes.length,
      valid: cases.filter((c) => c.kind === "valid").length,
      broken: cases.filter((c) => c.kind === "invalid").length,
      statuses: Object.fromEntries([...byStatus].sort()),
      "5xx": outcomes.filter((o) => typeof o.status === "number" && o.status >= 500).length,
      hangs: outcomes.filter((o) => o.status === "hang").length,
      failures: failures.length,
      "p50 ms": percentile(latencies, 0.5),
      "max ms": Math.max(...latencies),
      "ops/s": Math.round(outcomes.length / seconds),
    });
    expect(outcomes.length).toBeGreaterThanOrEqual(1_000);
    expect(failures.slice(0, 5).map((f) => `${f.status} ${f.testCase.note}: ${f.testCase.body.slice(0, 300)} → ${f.text.slice(0, 300)}`)).toEqual([]);
  });
});
