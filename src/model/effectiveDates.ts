/**
 * One effective date per dated claim, for ordering and filtering everywhere: its start, else its end, else its
 * own publication date (a report's), else the earliest publication date of the sources that evidence it. The
 * API says which it used (`effectiveDate.basis`); lists sort by it (at the middle of its partial range, as
 * `sortableStart` does), undated last, then by id.
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
  const source = `COLLECT { MATCH (${v})-[:SUPPORTED_BY]->(s:Source) WHERE s.published IS NOT NULL RETURN ${middle("s.published", "s.publishedPrecision")} AS d ORDER BY d LIMIT 1 }[0]`;
  return `coalesce(${[...own, source].join(", ")})`;
}
