/**
 * Whether a post was held by a given occupancy on a date, and how sure we can be (DESIGN.md "Held at
 * date D"). Dates are partial ("2024", "2024-09", "2024-09-18"): each stands for a range of days.
 *  - CERTAIN: the known interval certainly contains D (D after the whole start range, before the end range).
 *  - ATTESTED: bounds unknown (or not excluding D), and a source shows the holder in post within a year of D.
 *  - excluded: the interval certainly does not contain D, or nothing places the holder near D.
 * For a post: CERTAIN / ATTESTED from its best holder; VACANT when every known occupancy has both bounds
 * and none contains D; otherwise UNKNOWN.
 */
export type Certainty = "CERTAIN" | "ATTESTED" | "VACANT" | "UNKNOWN";

export type OccupancyDates = { start?: string | null; end?: string | null; attestedOn?: string[] | null };

export type HolderVerdict = { certainty: "CERTAIN" | "ATTESTED"; attestedOn: string | null; distanceDays: number };

const DAY_MS = 86_400_000;
export const ATTESTATION_WINDOW_DAYS = 365;

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

export function dayOf(isoDay: string): number {
  return partialRange(isoDay.slice(0, 10))[0];
}

/** Days between D and the range of a partial date (0 when D is inside it). */
function distance(on: number, partial: string): number {
  const [first, last] = partialRange(partial);
  if (on < first) return Math.round((first - on) / DAY_MS);
  if (on > last) return Math.round((on - last) / DAY_MS);
  return 0;
}

export function holderOn(occupancy: OccupancyDates, onIso: string): HolderVerdict | null {
  const on = dayOf(onIso);
  const start = occupancy.start ? partialRange(occupancy.start) : null;
  const end = occupancy.end ? partialRange(occupancy.end) : null;
  if (start && on < start[0]) return null; // certainly not yet in post
  if (end && on > end[1]) return null; // certainly gone
  if (start && end && on >= start[1] && on <= end[0]) return { certainty: "CERTAIN", attestedOn: null, distanceDays: 0 };

  let best: { date: string; days: number } | null = null;
  for (const date of occupancy.attestedOn ?? []) {
    const days = distance(on, date);
    if (!best || days < best.days) best = { date, days };
  }
  if (best && best.days <= ATTESTATION_WINDOW_DAYS) return { certainty: "ATTESTED", attestedOn: best.date, distanceDays: best.days };
  return null;
}

export function postCertainty(occupancies: OccupancyDates[], verdicts: (HolderVerdict | null)[]): Certainty {
  if (verdicts.some((v) => v?.certainty === "CERTAIN")) return "CERTAIN";
  if (verdicts.some((v) => v?.certainty === "ATTESTED")) return "ATTESTED";
  const fullyKnown = occupancies.length > 0 && occupancies.every((o) => o.start && o.end);
  return fullyKnown ? "VACANT" : "UNKNOWN";
}

/** Whether a relationship or intervention with optional partial bounds can be in force on D. */
export function mayCover(bounds: { start?: string | null; end?: string | null }, onIso: string): boolean {
  const on = dayOf(onIso);
  if (bounds.start && on < partialRange(bounds.start)[0]) return false;
  if (bounds.end && on > partialRange(bounds.end)[1]) return false;
  return true;
}
