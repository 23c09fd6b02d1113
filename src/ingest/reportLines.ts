/**
 * A report's body as one stream of lines, each with its page: page numbers and the running headers and
 * footers (lines printed on most pages, such as "Inspection of Swindon Borough Council local authority
 * children's services") removed, so a paragraph or list item that crosses a page reads as one.
 */
import type { PdfText } from "./pdfText.js";

export type Line = { text: string; page: number };

/** Lines printed on at least this share of pages (and on three or more) are running headers or footers. */
const RUNNING_SHARE = 0.4;

export function bodyLines(text: PdfText): Line[] {
  // A running header may end with the page number: "Norfolk County Council Inspection of … services 6".
  const key = (line: string) => line.replace(/\s*\d{1,3}$/, "");
  const pagesWith = new Map<string, number>();
  for (const page of text.pages) for (const line of new Set(page.map(key))) pagesWith.set(line, (pagesWith.get(line) ?? 0) + 1);
  const running = (line: string) => {
    const count = pagesWith.get(key(line)) ?? 0;
    return count >= 3 && count >= text.pages.length * RUNNING_SHARE;
  };
  const lines: Line[] = [];
  text.pages.forEach((page, index) => {
    for (const raw of page) {
      const line = raw.replace(/\s+/g, " ").trim();
      if (!line || /^\d{1,3}$/.test(line) || running(raw)) continue;
      lines.push({ text: line, page: index + 1 });
    }
  });
  return lines;
}

/** Joins wrapped lines: a word hyphenated at a line end ("decision-" + "making") keeps its hyphen, no space. */
export function joinLines(parts: string[]): string {
  return parts.reduce((joined, part) => (joined === "" ? part : /[-–]$/.test(joined) && /^[a-z]/.test(part) ? joined + part : `${joined} ${part}`), "");
}

/** The first `max` words of a text (a verbatim prefix), and whether it was cut. */
export function firstWords(text: string, max: number): { words: string; cut: boolean } {
  const words = text.split(/\s+/).filter(Boolean);
  return { words: words.slice(0, max).join(" "), cut: words.length > max };
}
