/**
 * `npm run bench:compare`: the project against a generic GraphQL-to-Cypher layer (@neo4j/graphql 7,
 * bench/peer.ts) and against hand-written Cypher through neo4j-driver (the floor), side by side on one Neo4j
 * with the same data: the national graph (the seeds), then, each in a Neo4j of its own, the national graph plus
 * a synthetic tier (bench/synthetic.ts; `--tiers 10000,100000,1000000`; kept in .data/bench/tier-<size> between
 * runs, 2 GB of heap and page cache). The project runs as its production build (`npm run build`,
 * node dist/src/main.js) and the peer as its own process; this process sends the requests (and, before a tier's
 * timed loops, hosts a development server for a moment to count the project's queries). `--operations`
 * keeps the operations whose name contains one of its comma-separated words.
 * Closed loop at 1 and 16 clients, `--seconds` per system per round, systems alternating within each of
 * `--rounds` rounds. Prints req/s, p50/p95/p99 (median across rounds, with min–max), the ratios to the peer
 * and to raw Cypher, the Cypher queries per operation (the project's counted by a development server over the
 * same Neo4j, as production does not report them), the db hits of the raw Cypher (PROFILE) and the API
 * processes' memory, as markdown; the same as JSON in .data/bench/compare-<time>.json (written after each tier).
 * Each tier runs on the bundled Neo4j, whatever NEO4J_URI says: the tiers are written into it.
 */
import "reflect-metadata";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import neo4j, { type Driver } from "neo4j-driver";
import { loadConfig, PROJECT_ROOT, type Config } from "../src/config.js";
import { bootDatabase } from "../src/boot.js";
import { createLogger } from "../src/log.js";
import { startServer } from "../src/api/server.js";
import type { Database } from "../src/db/gateway.js";
import { COMPARED_OPERATIONS, type ComparedOperation, type Tier } from "./comparedOperations.js";
import { writeSynthetic } from "./synthetic.js";

const { values: args } = parseArgs({
  options: {
    tiers: { type: "string", default: "10000,100000,1000000" },
    seconds: { type: "string", default: "3" },
    rounds: { type: "string", default: "3" },
    clients: { type: "string", default: "1,16" },
    operations: { type: "string", default: "" },
    processes: { type: "string", default: "1" },
  },
});
/** API processes of the project behind a round-robin (as a load balancer would spread clients), e.g. `--processes 1,2,4`. */
const PROCESSES = args.processes!.split(",").map(Number);
const ONLY = args.operations!.split(",").filter(Boolean);
const OPERATIONS = COMPARED_OPERATIONS.filter((op) => ONLY.length === 0 || ONLY.some((word) => op.name.includes(word)));
const SECONDS = Number(args.seconds);
const ROUNDS = Number(args.rounds);
const CLIENTS = args.clients!.split(",").map(Number);
const TIERS = args.tiers!.split(",").filter(Boolean).map(Number);
const OUT_DIR = path.join(PROJECT_ROOT, ".data", "bench");

type Sample = { ms: number[]; completed: number; seconds: number; errors: number };
/** "project", "project×2" (two API processes)…, "peer" or "raw". */
type System = { name: string; send: (op: ComparedOperation) => Promise<void> };

const log = createLogger("warn");
/** What every API server of the benchmark allows: no rate limit in the way, a minute per operation. */
const SERVER_LIMITS = { RATE_LIMIT_PER_MINUTE: "1000000", GRAPHQL_TIME_LIMIT_MS: "60000" };
/**
 * Each tier's own bundled Neo4j (a bigger page cache than the default, so a tier's store stays in memory), never
 * a NEO4J_URI of the environment: the synthetic tiers are imported into it. Development mode and the servers'
 * limits are for the server that counts queries (countQueries).
 */
const tierConfig = (dir: string): Config => loadConfig({
  ...process.env, NEO4J_URI: undefined, NEO4J_DATABASE: undefined, DATA_DIR: path.join(OUT_DIR, dir), PORT: "0", LOG_LEVEL: "warn",
  NEO4J_LOCAL_HEAP: "2g", NEO4J_LOCAL_PAGECACHE: "2g", NODE_ENV: "development", ...SERVER_LIMITS,
});
const config = tierConfig("national");
let processes: { kill: () => void }[] = [];

