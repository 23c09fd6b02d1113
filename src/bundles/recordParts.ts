/**
 * The building blocks every bundle record shares: ids and references, bounded text, evidence, the claim
 * fields, intervals and their bounds. bundleSchema.ts and relationshipRecords.ts build the records from them.
 */
import { z } from "zod";
import { partialDate } from "../model/partialDates.js";

export const MAX_QUOTE_WORDS = 30;

export const id = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}:[a-z0-9][a-z0-9-]*$`), `must look like "${prefix}:some-slug"`);
export const ref = z.string().regex(/^[a-z-]+:[a-z0-9][a-z0-9-]*$/, "must be an id such as \"person:jim-robbins\"");
export const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

export const evidence = z
  .object({
    source: id("source"),
    quote: text(400).refine(
      (q) => q.split(/\s+/).filter(Boolean).length <= MAX_QUOTE_WORDS,
      `quote must be at most ${MAX_QUOTE_WORDS} words`,
    ),
    locator: text(200).optional(),
  })
  .strict();

/**
 * A record that adds to the record of the same id defined by another bundle or already in the graph (an
 * inspection a news text reported, now read from its report): its evidence is added, its dates sharpen the
 * record's and must fall within them, and whatever else it states must agree. See augment.ts.
 */
export const augments = { augments: z.literal(true).optional() };

/** Every claim carries evidence; an inferred claim says so and from what. */
export const claim = {
  evidence: z.array(evidence).min(1, "a claim needs at least one piece of evidence"),
  inferred: z.boolean().optional(),
  inferredFrom: text(500).optional(),
  note: text(500).optional(),
};

export const interval = { start: partialDate.optional(), end: partialDate.optional() };
/** An end known only as a bound: "before 2020", "after March 2021" (exclusive of the whole partial date). */
export const bounds = {
  startBefore: partialDate.optional(), startAfter: partialDate.optional(),
  endBefore: partialDate.optional(), endAfter: partialDate.optional(),
};
