/** `npm run cli`: the real CLI as a child process against the test Neo4j — help, validate, import, export, stats, exit codes. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { PROJECT_ROOT } from "../../../src/config.js";
import { cypher, type Database } from "../../../src/db/gateway.js";
import { NODE_SECTIONS } from "../../../src/model/graphMapping.js";
import { readBundles } from "../../../src/bundles/readBundle.js";
import { countByLabel } from "../../../src/bundles/writeBundle.js";
import { runCli, type Run } from "../../support/processes.js";
import { restoreAfterFile } from "../../support/restoring.js";
import { changeSetIds, snapshot } from "../../support/snapshot.js";

const SYNTHETIC = path.join("examples", "bundles", "synthetic-borough");
const { bundle } = readBundles([path.join(PROJECT_ROOT, SYNTHETIC)]);
const syntheticIds = NODE_SECTIONS.flatMap((s) => (bundle[s.section] as { id: string }[]).map((r) => r.id)).sort();
const CHANGE_SET = cypher("test.cliChangeSet", "MATCH (c:ChangeSet {id: $id}) RETURN c.actor AS actor, c.reason AS reason, c.operation AS operation, COUNT { (c)-[:TOUCHED]->() } AS touched");

/** Runs the CLI as `npm run cli -- …` does, against the test database unless `env` says otherwise. */
const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { NEO4J_URI: inject("neo4jUri"), ...env });
const json = (run: Run) => JSON.parse(run.stdout) as Record<string, any>;
const UNREACHABLE = { NEO4J_URI: "bolt://127.0.0.1:1", NEO4J_CONNECT_RETRIES: "0" };

let db: Database;
const tempDirs: string[] = [];

/** A copy of the synthetic bundle with some files rewritten. */
function brokenCopy(edit: (files: Record<string, any>) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "csg-cli-bundle-"));
  tempDirs.push(dir);
  const source = path.join(PROJECT_ROOT, SYNTHETIC);
  const files = Object.fromEntries(fs.readdirSync(source).map((f) => [f, JSON.parse(fs.readFileSync(path.join(source, f), "utf8"))]));
  edit(files);
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), JSON.stringify(content, null, 2));
  return dir;
}

restoreAfterFile(tempDirs, (connected) => (db = connected));

describe("cli help and usage", () => {
  it("prints help with the exit codes for the program and every command, exiting 0", async () => {
    const runs = await Promise.all([[], ["seed"], ["import"], ["export"], ["validate"], ["stats"]].map((c) => cli([...c, "--help"])));
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/Usage: npm run cli --/);
      expect(run.stdout).toMatch(/3 {2}invalid bundle/);
    }
    expect(runs[2]!.stdout).toMatch(/--reason <text>[\s\S]*--dry-run[\s\S]*--quiet[\s\S]*--json/);
  });

  it("exits 2 for import without --reason, and for an unknown command", async () => {
    const noReason = await cli(["import", SYNTHETIC]);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toMatch(/required option '--reason <text>' not specified/);
    expect((await cli(["frobnicate"])).code).toBe(2);
  });
});

describe("cli validate", () => {
  it("accepts the synthetic bundle, resolving its references to reference data and Ofsted in the database", async () => {
    const run = await cli(["validate", SYNTHETIC]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Valid: \d+ records in 7 files \(\d+ references resolved against the database\)/);
  });

  it("exits 3 listing every problem with its file and JSON path", async () => {
    const dir = brokenCopy((f) => {
      f["inspections.json"].inspections[0].kind = "SURPRISE_VISIT";
      f["findings.json"].findings[2].evidence = [];
    });
    const run = await cli(["validate", dir]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`${path.join(dir, "inspections.json")} $.inspections[0].kind: Invalid enum value`);
    expect(run.stderr).toContain(`${path.join(dir, "findings.json")} $.findings[2].evidence: a claim needs at least one piece of evidence`);
  });

  it("exits 3 for a dangling reference, with --json listing the problems", async () => {
    const dir = brokenCopy((f) => (f["findings.json"].findings[1].themes = ["theme:no-such-theme"]));
    const run = await cli(["validate", dir, "--json"]);
    expect(run.code).toBe(3);
    expect(json(run)).toMatchObject({ ok: false, exitCode: 3, problems: [{ file: path.join(dir, "findings.json"), path: "$.findings[1].themes[0]" }] });
  });

  it("needs no database when every reference resolves in the bundle; says which it could not check otherwise", async () => {
    const selfContained = await cli(["validate", "seeds/reference", "seeds/swindon", SYNTHETIC], UNREACHABLE);
    expect(selfContained.code, selfContained.stderr).toBe(0);
    expect(selfContained.stdout).toMatch(/all references resolved within the bundle/);
    const needsDb = await cli(["validate", SYNTHETIC], UNREACHABLE);
    expect(needsDb.code).toBe(4);
    expect(needsDb.stderr).toMatch(/valid in itself, but \d+ reference\(s\) .* could not be checked .*org:ofsted/);
  });
});