/** Starts a server process and waits for the line with its URL. */
async function startProcess(name: string, argv: string[], env: Record<string, string>, ready: RegExp): Promise<{ url: string; pid: number }> {
  const child = spawn(process.execPath, argv, { cwd: PROJECT_ROOT, env: { ...process.env, ...env } });
  processes.push({ kill: () => child.kill("SIGINT") });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const started = Date.now();
  while (Date.now() - started < 120_000) {
    const match = output.match(ready);
    if (match) return { url: match[1]!, pid: child.pid! };
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} did not start:\n${output}`);
}

const rssMiB = (pid: number) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
  return status ? Math.round(Number(status[1]) / 1024) : -1;
};

async function postJson(url: string, query: string, variables: Record<string, unknown>): Promise<{ data?: unknown; errors?: unknown[]; extensions?: { queryCount?: number } }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-debug-query-count": "1" },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as never;
}

/** `clients` loops sending `op` back to back for the duration. */
async function closedLoop(system: System, op: ComparedOperation, clients: number, seconds = SECONDS): Promise<Sample> {
  const ms: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (performance.now() < deadline) {
      const t = performance.now();
      try {
        await system.send(op);
        ms.push(performance.now() - t);
      } catch {
        errors += 1;
      }
    }
  }));
  return { ms, completed: ms.length, seconds: (performance.now() - started) / 1000, errors };
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const results: Record<string, unknown>[] = [];
console.log("Building the project (npm run build) to run it as production does…");
const build = spawnSync("npm", ["run", "build"], { cwd: PROJECT_ROOT, encoding: "utf8" });
if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
const tiers: Tier[] = [{ name: "national", authority: "org:swindon-borough-council", theme: "theme:drift-and-delay", search: "plans", on: "2024-10-01" }];
for (const size of TIERS) {
  tiers.push({ name: `national + ${size.toLocaleString("en-GB")} synthetic`, size, authority: "org:synthetic-authority-1", theme: "theme:drift-and-delay", search: "placements", on: "2024-06-01" });
}
fs.mkdirSync(OUT_DIR, { recursive: true });
const file = path.join(OUT_DIR, `compare-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
for (const tier of tiers) {
  await runTier(tier);
  // After each tier, so a run stopped later keeps what it measured.
  fs.writeFileSync(file, JSON.stringify({ seconds: SECONDS, rounds: ROUNDS, clients: CLIENTS, results }, null, 2));
}
console.log(`\nJSON: ${file}`);

/** One tier: its Neo4j (the seeds loaded the first time, then the tier), the project and the peer over it, every operation. */
async function runTier(tier: Tier): Promise<void> {
  const tierConf = tier.size ? tierConfig(`tier-${tier.size}`) : config;
  console.log(`\nStarting the Neo4j of tier "${tier.name}" (${tierConf.dataDir}; first run: the seeds load, a few minutes)…`);
  const booted = await bootDatabase(tierConf, log);
  const uri = booted.local?.uri ?? tierConf.neo4j.uri!;
  const driver = neo4j.driver(uri, neo4j.auth.basic(tierConf.neo4j.user, tierConf.neo4j.password));
  try {
    if (tier.size) await loadTier(tier.size, driver, uri, tierConf.neo4j.database);
    const neo4jEnv = { NEO4J_URI: uri, NEO4J_USER: tierConf.neo4j.user, NEO4J_PASSWORD: tierConf.neo4j.password, NEO4J_DATABASE: tierConf.neo4j.database };
    const projects: { url: string; pid: number }[] = [];
    for (let i = 0; i < Math.max(...PROCESSES); i++) {
      projects.push(await startProcess("project", ["dist/src/main.js"], {
        ...neo4jEnv, NODE_ENV: "production", PORT: "0", LOG_LEVEL: "warn", ...SERVER_LIMITS,
      }, /GraphQL ready at (http:\S+)/));
    }
    const peer = await startProcess("peer", ["--import", "tsx", "bench/peer.ts"], { ...neo4jEnv, PORT: "0" }, /Peer ready at (http:\S+)/);
    const send = (url: string, text: (op: ComparedOperation) => string | null) => async (op: ComparedOperation) => {
      const body = await postJson(url, text(op)!, op.variables(tier));
      if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 300));
    };
    const roundRobin = (n: number) => {
      const senders = projects.slice(0, n).map((p) => send(p.url, (op) => op.project));
      let next = 0;
      return (op: ComparedOperation) => senders[next++ % n]!(op);
    };
    const systems: System[] = [
      ...PROCESSES.map((n) => ({ name: n === 1 ? "project" : `project×${n}`, send: roundRobin(n) })),
      { name: "peer", send: send(peer.url, (op) => op.peer) },
      {
        name: "raw",
        // An auto-commit read, as the project sends its own: RUN and PULL in one round trip, where executeQuery's
        // managed transaction adds BEGIN and COMMIT (about a millisecond more per query here).
        send: async (op) => {
          const session = driver.session({ database: tierConf.neo4j.database, defaultAccessMode: neo4j.session.READ });
          try {
            await session.run(op.raw, op.variables(tier));
          } finally {
            await session.close();
          }
        },
      },
    ];
    const count = (await driver.executeQuery("MATCH (n) RETURN count(n) AS count", {}, { database: tierConf.neo4j.database })).records[0]!.get("count");
    // A tier's database is kept between runs: say what it holds (anything imported into it by hand shows here).
    const synthetic = (await driver.executeQuery(
      "MATCH (o:Organisation) WHERE o.id =~ 'org:synthetic-authority-[0-9]+' RETURN count(o) AS n", {}, { database: tierConf.neo4j.database },
    )).records[0]!.get("n");
    console.log(`\n## ${tier.name}: ${Number(count).toLocaleString("en-GB")} nodes (${Number(synthetic)} synthetic authorities)\n`);
    const table: string[][] = [["operation", "clients", "system", "req/s", "p50 ms", "p95 ms", "p99 ms", "vs peer req/s", "vs peer p95", "p50 vs raw", "queries"]];
    const queryCounts = await countQueries(booted.db, tierConf, tier);
    for (const op of OPERATIONS) {
      const queries = queryCounts.get(op) ?? null;
      const dbHits = await profileDbHits(driver, op, tier, tierConf.neo4j.database);
      for (const clients of CLIENTS) {
        const rounds = new Map<string, Sample[]>();
        for (let round = 0; round < ROUNDS; round++) {
          // Alternate the order each round, so no system always runs on a warmer cache.
          const order = systems.filter((s) => s.name !== "peer" || op.peer).map((s, i, all) => all[(i + round) % all.length]!);
          for (const system of order) {
            await closedLoop(system, op, clients, 1); // warm-up: a second at the same concurrency
            rounds.set(system.name, [...(rounds.get(system.name) ?? []), await closedLoop(system, op, clients)]);
          }
        }
        const summary = summarise(rounds);
        for (const [name, s] of Object.entries(summary)) {
          const peerSummary = summary.peer;
          table.push([
            op.name, String(clients), name, `${s.rps.median.toFixed(1)} (${s.rps.min.toFixed(0)}–${s.rps.max.toFixed(0)})`,
            s.p50.median.toFixed(1), s.p95.median.toFixed(1), s.p99.median.toFixed(1),
            name.startsWith("project") && peerSummary ? `${(s.rps.median / peerSummary.rps.median).toFixed(2)}×` : "",
            name.startsWith("project") && peerSummary ? `${(s.p95.median / peerSummary.p95.median).toFixed(2)}×` : "",
            name === "raw" ? "" : `${(s.p50.median / summary.raw!.p50.median).toFixed(1)}×`,
            name.startsWith("project") ? String(queries ?? "error") : name === "raw" ? `1 (${dbHits} db hits)` : "1",
          ]);
          if (s.errors > 0) console.log(`  ${op.name} / ${name} / ${clients} clients: ${s.errors} errors`);
        }
        results.push({ tier: tier.name, nodes: Number(count), operation: op.name, clients, queries, rawDbHits: dbHits, ...summary });
      }
    }
    printTable(table);
    console.log(`\nAPI memory after this tier: project rss ${projects.map((p) => rssMiB(p.pid)).join(" + ")} MiB, peer rss ${rssMiB(peer.pid)} MiB`);
  } finally {
    for (const p of processes) p.kill();
    processes = [];
    await driver.close();
    await booted.shutdown();
  }
}

