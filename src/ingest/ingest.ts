/**
 * The ingest pipeline as a library function (the CLI's `ingest` and the seed generator share it): report
 * PDFs in, one draft bundle per report, reconciled with what is already known, merged into one bundle.
 * A file that fails is listed with where and why and the others go on.
 */
import type { Bundle } from "../bundles/bundleSchema.js";
import { emptyBundle } from "../bundles/readBundle.js";
import type { AuthorityResolver } from "./authorities.js";
import { authorityId } from "./authoritiesBundle.js";
import { draftReport, type ReportDraft } from "./draftBundle.js";
import { IngestError } from "./pdfText.js";
import { hasEveryGrade, listReportFiles, qualityOf, readReportFile, type FamilyQuality, type ReportFailure, type ReportRead } from "./readReports.js";
import { reconcile, type Known } from "./reconcile.js";
import type { Family } from "./report.js";

export type IngestedReport = { file: string; family: Family; authority: string; inspection: string; matched: string | null; draft: ReportDraft; warnings: string[] };

export type FamilyTally = FamilyQuality & { inspections: number; judgements: number; recommendations: number; findings: number; incomplete: string[] };

export type IngestResult = {
  reports: IngestedReport[];
  failures: ReportFailure[];
  bundle: Bundle;
  tally: Record<Family, FamilyTally>;
};

export type IngestOptions = {
  resolver: AuthorityResolver;
  /**
   * Records reports may describe again (seed bundles, or the graph's): see reconcile.ts. A function is asked
   * once per authority, when its first report is read (the graph is read for those authorities only).
   */
  known: Known | ((authority: string) => Promise<Known>);
  /** Folder that files are named relative to in the sources (the Ofsted corpus). */
  corpusDir: string;
  onProgress?: (done: number, total: number, file: string) => void;
};

export async function ingestReports(targets: string[], options: IngestOptions): Promise<IngestResult> {
  const files = listReportFiles(targets);
  const reports: IngestedReport[] = [];
  const reads: ReportRead[] = [];
  const failures: ReportFailure[] = [];
  const knownByAuthority = new Map<string, Promise<Known>>();
  const knownFor = (authority: string): Promise<Known> => {
    if (typeof options.known !== "function") return Promise.resolve(options.known);
    if (!knownByAuthority.has(authority)) knownByAuthority.set(authority, options.known(authority));
    return knownByAuthority.get(authority)!;
  };
  for (const [i, file] of files.entries()) {
    try {
      const read = await readReportFile(file, options.resolver);
      const authority = authorityId(read.authority);
      const { draft, matched } = reconcile(draftReport(read, authority, options.corpusDir), await knownFor(authority));
      reads.push(read);
      reports.push({
        file, family: read.facts.family, authority: authorityId(read.authority), inspection: draft.bundle.inspections[0]!.id, matched, draft, warnings: read.warnings,
      });
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      failures.push({ file, where: error.where, reason: error.message });
    }
    options.onProgress?.(i + 1, files.length, file);
  }
  return { reports, failures, bundle: mergeDrafts(reports), tally: tallyOf(reads, reports) };
}

/**
 * One bundle of every report's records: a person (a lead inspector) or a post once however many reports name
 * them, and one occupancy per holder with the evidence and attestation dates of every report describing it.
 */
export function mergeDrafts(reports: IngestedReport[]): Bundle {
  const bundle = emptyBundle();
  const seen = new Set<string>();
  const occupancies = new Map<string, Bundle["occupancies"][number]>();
  for (const { draft } of reports) {
    for (const [section, records] of Object.entries(draft.bundle) as [keyof ReportDraft["bundle"], { id: string }[]][]) {
      for (const record of records) {
        if (section === "occupancies") {
          const occupancy = record as Bundle["occupancies"][number];
          const first = occupancies.get(occupancy.id);
          if (first) {
            first.evidence.push(...occupancy.evidence);
            first.attestedOn = [...new Set([...first.attestedOn, ...occupancy.attestedOn])].sort();
            continue;
          }
          occupancies.set(occupancy.id, { ...occupancy, evidence: [...occupancy.evidence] });
          bundle.occupancies.push(occupancies.get(occupancy.id)!);
          continue;
        }
        // Two reports of one inspection (a SIF report and its LSCB review) augment or repeat one record: keep the first.
        if (section !== "sources" && section !== "findings") {
          if (seen.has(record.id)) continue;
          seen.add(record.id);
        }
        (bundle[section] as object[]).push(record);
      }
    }
  }
  return bundle;
}

function tallyOf(reads: ReportRead[], reports: IngestedReport[]): Record<Family, FamilyTally> {
  const quality = qualityOf(reads);
  const tally = {} as Record<Family, FamilyTally>;
  for (const family of Object.keys(quality) as Family[]) {
    const mine = reports.filter((r) => r.family === family);
    const findings = mine.flatMap((r) => r.draft.bundle.findings);
    tally[family] = {
      ...quality[family],
      inspections: new Set(mine.map((r) => r.inspection)).size,
      judgements: mine.reduce((n, r) => n + r.draft.bundle.judgements.length, 0),
      recommendations: findings.filter((f) => f.kind === "RECOMMENDATION").length,
      findings: findings.length,
      incomplete: reads
        .filter((r) => r.facts.family === family)
        .flatMap((r) => {
          const missing = [!(r.facts.start && r.facts.end) && "dates", !r.facts.leadInspector && "lead inspector", !r.published && "publication date", !hasEveryGrade(r.facts) && "some grades"].filter(Boolean);
          return missing.length > 0 ? [`${r.file}: ${missing.join(", ")}`] : [];
        }),
    };
  }
  return tally;
}
