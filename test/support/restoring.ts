/**
 * For test files that write to the shared test database: connect before the file, and after it delete
 * what the file created, remove its temp folders, and check the graph is exactly as the file found it.
 */
import fs from "node:fs";
import { afterAll, beforeAll, expect } from "vitest";
import { cypher, type Database } from "../../src/db/gateway.js";
import { connectTestDb } from "./harness.js";
import { snapshot } from "./snapshot.js";

const DELETE_IDS = cypher("test.restoreDelete", "UNWIND $ids AS id MATCH (n {id: id}) DETACH DELETE n");

export function restoreAfterFile(createdIds: () => string[], tempDirs: string[], connected: (db: Database) => void): void {
  let db: Database;
  let initial: Awaited<ReturnType<typeof snapshot>>;
  beforeAll(async () => {
    db = await connectTestDb();
    connected(db);
    initial = await snapshot(db);
  });
  afterAll(async () => {
    await db.write(DELETE_IDS, { ids: createdIds() });
    // Other test files must see only the seeds again.
    expect(await snapshot(db)).toEqual(initial);
    await db.close();
    for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  });
}
