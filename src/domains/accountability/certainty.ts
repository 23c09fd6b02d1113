/**
 * Whether a post was held by a given occupancy on a date, and how sure we can be (DESIGN.md "Held at
 * date D"). Dates are partial ("2024", "2024-09", "2024-09-18"): each stands for a range of days.
 *  - CERTAIN: the known interval certainly contains D (D after the whole start range, before the end range).
 *  - ATTESTED: bounds unknown (or not excluding D), and a source shows the holder in post within a year of D.
 *  - excluded: the interval certainly does not contain D, or nothing places the holder near D.
 * For a post: CERTAIN / ATTESTED from its best holder; VACANT when every known occupancy has both bounds
 * and certainly excludes D; otherwise UNKNOWN.
 */
import { dayOf, DAY_MS, partialRange } from "../../model/partialDates.js";

export type Certainty = "CERTAIN" | "ATTESTED" | "VACANT" | "UNKNOWN";

export type OccupancyDates = { start?: string | null; end?: string | null; attestedOn?: string[] | null };

export type HolderVerdict = { certainty: "CERTAIN" | "ATTESTED"; attestedOn: string | null; distanceDays: number };

export const ATTESTATION_WINDOW_DAYS = 365;

/** Days between D and the range of a partial date (0 when D is inside it). */
function distance(on: number, partial: string): number {
  const [first, last] = partialRange(partial);
  if (on < first) return Math.round((first - on) / DAY_MS);
  if (on > last) return Math.round((on - last) / DAY_MS);
  return 0;
}

type Bounds = { start?: string | null; end?: string | null };

/** Whether something with these partial bounds can be in force on D (D is not certainly outside them). */
export function mayCover(bounds: Bounds, onIso: string): boolean {
  const on = dayOf(onIso);
  if (bounds.start && on < partialRange(bounds.start)[0]) return false;
  if (bounds.end && on > partialRange(bounds.end)[1]) return false;
  return true;
}

/** Whether D is certainly inside the bounds: both known, D after the whole start range and before the end range. */
export function certainlyCovers(bounds: Bounds, onIso: string): boolean {
  if (!bounds.start || !bounds.end) return false;
  const on = dayOf(onIso);
  return on >= partialRange(bounds.start)[1] && on <= partialRange(bounds.end)[0];
}

export function holderOn(occupancy: OccupancyDates, onIso: string): HolderVerdict | null {
  if (!mayCover(occupancy, onIso)) return null; // certainly not in post that day
  if (certainlyCovers(occupancy, onIso)) return { certainty: "CERTAIN", attestedOn: null, distanceDays: 0 };
  const on = dayOf(onIso);
  let best: { date: string; days: number } | null = null;
  for (const date of occupancy.attestedOn ?? []) {
    const days = distance(on, date);
    if (!best || days < best.days) best = { date, days };
  }
  if (best && best.days <= ATTESTATION_WINDOW_DAYS) return { certainty: "ATTESTED", attestedOn: best.date, distanceDays: best.days };
  return null;
}

/** VACANT only when every known occupancy is fully dated and certainly excludes the day. */
export function postCertainty(occupancies: OccupancyDates[], verdicts: (HolderVerdict | null)[], onIso: string): Certainty {
  if (verdicts.some((v) => v?.certainty === "CERTAIN")) return "CERTAIN";
  if (verdicts.some((v) => v?.certainty === "ATTESTED")) return "ATTESTED";
  const vacant = occupancies.length > 0 && occupancies.every((o) => o.start && o.end && !mayCover(o, onIso));
  return vacant ? "VACANT" : "UNKNOWN";
}
