/** Augmenting records: folded into their base (in the import or the graph), sharpening, adding evidence, refusing contradictions. */
import { describe, expect, it } from "vitest";
import { foldAugments, foldAugmentsWith, sharpen } from "../../src/bundles/augment.js";
import { BundleError, bundleFromValue } from "../../src/bundles/readBundle.js";
import { matchThemes } from "../../src/ingest/themeCues.js";

const NEWS = { source: "source:news", quote: "the inspection of 2014" };
const REPORT = { source: "source:report", quote: "Inspection dates: 11 March – 2 April 2014", locator: "page 1" };
const base = {
  id: "inspection:x-2014", kind: "INSPECTION", status: "HELD", authority: "org:x", by: "org:ofsted", start: "2014",
  evidence: [NEWS], note: "Only the year is known.",
};
const augment = {
  id: "inspection:x-2014", kind: "SIF", status: "HELD", authority: "org:x", by: "org:ofsted", start: "2014-03-11", end: "2014-04-02",
  leadInspector: "person:inspector-a", evidence: [REPORT], augments: true,
};

function fold(inspections: object[], graph: Map<string, Record<string, unknown>> = new Map()) {
  const loaded = bundleFromValue({ inspections }, "test.json");
  foldAugmentsWith(loaded, graph);
  return loaded.bundle.inspections;
}

describe("folding augmenting records", () => {
  it("merges into the base in the same import: one record, both sources' evidence, sharper dates, the framework named", () => {
    const [merged, ...rest] = fold([base, augment]);
    expect(rest).toEqual([]);
    expect(merged).toMatchObject({ id: base.id, kind: "SIF", start: "2014-03-11", end: "2014-04-02", leadInspector: "person:inspector-a", note: base.note });
    expect(merged!.evidence).toEqual([NEWS, REPORT]);
    expect(merged).not.toHaveProperty("augments");
  });

  it("folds in either order, and into a base read from the graph", async () => {
    expect(fold([augment, base])).toEqual(fold([base, augment]));
    const loaded = bundleFromValue({ inspections: [augment] }, "test.json");
    await foldAugments(loaded, async (ids) => new Map(ids.map((id) => [id, { ...base, id }])));
    expect(loaded.bundle.inspections).toEqual(fold([base, augment]));
  });

  it("replaces the base's evidence from the augmenting record's own sources, so a re-read report updates its quotes", () => {
    const stale = { ...base, evidence: [NEWS, { source: "source:report", quote: "an old reading" }] };
    expect(fold([stale, augment])[0]!.evidence).toEqual([NEWS, REPORT]);
  });

  it("refuses, with file and path, a base that is nowhere and an augmenting record that contradicts its base", () => {
    const problems = (inspections: object[]) => {
      try {
        fold(inspections);
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(BundleError);
        return (error as BundleError).problems.map((p) => `${p.file} ${p.path}: ${p.message}`);
      }
    };
    expect(problems([augment])).toEqual([`test.json $.inspections[0]: augments "inspection:x-2014", which is neither in the import nor in the graph`]);
    expect(problems([base, { ...augment, start: "2015-01-05" }])[0]).toMatch(/contradicts it: start 2015-01-05 is not within 2014/);
    expect(problems([{ ...base, kind: "ILACS_STANDARD" }, augment])[0]).toMatch(/kind SIF is not ILACS_STANDARD/);
    expect(problems([base, { ...augment, authority: "org:y" }])[0]).toMatch(/authority org:y is not org:x/);
  });

  it("refuses an augmenting finding that gives a finding of a review an inspection as well", () => {
    const finding = { id: "finding:x-1", review: "review:x", kind: "WEAKNESS", polarity: "NEGATIVE", summary: "Plans drift.", evidence: [NEWS] };
    const loaded = bundleFromValue({ findings: [finding, { ...finding, review: undefined, inspection: "inspection:x-2014", evidence: [REPORT], augments: true }] }, "test.json");
    expect(() => foldAugmentsWith(loaded, new Map())).toThrow(/one event only, not both inspection and review/);
  });
});

describe("sharpen", () => {
  it("keeps the more precise of two partial dates when one lies within the other, else null", () => {
    expect(sharpen("2019", "2019-07-01")).toBe("2019-07-01");
    expect(sharpen("2019-07-01", "2019-07")).toBe("2019-07-01");
    expect(sharpen("2019-07-01", "2019-07-01")).toBe("2019-07-01");
    expect(sharpen("2019-06", "2019-07-01")).toBeNull();
  });
});

describe("theme cues", () => {
  it("tags a text with every theme whose cue it contains and says which words matched", () => {
    const { themes, cues } = matchThemes("Ensure that return home interviews are offered to children who go missing, and that the MASH responds promptly.");
    expect(themes).toEqual(expect.arrayContaining(["theme:exploitation-and-missing", "theme:front-door", "theme:timeliness-of-response"]));
    expect(cues).toContain('theme:front-door: "mash"');
    expect(cues).toHaveLength(themes.length);
    expect(matchThemes("The weather was fine.").themes).toEqual([]);
  });
});
