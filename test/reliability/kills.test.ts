/**
 * kill -9 mid-write: the CLI while it writes an import's batches, and the API while its importBundle
 * transaction writes. Neo4j must roll the open transaction back: none of the bundle's nodes, no ChangeSet.
 */
import { spawn } from "node:child_process";
import net from "node:net";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { hashKey } from "../../src/auth/apiKeys.js";
import { PROJECT_ROOT } from "../../src/config.js";
import { cypher, type Database } from "../../src/db/gateway.js";
import { writeTempBundle } from "../support/bundles.js";
import { printFigures } from "../support/figures.js";
import { spawnApp, waitForOutput } from "../support/processes.js";
import { restoreAfterFile } from "../support/restoring.js";

const tempDirs: string[] = [];
let db: Database;
restoreAfterFile(tempDirs, (connected) => (db = connected));

/** A synthetic bundle: one council, one inspection and `findings` findings, every id starting with `prefix`. */
function largeBundle(prefix: string, findings: number) {
  const quote = { source: `source:${prefix}-report`, quote: "a short quote" };
  const inspection = `inspection:${prefix}-ilacs`;
  return {
    sources: [{ id: quote.source, title: "Synthetic report for the reliability suite", publisher: null, published: "2025-03", kind: "OTHER" }],
    organisations: [{ id: `org:${prefix}-council`, name: `Synthetic ${prefix} Council`, kind: "COUNCIL" }],
    inspections: [{ id: inspection, kind: "ILACS_STANDARD", status: "HELD", authority: `org:${prefix}-council`, by: `org:${prefix}-council`, start: "2025-02-03", evidence: [quote] }],
    findings: Array.from({ length: findings }, (_, i) => ({
      id: `finding:${prefix}-${i}`, inspection, kind: "WEAKNESS", polarity: "NEGATIVE", summary: `Synthetic finding ${i}.`,
      themes: ["theme:drift-and-delay"], serviceAreas: [], evidence: [quote],
    })),
  };
}

const WRITTEN = cypher(
  "test.killed.written",
  `OPTIONAL MATCH (n) WHERE n.id STARTS WITH $finding OR n.id IN [$source, $org]
   WITH count(n) AS nodes
   OPTIONAL MATCH (c:ChangeSet) WHERE c.reason = $reason
   RETURN nodes, count(c) AS changeSets`,
);
const IMPORTING = cypher(
  "test.killed.importing",
  "SHOW TRANSACTIONS YIELD metaData, currentQuery WHERE metaData.operation = 'bundle.import' RETURN currentQuery",
);

async function waitUntil<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Nothing of the bundle is in the graph, once Neo4j has let go of the killed client's transaction. */
async function expectNothingWritten(prefix: string, reason: string) {
  await waitUntil("Neo4j to roll back the killed transaction", async () => ((await db.read(IMPORTING)).length === 0 ? true : undefined));
  const [row] = await db.read(WRITTEN, { finding: `finding:${prefix}-`, source: `source:${prefix}-report`, org: `org:${prefix}-council`, reason });
  expect(row).toEqual({ nodes: 0, changeSets: 0 });
}

describe("kill -9 mid-write", { timeout: 240_000 }, () => {
  it("of the CLI while it writes an import's batches: nothing half-written", async () => {
    const prefix = "reliability-cli";
    const reason = "reliability suite: CLI killed mid-import";
    const dir = writeTempBundle({ "bundle.json": largeBundle(prefix, 15_000) });
    tempDirs.push(dir);
    const child = spawn(process.execPath, ["--import", "tsx", path.join("src", "cli.ts"), "--", "import", dir, "--reason", reason], {
      cwd: PROJECT_ROOT, env: { ...process.env, NODE_ENV: "development", NEO4J_URI: inject("neo4jUri") },
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const exited = new Promise((resolve) => child.once("exit", resolve));
    // A progress line after the first batch and before the last: the transaction holds written batches.
    const line = await waitUntil("a progress line mid-write", async () => /import: [1-9]\d*\/(\d+) batches \((?:[1-9]|[1-9]\d)%\)/.exec(stderr)?.[0] ?? (child.exitCode !== null ? "exited" : undefined), 180_000);
    expect(line, stderr).not.toBe("exited");
    child.kill("SIGKILL");
    await exited;
    await expectNothingWritten(prefix, reason);
    printFigures("kill -9 CLI", { killedAt: line, written: 0 });
  });

  it("of the API while its importBundle transaction writes: nothing half-written", async () => {
    const prefix = "reliability-api";
    const reason = "reliability suite: API killed mid-import";
    const key = "reliability-admin-key-0123456789";
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, "127.0.0.1", () => {
        const { port: free } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "csg-kill-"));
    tempDirs.push(dataDir);
    const app = spawnApp({ NEO4J_URI: inject("neo4jUri"), PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "warn", API_KEYS: `reliability:admin:${hashKey(key)}` });
    await waitForOutput(app, /GraphQL ready at/);
    // As many findings as fit in the API's 1 MB body.
    const bundle = largeBundle(prefix, 3_000);
    const body = JSON.stringify({ query: "mutation I($b: JSONObject!, $r: String!) { importBundle(bundle: $b, reason: $r) { written } }", variables: { b: bundle, r: reason } });
    expect(Buffer.byteLength(body)).toBeLessThan(1024 * 1024);
    const request = fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${key}` }, body,
    }).catch((error: unknown) => error);
    // Killed once the import's transaction runs a write statement (past the lock and the diff).
    const statement = await waitUntil("the import's transaction to write", async () => {
      const rows = await db.read(IMPORTING);
      return rows.map((r) => String(r.currentQuery)).find((q) => /\b(?:CREATE|MERGE)\b/.test(q) && !/WriteLock/.test(q));
    });
    app.child.kill("SIGKILL");
    await app.exited;
    expect(await request).toBeInstanceOf(Error);
    await expectNothingWritten(prefix, reason);
    printFigures("kill -9 API", { killedDuring: statement.replace(/\s+/g, " ").slice(0, 80), written: 0 });
  });
});
