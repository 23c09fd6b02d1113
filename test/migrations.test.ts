import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cypher, type Database } from "../src/db/gateway.js";
import { applyMigrations, readMigrations, splitStatements } from "../src/db/migrations.js";
import { connectTestDb } from "./support/harness.js";

let db: Database;
const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "csg-migrations-"));
const NAME = `900_test_${Date.now()}.cypher`;

beforeAll(async () => {
  db = await connectTestDb();
});
afterAll(async () => {
  await db.write(cypher("test.cleanup", "MATCH (m:Migration {name: $name}) DELETE m"), { name: NAME });
  await db.write(cypher("test.dropIndex", "DROP INDEX migration_probe IF EXISTS"));
  await db.close();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

describe("migrations", () => {
  it("splits files into statements, dropping comments", () => {
    expect(splitStatements("// c\nCREATE A;\nCREATE B;\n")).toEqual(["CREATE A", "CREATE B"]);
  });

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
    const [fulltext] = await db.read(
      cypher("test.fulltext", "SHOW FULLTEXT INDEXES YIELD name, state WHERE name = 'search_text' RETURN state"),
    );
    expect(fulltext?.state).toBe("ONLINE");
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
