/**
 * `ingest <path…>`: Ofsted report PDFs in, draft bundles out — imported into the graph through the audited
 * import (or only diffed with --dry-run), or written to a folder with --out for review (seeds/national is
 * that folder for the whole corpus). One line per failing file (file, where, why); the others go on; exit 5
 * when some failed. A table per family says what was found and which reports lacked an expected field.
 */
import fs from "node:fs";
import path from "node:path";
import { importLoaded } from "../bundles/importBundle.js";
import { bundleFromValue } from "../bundles/readBundle.js";
import { seedTargets } from "../bundles/loadBundles.js";
import type { Bundle } from "../bundles/bundleSchema.js";
import { AuthorityResolver, readAuthorities } from "../ingest/authorities.js";
import { ingestReports, type IngestResult } from "../ingest/ingest.js";
import { knownInFolders, knownInGraph } from "../ingest/known.js";
import { fromAuthoritiesTable } from "./authoritiesCommand.js";
import { defaultActor } from "./commands.js";
import type { CliContext } from "./context.js";
import { displayPath, EXIT } from "./output.js";

export type IngestCommandOptions = { out?: string; dryRun?: boolean; authorities?: string; reason?: string; actor?: string };

export async function ingestCommand(ctx: CliContext, paths: string[], options: IngestCommandOptions): Promise<void> {
  const resolver = fromAuthoritiesTable(ctx, options.authorities, (file) => new AuthorityResolver(readAuthorities(file)));
  const started = Date.now();
  const out = options.out ? path.resolve(options.out) : null;
  // To a folder: reconcile with the seeds beside it; into the graph: with what the graph holds.
  const db = out ? null : await ctx.database();
  const known = db
    ? (authority: string) => knownInGraph(db, [authority])
    : knownInFolders(seedTargets(ctx.config.seedsDir).filter((folder) => path.resolve(folder) !== out));
  const progress = ctx.out.progress("ingest", "files");
  const result = await ingestReports(paths, { resolver, known, corpusDir: ctx.config.ofstedDir, onProgress: (done, total) => progress?.({ done, total }) });
  const readSeconds = (Date.now() - started) / 1000;

  for (const report of result.reports) {
    const recommendations = report.draft.bundle.findings.filter((f) => f.kind === "RECOMMENDATION").length;
    const notes = [report.matched ? `same inspection as ${report.matched}` : "", ...report.warnings].filter(Boolean);
    ctx.out.detail(`ok ${displayPath(report.file)}  ${report.inspection}  ${report.draft.bundle.judgements.length} judgements, ${recommendations} recommendations, ${report.draft.bundle.findings.length - recommendations} findings${notes.length ? `  [${notes.join("; ")}]` : ""}`);
  }
  for (const failure of result.failures) ctx.out.problem(`${displayPath(failure.file)} (${failure.where}): ${failure.reason}`);
  ctx.out.detail("");
  for (const line of tallyTable(result)) ctx.out.detail(line);

  let outcome: string;
  let written: Record<string, unknown> = {};
  if (out) {
    const files = writeDrafts(result.bundle, out);
    outcome = `wrote ${files} files to ${displayPath(out)}`;
    written = { out: displayPath(out), files };
  } else {
    const imported = await importLoaded(await ctx.database(), bundleFromValue(result.bundle, `ingest of ${paths.join(" ")}`), {
      actor: options.actor ?? defaultActor(),
      role: "admin",
      reason: options.reason ?? `Ingest Ofsted inspection reports (${paths.map(displayPath).join(", ")})`,
      dryRun: options.dryRun ?? false,
      via: "cli",
      operation: `ingest ${paths.join(" ")}`,
      onProgress: ctx.out.progress("import"),
    });
    const { diff } = imported;
    const tally = `${diff.created.length} created, ${diff.updated.length} updated, ${diff.unchanged.length} unchanged`;
    outcome = imported.dryRun ? `dry run: would be ${tally}; nothing written` : imported.written ? `imported: ${tally}; change set ${imported.changeSetId}` : `nothing changed (${diff.unchanged.length} records already in the graph)`;
    written = { dryRun: imported.dryRun, written: imported.written, changeSetId: imported.changeSetId, created: diff.created.length, updated: diff.updated.length, unchanged: diff.unchanged.length };
  }
  const seconds = (Date.now() - started) / 1000;
  const total = result.reports.length + result.failures.length;
  ctx.out.result(`Ingested ${result.reports.length} of ${total} files (${result.failures.length} failed) in ${seconds.toFixed(1)}s (reading ${readSeconds.toFixed(1)}s); ${outcome}.`, {
    command: "ingest",
    seconds,
    readSeconds,
    ...written,
    tally: result.tally,
    failures: result.failures.map((f) => ({ ...f, file: displayPath(f.file) })),
    reports: result.reports.map((r) => ({ file: displayPath(r.file), inspection: r.inspection, matched: r.matched, warnings: r.warnings })),
  });
  if (result.failures.length > 0) ctx.exitCode = EXIT.SOME_FILES_FAILED;
}

