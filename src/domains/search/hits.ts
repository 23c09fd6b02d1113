/**
 * The best hits of a search, best first and ties by id, read from as few of the index's hits as settle them.
 *
 * A common word matches thousands of nodes; ranking every one of them by score and id costs a read of each
 * node. The index can keep only its best few (Lucene's top hits), but among equal scores it keeps whichever
 * it met first, which differs between stores. So the page is first taken from the index's best `window` hits,
 * and kept only when it is provably the page of every hit: the index gave fewer than `window` (it gave all),
 * or the page is full and its last score is above the lowest in the window (every hit left out scores lower).
 * Otherwise every hit is ranked, from the page's last score down (nothing below it can be on the page).
 * A search in one authority ranks every hit among what belongs to it, in one query (SEARCH_IN_AUTHORITY).
 */
import type { Row } from "../../db/gateway.js";
import type { DbSession } from "../../db/session.js";
import type { Label } from "../../model/labels.js";
import { SEARCH, SEARCH_IN_AUTHORITY, SEARCH_TOP } from "./queries.js";

export type SearchInput = { query: string; labels: Label[] | null; first: number; authority: string | null };

// Enough of the index's best hits to settle most pages of real text, where equal scores come in small groups.
const MIN_WINDOW = 100;
const WINDOW_PER_HIT = 4;

/** `window`: how many of the index's best hits to try first (tests set it small, to cut more ties). */
export async function searchHits(session: DbSession, input: SearchInput, window = Math.max(MIN_WINDOW, input.first * WINDOW_PER_HIT)): Promise<Row[]> {
  // An authority's hits are a small share of the index's best: they would rarely fill a page from a window.
  if (input.authority !== null) return session.db.read(SEARCH_IN_AUTHORITY, input, session.counter);
  const [row] = await session.db.read(SEARCH_TOP, { ...input, window }, session.counter);
  const top = row as unknown as WindowPage;
  const floor = settled(top, input.first, window);
  if (floor === true) return top.page;
  const rows = await session.db.read(SEARCH, { ...input, floor }, session.counter);
  // Each read may be served by another cluster member, or follow a write, whose index scores a little
  // differently: a page cut short by the floor is read again whole. A full one is right whoever answered.
  if (floor !== null && rows.length < input.first) return session.db.read(SEARCH, { ...input, floor: null }, session.counter);
  return rows;
}

export type WindowPage = { fetched: number; floor: number | null; page: Row[] };

/** True when the window's page is the whole answer's; else the lowest score the whole answer's page can reach, if known. */
export function settled({ fetched, floor, page }: WindowPage, first: number, window: number): true | number | null {
  if (fetched < window) return true;
  if (page.length < first) return null;
  const last = page[first - 1]!.score as number;
  return last > (floor as number) ? true : last;
}
