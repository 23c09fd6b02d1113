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

  it("rejects a finding with no event, or with two", async () => {
    await expectRejected((f) => delete (f["b.json"].findings[0] as { inspection?: string }).inspection, {
      file: "b.json", path: "$.findings[0].inspection", message: /an inspection, a review or a meeting/,
    });
    await expectRejected((f) => Object.assign(f["b.json"].findings[0]!, { review: "review:test-valid-review" }), {
      file: "b.json", path: "$.findings[0].review", message: /one event only, not both inspection and review/,
    });
  });

  it("accepts a finding of a review, and checks what the review refers to", async () => {
    const withReview = (mutate: (review: Record<string, unknown>) => void = () => {}) => (f: Files) => {
      const review: Record<string, unknown> = {
        id: "review:test-valid-review", kind: "INDEPENDENT_REVIEW", title: "Review", authority: "org:test-valid-council",
        commissionedBy: ["org:test-valid-council"], published: "2025-03", evidence: [QUOTE],
      };
      mutate(review);
      (f["a.json"] as Record<string, unknown>).reviews = [review];
      const finding = f["b.json"].findings[0] as { inspection?: string; review?: string };
      delete finding.inspection;
      finding.review = "review:test-valid-review";
    };
    const files = validBundle();
    withReview()(files);
    await expect(validateBundle(readBundles([writeTempBundle(files)]), knownIds)).resolves.toBeUndefined();
    await expectRejected(withReview((r) => (r.by = ["inspection:test-valid-ilacs"])), {
      file: "a.json", path: "$.reviews[0].by[0]", message: /must refer to Organisation or Person, not Inspection/,
    });
  });

  it("checks bounded dates: a date or its bounds, some day left, the end after the start", async () => {
    const occupancy = (dates: Record<string, string>) => (f: Files) => {
      Object.assign(f["a.json"], {
        posts: [{ id: "post:test-dcs", title: "DCS", role: "DCS", organisation: "org:test-valid-council" }],
        people: [{ id: "person:test-dcs", name: "A Person", unnamed: false, description: "Test." }],
        occupancies: [{ id: "occupancy:test-dcs", person: "person:test-dcs", post: "post:test-dcs", status: "UNKNOWN", ...dates, evidence: [QUOTE] }],
      });
    };
    const files = validBundle();
    occupancy({ startBefore: "2020", endAfter: "2021-03" })(files);
    await expect(validateBundle(readBundles([writeTempBundle(files)]), knownIds)).resolves.toBeUndefined();
    await expectRejected(occupancy({ start: "2019", startBefore: "2020" }), { file: "a.json", path: "$.occupancies[0].startBefore", message: /give start or its bounds/ });
    await expectRejected(occupancy({ endAfter: "2021", endBefore: "2021-06" }), { file: "a.json", path: "$.occupancies[0].endBefore", message: /leaves no day/ });
    // Adjacent: after 2020 and before 2021 leaves no day either; after 2020 and before 2021-02 leaves January.
    await expectRejected(occupancy({ startAfter: "2020", startBefore: "2021" }), { file: "a.json", path: "$.occupancies[0].startBefore", message: /leaves no day/ });
    const january = validBundle();
    occupancy({ startAfter: "2020", startBefore: "2021-02" })(january);
    await expect(validateBundle(readBundles([writeTempBundle(january)]), knownIds)).resolves.toBeUndefined();
    await expectRejected(occupancy({ startAfter: "2022", endBefore: "2022-06" }), { file: "a.json", path: "$.occupancies[0]", message: /must end after it starts/ });
    await expectRejected(occupancy({ start: "2022-05", endBefore: "2022-05" }), { file: "a.json", path: "$.occupancies[0]", message: /must end after it starts/ });
  });

  it("checks identities: not with itself, one each, no cycles, the placeholder pointing at the named record", async () => {
    const identities = (pairs: [string, string][], unnamed = "person:test-b") => (f: Files) => {
      Object.assign(f["a.json"], {
        people: ["person:test-a", "person:test-b", "person:test-c"].map((id) => ({
          id, name: id === unnamed ? null : id, unnamed: id === unnamed, description: "Test.",
        })),
        identities: pairs.map(([person, sameAs]) => ({ person, sameAs, evidence: [QUOTE] })),
      });
    };
    const files = validBundle();
    identities([["person:test-b", "person:test-a"], ["person:test-c", "person:test-a"]])(files);
    await expect(validateBundle(readBundles([writeTempBundle(files)]), knownIds)).resolves.toBeUndefined();
    await expectRejected(identities([["person:test-a", "person:test-a"]]), { file: "a.json", path: "$.identities[0].sameAs", message: /with itself/ });
    await expectRejected(identities([["person:test-c", "person:test-a"], ["person:test-c", "person:test-b"]], "none"), {
      file: "a.json", path: "$.identities[1].person", message: /already identified with "person:test-a"/,
    });
    await expectRejected(identities([["person:test-a", "person:test-c"], ["person:test-c", "person:test-a"]], "none"), {
      file: "a.json", path: "$.identities[0]", message: /cycle/,
    });
    await expectRejected(identities([["person:test-a", "person:test-b"]]), {
      file: "a.json", path: "$.identities[0]", message: /identify the unnamed placeholder with the named record/,
    });
  });
});
