/**
 * The relationship sections: relationships with properties and evidence of their own, between posts,
 * organisations and people (see RELATIONSHIP_SECTIONS in model/graphMapping.ts for how each is written).
 */
import { z } from "zod";
import { AccountabilityLine } from "../model/enums.js";
import { claim, interval, ref, text } from "./recordParts.js";

export const responsibility = z.object({
  post: ref,
  serviceArea: ref,
  ...interval,
  ...claim,
}).strict();

export const accountability = z.object({
  post: ref,
  to: ref,
  line: AccountabilityLine,
  ...interval,
  ...claim,
}).strict();

/** One authority's statistical neighbour, `rank` 1 the nearest. */
export const neighbour = z.object({
  authority: ref,
  neighbour: ref,
  rank: z.number().int().min(1).max(20),
  ...claim,
}).strict();

/** A former authority whose services passed to a successor, from `start`. */
export const succession = z.object({
  predecessor: ref,
  successor: ref,
  ...interval,
  ...claim,
}).strict();

/**
 * Who delivers a council's children's services for it over a period: a children's trust, or another council
 * in a strategic partnership. Stated by the council's side: a bundle carrying this section states in full who
 * delivers its councils' services.
 */
export const delivery = z.object({
  authority: ref,
  provider: ref,
  ...interval,
  ...claim,
}).strict();

/** Support for a council's improvement over a period: an improvement partner council, DfE-funded support. */
export const support = z.object({
  supported: ref,
  supporter: ref,
  /** What the support is, in your own words (e.g. "sector-led improvement partner, funded by the DfE"). */
  description: text(300).optional(),
  ...interval,
  ...claim,
}).strict();

/**
 * Two person records that are one person, with the evidence: an unnamed placeholder later named, or one
 * person recorded from two sources. `person` is the record identified, `sameAs` the one the API answers with.
 */
export const identity = z.object({
  person: ref,
  sameAs: ref,
  ...claim,
}).strict();
