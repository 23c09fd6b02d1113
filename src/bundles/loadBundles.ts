/**
 * Seeding: the project's seed bundles go through the same import as any bundle (validated whole, written
 * in one transaction with a ChangeSet when anything changed), skipped when the graph already holds
 * exactly these files.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { ChangeRecord } from "../audit/changeSets.js";
import { cypher, type Database } from "../db/gateway.js";
import { importLoaded } from "./importBundle.js";
import { readBundles } from "./readBundle.js";
import { countByLabel, type Progress } from "./writeBundle.js";

export type LoadResult = { files: string[]; records: number; written: boolean; counts: Record<string, number> };
export type Seeder = { actor: string; via: ChangeRecord["via"] };

/** The seed folders in load order: reference data first, then each authority's bundle. */
export function seedTargets(seedsDir: string): string[] {
  const folders = fs
    .readdirSync(seedsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => (a === "reference" ? -1 : b === "reference" ? 1 : a.localeCompare(b)));
  return folders.map((name) => path.join(seedsDir, name));
}

const SEED_STATE = cypher("seeds.state", "MATCH (s:SeedState {name: 'seeds'}) RETURN s.checksum AS checksum");
const RECORD_SEED_STATE = cypher(
  "seeds.recordState",
  "MERGE (s:SeedState {name: 'seeds'}) SET s.checksum = $checksum, s.loadedAt = datetime()",
);

function seedChecksum(targets: string[]): string {
  const hash = createHash("sha256");
  for (const target of targets) {
    for (const file of fs.readdirSync(target, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".json")).sort()) {
      hash.update(file).update(fs.readFileSync(path.join(target, file)));
    }
  }
  return hash.digest("hex");
}

/** Loads the seeds unless the graph already holds exactly these seed files. Returns null when skipped. */
export async function seedIfNeeded(
  db: Database,
  seedsDir: string,
  force = false,
  seeder: Seeder = { actor: "system:startup", via: "startup" },
  onProgress?: (progress: Progress) => void,
): Promise<LoadResult | null> {
  const targets = seedTargets(seedsDir);
  const checksum = seedChecksum(targets);
  const [state] = await db.read(SEED_STATE);
  if (!force && state?.checksum === checksum) return null;
  const result = await importLoaded(db, readBundles(targets), {
    actor: seeder.actor,
    role: "admin",
    reason: "Load the project's seed bundles (seeds/)",
    via: seeder.via,
    operation: `seed ${path.basename(seedsDir)}`,
    onProgress,
  });
  await db.write(RECORD_SEED_STATE, { checksum });
  return { files: result.files, records: result.records, written: result.written, counts: await countByLabel(db) };
}