describe("cli import, export and stats", () => {
  it("import --dry-run --json prints the plan and writes nothing", async () => {
    const before = await snapshot(db);
    const changeSets = await changeSetIds(db);
    const run = await cli(["import", SYNTHETIC, "--dry-run", "--json", "--reason", "checking the plan"]);
    expect(run.code, run.stderr).toBe(0);
    const plan = json(run);
    expect(plan).toMatchObject({ ok: true, command: "import", dryRun: true, written: false, changeSetId: null });
    expect([...plan.created].sort()).toEqual(syntheticIds);
    expect(plan.counts.Judgement).toEqual({ CREATED: 5, UPDATED: 0, UNCHANGED: 0 });
    expect(await snapshot(db)).toEqual(before);
    expect(await changeSetIds(db)).toEqual(changeSets);
  });

  it("import writes with a ChangeSet naming the OS user, showing plain progress lines when stderr is not a terminal", async () => {
    const run = await cli(["import", SYNTHETIC, "--json", "--reason", "adding the synthetic example"]);
    expect(run.code, run.stderr).toBe(0);
    const result = json(run);
    expect(result).toMatchObject({ written: true, changeSetId: expect.stringMatching(/^changeset:/) });
    expect(run.stderr).toMatch(/^import: \d+\/\d+ batches \(\d+%\)$/m);
    expect(run.stderr).toMatch(/import: (\d+)\/\1 batches \(100%\)/);
    const [changeSet] = await db.read(CHANGE_SET, { id: result.changeSetId });
    expect(changeSet).toEqual({
      actor: `cli:${os.userInfo().username}`, reason: "adding the synthetic example", operation: `import ${SYNTHETIC}`, touched: syntheticIds.length,
    });
  });

  it("a second import --quiet prints one line and changes nothing", async () => {
    const before = await snapshot(db);
    const changeSets = await changeSetIds(db);
    const run = await cli(["--quiet", "import", SYNTHETIC, "--reason", "again", "--actor", "tester"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Nothing to import: all \d+ records are unchanged\. Nothing written\.\n$/);
    expect(run.stderr).toBe("");
    expect(await snapshot(db)).toEqual(before);
    expect(await changeSetIds(db)).toEqual(changeSets);
  });

  it("export writes the bundle folder; an unknown authority exits 2", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "csg-cli-export-"));
    tempDirs.push(out);
    const run = await cli(["export", "org:synthetic-borough-council", "--out", out, "--json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(json(run)).toMatchObject({ ok: true, outDir: out, files: expect.arrayContaining([path.join(out, "findings.json")]) });
    expect(JSON.parse(fs.readFileSync(path.join(out, "findings.json"), "utf8")).findings).toHaveLength(5);
    const unknown = await cli(["export", "org:no-such-council"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/No organisation with id "org:no-such-council"/);
  });

  it("stats --json prints the counts by label", async () => {
    const run = await cli(["stats", "--json"]);
    expect(run.code, run.stderr).toBe(0);
    const counts = await countByLabel(db);
    expect(json(run)).toEqual({ ok: true, command: "stats", counts, total: Object.values(counts).reduce((a, b) => a + b, 0) });
  });
});

describe("cli database errors", () => {
  it("exits 4 with one clear line when Neo4j at NEO4J_URI is unreachable", async () => {
    const run = await cli(["stats"], UNREACHABLE);
    expect(run.code).toBe(4);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^error: Neo4j at bolt:\/\/127\.0\.0\.1:1 is unavailable/)]);
  });

  it("exits 4 with one clear line when NEO4J_URI is malformed", async () => {
    const run = await cli(["stats"], { NEO4J_URI: "http://localhost" });
    expect(run.code).toBe(4);
    expect(run.stderr.trim().split("\n")).toEqual(["error: Invalid configuration: NEO4J_URI: must be a bolt:// or neo4j:// URI"]);
  });
});

const OFSTED_REPORTS = path.join(PROJECT_ROOT, "..", "shared", "ofsted", "reports");
const SWINDON_REPORTS = path.join(OFSTED_REPORTS, "80568-swindon");
if (!fs.existsSync(SWINDON_REPORTS)) console.warn(`\n*** SKIPPING the ingest-into-the-graph checks: ${SWINDON_REPORTS} not found ***\n`);

describe.skipIf(!fs.existsSync(SWINDON_REPORTS))("cli ingest into the graph", () => {
  it("changes nothing when the graph already holds the reports, and restores only what differs", async () => {
    const dry = await cli(["ingest", "--json", "--dry-run", SWINDON_REPORTS]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(json(dry)).toMatchObject({ dryRun: true, written: false, created: 0, updated: 0 });

    // Lose one report quote and one recommendation: a re-run puts back exactly those.
    await db.write(cypher("test.loseReportEvidence", `
      MATCH (:Judgement {id: 'judgement:swindon-2023-overall'})-[e:SUPPORTED_BY]->(:Source {id: 'source:ofsted-swindon-borough-council-2023-09-11'}) DELETE e`));
    await db.write(cypher("test.loseRecommendation", "MATCH (f:Finding {id: 'finding:swindon-borough-council-sif-2014-03-11-rec-1'}) DETACH DELETE f"));
    const before = await snapshot(db);
    const run = await cli(["ingest", "--json", "--reason", "Re-read Swindon's reports", SWINDON_REPORTS]);
    expect(run.code, run.stderr).toBe(0);
    const result = json(run);
    expect(result).toMatchObject({ written: true, created: 1, updated: 1 });
    const [changeSet] = await db.read(CHANGE_SET, { id: result.changeSetId });
    expect(changeSet).toMatchObject({ reason: "Re-read Swindon's reports", touched: 2 });
    expect(await snapshot(db)).not.toEqual(before);

    const again = await cli(["ingest", "--json", SWINDON_REPORTS]);
    expect(json(again)).toMatchObject({ written: false, created: 0, updated: 0 });
    expect(json(again).unchanged).toBeGreaterThan(40);
  });
});
