/** Evidence: a short quote from a Source that supports a claim. Claims share one interface. */
import { Ctx, Field, FieldResolver, InterfaceType, ObjectType, Resolver, Root, type ClassType } from "type-graphql";
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

/** Base for the resolver of every claim type: its evidence, batched per request. */
export function claimResolver<T extends ClassType>(type: T, label: string) {
  const query = evidenceQuery(`${label.toLowerCase()}.evidence`, label);
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
  }
  return ClaimResolverBase;
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
