/** Read → validate whole → write in one transaction → count. Nothing is written unless all of it is valid. */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { cypher, type Database } from "../db/gateway.js";
import { readBundles } from "./readBundle.js";
import { validateBundle } from "./validateBundle.js";
import { countByLabel, writeBundle, type Progress } from "./writeBundle.js";
import { EXISTING_IDS } from "./writeQueries.js";

export type LoadResult = { files: string[]; records: number; counts: Record<string, number> };

export async function loadBundles(
  db: Database,
  targets: string[],
  options: { onProgress?: (progress: Progress) => void } = {},
): Promise<LoadResult> {
  const loaded = readBundles(targets);
  await validateBundle(loaded, async (ids) => {
    const rows = await db.read(EXISTING_IDS, { ids });
    return new Set(rows.map((row) => row.found as string));
  });
  await writeBundle(db, loaded.bundle, options);
  const records = Object.values(loaded.bundle).reduce((sum, list) => sum + list.length, 0);
  return { files: loaded.files, records, counts: await countByLabel(db) };
}

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
export async function seedIfNeeded(db: Database, seedsDir: string, force = false): Promise<LoadResult | null> {
  const targets = seedTargets(seedsDir);
  const checksum = seedChecksum(targets);
  const [state] = await db.read(SEED_STATE);
  if (!force && state?.checksum === checksum) return null;
  const result = await loadBundles(db, targets);
  await db.write(RECORD_SEED_STATE, { checksum });
  return result;
}
