/** The accountability question: responsible posts, the lines above them, holders and oversight on a day. */
import type { Row } from "../../db/gateway.js";
import { notFound } from "../../errors.js";
import type { Context } from "../../graphql/context.js";
import { fetchNode, loadRelated, loadRelatedOne, primeObject, toObject, type GraphObject } from "../../graphql/graphRead.js";
import { labelOf } from "../../seeding/labels.js";
import { MEMBERSHIP_MEMBER, ORGANISATION_MEMBERSHIPS, ORGANISATION_POSTS } from "../bodies/queries.js";
import { OCCUPANCY_PERSON, POST_OCCUPANCIES } from "../people/queries.js";
import { evidenceFromLists } from "../sources/evidence.js";
import { holderOn, mayCover, postCertainty, type OccupancyDates } from "./certainty.js";
import { OVERSIGHT, RESPONSIBILITY_CHAINS } from "./queries.js";
import type { AccountabilityStep, HolderAtDate, MemberAtDate, Oversight, PostAtDate } from "./types.js";

export async function requireNode(ctx: Context, id: string, label: "Organisation" | "ServiceArea") {
  const node = await fetchNode(ctx, id, label);
  if (!node) throw notFound(`No ${label} with id "${id}"`);
  return node;
}

/** Every candidate holder of each post on the day, best first, and the post's overall certainty. */
export async function postsOn(ctx: Context, posts: { post: GraphObject; level: number }[], on: string): Promise<PostAtDate[]> {
  return Promise.all(
    posts.map(async ({ post, level }) => {
      const occupancies = await loadRelated(ctx, POST_OCCUPANCIES, post.id, "Occupancy");
      const verdicts = occupancies.map((o) => holderOn(o as OccupancyDates, on));
      const holders: HolderAtDate[] = [];
      for (const [i, verdict] of verdicts.entries()) {
        if (!verdict) continue;
        const person = await loadRelatedOne(ctx, OCCUPANCY_PERSON, occupancies[i]!.id, "Person");
        holders.push({ person, occupancy: occupancies[i], ...verdict });
      }
      holders.sort((a, b) => (a.certainty === b.certainty ? a.distanceDays - b.distanceDays : a.certainty === "CERTAIN" ? -1 : 1));
      return { post, level, certainty: postCertainty(occupancies as OccupancyDates[], verdicts), holders };
    }),
  );
}

export async function accountability(ctx: Context, authorityId: string, areaId: string, on: string) {
  const [authority, serviceArea] = await Promise.all([requireNode(ctx, authorityId, "Organisation"), requireNode(ctx, areaId, "ServiceArea")]);
  const rows = await ctx.db.read(RESPONSIBILITY_CHAINS, { authority: authorityId, area: areaId }, ctx.counter);
  const responsible = rows.filter((row) => mayCover(toObject("", "", row.responsibility as Record<string, unknown>) as never, on));

  // Walk up from the responsible posts, level by level, keeping only lines in force on the day.
  const levels = new Map<string, number>(responsible.map((row) => [row.id as string, 0]));
  const allSteps = new Map<string, { from: string; to: string; props: Record<string, unknown> }>();
  for (const row of responsible) {
    for (const step of row.steps as { from: string; to: string; props: Record<string, unknown> }[]) {
      const props = toObject("", "", step.props);
      if (mayCover(props as never, on)) allSteps.set(`${step.from}|${step.to}|${props.line}`, { ...step, props });
    }
  }
  const steps: AccountabilityStep[] = [];
  let frontier = [...levels.keys()];
  for (let level = 1; frontier.length > 0 && level <= 6; level++) {
    const next: string[] = [];
    for (const step of allSteps.values()) {
      if (!frontier.includes(step.from)) continue;
      steps.push({
        from: await fetchNode(ctx, step.from, "Post"),
        to: await fetchNode(ctx, step.to),
        line: step.props.line as string,
        level,
        inferred: Boolean(step.props.inferred),
        inferredFrom: (step.props.inferredFrom as string) ?? null,
        evidence: evidenceFromLists(step.props.evidenceSources, step.props.evidenceQuotes),
      });
      if (labelOf(step.to) === "Post" && !levels.has(step.to)) {
        levels.set(step.to, level);
        next.push(step.to);
      }
    }
    frontier = next;
  }
  const postObjects = await Promise.all([...levels].map(async ([id, level]) => ({ post: (await fetchNode(ctx, id, "Post"))!, level })));
  return {
    authority,
    serviceArea,
    on,
    posts: await postsOn(ctx, postObjects, on),
    steps,
    oversight: await oversightOn(ctx, authorityId, on),
  };
}

/** Bodies overseeing interventions in force on the day, with their members and posts. */
export async function oversightOn(ctx: Context, authorityId: string, on: string): Promise<Oversight[]> {
  const rows = await ctx.db.read(OVERSIGHT, { authority: authorityId }, ctx.counter);
  const inForce = rows.filter((row) => interventionInForce(row, on));
  return Promise.all(
    inForce.map(async (row) => {
      const body = primeObject(ctx, "Organisation", row.bodyId as string, row.bodyProps);
      const intervention = primeObject(ctx, "Intervention", row.id as string, row.props);
      const memberships = (await loadRelated(ctx, ORGANISATION_MEMBERSHIPS, body.id, "Membership")).filter((m) => mayCover(m as never, on));
      const members: MemberAtDate[] = await Promise.all(
        memberships.map(async (membership) => ({
          membership,
          member: await loadRelatedOne(ctx, MEMBERSHIP_MEMBER, membership.id),
          role: membership.role as string,
          certainty: membership.start && membership.end ? "CERTAIN" : "UNKNOWN",
        })),
      );
      members.sort((a, b) => Number(b.role.includes("CHAIR")) - Number(a.role.includes("CHAIR")));
      const posts = await loadRelated(ctx, ORGANISATION_POSTS, body.id, "Post");
      return { body, intervention, members, posts: await postsOn(ctx, posts.map((post) => ({ post, level: 0 })), on) };
    }),
  );
}

/** In force if issued (or, when that is unknown, the inspection it follows began) by the day, and not lifted before it. */
export function interventionInForce(row: Row, on: string): boolean {
  const props = toObject("", "", row.props as Record<string, unknown>);
  const start = (props.issued as string | null) ?? (row.followsFrom ? String(row.followsFrom).slice(0, 10) : null);
  return mayCover({ start, end: props.lifted as string | null }, on);
}
