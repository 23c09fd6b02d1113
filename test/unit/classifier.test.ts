/**
 * The sentence classifiers on sentences written for the test (no PDFs): polarity with negation, clause weight
 * and phrases that only look evaluative; every decision explained by its cues; sentences split where a
 * sentence ends and not after "e.g.".
 */
import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/ingest/judgementSentences.js";
import { classifyPolarity } from "../../src/ingest/polarity.js";
import { matchThemes } from "../../src/ingest/themeCues.js";

const polarity = (sentence: string) => classifyPolarity(sentence).polarity;

describe("polarity", () => {
  it("reads strengths, weaknesses and plain description", () => {
    expect(polarity("Assessments are timely and thorough.")).toBe("STRENGTH");
    expect(polarity("Too many children experience changes of social worker.")).toBe("WEAKNESS");
    expect(polarity("The local authority has 200 health staff in its early help teams.")).toBe("OBSERVATION");
  });

  it("negates a strength that follows a negation in the same part of the clause", () => {
    expect(polarity("Plans are not always complete or consistently matched to children's needs.")).toBe("WEAKNESS");
    expect(polarity("Supervision is insufficiently robust.")).toBe("WEAKNESS");
    // "not in education, training or employment" names a group of young people; it is not a negation.
    expect(polarity("Those who are not in education, training or employment are helped effectively.")).toBe("STRENGTH");
  });

  it("reads a double negative as a strength, and a verb as no praise", () => {
    const none = classifyPolarity("No child has experienced an adoption disruption within the last year.");
    expect(none.polarity).toBe("STRENGTH");
    expect(none.cues.at(-1)).toMatch(/double negative/);
    // "experienced" praises staff ("experienced social workers"), not what children went through.
    expect(polarity("Some children have experienced significant issues with their emotional well-being.")).toBe("OBSERVATION");
    expect(polarity("Children are supported by experienced social workers.")).toBe("STRENGTH");
  });

  it("lets the main clause decide a mixed sentence", () => {
    expect(polarity("While some children receive good services, for most the support is poor and inconsistent.")).toBe("WEAKNESS");
    expect(polarity("Although a few plans are weak, most children are well supported and plans are clear.")).toBe("STRENGTH");
    expect(polarity("Managers are committed and visible; however, supervision is not regular.")).toBe("WEAKNESS");
    expect(polarity("Leaders work relentlessly to improve practice despite high turnover.")).toBe("STRENGTH");
  });

  it("explains itself: each counted cue, its sign, and where it was", () => {
    const result = classifyPolarity("While checks are thorough, decisions are made without all information.");
    expect(result.cues).toEqual(['polarity strength "thorough"', 'polarity weakness "without" (negation, counts double) (main clause)']);
    expect(result.score).toBe(1 - 4);
  });
});

describe("themes of a sentence", () => {
  it("tags what a sentence is about, with the words that matched", () => {
    const { themes, cues } = matchThemes("Children at risk of exploitation are seen alone and return home interviews are completed.");
    expect(themes).toEqual(expect.arrayContaining(["theme:exploitation-and-missing", "theme:voice-of-the-child"]));
    expect(cues).toContain('theme:exploitation-and-missing: "exploitation"');
  });

  it("does not take a passing word for a theme", () => {
    expect(matchThemes("Most children come into care in a planned and timely way.").themes).toEqual([]);
  });
});

describe("sentence splitting", () => {
  it("splits at sentence ends, keeping abbreviations and bracketed acronyms", () => {
    expect(splitSentences("Staff in the hub (MASH). They work well, e.g. with schools. Plans are clear.")).toEqual([
      "Staff in the hub (MASH).",
      "They work well, e.g. with schools.",
      "Plans are clear.",
    ]);
  });
});
