/**
 * Search pages from the index's best hits (hits.ts) against the ranking of every hit: the same hits in the same
 * order for every text, size and type filter tried, whichever way each page was settled.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/gateway.js";
import { openSession } from "../../src/db/session.js";
import { searchHits, settled, type SearchInput } from "../../src/domains/search/hits.js";
import { luceneQuery, parseTerms, SEARCH } from "../../src/domains/search/queries.js";
import type { Label } from "../../src/model/labels.js";
import { connectTestDb } from "../support/harness.js";

let db: Database;
beforeAll(async () => {
  db = await connectTestDb();
});
afterAll(() => db.close());

const TEXTS = ["drift", "plans", "children care council", "director children services", "placement*", "social workers visits", "robbins", "zzzzqqq"];
const LABELS: (Label[] | null)[] = [null, ["Finding"], ["Post"], ["Person", "Organisation"]];

describe("search from the index's best hits", () => {
  it("gives every page exactly as ranking every hit would, settling most from the window and falling back on ties (small windows cut more)", async () => {
    const ways = { window: 0, fallback: 0, tooFew: 0 };
    for (const text of TEXTS) {
      for (const labels of LABELS) {
        for (const [first, window] of [[1, undefined], [3, undefined], [20, undefined], [50, undefined], [3, 4], [10, 12], [20, 30]] as const) {
          const input: SearchInput = { query: luceneQuery(parseTerms(text)), labels, first, authority: null };
          const session = openSession(db);
          const hits = await searchHits(session, input, window);
          const every = await db.read(SEARCH, { ...input, floor: null });
          const label = `${text} ${labels} ${first} ${window}`;
          expect(hits.map((h) => [h.id, h.score]), label).toEqual(every.map((h) => [h.id, h.score]));
          expect(hits.map((h) => h.props), label).toEqual(every.map((h) => h.props));
          if (session.counter.names.length === 1) ways.window += 1;
          else if (hits.length < first) ways.tooFew += 1;
          else ways.fallback += 1;
        }
      }
    }
    // Each way was taken, so each was checked: pages the window settled, full pages cut inside a tie, short answers.
    expect(ways.window).toBeGreaterThan(20);
    expect(ways.fallback).toBeGreaterThan(0);
    expect(ways.tooFew).toBeGreaterThan(0);
  });

  it("an authority's search ranks every hit at once", async () => {
    const session = openSession(db);
    const input: SearchInput = { query: "plans", labels: null, first: 5, authority: "org:swindon-borough-council" };
    expect((await searchHits(session, input)).length).toBe(5);
    expect(session.counter.names).toEqual(["search.inAuthority"]);
  });
});

describe("settled", () => {
  const hit = (score: number) => ({ id: `x:${score}`, score });
  const top = (fetched: number, floor: number | null, scores: number[]) => ({ fetched, floor, page: scores.map(hit) });
  it("keeps a window's page when the index gave fewer hits than asked (none at all too), or the page ends above the window's lowest score", () => {
    expect(settled(top(3, 1, [2]), 5, 100)).toBe(true);
    expect(settled(top(0, null, []), 5, 100)).toBe(true);
    expect(settled(top(100, 1, [3, 2]), 2, 100)).toBe(true);
  });
  it("falls back from the page's last score when a tie crosses the window's edge, from the bottom when the page is short", () => {
    expect(settled(top(100, 2, [3, 2]), 2, 100)).toBe(2);
    expect(settled(top(100, 2, [3]), 2, 100)).toBeNull();
    expect(settled(top(100, 2, []), 2, 100)).toBeNull();
  });
});
