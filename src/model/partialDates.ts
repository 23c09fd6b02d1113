/**
 * Partial dates ("2024", "2024-09", "2024-09-18") as ranges of days, and conversions used wherever they are
 * compared: a partial date stands for every day from its first to its last.
 */
import neo4j from "neo4j-driver";
import { z } from "zod";
import { badInput } from "../errors.js";

/** "2024", "2024-09" or "2024-09-18": a date known to the year, month or day. */
export const PARTIAL_DATE_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

export const partialDate = z
  .string()
  .regex(PARTIAL_DATE_PATTERN, "must be a partial date: YYYY, YYYY-MM or YYYY-MM-DD")
  .refine(isRealDate, "is not a real calendar date");

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split("-").map(Number);
  if (d === undefined) return true;
  const date = new Date(Date.UTC(y!, m! - 1, d));
  return date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}


export type DatePrecision = "YEAR" | "MONTH" | "DAY";

/** "2024-09" → a Neo4j date of its earliest day (2024-09-01) and its precision (MONTH). */
export function partialToNeo4j(partial: string): { date: InstanceType<typeof neo4j.types.Date>; precision: DatePrecision } {
  const [year, month, day] = partial.split("-").map(Number);
  const precision: DatePrecision = day !== undefined ? "DAY" : month !== undefined ? "MONTH" : "YEAR";
  return { date: new neo4j.types.Date(year!, month ?? 1, day ?? 1), precision };
}

/** The inverse: "2024-09-01" with MONTH → "2024-09". */
export function plainToPartial(isoDay: string | null, precision: string | null): string | null {
  if (isoDay === null) return null;
  if (precision === "YEAR") return isoDay.slice(0, 4);
  if (precision === "MONTH") return isoDay.slice(0, 7);
  return isoDay.slice(0, 10);
}


export const DAY_MS = 86_400_000;

/** First and last day (as UTC ms) of the range a partial date stands for. */
export function partialRange(partial: string): [number, number] {
  const [y, m, d] = partial.split("-").map(Number) as [number, number?, number?];
  if (d !== undefined) {
    const day = Date.UTC(y, m! - 1, d);
    return [day, day];
  }
  if (m !== undefined) return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1) - DAY_MS];
  return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1) - DAY_MS];
}

/**
 * An interval whose ends may be known only as bounds: `startBefore: "2020"` (it began some time before 2020),
 * `endAfter: "2021-03"` (it lasted beyond March 2021). Bounds are exclusive of their whole range.
 */
export type BoundedInterval = {
  start?: string | null; end?: string | null;
  startBefore?: string | null; startAfter?: string | null; endBefore?: string | null; endAfter?: string | null;
};

/**
 * The days each end may fall on, as [earliest, latest] (±Infinity where nothing bounds it): from the date
 * itself, or from its bounds. An end is never before the start, so an unknown end starts from the start's earliest.
 */
export function intervalRanges(interval: BoundedInterval): { start: [number, number]; end: [number, number] } {
  const range = (date?: string | null, before?: string | null, after?: string | null): [number, number] => {
    if (date) return partialRange(date);
    return [after ? partialRange(after)[1] + DAY_MS : -Infinity, before ? partialRange(before)[0] - DAY_MS : Infinity];
  };
  const start = range(interval.start, interval.startBefore, interval.startAfter);
  const end = range(interval.end, interval.endBefore, interval.endAfter);
  return { start, end: [Math.max(end[0], start[0]), end[1]] };
}

export function dayOf(isoDay: string): number {
  return partialRange(isoDay.slice(0, 10))[0];
}

/** Whether a partial date `end` certainly falls before a partial date `start` (their ranges do not overlap). */
export function endsBeforeStart(start: string, end: string): boolean {
  return partialRange(end)[1] < partialRange(start)[0];
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * A range given as two optional partial dates, as Neo4j dates from the first day of `from` to the last
 * day of `to`; BAD_USER_INPUT when `to` ends before `from` begins.
 */
export function rangeToNeo4j(from: string | null | undefined, to: string | null | undefined, argument = "to") {
  if (from && to && endsBeforeStart(from, to)) throw badInput(`"to" (${to}) is before "from" (${from})`, { argument });
  return {
    from: from ? partialToNeo4j(from).date : null,
    to: to ? partialToNeo4j(isoDay(partialRange(to)[1])).date : null,
  };
}

/**
 * Where a partial date sorts: the middle of its range ("2024" → 1 July, "2024-09" → the 15th), the same
 * rule as `inspectionDateKey` in Cypher, so a visit known only as "2024" sorts between February and September.
 */
export function sortDay(partial: string): number {
  const [first] = partialRange(partial);
  const [y, m, d] = partial.split("-").map(Number) as [number, number?, number?];
  if (d !== undefined) return first;
  return m !== undefined ? first + 14 * DAY_MS : Date.UTC(y, 6, 1);
}

/**
 * How a partial date sits in a range of partial dates: WITHIN when the whole of it falls inside ("2024-03" in
 * 2024), OVERLAPS when only part does (a visit known as "2024" against March to June 2024: borderline),
 * OUTSIDE when none does; null for no date.
 */
export function dateMatch(partial: string | null | undefined, from?: string | null, to?: string | null): "WITHIN" | "OVERLAPS" | "OUTSIDE" | null {
  if (!partial) return null;
  const [first, last] = partialRange(partial);
  const lower = from ? partialRange(from)[0] : -Infinity;
  const upper = to ? partialRange(to)[1] : Infinity;
  if (first >= lower && last <= upper) return "WITHIN";
  return last < lower || first > upper ? "OUTSIDE" : "OVERLAPS";
}
