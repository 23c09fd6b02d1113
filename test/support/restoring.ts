/**
 * The one way a test file that writes leaves the shared test graph as it found it: note every node id
 * before the file, and after it delete every node that was not there (audit records included), remove the
 * file's temp folders, and check the whole graph equals the snapshot taken before (repairing it, and
 * failing the file, when it does not). Files that write run one
 * at a time (the integration-writes and e2e projects), so "not there before" is exactly "made by this file".
 */
import fs from "node:fs";
import { afterAll, beforeAll, expect } from "vitest";
import { cypher, type Database } from "../../src/db/gateway.js";
import { seedIfNeeded } from "../../src/bundles/loadBundles.js";
import { SEEDS_DIR } from "./bundles.js";
import { connectTestDb } from "./harness.js";
import { snapshot } from "./snapshot.js";

const ALL_IDS = cypher("test.restore.allIds", "MATCH (n) WHERE n.id IS NOT NULL RETURN n.id AS id");
const DELETE_NEW = cypher("test.restore.deleteNew", "MATCH (n) WHERE n.id IS NOT NULL AND NOT n.id IN $before DETACH DELETE n");

export function restoreAfterFile(tempDirs: string[] = [], connected: (db: Database) => void = () => {}): void {
  let db: Database;
  let before: string[];
  let initial: Awaited<ReturnType<typeof snapshot>>;
  beforeAll(async () => {
    db = await connectTestDb();
    connected(db);
    before = (await db.read(ALL_IDS)).map((row) => row.id as string);
    initial = await snapshot(db);
  });
  afterAll(async () => {
    await db.write(DELETE_NEW, { before });
    for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
    // Other test files must see only the seeds again. A seed record this file changed fails it, and is
    // repaired by loading the seeds again (they state every property and owned edge in full).
    const after = await snapshot(db);
    if (JSON.stringify(after) !== JSON.stringify(initial)) await seedIfNeeded(db, SEEDS_DIR, true);
    expect(after).toEqual(initial);
    await db.close();
  });
}