type Stat = { median: number; min: number; max: number };
type Summary = Record<string, { rps: Stat; p50: Stat; p95: Stat; p99: Stat; errors: number }>;

/** Per system: req/s and percentiles, the median across rounds with min–max. */
function summarise(rounds: Map<string, Sample[]>): Summary {
  return Object.fromEntries([...rounds].map(([name, samples]) => {
    const perRound = samples.map((s) => {
      const sorted = [...s.ms].sort((a, b) => a - b);
      return { rps: s.completed / s.seconds, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), errors: s.errors };
    });
    const stat = (key: "rps" | "p50" | "p95" | "p99") => ({ median: median(perRound.map((r) => r[key])), min: Math.min(...perRound.map((r) => r[key])), max: Math.max(...perRound.map((r) => r[key])) });
    return [name, { rps: stat("rps"), p50: stat("p50"), p95: stat("p95"), p99: stat("p99"), errors: perRound.reduce((n, r) => n + r.errors, 0) }];
  }));
}

/**
 * The Cypher statements the project sends per operation, counted by a development server in this process over
 * the tier's Neo4j (production never reveals its query count; the code path is the same).
 */
async function countQueries(db: Database, tierConf: Config, tier: Tier): Promise<Map<ComparedOperation, number>> {
  const server = await startServer(db, tierConf);
  try {
    const counts = new Map<ComparedOperation, number>();
    for (const op of OPERATIONS) {
      const body = await postJson(server.url, op.project, op.variables(tier));
      // An operation that fails is reported (its timed runs count the errors too); the run goes on.
      if (body.errors || body.extensions?.queryCount === undefined) console.log(`  ${op.name}: no query count (${JSON.stringify(body.errors ?? body.extensions).slice(0, 300)})`);
      else counts.set(op, body.extensions.queryCount);
    }
    return counts;
  } finally {
    await server.stop();
  }
}

