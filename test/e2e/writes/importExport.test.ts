/**
 * The write path against the real Neo4j: import with change detection and an audit ChangeSet, idempotent
 * re-import, dry run, rollback of a failing batch, and export that re-imports into a second, empty Neo4j
 * to the same subgraph. Everything imported here is deleted again at the end.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config.js";
import { cypher, Database } from "../../../src/db/gateway.js";
import { applyMigrations } from "../../../src/db/migrations.js";
import { startLocalNeo4j, type LocalNeo4j } from "../../../src/localNeo4j/launch.js";
import { bundleFile } from "../../../src/bundles/bundleSchema.js";
import { exportAuthority } from "../../../src/bundles/exportBundle.js";
import { SEEDS_DIR } from "../../support/bundles.js";
import { restoreAfterFile } from "../../support/restoring.js";
import { changeSetIds, snapshot, snapshotOf } from "../../support/snapshot.js";
import { AUTHORITY, CHANGE_SET, nodeIds, swindonIds, SYNTHETIC, syntheticIds, writePathKit } from "../../support/writePath.js";

const seedIds = [...nodeIds(path.join(SEEDS_DIR, "reference")), ...swindonIds];
const EDITED_SUMMARY = "finding:synthetic-borough-2024-referral-delays";
const EDITED_THEMES = "finding:synthetic-borough-2024-oversight";

const WIPE = cypher("test.wipeSecond", "MATCH (n) WHERE NOT n:Migration DETACH DELETE n");
const FINDING = cypher("test.importFinding", `
  MATCH (f:Finding {id: $id}) RETURN f.summary AS summary, [(f)-[:EXEMPLIFIES]->(t) | t.id] AS themes`);

let db: Database;
const { tempDirs, tempDir, importAs, syntheticCopy } = writePathKit();

/** A copy of the synthetic bundle with one finding's summary changed and one theme untagged from another. */
function editedCopy(): string {
  const { dir } = syntheticCopy("csg-edited-");
  const findingsFile = path.join(dir, "findings.json");
  const findings = JSON.parse(fs.readFileSync(findingsFile, "utf8"));
  const byId = (id: string) => findings.findings.find((f: { id: string }) => f.id === id);
  byId(EDITED_SUMMARY).summary = "Referrals waited days for a manager's review (fictional, edited).";
  byId(EDITED_THEMES).themes = ["theme:management-oversight"];
  fs.writeFileSync(findingsFile, JSON.stringify(findings, null, 2));
  return dir;
}

restoreAfterFile(tempDirs, (connected) => (db = connected));

