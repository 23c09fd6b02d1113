/**
 * `quality`: the national record's quality figures, measured now on this machine. (1) The ingest of the whole
 * corpus (read, draft and reconcile every report; nothing written) with its time and, per family, how many
 * reports yielded dates, a lead inspector and every grade. (2) The sentence classifiers against the
 * hand-labelled sentences (test/fixtures/classifier-labels.json): precision and recall per polarity and for
 * themes, for the held-out reports (the honest figures), the development ones and per family. (3) With
 * --import: the time to import the seeds, national bundle included, into a fresh throwaway Neo4j.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { seedIfNeeded, seedTargets } from "../bundles/loadBundles.js";
import { PROJECT_ROOT } from "../config.js";
import { Database } from "../db/gateway.js";
import { applyMigrations } from "../db/migrations.js";
import { AuthorityResolver, readAuthorities } from "../ingest/authorities.js";
import { evaluateClassifiers, readLabels, type Evaluation, type EvaluationReport } from "../ingest/evaluation.js";
import { ingestReports } from "../ingest/ingest.js";
import { IngestError } from "../ingest/pdfText.js";
import { knownInFolders } from "../ingest/known.js";
import { startLocalNeo4j } from "../localNeo4j/launch.js";
import { fromAuthoritiesTable } from "./authoritiesCommand.js";
import type { CliContext } from "./context.js";
import { tallyTable } from "./ingestCommand.js";
import { CliError, displayPath, EXIT } from "./output.js";

export type QualityOptions = { labels?: string; import?: boolean; authorities?: string };
export const DEFAULT_LABELS = path.join(PROJECT_ROOT, "test", "fixtures", "classifier-labels.json");

/** `paths`: the reports to ingest (default: every report in OFSTED_DIR/reports). */
export async function qualityCommand(ctx: CliContext, paths: string[], options: QualityOptions): Promise<void> {
  const reportsDir = path.join(ctx.config.ofstedDir, "reports");
  if (!fs.existsSync(reportsDir)) throw new CliError(`no Ofsted reports at ${displayPath(reportsDir)} (set OFSTED_DIR)`, EXIT.USAGE);
  const targets = paths.length > 0 ? paths : [reportsDir];
  const resolver = fromAuthoritiesTable(ctx, options.authorities, (file) => new AuthorityResolver(readAuthorities(file)));

  ctx.out.detail(`1. Ingest of ${paths.length > 0 ? paths.map(displayPath).join(", ") : "the whole corpus"} (read, draft, reconcile; nothing written)`);
  const national = path.resolve(ctx.config.seedsDir, "national");
  const known = knownInFolders(seedTargets(ctx.config.seedsDir).filter((folder) => path.resolve(folder) !== national));
  const progress = ctx.out.progress("ingest", "files");
  const started = Date.now();
  const ingest = await ingestReports(targets, { resolver, known, corpusDir: ctx.config.ofstedDir, onProgress: (done, total) => progress?.({ done, total }) });
  const ingestSeconds = (Date.now() - started) / 1000;
  for (const line of tallyTable(ingest)) ctx.out.detail(`   ${line}`);
  ctx.out.detail(`   ${ingest.reports.length} reports in ${ingestSeconds.toFixed(1)}s (aim: under 300s)`);

  const labelsFile = options.labels ?? DEFAULT_LABELS;
  ctx.out.detail("");
  ctx.out.detail(`2. Sentence classifiers against the hand labels (${displayPath(labelsFile)})`);
  const evaluation = await evaluateClassifiers(labelsFrom(labelsFile), ctx.config.ofstedDir);
  for (const line of evaluationTable(evaluation)) ctx.out.detail(`   ${line}`);

  let importSeconds: number | null = null;
  if (options.import) {
    ctx.out.detail("");
    ctx.out.detail("3. Import of the seeds (national bundle included) into a fresh Neo4j");
    importSeconds = await timeFreshImport(ctx);
    ctx.out.detail(`   imported in ${importSeconds.toFixed(1)}s (aim: under 120s)`);
  }
  const heldOut = evaluation.bySplit["held-out"] ?? evaluation.all;
  ctx.out.result(
    `Ingest ${ingestSeconds.toFixed(0)}s${importSeconds === null ? "" : `, import ${importSeconds.toFixed(0)}s`}; held-out precision: strength ${heldOut.polarity.STRENGTH.precision.toFixed(2)}, weakness ${heldOut.polarity.WEAKNESS.precision.toFixed(2)}, themes ${heldOut.themes.precision.toFixed(2)}.`,
    { command: "quality", ingestSeconds, importSeconds, tally: ingest.tally, failures: ingest.failures.map((f) => ({ ...f, file: displayPath(f.file) })), evaluation },
  );
}

