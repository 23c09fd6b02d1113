/**
 * How good the sentence classifiers are, measured against sentences labelled by hand. The labels name each
 * sentence by its report (corpus path and sha256) and its place (paragraph.sentence) with a short digest of
 * its text, never the text itself: the text is read from the PDF, and a digest that no longer matches says
 * the extractor now splits that paragraph differently (counted as "moved", not silently compared).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { CLEAR_SCORE } from "./judgementFindings.js";
import { readJudgementSentences } from "./judgementSentences.js";
import { IngestError, readPdfText } from "./pdfText.js";
import { classifyPolarity, type Polarity } from "./polarity.js";
import { readReport, type Family } from "./report.js";
import { matchThemes } from "./themeCues.js";

const POLARITIES = ["STRENGTH", "WEAKNESS", "OBSERVATION"] as const;

const labelledSentence = z.object({
  sentence: z.string().regex(/^\d+(?:-\d+)?\.\d+$/, 'a place "paragraph.sentence", e.g. "27.3"'),
  digest: z.string().regex(/^[0-9a-f]{10}$/),
  polarity: z.enum(POLARITIES),
  themes: z.array(z.string().startsWith("theme:")),
}).strict();

export const labelFile = z.object({
  about: z.string(),
  reports: z.array(z.object({
    file: z.string().regex(/^reports\/[^/]+\/[^/]+\.pdf$/),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** "development": looked at while the cues were written; "held-out": not, so its figures are the honest ones. */
    split: z.enum(["development", "held-out"]),
    sentences: z.array(labelledSentence).min(1),
  }).strict()).min(1),
}).strict();
export type LabelFile = z.infer<typeof labelFile>;

/** A sentence's digest: the first 10 hex digits of the sha256 of its words, lower-cased. */
export const sentenceDigest = (text: string) =>
  createHash("sha256").update(text.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim()).digest("hex").slice(0, 10);

export function readLabels(file: string): LabelFile {
  const parsed = labelFile.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
  if (!parsed.success) throw new IngestError(file, parsed.error.issues[0]!.path.join("."), parsed.error.issues[0]!.message);
  return parsed.data;
}

export type Scores = { precision: number; recall: number; support: number; predicted: number };
export type Evaluation = {
  sentences: number;
  reports: number;
  /** Labelled sentences the extractor no longer yields at that place with that text. */
  moved: string[];
  polarity: Record<Polarity, Scores>;
  /** Share of sentences whose polarity is right. */
  accuracy: number;
  /** Micro-averaged over (sentence, theme) pairs. */
  themes: Scores;
  /** Sentences as clear as a stored finding's (a polarity score of 2 or more either way): how many, and how many right. */
  clear: { predicted: number; precision: number };
};
export type EvaluationReport = { bySplit: Record<string, Evaluation>; byFamily: Record<string, Evaluation>; all: Evaluation };

type Scored = { report: string; family: Family; split: string; expected: { polarity: Polarity; themes: string[] }; got: { polarity: Polarity; themes: string[]; clear: boolean } };

/** Reads each labelled report from `corpusDir`, classifies its labelled sentences, and scores them. */
export async function evaluateClassifiers(labels: LabelFile, corpusDir: string): Promise<EvaluationReport> {
  const scored: Scored[] = [];
  const moved: { split: string; family: Family; where: string }[] = [];
  for (const report of labels.reports) {
    const file = path.join(corpusDir, report.file);
    const bytes = fs.readFileSync(file);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    if (sha256 !== report.sha256) throw new IngestError(file, "file", `not the labelled report (sha256 ${sha256.slice(0, 12)}…, labels are for ${report.sha256.slice(0, 12)}…)`);
    const text = await readPdfText(file, bytes);
    const family = readReport(text)?.family;
    if (!family) throw new IngestError(file, "page 1", "a report of no known family");
    const byKey = new Map(readJudgementSentences(text).map((s) => [s.key, s.text]));
    for (const label of report.sentences) {
      const sentence = byKey.get(label.sentence);
      if (sentence === undefined || sentenceDigest(sentence) !== label.digest) {
        moved.push({ split: report.split, family, where: `${report.file}#${label.sentence}` });
        continue;
      }
      const polarity = classifyPolarity(sentence);
      scored.push({ report: report.file, family, split: report.split, expected: label, got: { polarity: polarity.polarity, themes: matchThemes(sentence).themes, clear: Math.abs(polarity.score) >= CLEAR_SCORE } });
    }
  }
  const group = (key: (s: { family: Family; split: string }) => string) => {
    const keys = [...new Set([...scored, ...moved].map(key))].sort();
    return Object.fromEntries(keys.map((k) => [k, score(scored.filter((s) => key(s) === k), moved.filter((m) => key(m) === k).map((m) => m.where))]));
  };
  return {
    bySplit: group((s) => s.split),
    byFamily: group((s) => s.family),
    all: score(scored, moved.map((m) => m.where)),
  };
}

function score(scored: Scored[], moved: string[]): Evaluation {
  const ratio = (n: number, of: number) => (of === 0 ? 1 : n / of);
  const polarity = Object.fromEntries(POLARITIES.map((p) => {
    const support = scored.filter((s) => s.expected.polarity === p).length;
    const predicted = scored.filter((s) => s.got.polarity === p).length;
    const right = scored.filter((s) => s.expected.polarity === p && s.got.polarity === p).length;
    return [p, { precision: ratio(right, predicted), recall: ratio(right, support), support, predicted }];
  })) as Record<Polarity, Scores>;
  const clear = scored.filter((s) => s.got.clear);
  let expected = 0, predicted = 0, right = 0;
  for (const s of scored) {
    expected += s.expected.themes.length;
    predicted += s.got.themes.length;
    right += s.got.themes.filter((t) => s.expected.themes.includes(t)).length;
  }
  return {
    sentences: scored.length,
    reports: new Set(scored.map((s) => s.report)).size,
    moved,
    polarity,
    accuracy: ratio(scored.filter((s) => s.expected.polarity === s.got.polarity).length, scored.length),
    themes: { precision: ratio(right, predicted), recall: ratio(right, expected), support: expected, predicted },
    clear: { predicted: clear.length, precision: ratio(clear.filter((s) => s.expected.polarity === s.got.polarity).length, clear.length) },
  };
}
