/**
 * The sentences of a report's judgement sections: every numbered paragraph under a judgement heading (ILACS
 * "The experiences and progress of …: good", SIF "Summary of key findings" and "Inspection judgements about
 * the local authority", the earlier "Outcomes for looked after children", …), split into sentences, each with
 * its page, section, paragraph number and position in the paragraph. Recommendation lists, the information
 * about the inspection and the grade descriptors are not judgement sections and are left out.
 */
import { bodyLines, joinLines } from "./reportLines.js";
import type { PdfText } from "./pdfText.js";

export type JudgementSentence = {
  /** "27.3": the printed paragraph number and the sentence's 1-based position in it (unique in a report). */
  key: string;
  text: string;
  page: number;
  /** The judgement section's heading as printed (its first line). */
  section: string;
  paragraph: number;
  sentence: number;
};

/** Headings that open a judgement section, across the three families. */
const JUDGEMENT = /^(?:The experiences and progress of|The impact of leaders|Summary of (?:key )?findings|Inspection judgements? about|Leadership,? management and governance|Key strengths and weaknesses|The effectiveness of|Overall effectiveness|Capacity (?:for|to) improve|Outcomes for|Quality of provision|Leadership and management|Ambition and prioritisation|Being healthy|Staying safe|Enjoying and achieving|Making a positive contribution|Economic well-?being|Children who need help|Children looked after|Adoption performance|The graded judg(?:e)?ment for|Safeguarding (?:children|outcomes|services)|Partnership working|Equality and diversity|Value for money|Performance management|User engagement)/i;
/** Headings that end a judgement section: recommendations (read elsewhere), context, descriptors, annexes. */
const OTHER = /^(?:What needs to improve|What does the (?:local authority|Local Authority|LSCB|Board) need|Recommendations|Areas for (?:priority action|improvement|Improvement)|Priority and immediate action|Immediate(?:ly)?|Within (?:three|six) months|Information about|About this inspection|What the inspection judg|The inspection judgements and what|Contents|Service information|Children living in this area|Child protection in this area|Children looked after in this area|Other Ofsted|Other information|Record of main findings|Annex|Glossary|The inspection team|Ofsted produces|Section \d: The effectiveness of the local safeguarding)/;
const NUMBERED = /^(\d{1,3})\.\s+(?=\S)/;
const BULLET = /^[◼•▪■●◦\u2022\u25aa\u2023\u2043\ue000-\uf8ff]\s*/;
const ended = (text: string) => /[.;:!?]['’”)]?$/.test(text);

type Paragraph = { number: number; page: number; section: string; parts: string[]; pages: number[] };

export function readJudgementSentences(text: PdfText): JudgementSentence[] {
  const paragraphs: Paragraph[] = [];
  let section: string | null = null;
  let current: Paragraph | null = null;
  for (const { text: line, page } of bodyLines(text)) {
    const numbered = NUMBERED.exec(line);
    const open = current !== null && !ended(joinLines(current.parts));
    if (!numbered && !open && OTHER.test(line)) {
      section = null;
      current = null;
      continue;
    }
    if (!numbered && !open && JUDGEMENT.test(line) && line.length <= 100) {
      section = line.replace(/[:.]$/, "");
      current = null;
      continue;
    }
    if (section === null) continue;
    if (numbered) {
      current = { number: Number(numbered[1]), page, section, parts: [line.replace(NUMBERED, "")], pages: [page] };
      paragraphs.push(current);
      continue;
    }
    if (!current) continue;
    // A short unfinished line after a finished paragraph is a sub-heading, not more of the paragraph.
    if (!open && line.length < 75 && !ended(line) && !/^[a-z(]/.test(line)) {
      current = null;
      continue;
    }
    current.parts.push(line.replace(BULLET, ""));
    current.pages.push(page);
  }
  return sentencesOf(paragraphs);
}

/** Splits after . ! ? (and a closing quote or bracket) before a capital, not after "e.g." or initials. */
const SENTENCE_END = /(?<!\b(?:e\.g|i\.e|etc|Mr|Mrs|Ms|Dr|No|St|[A-Z]))([.!?]['’”)]?)\s+(?=[A-Z‘'“(0-9])/g;

export function splitSentences(paragraph: string): string[] {
  return paragraph
    .replace(SENTENCE_END, "$1\u0000")
    .split("\u0000")
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).length >= 3);
}

function sentencesOf(paragraphs: Paragraph[]): JudgementSentence[] {
  const sentences: JudgementSentence[] = [];
  const seen = new Map<number, number>();
  for (const p of paragraphs) {
    // Paragraph numbers are unique in a report; a repeat (a misread number) gets a suffix rather than a clash.
    const repeat = seen.get(p.number) ?? 0;
    seen.set(p.number, repeat + 1);
    const label = repeat === 0 ? `${p.number}` : `${p.number}-${repeat + 1}`;
    const joined = joinLines(p.parts);
    let offset = 0;
    splitSentences(joined).forEach((sentence, index) => {
      offset = joined.indexOf(sentence, offset);
      sentences.push({ key: `${label}.${index + 1}`, text: sentence, page: pageAt(p, joined, offset), section: p.section, paragraph: p.number, sentence: index + 1 });
    });
  }
  return sentences;
}

/** The page a sentence starts on: the page of the line holding that character of the joined paragraph. */
function pageAt(p: Paragraph, joined: string, offset: number): number {
  let length = 0;
  for (let i = 0; i < p.parts.length; i++) {
    length += p.parts[i]!.length + 1;
    if (offset < length) return p.pages[i]!;
  }
  return p.pages.at(-1)!;
}
