/** Shared by the write-path test files: the synthetic bundle, importing as the test user, temp copies to edit. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../../src/config.js";
import { cypher, type Database } from "../../src/db/gateway.js";
import { NODE_SECTIONS } from "../../src/model/graphMapping.js";
import { importBundles, type ImportOptions } from "../../src/bundles/importBundle.js";
import { readBundles } from "../../src/bundles/readBundle.js";
import { SEEDS_DIR } from "./bundles.js";

export const SYNTHETIC = path.join(PROJECT_ROOT, "examples", "bundles", "synthetic-borough");
export const AUTHORITY = "org:synthetic-borough-council";
export const nodeIds = (dir: string) => {
  const { bundle } = readBundles([dir]);
  return NODE_SECTIONS.flatMap((s) => (bundle[s.section] as { id: string }[]).map((r) => r.id)).sort();
};
export const syntheticIds = nodeIds(SYNTHETIC);
export const swindonIds = nodeIds(path.join(SEEDS_DIR, "swindon"));

export const CHANGE_SET = cypher("test.importChangeSet", `
  MATCH (c:ChangeSet {id: $id}) OPTIONAL MATCH (c)-[t:TOUCHED]->(n)
  RETURN c.actor AS actor, c.role AS role, c.reason AS reason, c.via AS via, c.operation AS operation,
         c.summary AS summary, collect({id: n.id, change: t.change}) AS touched`);

/** One per test file: its temp folders (removed by restoreAfterFile) and helpers to import and edit copies. */
export function writePathKit() {
  const tempDirs: string[] = [];
  const tempDir = (prefix: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    tempDirs.push(dir);
    return dir;
  };
  const importAs = async (db: Database, targets: string[], extra: Partial<ImportOptions> = {}) => {
    return importBundles(db, targets, { actor: "test:import-export", role: "admin", reason: "testing the write path", ...extra });
  };
  /** A copy of the synthetic bundle in a temp folder, and a way to edit one of its files. */
  const syntheticCopy = (prefix: string) => {
    const dir = tempDir(prefix);
    for (const file of fs.readdirSync(SYNTHETIC)) fs.copyFileSync(path.join(SYNTHETIC, file), path.join(dir, file));
    const edit = (file: string, change: (json: any) => void) => {
      const json = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
      change(json);
      fs.writeFileSync(path.join(dir, file), JSON.stringify(json));
    };
    return { dir, edit };
  };
  return { tempDirs, tempDir, importAs, syntheticCopy };
}
