/**
 * Snippets are made here rather than by Lucene (Neo4j's full-text procedures return no highlights):
 * the first field, in SEARCH_FIELDS order, where a query token starts a word, cut around its first
 * match; every match inside the cut is marked **so**.
 */
import { SEARCH_FIELDS, type SearchTerm } from "./queries.js";

export type Snippet = { field: string; snippet: string };

const BEFORE = 40;
const AFTER = 80;
const WORD_CHAR = "[\\p{L}\\p{N}]";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One pattern for all tokens: a whole word, or for a prefix term any word starting with it. */
function patternFor(terms: SearchTerm[]): RegExp | null {
  const parts = terms.flatMap((term) =>
    term.tokens.map((token) => `${escapeRegExp(token)}${term.prefix ? `${WORD_CHAR}*` : `(?!${WORD_CHAR})`}`),
  );
  if (parts.length === 0) return null;
  return new RegExp(`(?<!${WORD_CHAR})(?:${parts.join("|")})`, "giu");
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

function cut(text: string, from: number, to: number, marked: string): string {
  return `${from > 0 ? "…" : ""}${marked}${to < text.length ? "…" : ""}`;
}

/** The snippet of a hit: its first matching field, or (when the analyzer matched what we cannot see) its first text. */
export function snippetOf(props: Record<string, unknown>, terms: SearchTerm[]): Snippet {
  const pattern = patternFor(terms);
  const texts = SEARCH_FIELDS.flatMap((field) => {
    const value = props[field];
    return typeof value === "string" && value.trim() !== "" ? [{ field, text: value }] : [];
  });
  for (const { field, text } of texts) {
    if (!pattern) break;
    pattern.lastIndex = 0;
    const match = pattern.exec(text);
    if (!match) continue;
    const { from, to } = window(text, match.index, match.index + match[0].length);
    // Windows start at a word's start, so the lookbehind still sees word boundaries inside the slice.
    const marked = text.slice(from, to).replace(pattern, "**$&**");
    return { field, snippet: cut(text, from, to, marked) };
  }
  const first = texts[0];
  if (!first) return { field: "", snippet: "" };
  const { from, to } = window(first.text, 0, 0);
  return { field: first.field, snippet: cut(first.text, from, to, first.text.slice(from, to)) };
}
