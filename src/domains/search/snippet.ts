/**
 * Snippets are made here rather than by Lucene (Neo4j's full-text procedures return no highlights):
 * the first field, in SEARCH_FIELDS order, with a word the index matched, cut around that word; every
 * matched word inside the cut is marked **so**. A word matches as the English analyzer sees it: by
 * stem ("drifting" for "drift", "inspection" for "inspections"), never when it is a stop word.
 */
import { SEARCH_FIELDS, TOKEN, type SearchTerm } from "./queries.js";
import { englishTerm } from "./stem.js";

export type Snippet = { field: string; snippet: string };

const BEFORE = 40;
const AFTER = 80;

/** Whether a word of the text is one the query matched: same stem, or a stem starting with a prefix. */
function matcherFor(terms: SearchTerm[]): ((word: string) => boolean) | null {
  const stems = new Set<string>();
  const prefixes: string[] = [];
  for (const term of terms) {
    for (const token of term.tokens) {
      const stem = englishTerm(token);
      if (stem !== null) stems.add(stem);
      // Lucene compares a prefix with the index's stems, as typed (see parseTerms).
      if (term.prefix) prefixes.push(token);
    }
  }
  if (stems.size === 0 && prefixes.length === 0) return null;
  return (word) => {
    const stem = englishTerm(word);
    return stem !== null && (stems.has(stem) || prefixes.some((prefix) => stem.startsWith(prefix)));
  };
}

/** Where the matched words are in `text`, as [start, end) offsets. */
function matchesIn(text: string, matches: (word: string) => boolean): [number, number][] {
  return [...text.matchAll(TOKEN)].filter((m) => matches(m[0])).map((m) => [m.index, m.index + m[0].length]);
}

/** Cuts `text` to a window around [start, end), at spaces where it can, with ellipses where it cut. */
function window(text: string, start: number, end: number): { from: number; to: number } {
  let from = Math.max(0, start - BEFORE);
  let to = Math.min(text.length, end + AFTER);
  if (from > 0) {
    const space = text.indexOf(" ", from);
    if (space !== -1 && space < start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(" ", to);
    if (space > end) to = space;
  }
  return { from, to };
}

/** text[from, to) with ellipses where it was cut and the matches wholly inside it marked. */
function cut(text: string, from: number, to: number, ranges: [number, number][] = []): string {
  let marked = "";
  let at = from;
  for (const [start, end] of ranges) {
    if (start < from || end > to) continue;
    marked += `${text.slice(at, start)}**${text.slice(start, end)}**`;
    at = end;
  }
  marked += text.slice(at, to);
  return `${from > 0 ? "…" : ""}${marked}${to < text.length ? "…" : ""}`;
}

/** The snippet of a hit: its first matching field, or (when the analyzer matched what we cannot see) its first text. */
export function snippetOf(props: Record<string, unknown>, terms: SearchTerm[]): Snippet {
  const matches = matcherFor(terms);
  const texts = SEARCH_FIELDS.flatMap((field) => {
    const value = props[field];
    return typeof value === "string" && value.trim() !== "" ? [{ field, text: value }] : [];
  });
  for (const { field, text } of texts) {
    const ranges = matches ? matchesIn(text, matches) : [];
    const first = ranges[0];
    if (!first) continue;
    const { from, to } = window(text, first[0], first[1]);
    return { field, snippet: cut(text, from, to, ranges) };
  }
  const first = texts[0];
  if (!first) return { field: "", snippet: "" };
  const { from, to } = window(first.text, 0, 0);
  return { field: first.field, snippet: cut(first.text, from, to) };
}
