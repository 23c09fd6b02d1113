/** Reading the project's seed bundles in tests, and writing small bundles to temp folders. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../../src/config.js";
import { foldAugmentsWith } from "../../src/bundles/augment.js";
import { readBundles } from "../../src/bundles/readBundle.js";
import { seedTargets } from "../../src/bundles/loadBundles.js";

export const SEEDS_DIR = path.join(PROJECT_ROOT, "seeds");
/** The seed folders as one bundle, as the seed load sees it: the report records that augment news records folded in. */
export function readSeeds() {
  const loaded = readBundles(seedTargets(SEEDS_DIR));
  foldAugmentsWith(loaded);
  return loaded.bundle;
}

/** Writes each entry as a JSON file in a fresh temp folder and returns the folder. */
export function writeTempBundle(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "csg-bundle-"));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), JSON.stringify(content, null, 2));
  return dir;
}

export const QUOTE = { source: "source:test-valid-source", quote: "a short quote" };

/** A small valid bundle: references a theme from the reference data already in the graph. */
export function validBundle() {
  return {
    "a.json": {
      sources: [{ id: "source:test-valid-source", title: "Test", publisher: null, published: "2025-03", kind: "OTHER" }],
      organisations: [{ id: "org:test-valid-council", name: "Test Council", kind: "COUNCIL" }],
      inspections: [{
        id: "inspection:test-valid-ilacs", kind: "ILACS_STANDARD", status: "HELD", authority: "org:test-valid-council",
        by: "org:test-valid-council", start: "2025-02-03", evidence: [QUOTE],
      }],
    },
    "b.json": {
      findings: [{
        id: "finding:test-valid-finding", inspection: "inspection:test-valid-ilacs", kind: "WEAKNESS", polarity: "NEGATIVE",
        summary: "Plans drift.", themes: ["theme:drift-and-delay"], serviceAreas: [], evidence: [QUOTE],
      }],
    },
  };
}
export type Files = ReturnType<typeof validBundle>;
