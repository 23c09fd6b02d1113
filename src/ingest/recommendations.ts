/**
 * The recommendations of a report: every item under "What needs to improve?", "What does the local authority
 * need to improve?", "Recommendations", "Areas for improvement" and the priority actions, in order, with the
 * sub-heading it sits under (e.g. "Priority and immediate action", "Within three months", "Care leavers"),
 * its printed paragraph number where it has one, the page it starts on, and its sub-items as items of their own.
 */
import { bodyLines, joinLines, type Line } from "./reportLines.js";
import type { PdfText } from "./pdfText.js";

export type Recommendation = {
  /** 1-based position among the report's recommendations (sub-items share their parent's). */
  ordinal: number;
  /** 1-based position under the parent, for a sub-item; null for a top-level item. */
  subItem: number | null;
  text: string;
  page: number;
  /** The section heading as printed, and the sub-heading inside it if any. */
  section: string;
  group: string | null;
  /** The printed paragraph number ("27."), when items are numbered. */
  paragraph: number | null;
  /** Whether it sits in the review of the Local Safeguarding Children Board (SIF reports). */
  lscb: boolean;
};

const SECTION = /^(What needs to improve\??|What does the (?:local authority|Local Authority) need to improve\??|Recommendations|Areas for (?:priority action|improvement|Improvement)|Priority and immediate action)\s*:?$/;
/** Bullets as printed, including the private-use glyphs of symbol fonts (U+F0B7, U+F06E…). */
const BULLET = /^[◼•▪■●◦\u2022\u25aa\u2023\u2043\ue000-\uf8ff]\s*/;
const NUMBERED = /^(\d{1,3})\.\s+(?=\S)/;
/** Where the review of the LSCB begins (not its line in the contents, which ends with a page number). */
const LSCB_SECTION = /^(?:Section 2:? The effectiveness of the local safeguarding|Review of the effectiveness of the Local Safeguarding Children Board)(?!.*\d$)/i;
/** Headings after which a report's numbered paragraphs are findings, not recommendations. */
const STOP = /^(?:Key (?:strengths|findings)|Summary|Information about|Inspection judgements?|The experiences and progress|The impact of leaders|Overall effectiveness|What the inspection|Section \d|Leadership, management|Children who need help|Children looked after and|The (?:effectiveness|LSCB|Board)|Local Safeguarding|Executive summary|Inspection findings|Progress since)/i;
/** An item that only introduces the list after it, or says there is nothing to list. */
const NOT_AN_ITEM = /(?:following (?:actions?|recommendations?)[.:]?$|:$|did not (?:find|identify) any|no areas for priority)/i;

const isItemStart = (line: string) => BULLET.test(line) || NUMBERED.test(line);
const ended = (text: string) => /[.;:!?]$/.test(text) || /[.;:]['’”)]$/.test(text);

type Open = { parts: string[]; page: number; paragraph: number | null; bullet: boolean; subItems: Open[] };

export function readRecommendations(text: PdfText): Recommendation[] {
  const lines = bodyLines(text);
  const found: Recommendation[] = [];
  let inLscb = false;
  for (let i = 0; i < lines.length; i++) {
    if (LSCB_SECTION.test(lines[i]!.text)) inLscb = true;
    const heading = SECTION.exec(lines[i]!.text);
    if (!heading || !lines[i + 1] || !(isItemStart(lines[i + 1]!.text) || isItemStart(lines[i + 2]?.text ?? "") || SECTION.test(lines[i + 1]!.text))) continue;
    const { items, next } = readList(lines, i + 1);
    let group: string | null = null;
    for (const item of items) {
      if (typeof item === "string") {
        group = item;
        continue;
      }
      emit(found, item, heading[1]!, group, inLscb);
    }
    i = next - 1;
  }
  return found;
}

/** The items (and sub-headings, as strings) from `start` to where the list ends; `next` is the line after it. */
function readList(lines: Line[], start: number): { items: (Open | string)[]; next: number } {
  const items: (Open | string)[] = [];
  let current: Open | null = null;
  let i = start;
  for (; i < lines.length; i++) {
    const { text, page } = lines[i]!;
    const following = lines[i + 1]?.text ?? "";
    if (isItemStart(text)) {
      const numbered = NUMBERED.exec(text);
      const item: Open = { parts: [text.replace(BULLET, "").replace(NUMBERED, "")], page, paragraph: numbered ? Number(numbered[1]) : null, bullet: !numbered, subItems: [] };
      // A bullet under a numbered paragraph that did not just introduce a list is one of its sub-items.
      if (item.bullet && current && !current.bullet && !NOT_AN_ITEM.test(joinLines(current.parts))) current.subItems.push(item);
      else {
        items.push(item);
        current = item;
      }
      continue;
    }
    if (STOP.test(text)) break;
    const last = current ? (current.subItems.at(-1) ?? current) : null;
    const lastText = last ? joinLines(last.parts) : "";
    if (last && (/^[a-z(]/.test(text) || !ended(lastText))) {
      last.parts.push(text);
      continue;
    }
    const subHeading = SECTION.test(text) || (text.length <= 100 && !ended(text) && isItemStart(following));
    if (subHeading) {
      items.push(text.replace(/:$/, ""));
      current = null;
      continue;
    }
    // A full-width line after a finished sentence is the item's next sentence; anything else ends the list.
    if (last && (text.length > 70 || ended(text))) {
      last.parts.push(text);
      continue;
    }
    break;
  }
  return { items, next: i };
}

function emit(found: Recommendation[], item: Open, section: string, group: string | null, lscb: boolean): void {
  const text = joinLines(item.parts);
  const subItems = item.subItems.map((s) => joinLines(s.parts));
  if (NOT_AN_ITEM.test(text) && subItems.length === 0) return;
  const ordinal = (found.at(-1)?.ordinal ?? 0) + 1;
  const base = { ordinal, section: section.replace(/:$/, ""), group, paragraph: item.paragraph, lscb };
  if (!NOT_AN_ITEM.test(text)) found.push({ ...base, subItem: null, text, page: item.page });
  item.subItems.forEach((sub, index) => found.push({ ...base, subItem: index + 1, text: subItems[index]!, page: sub.page }));
}

/** Where a recommendation is in its report, for its evidence: page, heading, paragraph or item. */
export function recommendationLocator(r: Recommendation): string {
  const heading = [r.lscb ? "LSCB review" : null, r.section, r.group].filter(Boolean).join(" › ");
  const item = r.paragraph !== null ? `paragraph ${r.paragraph}` : `item ${r.ordinal}`;
  return `page ${r.page}, ${heading}, ${item}${r.subItem !== null ? `, sub-item ${r.subItem}` : ""}`;
}
