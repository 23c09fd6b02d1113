/**
 * `reports <path…>`: reads Ofsted report PDFs and prints what each yields (family, kind, authority, dates, lead
 * inspector, grades), one line per file, then a table per family of what was found. Writes nothing.
 * Exit code 0 when every file was read, 5 when some failed (each failure printed with file, where and why).
 */
import { AuthorityResolver, readAuthorities } from "../ingest/authorities.js";
import { hasEveryGrade, readReports, type ReadResult, type ReportRead } from "../ingest/readReports.js";
import { fromAuthoritiesTable } from "./authoritiesCommand.js";
import type { CliContext } from "./context.js";
import { displayPath, EXIT } from "./output.js";

export async function reportsCommand(ctx: CliContext, paths: string[], options: { authorities?: string }): Promise<void> {
  const resolver = fromAuthoritiesTable(ctx, options.authorities, (file) => new AuthorityResolver(readAuthorities(file)));
  const progress = ctx.out.progress("reports", "files");
  const started = Date.now();
  const result = await readReports(paths, resolver, (done, total) => progress?.({ done, total }));
  const seconds = (Date.now() - started) / 1000;

  for (const report of result.reports) ctx.out.detail(describe(report));
  for (const failure of result.failures) ctx.out.problem(`${displayPath(failure.file)} (${failure.where}): ${failure.reason}`);
  ctx.out.detail("");
  for (const line of qualityTable(result)) ctx.out.detail(line);

  const read = result.reports.length;
  const summary = `Read ${read} of ${read + result.failures.length} files in ${seconds.toFixed(1)}s; ${result.failures.length} failed.`;
  ctx.out.result(summary, {
    command: "reports",
    seconds,
    quality: result.quality,
    failures: result.failures.map((f) => ({ ...f, file: displayPath(f.file) })),
    // The text stays out: the facts say where each value was read.
    reports: result.reports.map(({ text: _text, ...r }) => ({ ...r, file: displayPath(r.file), authority: { name: r.authority.name, urn: r.authority.urn, laCode: r.authority.laCode } })),
  });
  if (result.failures.length > 0) ctx.exitCode = EXIT.SOME_FILES_FAILED;
}

function describe(report: ReportRead): string {
  const { facts } = report;
  const dates = facts.start && facts.end ? `${facts.start.value}..${facts.end.value}` : facts.end ? `?..${facts.end.value}` : "no dates";
  const grades = facts.grades.map((g) => `${g.area}=${g.grade}`).join(" ");
  const flags = [hasEveryGrade(facts) ? "" : "some grades missing", ...report.warnings].filter(Boolean);
  return `ok ${displayPath(report.file)}  ${facts.kind.value}  ${report.authority.name}  ${dates}  lead: ${facts.leadInspector?.value ?? "?"}  ${grades}${flags.length ? `  [${flags.join("; ")}]` : ""}`;
}

/** Per family: reports, and how many yielded dates, a lead inspector, a publication date and every grade. */
export function qualityTable(result: ReadResult): string[] {
  const rows = Object.entries(result.quality).filter(([, q]) => q.reports > 0);
  const pct = (n: number, of: number) => `${n}/${of}`.padEnd(9);
  return [
    "family   reports  dates    lead     published every grade",
    ...rows.map(([family, q]) =>
      `${family.padEnd(9)}${String(q.reports).padEnd(9)}${pct(q.dates, q.reports)}${pct(q.leadInspector, q.reports)}${pct(q.published, q.reports)} ${q.everyGrade}/${q.reports}`,
    ),
    `failed   ${result.failures.length}`,
  ];
}
