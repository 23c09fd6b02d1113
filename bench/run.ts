/**
 * `npm run bench:seed` (the first part of `npm run bench`): the headline operations over real HTTP against a
 * real Neo4j with the seeds, each run many times. Prints latency (p50/p95/max), Cypher queries per operation
 * against its nesting depth, and memory. Figures only: no pass/fail thresholds here (tests hold the behaviour).
 */
import "reflect-metadata";
import { performance } from "node:perf_hooks";
import { loadConfig } from "../src/config.js";
import { bootDatabase } from "../src/boot.js";
import { createLogger } from "../src/log.js";
import { startServer } from "../src/api/server.js";
import { HEADLINE_OPERATIONS, nestingDepth } from "./operations.js";
import { runContention } from "./contention.js";
import { hashKey } from "../src/auth/apiKeys.js";
import { randomUUID } from "node:crypto";

const RUNS = 50;
const WARMUP = 5;

// A one-off editor key for the write-contention part (its writes are audited as "bench").
const BENCH_KEY = `bench-${randomUUID()}`;
const config = loadConfig({ ...process.env, PORT: "0", LOG_LEVEL: "warn", API_KEYS: `bench:editor:${hashKey(BENCH_KEY)}`, RATE_LIMIT_PER_MINUTE: "1000000" });
const log = createLogger("warn");
const bootStarted = performance.now();
const booted = await bootDatabase(config, log);
const server = await startServer(booted.db, config);
console.log(`Ready in ${((performance.now() - bootStarted) / 1000).toFixed(1)} s at ${server.url}; ${RUNS} runs per operation after ${WARMUP} warm-up\n`);

async function post(query: string): Promise<{ ms: number; queries: number }> {
  const started = performance.now();
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-debug-query-count": "1" },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: unknown[]; extensions?: { queryCount?: number } };
  if (body.errors) throw new Error(`Operation failed: ${JSON.stringify(body.errors).slice(0, 300)}`);
  return { ms: performance.now() - started, queries: body.extensions?.queryCount ?? -1 };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const rows: string[][] = [["operation", "p50 ms", "p95 ms", "max ms", "queries", "depth"]];
let overBudget = 0;
try {
  for (const op of HEADLINE_OPERATIONS) {
    for (let i = 0; i < WARMUP; i++) await post(op.query);
    const times: number[] = [];
    let queries = 0;
    for (let i = 0; i < RUNS; i++) {
      const run = await post(op.query);
      times.push(run.ms);
      queries = run.queries;
    }
    times.sort((a, b) => a - b);
    const depth = nestingDepth(op.query);
    if (queries > depth) overBudget += 1;
    rows.push([op.name, percentile(times, 50).toFixed(1), percentile(times, 95).toFixed(1), times.at(-1)!.toFixed(1), String(queries), String(depth)]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const row of rows) console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  "));
  const memory = process.memoryUsage();
  console.log(`\nAPI process memory: rss ${(memory.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB`);
  console.log(overBudget === 0 ? "Every operation stayed within its query budget (queries ≤ depth)." : `${overBudget} operation(s) sent more queries than their depth.`);
  const send = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
    const response = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as { errors?: unknown[]; data?: any };
  };
  console.log("");
  for (const line of await runContention(send, { authorization: `Bearer ${BENCH_KEY}` })) console.log(line);
} finally {
  await server.stop();
  await booted.shutdown();
}