/** Per family: reports, inspections, judgements, recommendations, findings; then each report lacking an expected field. */
export function tallyTable(result: IngestResult): string[] {
  const rows = Object.entries(result.tally).filter(([, t]) => t.reports > 0);
  const cell = (value: string | number, width = 9) => String(value).padEnd(width);
  return [
    `${cell("family")}${cell("reports")}${cell("inspect.")}${cell("judgem.")}${cell("recomm.", 10)}${cell("findings")}${cell("dates")}${cell("lead")}every grade`,
    ...rows.map(([family, t]) =>
      `${cell(family)}${cell(t.reports)}${cell(t.inspections)}${cell(t.judgements)}${cell(t.recommendations, 10)}${cell(t.findings)}${cell(`${t.dates}/${t.reports}`)}${cell(`${t.leadInspector}/${t.reports}`)}${t.everyGrade}/${t.reports}`,
    ),
    `failed   ${result.failures.length}`,
    ...rows.flatMap(([, t]) => t.incomplete.map((line) => `  missing: ${displayPath(line.slice(0, line.indexOf(": ")))}: ${line.slice(line.indexOf(": ") + 2)}`)),
  ];
}

/** One file per authority (its sources, inspections, judgements and findings) and one of the lead inspectors. */
function writeDrafts(bundle: Bundle, out: string): number {
  fs.mkdirSync(out, { recursive: true });
  for (const stale of fs.readdirSync(out).filter((name) => name.endsWith(".json"))) fs.rmSync(path.join(out, stale));
  const byAuthority = new Map<string, Partial<Bundle>>();
  const authorityOf = new Map(bundle.inspections.map((i) => [i.id, i.authority]));
  const file = (authority: string) => {
    if (!byAuthority.has(authority)) byAuthority.set(authority, { sources: [], posts: [], people: [], occupancies: [], inspections: [], judgements: [], findings: [] });
    return byAuthority.get(authority)!;
  };
  for (const i of bundle.inspections) file(i.authority).inspections!.push(i);
  for (const j of bundle.judgements) file(authorityOf.get(j.inspection)!).judgements!.push(j);
  // Ingested findings all come from reports, so each names its inspection.
  for (const f of bundle.findings) file(authorityOf.get(f.inspection!)!).findings!.push(f);
  const organisationOf = new Map(bundle.posts.map((p) => [p.id, p.organisation]));
  for (const p of bundle.posts) file(p.organisation).posts!.push(p);
  for (const o of bundle.occupancies) {
    // A holder of a post recorded in another folder (Swindon's) belongs with its authority all the same.
    const authority = organisationOf.get(o.post) ?? bundle.inspections.find((i) => i.evidence.some((e) => e.source === o.evidence[0]?.source))?.authority ?? "org:unknown";
    file(authority).occupancies!.push(o);
    file(authority).people!.push(...bundle.people.filter((p) => p.id === o.person));
  }
  for (const s of bundle.sources) {
    const inspection = bundle.inspections.find((i) => i.evidence.some((e) => e.source === s.id));
    file(inspection?.authority ?? "org:unknown").sources!.push(s);
  }
  for (const [authority, content] of byAuthority) {
    for (const section of Object.keys(content) as (keyof Bundle)[]) if ((content[section] as unknown[]).length === 0) delete content[section];
    fs.writeFileSync(path.join(out, `${authority.slice("org:".length)}.json`), `${JSON.stringify(content, null, 2)}\n`);
  }
  const placed = new Set(bundle.occupancies.map((o) => o.person));
  fs.writeFileSync(path.join(out, "inspectors.json"), `${JSON.stringify({ people: bundle.people.filter((p) => !placed.has(p.id)) }, null, 2)}\n`);
  return byAuthority.size + 1;
}
