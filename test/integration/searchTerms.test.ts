/**
 * The English stemmer and stop words that snippets use to mark matched words: Porter's own examples,
 * our domain's words, and a check that they agree with the index for every word of the seed graph.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cypher, type Database } from "../../src/db/gateway.js";
import { SEARCH_FIELDS, TOKEN } from "../../src/domains/search/queries.js";
import { ENGLISH_STOP_WORDS, englishTerm } from "../../src/domains/search/stem.js";
import { LABEL_OF_SEARCH_TYPE } from "../../src/domains/search/types.js";
import { connectTestDb } from "../support/harness.js";

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

describe("englishTerm against the index", () => {
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
