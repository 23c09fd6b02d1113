/** Bundles against the real graph: a valid one is written with references into reference data; an invalid one writes nothing. (The validation rules themselves: unit/bundleValidation.) */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cypher, type Database } from "../../../src/db/gateway.js";
import { importBundles } from "../../../src/bundles/importBundle.js";
import { BundleError } from "../../../src/bundles/readBundle.js";
import { type Files, validBundle, writeTempBundle } from "../../support/bundles.js";
import { restoreAfterFile } from "../../support/restoring.js";
import { snapshot } from "../../support/snapshot.js";

let db: Database;
const WHO = { actor: "test:validation", role: "admin", reason: "testing bundle validation" };
restoreAfterFile([], (connected) => (db = connected));

async function expectRejected(mutate: (files: Files) => void, expected: { file: string; path: string; message: RegExp }) {
  const files = validBundle();
  mutate(files);
  const dir = writeTempBundle(files);
  const before = await snapshot(db);
  const error = await importBundles(db, [dir], WHO).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BundleError);
  const problems = (error as BundleError).problems;
  expect(problems).toContainEqual({ file: path.join(dir, expected.file), path: expected.path, message: expect.stringMatching(expected.message) });
  expect((error as Error).message).toContain(expected.path);
  expect(await snapshot(db)).toEqual(before);
}

describe("bundle validation", () => {
  it("accepts the valid bundle, resolving a reference to reference data already in the graph", async () => {
    const dir = writeTempBundle(validBundle());
    const result = await importBundles(db, [dir], WHO);
    expect(result.records).toBe(4);
    const [row] = await db.read(cypher("test.validTheme", "MATCH (:Finding {id: 'finding:test-valid-finding'})-[:EXEMPLIFIES]->(t:Theme) RETURN t.id AS id"));
    expect(row?.id).toBe("theme:drift-and-delay");
  });

  it("rejects an invalid bundle whole and leaves the graph as it was", () =>
    expectRejected((f) => (f["b.json"].findings[0]!.themes = ["theme:no-such-theme"]), {
      file: "b.json", path: "$.findings[0].themes[0]", message: /"theme:no-such-theme" does not resolve to any Theme/,
    }));
});
