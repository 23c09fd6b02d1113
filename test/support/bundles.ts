/** Reading the project's seed bundles in tests, and writing small bundles to temp folders. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../../src/config.js";
import { readBundles } from "../../src/bundles/readBundle.js";
import { seedTargets } from "../../src/bundles/loadBundles.js";

export const SEEDS_DIR = path.join(PROJECT_ROOT, "seeds");
export const readSeeds = () => readBundles(seedTargets(SEEDS_DIR)).bundle;

/** Writes each entry as a JSON file in a fresh temp folder and returns the folder. */
export function writeTempBundle(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "csg-bundle-"));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), JSON.stringify(content, null, 2));
  return dir;
}