describe("import", () => {
  it("a dry run of a new bundle reports every record as CREATED and writes nothing", async () => {
    const before = await snapshot(db);
    const changeSets = await changeSetIds(db);
    const result = await importAs(db, [SYNTHETIC], { dryRun: true });
    expect(result.written).toBe(false);
    expect([...result.diff.created].sort()).toEqual(syntheticIds);
    expect(result.diff.counts.Finding).toEqual({ CREATED: 5, UPDATED: 0, UNCHANGED: 0 });
    expect(result.diff.counts.ACCOUNTABLE_TO).toEqual({ CREATED: 4, UPDATED: 0, UNCHANGED: 0, REMOVED: 0 });
    expect(await snapshot(db)).toEqual(before);
    expect(await changeSetIds(db)).toEqual(changeSets);
  });

  it("the first import creates every record beside Swindon's and records one ChangeSet with TOUCHED edges", async () => {
    const swindonBefore = await snapshotOf(db, seedIds);
    const result = await importAs(db, [SYNTHETIC]);
    expect(result.written).toBe(true);
    expect(result.diff.created.length).toBe(syntheticIds.length);
    expect(result.diff.unchanged).toEqual([]);
    const [changeSet] = await db.read(CHANGE_SET, { id: result.changeSetId });
    expect(changeSet).toMatchObject({ actor: "test:import-export", role: "admin", reason: "testing the write path", via: "cli" });
    expect(changeSet!.operation).toBe(`import ${SYNTHETIC}`);
    expect(JSON.parse(changeSet!.summary as string)).toMatchObject({ created: syntheticIds.length, "Judgement.created": 5 });
    const touched = changeSet!.touched as { id: string; change: string }[];
    expect(touched.map((t) => t.id).sort()).toEqual(syntheticIds);
    expect(new Set(touched.map((t) => t.change))).toEqual(new Set(["CREATED"]));
    // Swindon's nodes and the edges among them are as they were; the new inspections point at the shared Ofsted.
    expect(await snapshotOf(db, seedIds)).toEqual(swindonBefore);
    const [by] = await db.read(cypher("test.syntheticBy", "MATCH (:Inspection {id: 'inspection:synthetic-borough-ilacs-2024-03'})-[:BY]->(o) RETURN o.id AS id"));
    expect(by?.id).toBe("org:ofsted");
  });

  it("importing the same bundle again changes nothing and records no ChangeSet", async () => {
    const before = await snapshot(db);
    const changeSets = await changeSetIds(db);
    const result = await importAs(db, [SYNTHETIC]);
    expect(result).toMatchObject({ written: false, changeSetId: null });
    expect(result.diff.created).toEqual([]);
    expect(result.diff.updated).toEqual([]);
    expect([...result.diff.unchanged].sort()).toEqual(syntheticIds);
    expect(result.diff.relationships.unchanged.length).toBe(8);
    expect(await snapshot(db)).toEqual(before);
    expect(await changeSetIds(db)).toEqual(changeSets);
  });

  it("an edited copy updates exactly the edited findings; its dry run reports the same and writes nothing", async () => {
    const edited = editedCopy();
    const before = await snapshot(db);
    const changeSets = await changeSetIds(db);
    const dry = await importAs(db, [edited], { dryRun: true });
    expect([...dry.diff.updated].sort()).toEqual([EDITED_THEMES, EDITED_SUMMARY].sort());
    expect(dry.diff.changes).toEqual({ [EDITED_SUMMARY]: ["props.summary"], [EDITED_THEMES]: ["edges.themes"] });
    expect(dry.diff.created).toEqual([]);
    expect(await snapshot(db)).toEqual(before);
    expect(await changeSetIds(db)).toEqual(changeSets);

    const result = await importAs(db, [edited]);
    expect(result.written).toBe(true);
    expect(result.diff.updated).toEqual(dry.diff.updated);
    expect(result.diff.relationships.updated).toEqual([]);
    const [changeSet] = await db.read(CHANGE_SET, { id: result.changeSetId });
    expect((changeSet!.touched as object[]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([
      { id: EDITED_THEMES, change: "UPDATED" },
      { id: EDITED_SUMMARY, change: "UPDATED" },
    ]);
    const [summary] = await db.read(FINDING, { id: EDITED_SUMMARY });
    expect(summary!.summary).toMatch(/edited/);
    const [themes] = await db.read(FINDING, { id: EDITED_THEMES });
    expect(themes!.themes).toEqual(["theme:management-oversight"]);
  });

  it("a dry run also reports changed evidence and changed relationship properties", async () => {
    const { dir, edit } = syntheticCopy("csg-edited-evidence-");
    edit("inspections.json", (j) => (j.judgements[0].evidence[0].locator = "page 2"));
    edit("governance.json", (j) => (j.accountabilities[0].note = "A note added in an edit."));
    const dry = await importAs(db, [dir], { dryRun: true });
    expect(dry.diff.changes).toEqual({
      [EDITED_SUMMARY]: ["props.summary"],
      [EDITED_THEMES]: ["edges.themes"],
      "judgement:synthetic-borough-2024-overall": ["evidence"],
      "post:synthetic-borough-dcs -[ACCOUNTABLE_TO MANAGERIAL]-> post:synthetic-borough-chief-executive": ["props.note"],
    });
  });

  it("a batch failing part-way rolls back the whole import, ChangeSet included", async () => {
    const before = await snapshot(db);
    const changeSets = await changeSetIds(db);
    const steps: string[] = [];
    const failing = importAs(db, [SYNTHETIC], {
      onProgress: ({ done, total, step }) => {
        steps.push(step);
        if (done === total - 1) throw new Error(`deliberate failure at batch ${done} of ${total}`);
      },
    });
    await expect(failing).rejects.toThrow(/deliberate failure at batch/);
    // The restoring writes had run inside the transaction before it failed.
    expect(steps).toContain("bundle.upsert.Finding");
    expect(steps).toContain("bundle.edge.Finding.EXEMPLIFIES.OUT.Theme");
    expect(await snapshot(db)).toEqual(before);
    expect(await changeSetIds(db)).toEqual(changeSets);
  });

  it("importing the original again restores the edited findings", async () => {
    const result = await importAs(db, [SYNTHETIC]);
    expect([...result.diff.updated].sort()).toEqual([EDITED_THEMES, EDITED_SUMMARY].sort());
    expect((await importAs(db, [SYNTHETIC])).written).toBe(false);
  });
});

describe("export", () => {
  let local: LocalNeo4j | undefined;
  let second: Database;

  beforeAll(async () => {
    const config = loadConfig({});
    local = await startLocalNeo4j({ homeDir: tempDir("csg-second-neo4j-"), port: 0, log: () => {} });
    second = await Database.connect({ ...config.neo4j, uri: local.uri, retries: 5 });
    await applyMigrations(second);
  });
  afterAll(async () => {
    await second?.close();
    await local?.stop();
  });

  async function roundTrip(authorityId: string) {
    await second.write(WIPE);
    const outDir = tempDir("csg-export-");
    const exported = await exportAuthority(db, authorityId, outDir);
    for (const file of exported.files) expect(bundleFile.safeParse(JSON.parse(fs.readFileSync(file, "utf8"))).success, file).toBe(true);
    const imported = await importAs(second, [outDir]);
    expect(imported.written).toBe(true);
    expect([...imported.diff.created].sort()).toEqual(exported.ids);
    const original = await snapshotOf(db, exported.ids);
    const copy = await snapshotOf(second, exported.ids);
    expect(copy.nodes.length).toBe(exported.ids.length);
    expect(copy).toEqual(original);
    // The copy exports to the same bytes.
    const again = await exportAuthority(second, authorityId, tempDir("csg-export-again-"));
    for (const [i, file] of exported.files.entries()) expect(fs.readFileSync(again.files[i]!, "utf8"), path.basename(file)).toBe(fs.readFileSync(file, "utf8"));
    return { exported, original };
  }

  it("the synthetic authority re-imports into an empty Neo4j to the same subgraph, node for node and edge for edge", async () => {
    const { exported, original } = await roundTrip(AUTHORITY);
    expect(exported.ids).toEqual(expect.arrayContaining([...syntheticIds, "org:ofsted", "org:department-for-education", "theme:permanence"]));
    expect(exported.ids).not.toContain("org:swindon-borough-council");
    expect(original.relationships.length).toBeGreaterThan(100);
    const occupancy = original.nodes.find((n) => n.id === "occupancy:synthetic-avery-example-dcs");
    expect(occupancy?.props).toMatchObject({ start: "2021-04-01", startPrecision: "DAY", end: "2024-03-31" });
  });

  it("two exports of the same graph are byte-identical, and dates keep their precision", async () => {
    const [a, b] = [tempDir("csg-export-a-"), tempDir("csg-export-b-")];
    const first = await exportAuthority(db, AUTHORITY, a);
    await exportAuthority(db, AUTHORITY, b);
    for (const file of first.files) expect(fs.readFileSync(path.join(b, path.basename(file)), "utf8")).toBe(fs.readFileSync(file, "utf8"));
    const inspections = JSON.parse(fs.readFileSync(path.join(a, "inspections.json"), "utf8")).inspections;
    expect(inspections.find((i: { id: string }) => i.id === "inspection:synthetic-borough-mv-2024-11").start).toBe("2024-11");
  });

  it("Swindon round-trips too, with every Swindon seed record", async () => {
    const { exported } = await roundTrip("org:swindon-borough-council");
    expect(exported.ids).toEqual(expect.arrayContaining(swindonIds));
    expect(exported.ids.filter((id) => id.includes("synthetic"))).toEqual([]);
  });

  it("an unknown authority is a NOT_FOUND error", async () => {
    await expect(exportAuthority(db, "org:no-such-council", tempDir("csg-export-none-"))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
