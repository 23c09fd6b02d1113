/**
 * What one Ofsted report says about its inspection, read from its text: the family (ILACS 2018+, the single
 * inspection framework 2013–2017, or the earlier looked-after-children and safeguarding inspections), the
 * authority as printed, the inspection dates, publication date, lead inspector and the judgement grades,
 * each with the page it was read from. Fields a report does not yield are null, never guessed.
 */
import type { PdfText } from "./pdfText.js";

export type Family = "ILACS" | "SIF" | "EARLIER";

/** A value with where it was read: page number and the short line it came from. */
export type Located<T> = { value: T; page: number; line: string };

export type ReportGrade = { area: string; grade: string; page: number; line: string };

export type ReportFacts = {
  family: Family;
  /** The inspection kind, and why when it is inferred rather than printed. */
  kind: { value: string; inferredFrom: string | null };
  title: Located<string>;
  authorityName: Located<string> | null;
  start: Located<string> | null;
  end: Located<string> | null;
  published: Located<string> | null;
  leadInspector: Located<string> | null;
  grades: ReportGrade[];
};

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
/** "July", "Feb", "Sept" → its number; 0 for no month. */
const month = (name: string) => {
  const lower = name.toLowerCase();
  return lower.length >= 3 ? MONTHS.findIndex((m) => m.startsWith(lower.slice(0, 3)) && m.startsWith(lower.replace(/\.$/, ""))) + 1 : 0;
};
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const validDay = (y: number, m: number, d: number) => m >= 1 && d >= 1 && new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;

/**
 * "17 to 28 July 2023", "29 April to 3 May 2024", "11 March – 2 April 2014", "13 November 2017 to 24 November 2017",
 * "8 – 12 July 2013", "12/09/2016 to 06/10/2016": the first and last day, or null when the text is no such range.
 */
