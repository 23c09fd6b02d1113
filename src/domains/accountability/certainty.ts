/**
 * Whether a post was held by a given occupancy at a time D, and how sure we can be (DESIGN.md "Held at
 * date D"). Dates are partial ("2024", "2024-09", "2024-09-18"): each stands for a range of days, and so does
 * D — a day, or a month or year asked as a whole ("who held it in 2019": anyone in post during 2019).
 *  - CERTAIN: the known interval certainly holds at least one day of D (the whole start range before D's end,
 *    the whole end range after D's start).
 *  - ATTESTED: bounds unknown (or not excluding D), and a source shows the holder in post within a year of D,
 *    however the attestation's own partial date is read (a source dated "2024" may mean 31 December 2024, so
 *    it attests nothing in 2023: the year is counted from the attestation's farthest possible day).
 *  - excluded: the interval certainly misses all of D, or nothing places the holder near D.
 * For a post: CERTAIN / ATTESTED from its best holder; VACANT when every known occupancy has both bounds
 * and certainly excludes D; otherwise UNKNOWN.
 */
import { DAY_MS, intervalRanges, partialRange, type BoundedInterval } from "../../model/partialDates.js";

export type Certainty = "CERTAIN" | "ATTESTED" | "VACANT" | "UNKNOWN";

export type OccupancyDates = BoundedInterval & { attestedOn?: string[] | null };

export type HolderVerdict = { certainty: "CERTAIN" | "ATTESTED"; attestedOn: string | null; distanceDays: number };

export const ATTESTATION_WINDOW_DAYS = 365;

/** Days between the range D and the range of a partial date (0 when they overlap). */
function distance(on: [number, number], partial: string): number {
  const [first, last] = partialRange(partial);
  if (on[1] < first) return Math.round((first - on[1]) / DAY_MS);
  if (on[0] > last) return Math.round((on[0] - last) / DAY_MS);
  return 0;
}

/** Days from the range D to the farthest day a partial date may mean (0 when every such day is inside D). */
function farthest(on: [number, number], partial: string): number {
  const [first, last] = partialRange(partial);
  return Math.max(0, Math.round((on[0] - first) / DAY_MS), Math.round((last - on[1]) / DAY_MS));
}

type Bounds = BoundedInterval;

/**
 * Whether something with these partial dates (or bounds: "began before 2020") can be in force at some time
 * in D (D is not certainly outside them).
 */
export function mayCover(bounds: Bounds, onPartial: string): boolean {
  const [first, last] = partialRange(onPartial);
  const { start, end } = intervalRanges(bounds);
  return start[0] <= last && end[1] >= first;
}

/** Whether a meeting dated `date` may have been held in the year up to D: by D's end, and within a year before D begins. */
export function meetingWithinYearTo(date: string, onPartial: string): boolean {
  const [first, last] = partialRange(onPartial);
  const [meetingFirst, meetingLast] = partialRange(date);
  return meetingFirst <= last && meetingLast >= first - ATTESTATION_WINDOW_DAYS * DAY_MS;
}

/**
 * Whether the interval certainly holds some day of D: the latest day it may have begun is before D ends, and
 * the earliest day it may have ended is after D begins (so both ends must be known, or bounded: "began before
 * 2020" and "ended after March 2021" make it certain for every day from January 2020 to March 2021).
 */
export function certainlyCovers(bounds: Bounds, onPartial: string): boolean {
  const [first, last] = partialRange(onPartial);
  const { start, end } = intervalRanges(bounds);
  if (!bothEndsStated(bounds)) return false;
  // Whatever the actual start and end within their ranges, [start, end] meets D.
  return start[1] <= last && end[0] >= first;
}

/** Both ends given, each as a date or a bound. */
function bothEndsStated(b: Bounds): boolean {
  return Boolean((b.start || b.startBefore || b.startAfter) && (b.end || b.endBefore || b.endAfter));
}

export function holderOn(occupancy: OccupancyDates, onPartial: string): HolderVerdict | null {
  if (!mayCover(occupancy, onPartial)) return null; // certainly not in post at any time in D
  if (certainlyCovers(occupancy, onPartial)) return { certainty: "CERTAIN", attestedOn: null, distanceDays: 0 };
  const on = partialRange(onPartial);
  let best: { date: string; days: number } | null = null;
  for (const date of occupancy.attestedOn ?? []) {
    if (farthest(on, date) > ATTESTATION_WINDOW_DAYS) continue; // some day it may mean is over a year from D
    const days = distance(on, date);
    if (!best || days < best.days) best = { date, days };
  }
  if (best) return { certainty: "ATTESTED", attestedOn: best.date, distanceDays: best.days };
  return null;
}

/** VACANT only when every known occupancy is fully dated and certainly excludes the day. */
export function postCertainty(occupancies: OccupancyDates[], verdicts: (HolderVerdict | null)[], onPartial: string): Certainty {
  if (verdicts.some((v) => v?.certainty === "CERTAIN")) return "CERTAIN";
  if (verdicts.some((v) => v?.certainty === "ATTESTED")) return "ATTESTED";
  const vacant = occupancies.length > 0 && occupancies.every((o) => bothEndsStated(o) && !mayCover(o, onPartial));
  return vacant ? "VACANT" : "UNKNOWN";
}

/**
 * The latest date, not after D, at which a source places this occupancy's holder in post: its start, an
 * attestation, its end, or the date it is known to have lasted beyond (`endAfter`), whichever is latest and
 * begins no later than D ends; null when none does.
 */
export function lastEvidenced(occupancy: OccupancyDates, onPartial: string): string | null {
  const last = partialRange(onPartial)[1];
  let best: string | null = null;
  for (const date of [occupancy.start, occupancy.end, occupancy.endAfter, ...(occupancy.attestedOn ?? [])]) {
    if (!date || partialRange(date)[0] > last) continue;
    if (!best || partialRange(date)[1] > partialRange(best)[1]) best = date;
  }
  return best;
}
