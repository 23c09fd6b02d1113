/**
 * The judgement-section classifiers on the real reports: the hand-labelled sentences (test/fixtures) are all
 * still where the labels say, and the classifiers' precision on the held-out reports stays at the level the
 * closing note quotes; findings are read from a real report as the seeds hold them; `quality` prints the
 * figures. Skipped, loudly, without ../shared/ofsted.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { DEFAULT_LABELS } from "../../src/cli/qualityCommand.js";
import { evaluateClassifiers, readLabels } from "../../src/ingest/evaluation.js";
import { readJudgementFindings } from "../../src/ingest/judgementFindings.js";
import { readPdfText } from "../../src/ingest/pdfText.js";
import { runCli } from "../support/processes.js";

const config = loadConfig(process.env);
const reports = path.join(config.ofstedDir, "reports");
const present = fs.existsSync(reports);
if (!present) console.warn(`\n*** SKIPPING the classifier checks: ${reports} not found ***\n`);

describe.skipIf(!present)("judgement-section classifiers", { timeout: 240_000 }, () => {
  it("finds every labelled sentence and keeps held-out precision at 0.85 (strength) and 0.80 (weakness)", async () => {
    const labels = readLabels(DEFAULT_LABELS);
    expect(labels.reports.reduce((n, r) => n + r.sentences.length, 0)).toBeGreaterThanOrEqual(300);
    const evaluation = await evaluateClassifiers(labels, config.ofstedDir);
    expect(evaluation.all.moved).toEqual([]);
    expect(Object.keys(evaluation.byFamily).sort()).toEqual(["ILACS", "SIF"]);
    expect(evaluation.all.reports).toBeGreaterThanOrEqual(15);
    const heldOut = evaluation.bySplit["held-out"]!;
    expect(heldOut.sentences).toBeGreaterThanOrEqual(300);
    expect(heldOut.polarity.STRENGTH.precision).toBeGreaterThanOrEqual(0.85);
    expect(heldOut.polarity.WEAKNESS.precision).toBeGreaterThanOrEqual(0.8);
    expect(heldOut.themes.precision).toBeGreaterThanOrEqual(0.7);
  });

  it("reads the finding of each judgement paragraph with its locator and the cues that decided it", async () => {
    const findings = readJudgementFindings(await readPdfText(path.join(reports, "80568-swindon", "2023-09-11.pdf")));
    const earlyHelp = findings.find((f) => f.suffix === "p4")!;
    expect(earlyHelp).toMatchObject({ kind: "STRENGTH", polarity: "POSITIVE", themes: ["theme:early-help"] });
    expect(earlyHelp.text).toBe("Most children in Swindon benefit from an effective early help offer.");
    expect(earlyHelp.locator).toBe("page 3, The experiences and progress of children who need help and, paragraph 4, sentence 1");
    expect(earlyHelp.cues).toContain('polarity strength "effective"');
    const thresholds = findings.find((f) => f.suffix === "p2")!;
    expect(thresholds.kind).toBe("WEAKNESS");
    expect(thresholds.themes).toContain("theme:front-door");
    // Paragraph 1 is a weakness about no theme of the vocabulary: not stored.
    expect(findings.some((f) => f.suffix === "p1")).toBe(false);
    // Paragraphs are numbered once each across the report, so the suffixes are unique.
    expect(new Set(findings.map((f) => f.suffix)).size).toBe(findings.length);
  });

  it("prints the quality figures with `quality`", async () => {
    // Two labelled reports (one per split) keep the run short; the figures are those of the whole file's.
    const all = readLabels(DEFAULT_LABELS);
    const two = { ...all, reports: [all.reports.find((r) => r.split === "development")!, all.reports.find((r) => r.split === "held-out")!] };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "csg-labels-"));
    try {
      fs.writeFileSync(path.join(dir, "labels.json"), JSON.stringify(two));
      const run = await runCli(["quality", "--json", "--labels", path.join(dir, "labels.json"), path.join(reports, "80568-swindon")]);
      expect(run.code, run.stderr).toBe(0);
      const result = JSON.parse(run.stdout);
      expect(result.tally.ILACS).toMatchObject({ reports: 2, dates: 2, leadInspector: 2, everyGrade: 2 });
      expect(result.tally.SIF).toMatchObject({ reports: 1, dates: 1, leadInspector: 1, everyGrade: 1 });
      expect(result.evaluation.all.sentences).toBe(two.reports[0]!.sentences.length + two.reports[1]!.sentences.length);
      expect(Object.keys(result.evaluation.bySplit).sort()).toEqual(["development", "held-out"]);
      expect(result.importSeconds).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says which labels file is wrong and why", async () => {
    const run = await runCli(["quality", "--labels", path.join(config.seedsDir, "reference", "themes.json"), path.join(reports, "80568-swindon", "2019-08-12.pdf")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/themes\.json: not a labels file/);
  });
});
