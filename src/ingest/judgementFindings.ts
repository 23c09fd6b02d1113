/**
 * Findings from a report's judgement sections: the opening sentence of each numbered paragraph (Ofsted's
 * paragraphs lead with their finding), classified as a strength or weakness (src/ingest/polarity.ts) and
 * tagged with themes (src/ingest/themeCues.ts). Stored when it is a clear strength or weakness (a polarity
 * score of 2 or more either way: two cues, a negation or a main clause) about at least one theme of the
 * vocabulary; the other sentences stay in the report. Each finding records every cue that decided it, so
 * the classification can be checked and argued with.
 */
import { firstWords } from "./reportLines.js";
import { readJudgementSentences, type JudgementSentence } from "./judgementSentences.js";
import type { PdfText } from "./pdfText.js";
import { classifyPolarity } from "./polarity.js";
import { matchThemes } from "./themeCues.js";

/** The least polarity score, either way, of a stored finding: one weak cue alone is not enough. */
export const CLEAR_SCORE = 2;

export type JudgementFinding = {
  /** "p27": the paragraph label, unique in the report. */
  suffix: string;
  kind: "STRENGTH" | "WEAKNESS";
  polarity: "POSITIVE" | "NEGATIVE";
  text: string;
  themes: string[];
  cues: string[];
  locator: string;
};

/** The finding of each judgement paragraph that has one: its opening sentence, classified. */
export function readJudgementFindings(text: PdfText): JudgementFinding[] {
  return readJudgementSentences(text)
    .filter((s) => s.sentence === 1)
    .flatMap((s) => {
      const polarity = classifyPolarity(s.text);
      const themes = matchThemes(s.text);
      if (Math.abs(polarity.score) < CLEAR_SCORE || themes.themes.length === 0) return [];
      const strength = polarity.polarity === "STRENGTH";
      return [{
        suffix: `p${s.key.split(".")[0]}`,
        kind: strength ? "STRENGTH" : "WEAKNESS",
        polarity: strength ? "POSITIVE" : "NEGATIVE",
        text: s.text,
        themes: themes.themes,
        cues: [`kind ${polarity.polarity}: polarity score ${polarity.score > 0 ? "+" : ""}${polarity.score}, the opening sentence of a judgement paragraph`, ...polarity.cues, ...themes.cues],
        locator: sentenceLocator(s),
      } satisfies JudgementFinding];
    });
}

/** Where a sentence is: page, the judgement section's heading (cut to 80 characters), paragraph and sentence. */
export function sentenceLocator(s: JudgementSentence): string {
  const section = s.section.length > 80 ? `${firstWords(s.section.slice(0, 80), 12).words} …` : s.section;
  return `page ${s.page}, ${section}, paragraph ${s.paragraph}, sentence ${s.sentence}`;
}
