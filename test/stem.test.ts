/**
 * The English stemmer and stop words that snippets use to mark matched words: Porter's own examples,
 * our domain's words, and a check that they agree with the index for every word of the seed graph.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cypher, type Database } from "../src/db/gateway.js";
import { SEARCH_FIELDS, TOKEN } from "../src/domains/search/queries.js";
import { ENGLISH_STOP_WORDS, englishTerm, porterStem } from "../src/domains/search/stem.js";
import { LABEL_OF_SEARCH_TYPE } from "../src/domains/search/types.js";
import { connectTestDb } from "./support/harness.js";

let db: Database;
beforeAll(async () => {
  db = await connectTestDb();
});
afterAll(() => db.close());

const STOP_WORDS = cypher(
  "test.englishStopWords",
  "CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer, stopwords WHERE analyzer = 'english' RETURN stopwords",
);
const SEARCHABLE_TEXT = cypher(
  "test.searchableText",
  "MATCH (n) WHERE any(label IN labels(n) WHERE label IN $labels) RETURN n.id AS id, properties(n) AS props",
);
// A /regexp/ query is not analysed: it finds the nodes whose index holds exactly that term.
const NODES_BY_TERM = cypher(
  "test.nodesByTerm",
  `UNWIND $terms AS term
   CALL db.index.fulltext.queryNodes('search_text', '/' + term + '/') YIELD node
   RETURN term, collect(node.id) AS ids`,
);

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

  it("has the stop words of Neo4j's english analyzer", async () => {
    const [row] = await db.read(STOP_WORDS);
    expect(new Set(row!.stopwords as string[])).toEqual(ENGLISH_STOP_WORDS);
  });

  it("gives, for every word of the seed graph, the term the index holds for it", async () => {
    const labels = Object.values(LABEL_OF_SEARCH_TYPE);
    const nodesByTerm = new Map<string, Set<string>>();
    for (const row of await db.read(SEARCHABLE_TEXT, { labels })) {
      const props = row.props as Record<string, unknown>;
      for (const field of SEARCH_FIELDS) {
        const value = props[field];
        if (typeof value !== "string") continue;
        for (const [word] of value.matchAll(TOKEN)) {
          const term = englishTerm(word);
          // "e.g." is one token to Lucene and two to us: only plain words are compared.
          if (term === null || !/^[\p{L}\p{N}]{2,}$/u.test(term)) continue;
          nodesByTerm.set(term, (nodesByTerm.get(term) ?? new Set()).add(row.id as string));
        }
      }
    }
    expect(nodesByTerm.size).toBeGreaterThan(500);
    const rows = await db.read(NODES_BY_TERM, { terms: [...nodesByTerm.keys()] });
    const found = new Map(rows.map((row) => [row.term as string, new Set(row.ids as string[])]));
    const wrong = [...nodesByTerm].filter(([term, ids]) => [...ids].some((id) => !found.get(term)?.has(id)));
    expect(wrong.map(([term]) => term)).toEqual([]);
  });
});
