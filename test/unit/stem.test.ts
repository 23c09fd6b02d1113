/** The English stemmer and stop-word rules that search snippets use to mark matched words (pure; the index check is in integration/searchTerms). */
import { describe, expect, it } from "vitest";
import { englishTerm, porterStem } from "../../src/domains/search/stem.js";

describe("porterStem", () => {
  it("gives Porter's published stems", () => {
    const cases: Record<string, string> = {
      caresses: "caress", ponies: "poni", ties: "ti", caress: "caress", cats: "cat", feed: "feed", agreed: "agre",
      plastered: "plaster", motoring: "motor", sing: "sing", conflated: "conflat", troubled: "troubl", sized: "size",
      hopping: "hop", falling: "fall", hissing: "hiss", fizzed: "fizz", failing: "fail", filing: "file", happy: "happi",
      sky: "sky", relational: "relat", conditional: "condit", rational: "ration", generalizations: "gener",
      oscillators: "oscil", effective: "effect", replacement: "replac", adjustment: "adjust", dependent: "depend",
      adoption: "adopt", communism: "commun", controlling: "control", roll: "roll", cease: "ceas", rate: "rate",
      goodness: "good", hopeful: "hope", electrical: "electr", allowance: "allow", inference: "infer", revival: "reviv",
    };
    for (const [word, stem] of Object.entries(cases)) expect(porterStem(word), word).toBe(stem);
  });

  it("joins the inflections researchers search for: -s/-es, -ing, -ed, -ly, -ation(s)", () => {
    const groups = [
      ["drift", "drifts", "drifting", "drifted"],
      ["inspection", "inspections", "inspected", "inspects", "inspecting"],
      ["plan", "plans", "planning", "planned"],
      ["family", "families"],
      ["recur", "recurring", "recurs", "recurred"],
      ["consistent", "consistently"],
      ["recommendation", "recommendations", "recommend", "recommended"],
      ["improve", "improved", "improving", "improvement", "improvements"],
    ];
    for (const group of groups) expect(new Set(group.map(porterStem)), group.join()).toHaveProperty("size", 1);
    // Short words are left alone, as Lucene leaves them.
    expect(porterStem("is")).toBe("is");
    // Where Porter keeps forms apart, so do we: the index would not match them either.
    expect(porterStem("recurrence")).not.toBe(porterStem("recurring"));
    expect(porterStem("careers")).not.toBe(porterStem("care"));
  });
});

describe("englishTerm", () => {
  it("drops the possessive, lowercases, and gives null for stop words", () => {
    expect(englishTerm("Children's")).toBe("children");
    expect(englishTerm("Swindon’s")).toBe("swindon");
    expect(englishTerm("Drifting")).toBe("drift");
    for (const word of ["The", "and", "OF", "not"]) expect(englishTerm(word), word).toBeNull();
  });
});
