/** Loading the seeds again (forced) rewrites every record and changes nothing. It writes, so it runs with the writers. */
import { describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/gateway.js";
import { seedIfNeeded } from "../../../src/bundles/loadBundles.js";
import { SEEDS_DIR } from "../../support/bundles.js";
import { restoreAfterFile } from "../../support/restoring.js";
import { snapshot } from "../../support/snapshot.js";

let db: Database;
restoreAfterFile([], (connected) => (db = connected));

describe("seeds", () => {
  it("loading the seeds again changes nothing", async () => {
    const before = await snapshot(db);
    const result = await seedIfNeeded(db, SEEDS_DIR, true);
    expect(result?.records).toBeGreaterThan(100);
    expect(await snapshot(db)).toEqual(before);
  });
});
