/** Invalid bundles are rejected whole, with file, JSON path and reason: shape and reference checks that need no graph. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BundleError, readBundles } from "../../src/bundles/readBundle.js";
import { validateBundle } from "../../src/bundles/validateBundle.js";
import { QUOTE, readSeeds, type Files, validBundle, writeTempBundle } from "../support/bundles.js";

/** References to data a bundle does not carry resolve against the committed seed bundles (the graph's reference data). */
const seedIds = new Set(Object.values(readSeeds()).flatMap((records) => (records as { id?: string }[]).map((r) => r.id).filter(Boolean) as string[]));
const knownIds = async (ids: string[]) => new Set(ids.filter((id) => seedIds.has(id)));

async function expectRejected(mutate: (files: Files) => void, expected: { file: string; path: string; message: RegExp }) {
  const files = validBundle();
  mutate(files);
  const dir = writeTempBundle(files);
  const error = await (async () => validateBundle(readBundles([dir]), knownIds))().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BundleError);
  const problems = (error as BundleError).problems;
  expect(problems).toContainEqual({ file: path.join(dir, expected.file), path: expected.path, message: expect.stringMatching(expected.message) });
  expect((error as Error).message).toContain(expected.path);
}

describe("bundle validation", () => {
  it("accepts the valid bundle, resolving a reference to reference data", async () => {
    await expect(validateBundle(readBundles([writeTempBundle(validBundle())]), knownIds)).resolves.toBeUndefined();
  });

  it("rejects a dangling reference", () =>
    expectRejected((f) => (f["b.json"].findings[0]!.themes = ["theme:no-such-theme"]), {
      file: "b.json", path: "$.findings[0].themes[0]", message: /"theme:no-such-theme" does not resolve to any Theme/,
    }));

  it("rejects a reference to the wrong kind of node", () =>
    expectRejected((f) => (f["b.json"].findings[0]!.inspection = "org:test-valid-council"), {
      file: "b.json", path: "$.findings[0].inspection", message: /must refer to Inspection, not Organisation/,
    }));

  it("rejects a bad enum value", () =>
    expectRejected((f) => (f["a.json"].inspections[0]!.kind = "SURPRISE_VISIT"), {
      file: "a.json", path: "$.inspections[0].kind", message: /Invalid enum value/,
    }));

  it("rejects an impossible date", () =>
    expectRejected((f) => (f["a.json"].inspections[0]!.start = "2025-02-30"), {
      file: "a.json", path: "$.inspections[0].start", message: /not a real calendar date/,
    }));

  it("accepts only web addresses as a source's url", async () => {
    for (const url of ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd"]) {
      await expectRejected((f) => ((f["a.json"].sources[0] as { url?: string }).url = url), {
        file: "a.json", path: "$.sources[0].url", message: /only http:\/\/ and https:\/\/ URLs/,
      });
    }
    const files = validBundle();
    (files["a.json"].sources[0] as { url?: string }).url = "https://www.gov.uk/government/organisations/ofsted";
    await expect(validateBundle(readBundles([writeTempBundle(files)]), knownIds)).resolves.toBeUndefined();
  });

  it("rejects a malformed date", () =>
    expectRejected((f) => (f["a.json"].sources[0]!.published = "March 2025"), {
      file: "a.json", path: "$.sources[0].published", message: /YYYY, YYYY-MM or YYYY-MM-DD/,
    }));

  it("rejects an overlong quote", () =>
    expectRejected(
      (f) => (f["b.json"].findings[0]!.evidence = [{ ...QUOTE, quote: Array.from({ length: 40 }, (_, i) => `word${i}`).join(" ") }]),
      { file: "b.json", path: "$.findings[0].evidence[0].quote", message: /at most 30 words/ },
    ));

  it("rejects a claim without evidence", () =>
    expectRejected((f) => (f["b.json"].findings[0]!.evidence = []), {
      file: "b.json", path: "$.findings[0].evidence", message: /at least one piece of evidence/,
    }));

  it("rejects a duplicate id across files", () =>
    expectRejected(
      (f) => ((f["b.json"] as Record<string, unknown>).organisations = [{ id: "org:test-valid-council", name: "Again", kind: "COUNCIL" }]),
      { file: "b.json", path: "$.organisations[0].id", message: /duplicate id "org:test-valid-council" \(first defined at .*a\.json \$\.organisations\[0\]\)/ },
    ));

  it("rejects an end before its start", () =>
    expectRejected((f) => Object.assign(f["a.json"].inspections[0]!, { end: "2025-01" }), {
      file: "a.json", path: "$.inspections[0].end", message: /end 2025-01 is before start 2025-02-03/,
    }));
});
