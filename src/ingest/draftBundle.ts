/**
 * One report as a draft bundle: its Source (title as printed, Ofsted, publication date, the file's sha256),
 * the Inspection (authority, kind, dates, lead inspector), every judgement on its framework's judgement area,
 * and every recommendation as a RECOMMENDATION finding tagged with themes — each claim with a quote of at
 * most 25 words and where it is in the report. Ids are derived from what identifies the thing (authority,
 * framework, start date), so drafting the same report twice gives the same bundle.
 */
import path from "node:path";
import type { BundleFile } from "../bundles/bundleSchema.js";
import { slug } from "./authoritiesBundle.js";
import { IngestError } from "./pdfText.js";
import type { ReportRead } from "./readReports.js";
import { draftHolders } from "./draftHolders.js";
import { readJudgementFindings } from "./judgementFindings.js";
import { readPostHolders } from "./postHolders.js";
import { readRecommendations, recommendationLocator } from "./recommendations.js";
import { firstWords } from "./reportLines.js";
import type { Family, ReportFacts } from "./report.js";
import { matchThemes } from "./themeCues.js";

export const OFSTED = "org:ofsted";
export const QUOTE_WORDS = 25;

type Records<K extends keyof BundleFile> = NonNullable<BundleFile[K]>;
export type ReportDraft = {
  bundle: {
    sources: Records<"sources">;
    people: Records<"people">;
    posts: Records<"posts">;
    occupancies: Records<"occupancies">;
    inspections: Records<"inspections">;
    judgements: Records<"judgements">;
    findings: Records<"findings">;
  };
  /** The full text of each recommendation by finding id (not part of the bundle): reconciliation matches on it. */
  texts: Map<string, string>;
};


/** The framework part of an inspection's identity. */
const FRAMEWORK: Record<Family, string> = { ILACS: "ilacs", SIF: "sif", EARLIER: "lac" };

const KIND: Record<string, string> = {
  ILACS_STANDARD: "ILACS_STANDARD", ILACS_SHORT: "ILACS_SHORT", SIF: "SIF", LSCB_REVIEW: "SIF",
  LOOKED_AFTER_CHILDREN: "LOOKED_AFTER_CHILDREN", SAFEGUARDING: "SAFEGUARDING", SAFEGUARDING_AND_LOOKED_AFTER: "SAFEGUARDING_AND_LOOKED_AFTER",
};

/** Judgement area ids (seeds/reference/judgement-areas.json) per family and the area codes report.ts reads. */
function judgementArea(facts: ReportFacts, area: string): string {
  if (facts.family === "ILACS") {
    const framework = facts.grades.some((g) => g.area === "CARE_LEAVERS" || g.area === "CHILDREN_IN_CARE") ? "ilacs-2023" : "ilacs-2018";
    const names: Record<string, string> = {
      IMPACT_OF_LEADERS: "leaders", HELP_AND_PROTECTION: "help-and-protection", CHILDREN_IN_CARE_AND_CARE_LEAVERS: "children-in-care-and-care-leavers",
      CHILDREN_IN_CARE: "children-in-care", CARE_LEAVERS: "care-leavers", OVERALL_EFFECTIVENESS: "overall",
    };
    return `judgement-area:${framework}-${names[area]}`;
  }
  if (facts.family === "SIF") {
    const names: Record<string, string> = {
      OVERALL_EFFECTIVENESS: "overall", HELP_AND_PROTECTION: "help-and-protection", LOOKED_AFTER_AND_PERMANENCE: "looked-after-and-permanence",
      ADOPTION: "adoption", CARE_LEAVERS: "care-leavers", LEADERSHIP: "leadership", LSCB: "lscb",
    };
    return `judgement-area:sif-2013-${names[area]}`;
  }
  const names: Record<string, string> = {
    OVERALL_EFFECTIVENESS: "overall", CAPACITY_TO_IMPROVE: "capacity-to-improve", OUTCOMES: "outcomes", QUALITY_OF_PROVISION: "quality-of-provision", LEADERSHIP: "leadership",
  };
  return `judgement-area:lac-2009-${names[area]}`;
}

/** A finding's summary: its text when it is a quote's length, else its first words marked as cut. */
const summary = (text: string) => {
  const { words, cut } = firstWords(text, QUOTE_WORDS);
  return cut ? `${words} …` : words;
};
const quote = (text: string) => firstWords(text.replace(/\s+/g, " ").trim(), QUOTE_WORDS).words;

