/**
 * A large import (bundles/largeImport.ts) writes part by part, each part a transaction, and is still all or
 * nothing: it leaves the graph as a one-transaction import would; a failure in any part puts back every part
 * already written; an import killed outright holds the graph (other writes are refused) until the next import
 * rolls it back. Parts are made small here so that these bundles take several.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { writeSynthetic } from "../../../bench/synthetic.js";
import { PROJECT_ROOT } from "../../../src/config.js";
import { cypher, type Database } from "../../../src/db/gateway.js";
import { importLarge, type LargeImportOptions } from "../../../src/bundles/largeImport.js";
import { setThemeTag } from "../../../src/domains/mutations/edits.js";
import type { Progress } from "../../../src/bundles/writeBundle.js";
import { useTestServer } from "../../support/harness.js";
import { restoreAfterFile } from "../../support/restoring.js";
import { changeSetIds, snapshot } from "../../support/snapshot.js";
import { writePathKit } from "../../support/writePath.js";

const kit = writePathKit();
restoreAfterFile(kit.tempDirs);
const server = useTestServer();

const JOURNAL_LEFT = cypher("test.journalLeft", `
  CALL () { MATCH (j:ImportJournal) RETURN count(j) AS n UNION ALL MATCH (s:ImportSnapshot) RETURN count(s) AS n }
  RETURN sum(n) AS left`);
const LOCK = cypher("test.lock", "MATCH (l:WriteLock {id: 'graph'}) RETURN l.importInProgress AS importing");
const CHANGE_SET = cypher("test.largeChangeSet", `
  MATCH (c:ChangeSet {id: $id}) RETURN c.status AS status, c.error AS error, c.summary AS summary, COUNT { (c)-[:TOUCHED]->() } AS touched`);

const options = (extra: Partial<LargeImportOptions> = {}): LargeImportOptions => ({
  actor: "test:large-import", role: "admin", reason: "testing the large import", partRecords: 150, staleAfterSeconds: 600, ...extra,
});

async function expectReleased(db: Database) {
  expect((await db.read(JOURNAL_LEFT))[0]!.left).toBe(0);
  expect((await db.read(LOCK))[0]!.importing).toBeNull();
}

describe("a large import, part by part", { timeout: 300_000 }, () => {
  it("leaves the graph as a one-transaction import would, with one ChangeSet, and journals nothing once done", async () => {
    const synthetic = kit.tempDir("csg-large-");
    const nodes = writeSynthetic(synthetic, { authorities: 2, years: 4 });
    // A file with no records first (it must not start a part twice), and parts of 20 records: the borough's
    // posts and the accountabilities its folder states for them fall in different parts.
    fs.writeFileSync(path.join(synthetic, "0-empty.json"), JSON.stringify({ themes: [] }));
    const borough = kit.syntheticCopy("csg-large-borough-").dir;
    const progress: Progress[] = [];
    const result = await importLarge(server.db, [synthetic, borough], options({ partRecords: 20, onProgress: (p) => progress.push(p) }));
    expect(result.written).toBe(true);
    expect(result.diff.created.length).toBeGreaterThanOrEqual(nodes);
    expect(result.batches).toBeGreaterThan(6); // several parts, each written in two passes
    expect(new Set(progress.map((p) => p.step))).toEqual(new Set(["validating", "writing nodes", "linking", "relationships"]));
    expect(progress.filter((p) => p.step === "linking").at(-1)).toMatchObject({ done: result.records, total: result.records, unit: "records" });
    expect(result.diff.relationships.created.length).toBeGreaterThan(0);
    expect(result.diff.relationships.removed).toEqual([]);

    // The one-transaction import finds nothing left to do: every property, owned edge, evidence and relationship is there.
    const again = await kit.importAs(server.db, [synthetic, borough], { dryRun: true });
    expect(again.diff.created).toEqual([]);
    expect(again.diff.updated).toEqual([]);
    expect(again.diff.relationships).toMatchObject({ created: [], updated: [], removed: [] });

    // One TOUCHED edge per node created (posts whose relationships are new were created too: touched once).
    const [changeSet] = await server.db.read(CHANGE_SET, { id: result.changeSetId });
    expect(changeSet).toMatchObject({ status: "COMMITTED", error: null, touched: result.diff.created.length });
    expect(JSON.parse(changeSet!.summary as string).created).toBe(result.diff.created.length);
    await expectReleased(server.db);

    // Nothing to change: nothing written, and no ChangeSet left behind.
    const before = await changeSetIds(server.db);
    const unchanged = await importLarge(server.db, [synthetic, borough], options());
    expect(unchanged).toMatchObject({ written: false, changeSetId: null });
    expect(await changeSetIds(server.db)).toEqual(before);
    await expectReleased(server.db);
  });

  it("rolls back every part already written when one fails: updates, creations, edges, evidence and relationships", async () => {
    const more = kit.tempDir("csg-large-more-");
    writeSynthetic(more, { authorities: 3, years: 4 }); // two authorities already imported (unchanged), one new
    const { dir: borough, edit } = kit.syntheticCopy("csg-large-edited-");
    edit("findings.json", (json) => {
      json.findings[0].summary = "An edited summary, to be rolled back.";
      json.findings[0].themes = ["theme:workforce-stability"];
      json.findings[0].evidence[0].quote = "a quote that replaces the first one";
    });
    edit("governance.json", (json) => json.accountabilities.pop());
    const before = await snapshot(server.db);
    const changeSets = await changeSetIds(server.db);
    // Fails after its last stage: every part's nodes and links, and the relationships, are written by then.
    const failing = options({
      onProgress: (p) => {
        if (p.step === "relationships") throw new Error("the last stage failed");
      },
    });
    await expect(importLarge(server.db, [more, borough], failing)).rejects.toThrow("the last stage failed");

    expect(await snapshot(server.db)).toEqual(before);
    const [added] = (await changeSetIds(server.db)).filter((id) => !changeSets.includes(id));
    const [changeSet] = await server.db.read(CHANGE_SET, { id: added });
    expect(changeSet).toMatchObject({ status: "ROLLED_BACK", error: "the last stage failed", touched: 0 });
    await expectReleased(server.db);
  });

  it("an import killed mid-way holds the graph; the next import rolls it back", async () => {
    const dir = kit.tempDir("csg-large-killed-");
    writeSynthetic(dir, { authorities: 4, years: 4, firstYear: 2001 });
    const before = await snapshot(server.db);
    const { NEO4J_URI: _ignored, ...inherited } = process.env;
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", "--", "import", dir, "--reason", "killed on purpose"], {
      cwd: PROJECT_ROOT,
      env: { ...inherited, NEO4J_URI: inject("neo4jUri"), IMPORT_LARGE_BYTES: "0", IMPORT_PART_RECORDS: "100", LOG_LEVEL: "warn" },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const exited = new Promise((resolve) => child.once("exit", resolve));
    // Killed once its first part is written, while the others are still to come.
    for (const started = Date.now(); !/import writing nodes: \d+/.test(output); await new Promise((r) => setTimeout(r, 20))) {
      if (child.exitCode !== null || Date.now() - started > 120_000) throw new Error(`the import ended before writing:\n${output}`);
    }
    child.kill("SIGKILL");
    await exited;
    const importing = (await server.db.read(LOCK))[0]!.importing as string;
    expect(importing).toMatch(/^changeset:/);

    // Other writes are refused while it holds the graph, and a second large import will not start.
    await expect(kit.importAs(server.db, [kit.syntheticCopy("csg-large-refused-").dir])).rejects.toMatchObject({
      extensions: { code: "CONFLICT", reason: "IMPORT_IN_PROGRESS", changeSetId: importing },
    });
    await expect(importLarge(server.db, [dir], options())).rejects.toMatchObject({ extensions: { code: "CONFLICT" } });
    const who = { principal: { name: "test-editor", role: "editor" as const }, reason: "tagging while an import holds the graph" };
    await expect(setThemeTag(server.db, who, "finding:swindon-mv3-pathway-plans", "theme:permanence", true)).rejects.toMatchObject({
      extensions: { code: "CONFLICT", reason: "IMPORT_IN_PROGRESS" },
    });

    // Once it has been silent long enough (here at once), the next import rolls it back before its own work.
    const lines: string[] = [];
    const empty = kit.tempDir("csg-large-empty-");
    fs.writeFileSync(path.join(empty, "nothing.json"), JSON.stringify({ themes: [] }));
    await importLarge(server.db, [empty], options({ staleAfterSeconds: 0, log: (line) => lines.push(line) }));
    expect(lines.join("\n")).toContain(`Rolling back import ${importing}: interrupted`);
    expect(await snapshot(server.db)).toEqual(before);
    const [changeSet] = await server.db.read(CHANGE_SET, { id: importing });
    expect(changeSet).toMatchObject({ status: "ROLLED_BACK", touched: 0 });
    expect(changeSet!.error).toMatch(/^interrupted: no progress since /);
    await expectReleased(server.db);
  });
});