export function parseDateRange(text: string): { start: string; end: string } | null {
  const numeric = /(\d{1,2})\/(\d{1,2})\/(\d{4})\s*(?:to|–|—|─|-)\s*(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(text);
  if (numeric) {
    const [d1, m1, y1, d2, m2, y2] = numeric.slice(1).map(Number) as [number, number, number, number, number, number];
    if (!validDay(y1, m1, d1) || !validDay(y2, m2, d2)) return null;
    const range = { start: iso(y1, m1, d1), end: iso(y2, m2, d2) };
    return range.start <= range.end ? range : null;
  }
  const m = /(\d{1,2})(?:st|nd|rd|th)?\s*([A-Za-z]+)?\s*(\d{4})?\s*(?:to|–|—|─|-|and)\s*(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\s+(\d{4})/.exec(text);
  if (!m) return null;
  const endYear = Number(m[6]);
  const endMonth = month(m[5]!);
  const startMonth = m[2] ? month(m[2]) : endMonth;
  if (endMonth < 1 || startMonth < 1) return null;
  const startYear = m[3] ? Number(m[3]) : startMonth > endMonth ? endYear - 1 : endYear;
  const [startDay, endDay] = [Number(m[1]), Number(m[4])];
  if (!validDay(startYear, startMonth, startDay) || !validDay(endYear, endMonth, endDay)) return null;
  const start = iso(startYear, startMonth, startDay);
  const end = iso(endYear, endMonth, endDay);
  return start <= end ? { start, end } : null;
}

/** "23 May 2014" → "2014-05-23". */
export function parseDay(text: string): string | null {
  const numeric = /(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(text);
  if (numeric) {
    const [d, mo, y] = numeric.slice(1).map(Number) as [number, number, number];
    return validDay(y, mo, d) ? iso(y, mo, d) : null;
  }
  const m = /(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\s+(\d{4})/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), month(m[2]!), Number(m[3])];
  return mo >= 1 && validDay(y, mo, d) ? iso(y, mo, d) : null;
}

const TITLES: { family: Family; pattern: RegExp; kind: string | null }[] = [
  { family: "ILACS", pattern: /local authority children[’']s services/i, kind: null },
  { family: "ILACS", pattern: /Inspection of (?:local authority )?children[’']s social care services/i, kind: null },
  { family: "ILACS", pattern: /Inspection of local authority children[’']s services/i, kind: null },
  { family: "ILACS", pattern: /^Inspection of (?!services for)(?!looked after)(?!safeguarding).+? children[’']s services/i, kind: null },
  { family: "SIF", pattern: /inspection of services for children in need of help and protection/i, kind: "SIF" },
  { family: "SIF", pattern: /^(?:\d+ )?.{3,80}? Safeguarding Children Board Review of the effectiveness of the Local Safeguarding Children Board/i, kind: "LSCB_REVIEW" },
  { family: "EARLIER", pattern: /Inspection of looked after children/i, kind: "LOOKED_AFTER_CHILDREN" },
  { family: "EARLIER", pattern: /Inspection of safeguarding and looked after children/i, kind: "SAFEGUARDING_AND_LOOKED_AFTER" },
  { family: "EARLIER", pattern: /Inspection of safeguarding/i, kind: "SAFEGUARDING" },
];

/** The family from the first page's title, or null for a report of no known family. */
export function classify(text: PdfText): { family: Family; kind: string | null; line: string } | null {
  const head = (text.pages[0] ?? []).slice(0, 12);
  for (const title of TITLES) {
    const joined = head.join(" ");
    if (title.pattern.test(joined)) return { family: title.family, kind: title.kind, line: head.find((l) => /inspection/i.test(l)) ?? head[0] ?? "" };
  }
  return null;
}

/** The first line on any of the first `pages` pages matching `pattern`, with its page. */
function find(text: PdfText, pattern: RegExp, pages = 3): { match: RegExpExecArray; page: number; line: string } | null {
  for (let p = 0; p < Math.min(pages, text.pages.length); p++) {
    const lines = text.pages[p]!;
    for (let i = 0; i < lines.length; i++) {
      // A label can end its line and its value start the next: try the line, then the line with the next.
      for (const candidate of [lines[i]!, `${lines[i]} ${lines[i + 1] ?? ""}`]) {
        const match = pattern.exec(candidate);
        // A match that begins on the next line is found there, on its own line.
        if (match && match.index < lines[i]!.length) return { match, page: p + 1, line: candidate.slice(match.index, match.index + 160) };
      }
    }
  }
  return null;
}



export function readReport(text: PdfText): ReportFacts | null {
  const family = classify(text);
  if (!family) return null;
  const dates = find(text, /Inspection dates?:?\s*(.+)/i, 3);
  const range = dates ? parseDateRange(dates.match[1]!) : null;
  // A report that prints one date gives the day it names, not when the inspection began.
  const single = dates && !range ? parseDay(dates.match[1]!) : null;
  const publishedAt = find(text, /(?:Report )?published:?\s*(\d{1,2}\s+[A-Za-z]+\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{4})/i, 2);
  const published = publishedAt ? parseDay(publishedAt.match[1]!) : null;
  const lead = find(text, /^(?:Lead inspectors?(?: on site)?|Reporting inspector|Lead HMI)\s*:?\s*([A-Z][^,]+?)(?:,|\s+(?:Senior\s+)?(?:HMI|His|Her|Ofsted|Social Care Regulatory)\b|$)/, family.family === "ILACS" ? 2 : text.pages.length);
  return {
    family: family.family,
    kind: family.kind ? { value: family.kind, inferredFrom: null } : ilacsKind(range),
    title: { value: family.line, page: 1, line: family.line },
    authorityName: authorityName(text, family.family),
    start: range && dates ? { value: range.start, page: dates.page, line: dates.line } : null,
    end: (range || single) && dates ? { value: range?.end ?? single!, page: dates.page, line: dates.line } : null,
    published: published && publishedAt ? { value: published, page: publishedAt.page, line: publishedAt.line } : null,
    leadInspector: lead ? { value: lead.match[1]!.trim(), page: lead.page, line: lead.line } : null,
    grades: family.family === "ILACS" ? ilacsGrades(text) : family.family === "SIF" ? sifGrades(text) : earlierGrades(text),
  };
}

/** ILACS reports do not print standard or short: a visit of one week is a short inspection, two weeks a standard one. */
function ilacsKind(range: { start: string; end: string } | null): ReportFacts["kind"] {
  if (!range) return { value: "ILACS", inferredFrom: "the report gives no dates to tell a standard from a short inspection" };
  const days = (Date.parse(range.end) - Date.parse(range.start)) / 86_400_000 + 1;
  return days <= 7
    ? { value: "ILACS_SHORT", inferredFrom: `on site for ${days} days (${range.start} to ${range.end}): short inspections last one week, standard ones two` }
    : { value: "ILACS_STANDARD", inferredFrom: `on site for ${days} days (${range.start} to ${range.end}): standard inspections last two weeks, short ones one` };
}

/** The authority as printed on page 1: around the title, before the dates. */
function authorityName(text: PdfText, family: Family): Located<string> | null {
  const head = (text.pages[0] ?? []).slice(0, 12);
  const joined = head.join(" ");
  const patterns =
    family === "ILACS"
      ? [
          /Inspection of (?:the )?((?:(?!Inspection of).){1,80}?) local authority children[’']s services/i,
          /^(?:\d+ )?(.+?) Inspection of (?:local authority )?children[’']s (?:social care )?services/i,
          /^Inspection of (?:the )?(.+?) children[’']s services/i,
        ]
      : family === "SIF"
        ? [/^(?:\d+ )?(.+?) (?:Re-?)?[Ii]nspection of services for children/i, /^(?:\d+ )?(.+?) Safeguarding Children Board Review/i]
        : [/Inspection of (?:safeguarding and )?looked after children services (.+?) Inspection dates?/i, /Inspection of safeguarding(?: and looked after children)? services (.+?) Inspection dates?/i];
  for (const pattern of patterns) {
    const m = pattern.exec(joined);
    if (m) return { value: m[1]!.replace(/^\d+\s+/, "").trim(), page: 1, line: m[0].slice(0, 160) };
  }
  return null;
}

const ILACS_AREAS: [string, RegExp][] = [
  ["IMPACT_OF_LEADERS", /impact of leaders on social work practice with children and families/i],
  ["HELP_AND_PROTECTION", /experiences and progress of children who need help and protection/i],
  ["CHILDREN_IN_CARE_AND_CARE_LEAVERS", /experiences and progress of children in care and care leavers/i],
  ["CHILDREN_IN_CARE", /experiences and progress of children in care(?! and care leavers)/i],
  ["CARE_LEAVERS", /experiences and progress of care leavers/i],
  ["OVERALL_EFFECTIVENESS", /Overall effectiveness/i],
];

/** The grade that follows a label in the joined text of the judgement table. */
function gradesIn(table: string, areas: [string, RegExp][], page: number): ReportGrade[] {
  const grades: ReportGrade[] = [];
  for (const [area, label] of areas) {
    const at = label.exec(table);
    if (!at) continue;
    const after = table.slice(at.index + at[0].length, at.index + at[0].length + 60);
    const grade = /^\W*(?:is\s+)?(Outstanding|Good|Requires? improvement(?: to be good)?|Inadequate|Adequate)/i.exec(after);
    if (grade) grades.push({ area, grade: normaliseGrade(grade[1]!), page, line: `${at[0]} ${grade[1]}`.slice(0, 160) });
  }
  return grades;
}

export function normaliseGrade(text: string): string {
  const lower = text.toLowerCase();
  if (/^requires? improvement/.test(lower)) return "REQUIRES_IMPROVEMENT";
  return lower.toUpperCase();
}

function ilacsGrades(text: PdfText): ReportGrade[] {
  for (let p = 0; p < Math.min(2, text.pages.length); p++) {
    const joined = text.pages[p]!.join(" ");
    const start = joined.search(/Judgement\s+Grade/i);
    if (start >= 0) return gradesIn(joined.slice(start), ILACS_AREAS, p + 1);
  }
  return [];
}

const SIF_AREAS: [string, RegExp][] = [
  ["HELP_AND_PROTECTION", /1\.? Children who need help and protection/i],
  ["LOOKED_AFTER_AND_PERMANENCE", /2\.? Children looked after and achieving permanence/i],
  ["ADOPTION", /2\.1\.? Adoption performance/i],
  ["CARE_LEAVERS", /2\.2\.? Experiences and progress of care leavers/i],
  ["LEADERSHIP", /3\.? Leadership, management and governance/i],
  ["LSCB", /The (?:effectiveness of the )?Local Safeguarding Children Board(?: \(LSCB\))?(?= is | requires? | inadequate| good| outstanding)/i],
];

/** "The overall judgement is (that children's services) require(s) improvement", "Children's services in X are good". */
const SIF_OVERALL =
  /(?:The overall judgement is(?: that children[’']s services?)?|Children[’']s services(?: in .{1,60}?)?)\s+(?:is\s+|are\s+)?(requires? improvement(?: to be good)?|inadequate|good|outstanding)/i;

function sifGrades(text: PdfText): ReportGrade[] {
  const joined = (text.pages[0] ?? []).join(" ");
  const grades = gradesIn(joined, SIF_AREAS, 1);
  // The LSCB review's judgement often opens its own section, pages later.
  const lscb = SIF_AREAS.filter(([area]) => area === "LSCB");
  for (let p = 1; p < text.pages.length && !grades.some((g) => g.area === "LSCB"); p++) grades.push(...gradesIn(text.pages[p]!.join(" "), lscb, p + 1));
  const overall = SIF_OVERALL.exec(joined);
  if (overall) grades.unshift({ area: "OVERALL_EFFECTIVENESS", grade: normaliseGrade(overall[1]!.replace(/^require /i, "requires ")), page: 1, line: overall[0].slice(0, 160) });
  return grades;
}

const EARLIER_AREAS: [string, RegExp][] = [
  ["OVERALL_EFFECTIVENESS", /Overall effectiveness(?: of (?:the )?services[^.]*?young people)?/i],
  ["CAPACITY_TO_IMPROVE", /Capacity to improve/i],
  ["OUTCOMES", /Outcomes for looked after children and young people/i],
  ["QUALITY_OF_PROVISION", /Quality of provision/i],
  ["LEADERSHIP", /Leadership and management/i],
];

/** Each area's heading followed by "Grade 3 (Adequate)", possibly across a page break; the first of each counts. */
function earlierGrades(text: PdfText): ReportGrade[] {
  const pages = text.pages.map((lines) => lines.join(" "));
  const grades: ReportGrade[] = [];
  for (const [area, label] of EARLIER_AREAS) {
    const pattern = new RegExp(`(${label.source})\\s*(?:\\S+ ){0,12}?Grade \\d \\((outstanding|good|adequate|inadequate)\\)`, "i");
    for (let p = 0; p < pages.length; p++) {
      // A heading at the foot of one page can have its grade at the top of the next.
      const m = pattern.exec(`${pages[p]} ${(pages[p + 1] ?? "").slice(0, 200)}`);
      if (!m || m.index > pages[p]!.length) continue;
      grades.push({ area, grade: normaliseGrade(m[2]!), page: p + 1, line: `${m[1]} Grade (${m[2]})`.slice(0, 160) });
      break;
    }
  }
  return grades;
}
