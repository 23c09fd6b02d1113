/**
 * Load: the API as its own process (production mode, over the test Neo4j), 50 clients in a closed loop
 * for 30 s asking what the explorer asks. No request may fail, and the process's memory must stay bounded.
 */
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { percentile, printFigures } from "../support/figures.js";
import { spawnApp, waitForOutput, type StartedApp } from "../support/processes.js";

const CLIENTS = 50;
const SECONDS = 30;
/** Resident memory the API may reach under this load (its heap is Node's default; the graph lives in Neo4j). */
const MAX_RSS_MB = 1_024;

const OPERATIONS: { name: string; query: string; variables: (authority: string) => Record<string, unknown> }[] = [
  { name: "england", query: `{ authorities { id name region latestGrades { overall leaders inspection { id start } } } }`, variables: () => ({}) },
  {
    name: "context",
    query: `query C($a: ID!) { authorityContext(authority: $a) { on posts { post { title } holders { certainty person { name } } lastKnown { asOf person { name } } } } }`,
    variables: (a) => ({ a }),
  },
  {
    name: "inspections",
    query: `query I($a: ID!) { inspections(authority: $a) { id kind start judgements { grade area { label } } findings { kind summary themes { label } evidence { quote locator source { title } } } } }`,
    variables: (a) => ({ a }),
  },
  { name: "history", query: `query H($a: ID!) { judgementHistory(authority: $a) { label points { grade change } } }`, variables: (a) => ({ a }) },
  { name: "search", query: `{ search(text: "care leavers", first: 20) { score snippet node { id } } }`, variables: () => ({}) },
  { name: "prevalence", query: `{ themePrevalence(from: 2018, to: 2024) { year theme { label } authorities findingCount } }`, variables: () => ({}) },
];

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/** Resident set size of a process in MB, from /proc (Linux). */
const rssMb = (pid: number) => {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) / 1024 : 0;
};

let app: StartedApp;
let url: string;
beforeAll(async () => {
  const port = await freePort();
  app = spawnApp({
    NEO4J_URI: inject("neo4jUri"), PORT: String(port), NODE_ENV: "production", LOG_LEVEL: "warn",
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "csg-load-")),
    // This measures what the server answers under load, not the limits that shed it: no rate or time limit.
    RATE_LIMIT_PER_MINUTE: "1000000", GRAPHQL_TIME_LIMIT_MS: "120000",
  });
  await waitForOutput(app, /GraphQL ready at (\S+)/);
  url = `http://127.0.0.1:${port}/graphql`;
}, 180_000);
afterAll(async () => {
  app?.child.kill("SIGTERM");
  await app?.exited;
});

describe("load", { timeout: 180_000 }, () => {
  it(`${CLIENTS} clients for ${SECONDS} s: every request answered, memory bounded`, async () => {
    const post = (query: string, variables: Record<string, unknown>) =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }), signal: AbortSignal.timeout(30_000) });
    const list = (await (await post(`{ authorities { id } }`, {})).json()) as { data: { authorities: { id: string }[] } };
    const authorities = list.data.authorities.map((a) => a.id);
    expect(authorities.length).toBeGreaterThan(100);

    const pid = app.child.pid!;
    const rssBefore = rssMb(pid);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(pid))), 250);
    const latencies: number[] = [];
    const errors: string[] = [];
    const perOperation = new Map<string, number[]>();
    const deadline = Date.now() + SECONDS * 1000;
    await Promise.all(Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = client; Date.now() < deadline; i += CLIENTS) {
        const operation = OPERATIONS[i % OPERATIONS.length]!;
        const started = Date.now();
        try {
          const response = await post(operation.query, operation.variables(authorities[i % authorities.length]!));
          const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
          if (response.status !== 200 || body.errors) errors.push(`${operation.name}: ${response.status} ${body.errors?.[0]?.extensions?.code ?? ""}`);
        } catch (error) {
          errors.push(`${operation.name}: ${(error as Error).name}`);
        }
        const ms = Date.now() - started;
        latencies.push(ms);
        perOperation.set(operation.name, [...(perOperation.get(operation.name) ?? []), ms]);
      }
    }));
    clearInterval(sampler);

    printFigures("load", {
      clients: CLIENTS, seconds: SECONDS, requests: latencies.length, errors: errors.length,
      "req/s": Math.round(latencies.length / SECONDS),
      "p50 ms": percentile(latencies, 0.5), "p95 ms": percentile(latencies, 0.95), "p99 ms": percentile(latencies, 0.99),
      "p95 ms by operation": Object.fromEntries([...perOperation].map(([name, ms]) => [name, percentile(ms, 0.95)])),
      "rss MB before": Math.round(rssBefore), "rss MB peak": Math.round(rssPeak),
    });
    expect(errors.slice(0, 5)).toEqual([]);
    expect(latencies.length).toBeGreaterThan(CLIENTS);
    expect(rssPeak).toBeLessThan(MAX_RSS_MB);
  });
});
