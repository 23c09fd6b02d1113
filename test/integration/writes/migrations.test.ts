import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cypher, type Database } from "../../../src/db/gateway.js";
import { applyMigrations, readMigrations } from "../../../src/db/migrations.js";
import { connectTestDb } from "../../support/harness.js";
import { restoreAfterFile } from "../../support/restoring.js";

let db: Database;
// Its own cleanup undoes what the snapshot cannot see (Migration records, indexes); the shared check sees the rest.
restoreAfterFile();
const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "csg-migrations-"));
const NAME = `900_test_${Date.now()}.cypher`;

beforeAll(async () => {
  db = await connectTestDb();
});
afterAll(async () => {
  await db.write(cypher("test.cleanup", "MATCH (m:Migration {name: $name}) DELETE m"), { name: NAME });
  await db.write(cypher("test.dropIndex", "DROP INDEX migration_probe IF EXISTS"));
  // Should the upgrade test fail half-way, later test files still get the project's full schema.
  await applyMigrations(db);
  await db.close();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

const SEARCH_INDEX = cypher(
  "test.searchIndex",
  "SHOW INDEXES YIELD name, state, options WHERE name = 'search_text' RETURN state, options.indexConfig.`fulltext.analyzer` AS analyzer",
);
const SEARCH_IDS = cypher("test.searchIds", "CALL db.index.fulltext.queryNodes('search_text', $query) YIELD node RETURN node.id AS id");

async function searchIndex() {
  const [row] = await db.read(SEARCH_INDEX);
  return row && { state: row.state, analyzer: row.analyzer };
}

async function searchIds(query: string): Promise<string[]> {
  return (await db.read(SEARCH_IDS, { query })).map((row) => row.id as string);
}

describe("migrations", () => {
  it("the project's schema is applied and recorded, and a re-run applies nothing", async () => {
    const rows = await db.read(cypher("test.applied", "MATCH (m:Migration) RETURN m.name AS name ORDER BY name"));
    const names = rows.map((r) => r.name);
    for (const m of readMigrations()) expect(names).toContain(m.name);
    expect(await applyMigrations(db)).toEqual([]);
  });

  it("creates the id constraints and an online full-text index", async () => {
    const constraints = await db.read(cypher("test.constraints", "SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type RETURN *"));
    const unique = constraints.filter((c) => c.type === "UNIQUENESS" && (c.properties as string[])[0] === "id");
    expect(unique.map((c) => (c.labelsOrTypes as string[])[0])).toEqual(
      expect.arrayContaining(["Source", "Person", "Inspection", "Finding", "Theme", "Organisation"]),
    );
    expect(await searchIndex()).toEqual({ state: "ONLINE", analyzer: "english" });
  });

  it("upgrades a database at 003 to the English full-text index, online before the first search", async () => {
    // Back to the state 003 left: search_text as 002 made it (standard analyzer), 004 not recorded.
    // Un-record 004 first: should a step below fail, the next applyMigrations re-creates the index.
    await db.write(cypher("test.unrecord004", "MATCH (m:Migration {name: '004_fulltext_english.cypher'}) DELETE m"));
    await db.write(cypher("test.dropSearchText", "DROP INDEX search_text IF EXISTS"));
    const fulltext002 = readMigrations().find((m) => m.name === "002_fulltext.cypher")!;
    for (const statement of fulltext002.statements) await db.write(cypher("test.replay002", statement));
    await db.read(cypher("test.awaitIndexes", "CALL db.awaitIndexes(120)"));
    expect(await searchIndex()).toEqual({ state: "ONLINE", analyzer: "standard-no-stop-words" });
    expect(await searchIds("drift")).not.toContain("finding:swindon-2023-plans-drift");

    expect(await applyMigrations(db)).toEqual(["004_fulltext_english.cypher"]);
    // No waiting here: applyMigrations ends with db.awaitIndexes (on a graph this small, population is near instant).
    expect(await searchIndex()).toEqual({ state: "ONLINE", analyzer: "english" });
    expect(await searchIds("drift")).toContain("finding:swindon-2023-plans-drift");
    expect(await applyMigrations(db)).toEqual([]);
  });

  it("applies a new file once, and refuses one edited after it was applied", async () => {
    const file = path.join(tempDir, NAME);
    fs.writeFileSync(file, "CREATE RANGE INDEX migration_probe IF NOT EXISTS FOR (n:Probe) ON (n.x);\n");
    expect(await applyMigrations(db, tempDir)).toEqual([NAME]);
    expect(await applyMigrations(db, tempDir)).toEqual([]);
    fs.appendFileSync(file, "// edited\n");
    await expect(applyMigrations(db, tempDir)).rejects.toThrow(/was changed after it was applied/);
  });
});