/** `corpusDir`: the folder file paths are stored relative to (the Ofsted corpus), so the bundle names no machine's paths. */
export function draftReport(read: ReportRead, authorityId: string, corpusDir: string): ReportDraft {
  const { facts } = read;
  const kind = KIND[facts.kind.value];
  if (!kind) throw new IngestError(read.file, "page 1", `cannot tell the inspection's kind (${facts.kind.inferredFrom ?? facts.kind.value})`);
  const published = read.published?.value;
  const when = facts.start?.value ?? (published ? `published-${published}` : read.sha256.slice(0, 12));
  const key = `${authorityId.slice("org:".length)}-${FRAMEWORK[facts.family]}-${when}`;
  const sourceId = `source:ofsted-${authorityId.slice("org:".length)}-${published ?? read.sha256.slice(0, 12)}`;
  const evidence = (line: string, locator: string) => ({ source: sourceId, quote: quote(line), locator });

  const relative = path.relative(corpusDir, read.file).split(path.sep).join("/");
  const source = {
    id: sourceId,
    title: printedTitle(read),
    publisher: "Ofsted",
    published: published ?? null,
    ...(read.published?.from === "file name" ? { publishedNote: "Not printed in the report; from the file's name in the Ofsted corpus." } : {}),
    kind: "REPORT" as const,
    ...(relative.startsWith("..") ? {} : { file: relative }),
    sha256: read.sha256,
  };

  const people: ReportDraft["bundle"]["people"] = [];
  const lead = facts.leadInspector;
  const leadId = lead ? `person:inspector-${slug(lead.value)}` : undefined;
  if (lead && leadId) people.push({ id: leadId, name: lead.value, unnamed: false, description: "Ofsted inspector, named as lead inspector in inspection reports." });

  const inspectionEvidence = [
    ...(facts.start || facts.end ? [evidence((facts.start ?? facts.end)!.line, `page ${(facts.start ?? facts.end)!.page}`)] : []),
    ...(lead ? [evidence(lead.line, `page ${lead.page}`)] : []),
    ...(facts.published ? [evidence(facts.published.line, `page ${facts.published.page}`)] : []),
  ];
  if (inspectionEvidence.length === 0) inspectionEvidence.push(evidence(facts.title.line, "page 1"));
  const inspection = {
    id: `inspection:${key}`,
    kind: kind as ReportDraft["bundle"]["inspections"][number]["kind"],
    status: "HELD" as const,
    authority: authorityId,
    by: OFSTED,
    ...(facts.start ? { start: facts.start.value } : {}),
    ...(facts.end ? { end: facts.end.value } : {}),
    ...(published ? { published } : {}),
    ...(leadId ? { leadInspector: leadId } : {}),
    evidence: dedupe(inspectionEvidence),
    ...(facts.kind.inferredFrom ? { inferred: true, inferredFrom: `Kind: ${facts.kind.inferredFrom}.` } : {}),
    ...(facts.start ? {} : { note: facts.end ? "The report prints one date, taken as the last day of the inspection." : "The report prints no inspection dates." }),
  };

  const judgements = facts.grades.map((g) => ({
    id: `judgement:${key}-${slug(g.area)}`,
    inspection: inspection.id,
    area: judgementArea(facts, g.area),
    grade: g.grade as ReportDraft["bundle"]["judgements"][number]["grade"],
    evidence: [evidence(g.line, `page ${g.page}, ${facts.family === "SIF" && g.area === "LSCB" ? "LSCB review" : "judgements"}`)],
  }));

  const texts = new Map<string, string>();
  const findings: ReportDraft["bundle"]["findings"] = readRecommendations(read.text).map((r) => {
    const id = `finding:${key}-rec-${r.ordinal}${r.subItem !== null ? `-${r.subItem}` : ""}`;
    texts.set(id, r.text);
    const { themes, cues } = matchThemes(r.text);
    return {
      id,
      inspection: inspection.id,
      kind: "RECOMMENDATION" as const,
      polarity: "NEUTRAL" as const,
      summary: summary(r.text),
      serviceAreas: [],
      themes,
      cues: [`kind RECOMMENDATION: listed under "${[r.section, r.group].filter(Boolean).join(" › ")}"`, ...cues],
      evidence: [evidence(r.text, recommendationLocator(r))],
    };
  });
  for (const f of readJudgementFindings(read.text)) {
    const id = `finding:${key}-${f.suffix}`;
    texts.set(id, f.text);
    findings.push({
      id,
      inspection: inspection.id,
      kind: f.kind,
      polarity: f.polarity,
      summary: summary(f.text),
      serviceAreas: [],
      themes: f.themes,
      cues: f.cues.map((cue) => cue.slice(0, 200)),
      evidence: [evidence(f.text, f.locator)],
    });
  }
  const holders = draftHolders(
    readPostHolders(read.text),
    { id: authorityId, name: read.authority.name },
    { attestedOn: facts.end?.value ?? published, described: `Ofsted's report${published ? ` published ${published}` : ""}` },
    evidence,
  );
  return { bundle: { sources: [source], people: [...people, ...holders.people], posts: holders.posts, occupancies: holders.occupancies, inspections: [inspection], judgements, findings }, texts };
}

/** The report's title as printed on page 1: the lines before the inspection dates, without the page number. */
function printedTitle(read: ReportRead): string {
  const head: string[] = [];
  for (const line of read.text.pages[0] ?? []) {
    if (/^Inspection dates?|^Lead inspector|^Reporting inspector|^Age group|^Published/i.test(line)) break;
    if (!/^\d{1,3}$/.test(line)) head.push(line);
    if (head.length >= 8) break;
  }
  const title = head.join(" ").replace(/\s+/g, " ").trim();
  return (title || read.facts.title.value).slice(0, 300);
}

function dedupe<T extends { quote: string }>(items: T[]): T[] {
  return items.filter((item, i) => items.findIndex((other) => other.quote === item.quote) === i);
}