async function profileDbHits(driver: Driver, op: ComparedOperation, tier: Tier, database: string): Promise<number> {
  const result = await driver.executeQuery(`PROFILE ${op.raw}`, op.variables(tier), { database });
  const sum = (plan: { dbHits: number; children: unknown[] }): number => plan.dbHits + plan.children.reduce((n: number, c) => n + sum(c as never), 0);
  return result.summary.profile ? sum(result.summary.profile as never) : -1;
}

/** Adds a synthetic tier to its graph (once: kept between runs), through the project's own import (a large one from 100k). */
async function loadTier(size: number, driver: Driver, uri: string, database: string): Promise<void> {
  const authorities = Math.round(size / 373);
  const present = (await driver.executeQuery(
    "MATCH (o:Organisation {id: $id}) RETURN count(o) AS present", { id: `org:synthetic-authority-${authorities}` }, { database },
  )).records[0]!.get("present");
  if (Number(present) > 0) return;
  const dir = path.join(OUT_DIR, `synthetic-${authorities}`);
  const nodes = writeSynthetic(dir, { authorities });
  console.log(`Importing ${nodes.toLocaleString("en-GB")} synthetic nodes (${authorities} authorities)…`);
  const started = performance.now();
  // The production build, its progress lines shown as they come.
  const run = spawnSync(process.execPath, ["dist/src/cli.js", "import", dir, "--reason", "benchmark tier"], {
    cwd: PROJECT_ROOT, env: { ...process.env, NEO4J_URI: uri, LOG_LEVEL: "warn" }, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"],
  });
  if (run.status !== 0) throw new Error(`import failed: ${run.stdout}`);
  const seconds = (performance.now() - started) / 1000;
  console.log(`Imported in ${seconds.toFixed(1)} s (${Math.round(nodes / seconds).toLocaleString("en-GB")} nodes/s)`);
}

function printTable(rows: string[][]): void {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  console.log(line(rows[0]!));
  console.log(line(rows[0]!.map(() => "---")));
  for (const row of rows.slice(1)) console.log(line(row));
}
