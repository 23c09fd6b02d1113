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

/** The earliest-published evidence source's property, as the API picks it (evidence comes ordered by s.published, s.id). */
const earliestSource = (v: string, value: string) =>
  `COLLECT { MATCH (${v})-[:SUPPORTED_BY]->(s:Source) WHERE s.published IS NOT NULL RETURN ${value} AS d ORDER BY s.published, s.id LIMIT 1 }[0]`;

/**
 * The first of the label's own dates that is set, with its precision, as a pair [date, precision] (null when
 * none is). Built as a filtered list rather than `CASE WHEN v.start IS NOT NULL`: Neo4j 5.26 caches such a
 * property-existence test in the property's own slot, and `properties(v)` in the same query then returned
 * `start: true` (seen in recurringThemes).
 */
function ownPair(v: string, label: Label): string | null {
  const fields = (EFFECTIVE_DATE_FIELDS[label] ?? []).map(([field]) => field);
  if (fields.length === 0) return null;
  return `head([x IN [${fields.map((f) => `[${v}.${f}, ${v}.${f}Precision]`).join(", ")}] WHERE x[0] IS NOT NULL])`;
}

/**
 * `value(date, precision)` of the own pair, else `fallback` (the sources'): bound once as `p`, and the CASE is
 * lazy, so the source subquery runs only for a claim none of whose own dates is known.
 */
function firstSet(v: string, label: Label, value: (date: string, precision: string) => string, fallback: string): string {
  const own = ownPair(v, label);
  if (own === null) return fallback;
  return `[p IN [${own}] | CASE WHEN p IS NULL THEN ${fallback} ELSE ${value("p[0]", "p[1]")} END][0]`;
}

/** Cypher: the sort key of the effective date of the node bound to `v` (null when undated: sorts last ascending). */
export function effectiveSortKey(v: string, label: Label): string {
  return firstSet(v, label, middle, earliestSource(v, middle("s.published", "s.publishedPrecision")));
}

/**
 * Cypher: the effective date of the node bound to `v` as stored (its first day) and its precision, for
 * filters: the same choice as the sort key and the API's `effectiveDate`.
 */
export function effectiveDateCypher(v: string, label: Label): { date: string; precision: string } {
  return {
    date: firstSet(v, label, (date) => date, earliestSource(v, "s.published")),
    precision: firstSet(v, label, (_date, precision) => precision, earliestSource(v, "s.publishedPrecision")),
  };
}