/** The labels, or one usage line naming the file and what is wrong with it. */
function labelsFrom(file: string) {
  try {
    return readLabels(file);
  } catch (error) {
    if (error instanceof IngestError || error instanceof SyntaxError || (error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new CliError(`${displayPath(file)}: not a labels file (${error instanceof IngestError ? `${error.where}: ` : ""}${(error as Error).message})`, EXIT.USAGE);
    }
    throw error;
  }
}

const f2 = (n: number) => n.toFixed(2);

/** One row per group: sentences, polarity accuracy, precision/recall per polarity, and for themes. */
export function evaluationTable(report: EvaluationReport): string[] {
  const groups: [string, Evaluation][] = [["held-out", report.bySplit["held-out"]!], ["development", report.bySplit.development!], ...Object.entries(report.byFamily), ["all", report.all]];
  const cell = (value: string | number, width: number) => String(value).padEnd(width);
  const pr = (s: { precision: number; recall: number }) => cell(`${f2(s.precision)}/${f2(s.recall)}`, 11);
  return [
    "precision/recall per group; n = sentences labelled; clear = precision on sentences as clear as a stored finding (score ≥ 2 either way)",
    `${cell("group", 13)}${cell("n", 5)}${cell("reports", 8)}${cell("accuracy", 9)}${cell("strength", 11)}${cell("weakness", 11)}${cell("observation", 12)}${cell("themes", 11)}clear`,
    ...groups.filter(([, e]) => e).map(([name, e]) =>
      `${cell(name, 13)}${cell(e.sentences, 5)}${cell(e.reports, 8)}${cell(f2(e.accuracy), 9)}${pr(e.polarity.STRENGTH)}${pr(e.polarity.WEAKNESS)}${cell(`${f2(e.polarity.OBSERVATION.precision)}/${f2(e.polarity.OBSERVATION.recall)}`, 12)}${pr(e.themes)}${f2(e.clear.precision)} (${e.clear.predicted})`,
    ),
    ...(report.all.moved.length ? [`moved (the extractor no longer yields these labelled sentences): ${report.all.moved.join(", ")}`] : []),
  ];
}

/** Seconds to load every seed bundle into an empty database: a throwaway bundled Neo4j, never the user's. */
async function timeFreshImport(ctx: CliContext): Promise<number> {
  if (ctx.config.neo4j.uri) throw new CliError("quality --import times an import into a throwaway bundled Neo4j; unset NEO4J_URI to use it", EXIT.USAGE);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "csg-quality-neo4j-"));
  const local = await startLocalNeo4j({ homeDir: home, port: 0, log: (m) => ctx.out.detail(`   ${m}`) });
  const db = await Database.connect({ ...ctx.config.neo4j, uri: local.uri, retries: ctx.config.neo4j.connectRetries });
  try {
    await applyMigrations(db);
    const started = Date.now();
    await seedIfNeeded(db, ctx.config.seedsDir, true, { actor: "system:quality", via: "cli" }, ctx.out.progress("import"));
    return (Date.now() - started) / 1000;
  } finally {
    await db.close();
    await local.stop();
    fs.rmSync(home, { recursive: true, force: true });
  }
}
