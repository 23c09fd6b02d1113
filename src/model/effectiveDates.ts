/**
 * One effective date per dated claim, for ordering and filtering everywhere: its start, else its end, else its
 * own publication date (a report's), else the earliest publication date of the sources that evidence it. The
 * API says which it used (`effectiveDate.basis`); lists sort by it at the middle of its partial range (as
 * `sortDay` does in TypeScript), undated last, then by id.
 */
import type { Label } from "./labels.js";

export type EffectiveBasis = "START" | "END" | "DATE" | "PUBLISHED" | "SOURCE_PUBLISHED";

/** The dated fields of each label, in the order they are tried, and what each is called in the answer. */
export const EFFECTIVE_DATE_FIELDS: Partial<Record<Label, [field: string, basis: EffectiveBasis][]>> = {
  Inspection: [["start", "START"], ["end", "END"], ["published", "PUBLISHED"]],
  Review: [["start", "START"], ["end", "END"], ["published", "PUBLISHED"]],
  Occupancy: [["start", "START"], ["end", "END"]],
  Membership: [["start", "START"], ["end", "END"]],
  Intervention: [["issued", "START"], ["lifted", "END"]],
  Meeting: [["date", "DATE"]],
  Statement: [["date", "DATE"]],
};

/** The record's own effective date (props with partial dates), or null when only its sources could date it. */
export function ownEffectiveDate(label: Label, props: Record<string, unknown>): { date: string; basis: EffectiveBasis } | null {
  for (const [field, basis] of EFFECTIVE_DATE_FIELDS[label] ?? []) {
    const value = props[field];
    if (typeof value === "string" && value) return { date: value, basis };
  }
  return null;
}

/** A stored date and its precision at the middle of its range (a year at 1 July, a month at the 15th). */
const middle = (date: string, precision: string) =>
  `CASE ${precision} WHEN 'YEAR' THEN ${date} + duration('P6M') WHEN 'MONTH' THEN ${date} + duration('P14D') ELSE ${date} END`;

/** Cypher: the sort key of the effective date of the node bound to `v` (null when undated: sorts last ascending). */
export function effectiveSortKey(v: string, label: Label): string {
  const own = (EFFECTIVE_DATE_FIELDS[label] ?? []).map(([field]) => middle(`${v}.${field}`, `${v}.${field}Precision`));
  // The earliest-published source, as the API picks it (evidence comes ordered by s.published, s.id).
  const source = `COLLECT { MATCH (${v})-[:SUPPORTED_BY]->(s:Source) WHERE s.published IS NOT NULL RETURN ${middle("s.published", "s.publishedPrecision")} AS d ORDER BY s.published, s.id LIMIT 1 }[0]`;
  return `coalesce(${[...own, source].join(", ")})`;
}

/**
 * Cypher: the effective date of the node bound to `v` as stored (its first day) and its precision, for
 * filters: the same choice as the sort key and the API's `effectiveDate`.
 */
export function effectiveDateCypher(v: string, label: Label): { date: string; precision: string } {
  const fields = (EFFECTIVE_DATE_FIELDS[label] ?? []).map(([field]) => field);
  const earliestSource = (property: string) =>
    `COLLECT { MATCH (${v})-[:SUPPORTED_BY]->(s:Source) WHERE s.published IS NOT NULL RETURN s.${property} AS d ORDER BY s.published, s.id LIMIT 1 }[0]`;
  return {
    date: `coalesce(${[...fields.map((f) => `${v}.${f}`), earliestSource("published")].join(", ")})`,
    precision: `CASE ${fields.map((f) => `WHEN ${v}.${f} IS NOT NULL THEN ${v}.${f}Precision`).join(" ")} ELSE ${earliestSource("publishedPrecision")} END`,
  };
}
