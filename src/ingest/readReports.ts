/**
 * Reads Ofsted report PDFs (files or folders) into facts per report, resolving each report's authority, and
 * measures what was found per family. One file's failure is reported with the file, what failed and where,
 * and the others go on. Nothing is written: this is the reading stage of the national ingest.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { AuthorityResolver, UnresolvedAuthority, type Authority } from "./authorities.js";
import { IngestError, readPdfText, type PdfText } from "./pdfText.js";
import { readReport, type Family, type ReportFacts } from "./report.js";

export type ReportRead = {
  file: string;
  sha256: string;
  pages: number;
  /** The report's text, page by page: what the drafting reads recommendations and quotes from. */
  text: PdfText;
  facts: ReportFacts;
  authority: Authority;
  /** The publication date, and where it came from (the report's text, or its file name, YYYY-MM-DD.pdf). */
  published: { value: string; from: "text" | "file name" } | null;
  /** Things worth a look that did not stop the read. */
  warnings: string[];
};

export type ReportFailure = { file: string; where: string; reason: string };

/** The grades a report of each family has when its judgement table is read in full. */
const EXPECTED_GRADES: Record<Family, (facts: ReportFacts) => string[]> = {
  ILACS: (facts) =>
    facts.grades.some((g) => g.area === "CARE_LEAVERS")
      ? ["IMPACT_OF_LEADERS", "HELP_AND_PROTECTION", "CHILDREN_IN_CARE", "CARE_LEAVERS", "OVERALL_EFFECTIVENESS"]
      : ["IMPACT_OF_LEADERS", "HELP_AND_PROTECTION", "CHILDREN_IN_CARE_AND_CARE_LEAVERS", "OVERALL_EFFECTIVENESS"],
  SIF: (facts) =>
    facts.kind.value === "LSCB_REVIEW"
      ? ["LSCB"]
      : ["OVERALL_EFFECTIVENESS", "HELP_AND_PROTECTION", "LOOKED_AFTER_AND_PERMANENCE", "ADOPTION", "CARE_LEAVERS", "LEADERSHIP"],
  EARLIER: () => ["OVERALL_EFFECTIVENESS", "CAPACITY_TO_IMPROVE", "OUTCOMES", "QUALITY_OF_PROVISION", "LEADERSHIP"],
};

/** Whether every grade the report's family should have was read. */
export const hasEveryGrade = (facts: ReportFacts) =>
  EXPECTED_GRADES[facts.family](facts).every((area) => facts.grades.some((g) => g.area === area));

/** PDF files named by the targets: files as given, folders searched recursively, in a stable order. */
export function listReportFiles(targets: string[]): string[] {
  const files: string[] = [];
  const walk = (target: string) => {
    const stat = fs.statSync(target, { throwIfNoEntry: false });
    if (!stat) throw new IngestError(target, "path", "no such file or folder");
    if (stat.isDirectory()) for (const entry of fs.readdirSync(target).sort()) walk(path.join(target, entry));
    else if (stat.isFile() && (target.toLowerCase().endsWith(".pdf") || targets.includes(target))) files.push(target);
  };
  targets.forEach(walk);
  return files;
}

export async function readReportFile(file: string, resolver: AuthorityResolver): Promise<ReportRead> {
  const bytes = fs.readFileSync(file);
  const text = await readPdfText(file, bytes);
  const facts = readReport(text);
  if (!facts) {
    const first = (text.pages[0] ?? []).slice(0, 3).join(" | ").slice(0, 120);
    throw new IngestError(file, "page 1", `a report of no known family (it begins: "${first}")`);
  }
  const warnings: string[] = [];
  const authority = resolveAuthority(file, facts, resolver, warnings);
  if (facts.grades.length === 0 && facts.family !== "EARLIER") {
    throw new IngestError(file, `page ${facts.family === "ILACS" ? "1–2" : "1"}, judgement table`, "the judgement table cannot be read");
  }
  if (!hasEveryGrade(facts)) warnings.push(`grades read: ${facts.grades.map((g) => g.area).join(", ") || "none"}; some of the table was not`);
  const fromName = /(\d{4}-\d{2}-\d{2})\.pdf$/i.exec(path.basename(file))?.[1] ?? null;
  if (facts.end && !facts.start) warnings.push(`one inspection date printed (${facts.end.value}); taken as the last day`);
  const published = facts.published ? { value: facts.published.value, from: "text" as const } : fromName ? { value: fromName, from: "file name" as const } : null;
  if (facts.published && fromName && facts.published.value !== fromName) warnings.push(`published ${facts.published.value} in the text, ${fromName} in the file name`);
  return { file, sha256: createHash("sha256").update(bytes).digest("hex"), pages: text.pages.length, text, facts, authority, published, warnings };
}

/** The authority the report names; the folder's Ofsted URN (reports/<urn>-<slug>/) cross-checks it. */
function resolveAuthority(file: string, facts: ReportFacts, resolver: AuthorityResolver, warnings: string[]): Authority {
  const folderUrn = /^(\d+)-/.exec(path.basename(path.dirname(file)))?.[1];
  const byFolder = folderUrn ? resolver.authorities.find((a) => a.urn === folderUrn) : undefined;
  if (!facts.authorityName) {
    if (byFolder) {
      warnings.push(`no authority name on page 1; taken from the folder (URN ${folderUrn})`);
      return byFolder;
    }
    throw new IngestError(file, "page 1", "the authority is not named where the report's family names it");
  }
  try {
    const named = resolver.resolve(facts.authorityName.value, facts.start?.value);
    if (byFolder && byFolder !== named) warnings.push(`the report names ${named.name}; its folder is ${byFolder.name}'s`);
    return named;
  } catch (error) {
    if (!(error instanceof UnresolvedAuthority)) throw error;
    if (byFolder) {
      warnings.push(`${error.message}; taken from the folder (URN ${folderUrn})`);
      return byFolder;
    }
    throw new IngestError(file, `page ${facts.authorityName.page}`, error.message);
  }
}

export type FamilyQuality = { reports: number; dates: number; leadInspector: number; everyGrade: number; published: number };

export type ReadResult = {
  reports: ReportRead[];
  failures: ReportFailure[];
  quality: Record<Family, FamilyQuality>;
};

/** Reads every file in order, reporting progress after each; a failing file is recorded and the rest go on. */
export async function readReports(
  targets: string[],
  resolver: AuthorityResolver,
  onProgress?: (done: number, total: number, file: string) => void,
): Promise<ReadResult> {
  const files = listReportFiles(targets);
  const reports: ReportRead[] = [];
  const failures: ReportFailure[] = [];
  for (const [i, file] of files.entries()) {
    try {
      reports.push(await readReportFile(file, resolver));
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      failures.push({ file, where: error.where, reason: error.message });
    }
    onProgress?.(i + 1, files.length, file);
  }
  return { reports, failures, quality: qualityOf(reports) };
}

export function qualityOf(reports: ReportRead[]): Record<Family, FamilyQuality> {
  const empty = (): FamilyQuality => ({ reports: 0, dates: 0, leadInspector: 0, everyGrade: 0, published: 0 });
  const quality: Record<Family, FamilyQuality> = { ILACS: empty(), SIF: empty(), EARLIER: empty() };
  for (const { facts, published } of reports) {
    const q = quality[facts.family];
    q.reports++;
    if (facts.start && facts.end) q.dates++;
    if (facts.leadInspector) q.leadInspector++;
    if (hasEveryGrade(facts)) q.everyGrade++;
    if (published) q.published++;
  }
  return quality;
}
