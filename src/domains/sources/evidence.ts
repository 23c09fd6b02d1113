/** Evidence: a short quote from a Source that supports a claim. Claims share one interface. */
import { Ctx, Field, FieldResolver, InterfaceType, ObjectType, registerEnumType, Resolver, Root, type ClassType } from "type-graphql";
import { ownEffectiveDate, type EffectiveBasis } from "../../model/effectiveDates.js";
import type { Label } from "../../model/labels.js";
import { PartialDateScalar } from "../../graphql/partialDate.js";
import type { NamedQuery } from "../../db/gateway.js";
import type { Context } from "../../graphql/context.js";
import { evidenceQuery, withPartialDates } from "../../graphql/graphRead.js";
import type { DbSession } from "../../db/session.js";
import { Node } from "../../graphql/node.js";
import { sourceById } from "./loaders.js";
import { Source } from "./types.js";

@ObjectType("Evidence", { description: "A quote (at most about 25 words) from a source, supporting a claim." })
export class Evidence {
  sourceId!: string;

  @Field(() => String)
  quote!: string;

  @Field(() => String, { nullable: true, description: "Where in the source, when recorded." })
  locator!: string | null;
}

export const EffectiveDateBasis = { START: "START", END: "END", DATE: "DATE", PUBLISHED: "PUBLISHED", SOURCE_PUBLISHED: "SOURCE_PUBLISHED" } as const;
registerEnumType(EffectiveDateBasis, {
  name: "EffectiveDateBasis",
  description: "Which date an effective date is: the claim's START (an intervention's issue), else its END (lifting), a meeting's or statement's own DATE, a report's PUBLISHED date, else the earliest publication date of the sources that evidence it (SOURCE_PUBLISHED).",
});

@ObjectType("EffectiveDate", { description: "The one date a claim is ordered and filtered by, and which date it is." })
export class EffectiveDate {
  @Field(() => PartialDateScalar) date!: string;
  @Field(() => EffectiveDateBasis) basis!: EffectiveBasis;
}

@InterfaceType("Claim", {
  implements: Node,
  description: "A fact drawn from the sources: always with evidence, and marked when inferred rather than stated.",
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Claim extends Node {
  @Field(() => [Evidence])
  evidence!: Evidence[];

  @Field(() => Boolean, { description: "True when the sources imply this rather than state it." })
  inferred!: boolean;

  @Field(() => String, { nullable: true, description: "What an inferred claim is inferred from." })
  inferredFrom!: string | null;

  @Field(() => String, { nullable: true, description: "What is uncertain about this claim, in the project's words." })
  note!: string | null;

  @Field(() => EffectiveDate, {
    nullable: true,
    description: "The date lists order this claim by: its start, else its end (its own date for a meeting or statement; a report's publication date), else the earliest publication date of its sources; null when none is known (undated claims sort last, then by id).",
  })
  effectiveDate!: EffectiveDate | null;
}

@Resolver(() => Evidence)
export class EvidenceResolver {
  @FieldResolver(() => Source)
  async source(@Root() evidence: Evidence, @Ctx() ctx: Context) {
    return sourceById(ctx, evidence.sourceId);
  }
}

export async function loadEvidence(ctx: Context, query: NamedQuery, id: string): Promise<Evidence[]> {
  const rows = await ctx.loaders.related(query).load(id);
  return rows.map((row) => ({ sourceId: row.sourceId as string, quote: row.quote as string, locator: (row.locator as string) ?? null }));
}

const EVIDENCE_QUERIES = new Map<string, NamedQuery>();
/** The evidence query of a claim label (one per label, so one DataLoader batches a request's reads). */
const evidenceQueryOf = (label: string) => {
  if (!EVIDENCE_QUERIES.has(label)) EVIDENCE_QUERIES.set(label, evidenceQuery(`${label.toLowerCase()}.evidence`, label));
  return EVIDENCE_QUERIES.get(label)!;
};

/** Base for the resolver of every claim type: its evidence, batched per request. */
export function claimResolver<T extends ClassType>(type: T, label: string) {
  const query = evidenceQueryOf(label);
  @Resolver(() => type)
  abstract class ClaimResolverBase {
    @FieldResolver(() => [Evidence])
    evidence(@Root() claim: { id: string }, @Ctx() ctx: Context) {
      return loadEvidence(ctx, query, claim.id);
    }

    @FieldResolver(() => Boolean)
    inferred(@Root() claim: { inferred?: boolean }) {
      return claim.inferred ?? false;
    }

    @FieldResolver(() => EffectiveDate, { nullable: true })
    effectiveDate(@Root() claim: { id: string } & Record<string, unknown>, @Ctx() ctx: Context): Promise<EffectiveDate | null> {
      return effectiveDateOf(ctx, label as Label, claim);
    }
  }
  return ClaimResolverBase;
}

/** A claim's effective date (see model/effectiveDates.ts): its own dates, else its earliest-published source's. */
export async function effectiveDateOf(ctx: Context, label: Label, claim: { id: string } & Record<string, unknown>): Promise<EffectiveDate | null> {
  const own = ownEffectiveDate(label, claim);
  if (own) return own;
  // Evidence comes earliest-published source first; the first with a date dates the claim.
  for (const evidence of await loadEvidence(ctx, evidenceQueryOf(label), claim.id)) {
    const source = (await sourceById(ctx, evidence.sourceId)) as { published?: string | null } | null;
    if (source?.published) return { date: source.published, basis: "SOURCE_PUBLISHED" };
  }
  return null;
}

/** Evidence kept on a relationship (responsibilities, accountabilities) as parallel lists. */
export function evidenceFromLists(sources: unknown, quotes: unknown, locators?: unknown): Evidence[] {
  const ids = (sources as string[] | undefined) ?? [];
  const texts = (quotes as string[] | undefined) ?? [];
  const where = (locators as string[] | undefined) ?? [];
  // Neo4j lists cannot hold nulls, so a missing locator is stored as "".
  return ids.map((sourceId, i) => ({ sourceId, quote: texts[i] ?? "", locator: where[i] || null }));
}


/**
 * Relationships with properties of their own (responsibilities, accountability lines, neighbours, successions),
 * batched by `query` (rows: key, otherId, props): their properties with partial dates, the far end's id, and
 * the evidence kept as parallel lists on the relationship.
 */
export async function loadRelationshipClaims(session: DbSession, query: NamedQuery, id: string) {
  const rows = await session.loaders.related(query).load(id);
  return rows.map((row) => {
    const { evidenceSources, evidenceQuotes, evidenceLocators, ...props } = row.props as Record<string, unknown>;
    return { ...withPartialDates(props), otherId: row.otherId as string, evidence: evidenceFromLists(evidenceSources, evidenceQuotes, evidenceLocators) };
  });
}
