/** `npm start` end to end: bundled Neo4j, seeds once, real HTTP, clean Ctrl-C, nothing left behind. */
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { endpointFile } from "../../src/localNeo4j/endpoint.js";
import { readSeeds } from "../support/bundles.js";
import { printFigures } from "../support/figures.js";
import { javaProcessesMentioning, runCli, spawnApp, waitForOutput } from "../support/processes.js";

const SOURCES = readSeeds().sources.length;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "csg-start-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function sources(app: ReturnType<typeof spawnApp>): Promise<unknown[]> {
  const [, url] = await waitForOutput(app, /GraphQL ready at (http:\S+)/, 300_000);
  const response = await fetch(url!, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ sources { id title } }" }),
  });
  return ((await response.json()) as { data: { sources: unknown[] } }).data.sources;
}
const sourceCount = async (app: ReturnType<typeof spawnApp>) => (await sources(app)).length;

async function startAndQuery() {
  const app = spawnApp({ DATA_DIR: dataDir, PORT: "0", NEO4J_LOCAL_PORT: "0", LOG_LEVEL: "info" });
  return { app, sources: await sources(app) };
}

async function interrupt(app: ReturnType<typeof spawnApp>) {
  expect(javaProcessesMentioning(dataDir).length).toBe(1);
  app.child.kill("SIGINT");
  expect(await app.exited).toBe(0);
  expect(javaProcessesMentioning(dataDir)).toEqual([]);
}

// Cold starts share the machine with the integration files running beside them: allow for a slow first start.
describe("npm start", { timeout: 420_000 }, () => {
  it("starts Neo4j, loads the seeds, serves the sources and publishes its database; Ctrl-C withdraws it and leaves no java behind", async () => {
    const { app, sources } = await startAndQuery();
    expect(sources).toHaveLength(SOURCES);
    expect(app.output()).toMatch(new RegExp(`Loaded seeds: .*Source ${SOURCES}`));
    // The explorer is served at / beside the API.
    const [, url] = await waitForOutput(app, /GraphQL ready at (http:\S+)/, 1_000);
    expect(await (await fetch(new URL("/", url!), { headers: { accept: "text/html" } })).text()).toContain('<div id="root">');
    expect(fs.existsSync(endpointFile(path.join(dataDir, "neo4j")))).toBe(true);
    await interrupt(app);
    expect(fs.existsSync(endpointFile(path.join(dataDir, "neo4j")))).toBe(false);
  });

  it("a second start loads nothing twice; the CLI works beside it on its bundled database; killed outright, its JVM still stops", async () => {
    const { app, sources } = await startAndQuery();
    expect(sources).toHaveLength(SOURCES);
    expect(app.output()).toContain("Seeds already loaded");
    expect(app.output()).toContain("Schema up to date");
    const endpoint = JSON.parse(fs.readFileSync(endpointFile(path.join(dataDir, "neo4j")), "utf8"));
    expect(endpoint).toEqual({ uri: expect.stringMatching(/^bolt:\/\/127\.0\.0\.1:\d+$/), pid: app.child.pid });
    const run = await runCli(["stats", "--json"], { DATA_DIR: dataDir, LOG_LEVEL: "info" });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`Using the bundled Neo4j of the running server (pid ${app.child.pid}) at ${endpoint.uri}`);
    expect(JSON.parse(run.stdout)).toMatchObject({ command: "stats", counts: { Source: SOURCES } });
    // The CLI started no JVM of its own and stopped none: the server's is the only one, and still serves.
    expect(javaProcessesMentioning(dataDir).length).toBe(1);
    expect(await sourceCount(app)).toBe(SOURCES);

    app.child.kill("SIGKILL");
    await app.exited;
    // The launcher sees its stdin close and shuts down; give it time to flush the store.
    const deadline = Date.now() + 30_000;
    while (javaProcessesMentioning(dataDir).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(javaProcessesMentioning(dataDir)).toEqual([]);
  });
});

describe("when the bundled Neo4j dies", { timeout: 420_000 }, () => {
  it("requests fail at once with 503, DATABASE_UNAVAILABLE and Retry-After; Neo4j is restarted and the API recovers; each logged once", async () => {
    const { app, sources: before } = await startAndQuery();
    expect(before).toHaveLength(SOURCES);
    const [, url] = await waitForOutput(app, /GraphQL ready at (http:\S+)/, 1_000);
    const [jvm] = javaProcessesMentioning(dataDir);
    process.kill(jvm!, "SIGKILL");
    const killedAt = performance.now();

    const ask = async () => {
      const started = performance.now();
      const response = await fetch(url!, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ sources { id } }" }) });
      return { response, body: await response.json(), ms: performance.now() - started };
    };
    // Within a few seconds of the kill every request is refused at once.
    let answer = await ask();
    for (let i = 0; i < 50 && answer.response.status !== 503; i++) {
      await new Promise((r) => setTimeout(r, 100));
      answer = await ask();
    }
    const refusals = [answer, await ask(), await ask()];
    for (const refusal of refusals) {
      expect(refusal.response.status).toBe(503);
      expect(Number(refusal.response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(refusal.body.errors[0].extensions.code).toBe("DATABASE_UNAVAILABLE");
    }
    // Fast failure: the median refusal takes well under the ~100 ms the issue asks for on this machine.
    expect(refusals.map((r) => r.ms).sort((a, b) => a - b)[1]).toBeLessThan(100);
    expect((await fetch(new URL("/healthz", url!))).status).toBe(503);

    await waitForOutput(app, /The bundled Neo4j is running again/, 180_000);
    await waitForOutput(app, /Neo4j is available again after/, 60_000);
    const after = await ask();
    expect(after.response.status).toBe(200);
    expect(after.body.data.sources).toHaveLength(SOURCES);
    printFigures("Neo4j killed", {
      "refusal ms (median of 3)": Math.round(refusals.map((r) => r.ms).sort((a, b) => a - b)[1]!),
      "seconds from kill to answering again": Math.round((performance.now() - killedAt) / 100) / 10,
    });
    expect(app.output().match(/Neo4j is unavailable/g)).toHaveLength(1);
    expect(app.output().match(/Neo4j is available again/g)).toHaveLength(1);
    expect(app.output().match(/exited unexpectedly/g)).toHaveLength(1);
    await interrupt(app);
  });
});

describe("npm start errors, one clear line each", () => {
  it("names the bad variable", async () => {
    const app = spawnApp({ PORT: "not-a-port" });
    expect(await app.exited).toBe(1);
    expect(app.output()).toMatch(/Invalid configuration: PORT/);
  });

  it("says when the chosen Neo4j port is taken", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const app = spawnApp({ DATA_DIR: dataDir, NEO4J_LOCAL_PORT: String(port) });
      expect(await app.exited).toBe(1);
      expect(app.output()).toContain(`Port ${port} on 127.0.0.1 is taken`);
    } finally {
      blocker.close();
    }
  });

  it("says when java is missing", async () => {
    const app = spawnApp({ DATA_DIR: dataDir, PATH: path.dirname(process.execPath) === "/usr/bin" ? "/nonexistent" : path.dirname(process.execPath) });
    expect(await app.exited).toBe(1);
    expect(app.output()).toMatch(/'java' was not found on PATH/);
  });

  it("says when Neo4j at NEO4J_URI is unreachable", async () => {
    const app = spawnApp({ NEO4J_URI: "bolt://127.0.0.1:1", NEO4J_CONNECT_RETRIES: "1" });
    expect(await app.exited).toBe(1);
    expect(app.output()).toMatch(/unavailable after 2 attempts/);
  });
});
