/**
 * Applies cypher/migrations/*.cypher in file-name order, once each: an applied file is recorded as a
 * (:Migration {name, checksum}) node, and a re-run applies nothing new. A recorded file whose text
 * changed is refused rather than silently re-applied.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../config.js";
import { cypher, type Database } from "./gateway.js";

export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, "cypher", "migrations");

const ENSURE_MIGRATION_CONSTRAINT = cypher(
  "migrations.ensureConstraint",
  "CREATE CONSTRAINT migration_name IF NOT EXISTS FOR (m:Migration) REQUIRE m.name IS UNIQUE",
);
const APPLIED = cypher("migrations.applied", "MATCH (m:Migration) RETURN m.name AS name, m.checksum AS checksum");
const RECORD = cypher(
  "migrations.record",
  "MERGE (m:Migration {name: $name}) SET m.checksum = $checksum, m.appliedAt = datetime()",
);
const AWAIT_INDEXES = cypher("migrations.awaitIndexes", "CALL db.awaitIndexes(120)");

export type MigrationFile = { name: string; checksum: string; statements: string[] };

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".cypher"))
    .sort()
    .map((name) => {
      const text = fs.readFileSync(path.join(dir, name), "utf8");
      return { name, checksum: createHash("sha256").update(text).digest("hex"), statements: splitStatements(text) };
    });
}

/** Statements are separated by ';' at line ends; '//' comment lines are dropped. */
export function splitStatements(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n")
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function applyMigrations(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  await db.write(ENSURE_MIGRATION_CONSTRAINT);
  const applied = new Map((await db.read(APPLIED)).map((row) => [row.name as string, row.checksum as string]));
  const newlyApplied: string[] = [];
  for (const migration of readMigrations(dir)) {
    const recorded = applied.get(migration.name);
    if (recorded !== undefined) {
      if (recorded !== migration.checksum) {
        throw new Error(`Migration ${migration.name} was changed after it was applied; add a new file instead`);
      }
      continue;
    }
    // Schema commands cannot share a transaction with writes, so each runs on its own.
    for (const [index, statement] of migration.statements.entries()) {
      await db.write(cypher(`migration:${migration.name}#${index + 1}`, statement));
    }
    await db.write(RECORD, { name: migration.name, checksum: migration.checksum });
    newlyApplied.push(migration.name);
  }
  await db.read(AWAIT_INDEXES);
  return newlyApplied;
}
