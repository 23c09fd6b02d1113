/** The accountability question: responsible posts, the lines above them, holders and oversight on a day. */
import { notFound } from "../../errors.js";
import type { DbSession } from "../../db/session.js";
import type { Row } from "../../db/gateway.js";
import { primeObject, withPartialDates, type GraphObject } from "../../graphql/graphRead.js";
import { labelOf, type Label } from "../../model/labels.js";
import { evidenceFromLists } from "../sources/evidence.js";
import { certainlyCovers, holderOn, lastEvidenced, mayCover, meetingWithinYearTo, postCertainty, type OccupancyDates } from "./certainty.js";
import { AUTHORITY_POSTS, POST_HOLDERS, RESPONSIBILITY_CHAINS } from "./queries.js";
import { STATUTE_NOTE, statutoryChain } from "./statute.js";
import { deliveriesOn, providerPosts, type DeliveryItem } from "./delivery.js";
import type { AccountabilityStep, HolderAtDate, LastKnownHolder, MemberAtDate, Oversight, PostAtDate } from "./types.js";
import { partialRange } from "../../model/partialDates.js";
import { firstPerKey } from "../../model/collections.js";

type Props = Record<string, unknown>;
type Step = { from: string; fromProps: Props; to: string; toLabel: Label; toProps: Props; props: Props; toHolders: Row[] };
type PostItem = { id: string; props: Props; holders?: Row[] };

/** Holder rows read with the question's query (HOLDERS_OF), primed so postsOn sends no query for those posts. */
export function primeHolders(session: DbSession, posts: Iterable<{ id: string; holders?: Row[] }>): void {
  const loader = session.loaders.related(POST_HOLDERS);
  for (const post of posts) if (post.holders) loader.prime(post.id, post.holders);
}

/** Every candidate holder of each post on the day, best first, and the post's overall certainty. */
export async function postsOn(session: DbSession, posts: { post: GraphObject; level: number }[], on: string): Promise<PostAtDate[]> {
  return Promise.all(
    posts.map(async ({ post, level }) => {
      const rows = await session.loaders.related(POST_HOLDERS).load(post.id);
      const occupancies = rows.map((row) => primeObject(session, "Occupancy", row.occupancyId as string, row.occupancyProps));
      const verdicts = occupancies.map((o) => holderOn(o as OccupancyDates, on));
      const candidates: HolderAtDate[] = [];
      verdicts.forEach((verdict, i) => {
        if (!verdict) return;
        const person = primeObject(session, "Person", rows[i]!.personId as string, rows[i]!.personProps);
        candidates.push({ person, occupancy: occupancies[i], occupancies: [], ...verdict });
      });
      candidates.sort((a, b) => (a.certainty === b.certainty ? a.distanceDays - b.distanceDays : a.certainty === "CERTAIN" ? -1 : 1));
      const holders = onePerPerson(candidates, rows, occupancies, on);
      const lastKnown = holders.length > 0 ? null : lastKnownHolder(session, rows, occupancies, on);
      return { post, level, certainty: postCertainty(occupancies as OccupancyDates[], verdicts, on), holders, lastKnown };
    }),
  );
}

/**
 * One entry per person, the best first: records identified as one person, or occupancies of one post by one
 * person from several sources, are one holder carrying every occupancy of theirs that may cover the day (the
 * one that places them best first, then by id), so all the evidence is in one place.
 */
function onePerPerson(sorted: HolderAtDate[], rows: Props[], occupancies: GraphObject[], on: string): HolderAtDate[] {
  const holders = firstPerKey(sorted, (holder) => (holder.person as GraphObject).id);
  for (const holder of holders) {
    const others = occupancies.filter((o, i) => o !== holder.occupancy && rows[i]!.personId === (holder.person as GraphObject).id && mayCover(o as OccupancyDates, on));
    holder.occupancies = [holder.occupancy, ...others];
  }
  return holders;
}

/** With no candidate on the day: whoever the sources last placed in post before it, and as of when. */
function lastKnownHolder(session: DbSession, rows: Props[], occupancies: GraphObject[], on: string): LastKnownHolder | null {
  let best: LastKnownHolder | null = null;
  occupancies.forEach((occupancy, i) => {
    const asOf = lastEvidenced(occupancy as OccupancyDates, on);
    if (!asOf || (best && partialRange(asOf)[1] <= partialRange(best.asOf)[1])) return;
    const person = primeObject(session, "Person", rows[i]!.personId as string, rows[i]!.personProps);
    best = { person, occupancy, asOf };
  });
  return best;
}

/** `withOversight` false: the overseeing bodies are not read, and `oversight` answers empty (the client did not ask for it). */
export async function accountability(session: DbSession, authorityId: string, areaId: string, on: string, withOversight = true) {
  const query = withOversight ? RESPONSIBILITY_CHAINS.withOversight : RESPONSIBILITY_CHAINS.withoutOversight;
  const [row] = await session.db.read(query, { authority: authorityId, area: areaId }, session.counter);
  if (!row?.authorityId) throw notFound(`No Organisation with id "${authorityId}"`);
  if (!row.areaId) throw notFound(`No ServiceArea with id "${areaId}"`);
  const authority = primeObject(session, "Organisation", authorityId, row.authorityProps);
  const serviceArea = primeObject(session, "ServiceArea", areaId, row.areaProps);
  const all = row.responsible as (PostItem & { responsibility: Props; steps: Step[] })[];
  const deliveryItems = row.deliveries as DeliveryItem[];
  const oversightRows = row.oversight as Row[];
  primeHolders(session, [
    ...all,
    ...all.flatMap((r) => r.steps.map((step) => ({ id: step.to, holders: step.toLabel === "Post" ? step.toHolders : undefined }))),
    ...((row.authorityPosts ?? []) as PostItem[]),
    ...deliveryItems.flatMap((item) => item.posts as PostItem[]),
    ...oversightRows.flatMap((body) => body.posts as PostItem[]),
  ]);
  const responsible = all.filter((r) => mayCover(withPartialDates(r.responsibility), on));

  // A trust or partner council delivering the services on the day runs them: its posts join at level 0.
  const deliveries = deliveriesOn(deliveryItems, on);
  const providers = deliveries.flatMap((item) => providerPosts(item).map((p) => primeObject(session, "Post", p.id, p.props)));
  const { levels, steps, basis } = responsible.length > 0
    ? walkUp(session, responsible, on)
    : statutoryLines(session, (row.authorityPosts as PostItem[] | null) ?? (await authorityPosts(session, authorityId)), providers);
  for (const post of providers) if (!levels.has(post.id)) levels.set(post.id, { post, level: 0 });
  const oversight = await oversightOn(session, on, [...levels.values()], oversightRows);
  return {
    authority, serviceArea, on, basis, basisNote: basis === "STATUTE" ? STATUTE_NOTE : null, posts: oversight.chainPosts, steps,
    oversight: oversight.bodies, deliveredBy: deliveries.map((item) => primeObject(session, "Organisation", item.id, item.props)),
  };
}

/** The authority's own posts, read only when the sources name responsible posts but none is in force on the day. */
async function authorityPosts(session: DbSession, authorityId: string): Promise<PostItem[]> {
  const [row] = await session.db.read(AUTHORITY_POSTS, { authority: authorityId }, session.counter);
  const posts = (row?.posts ?? []) as PostItem[];
  primeHolders(session, posts);
  return posts;
}

type Chain = { levels: Map<string, { post: GraphObject; level: number }>; steps: AccountabilityStep[]; basis: "SOURCES" | "STATUTE" };

/** The sources' chain: from the responsible posts, level by level, keeping only lines in force on the day. */
function walkUp(session: DbSession, responsible: { id: string; props: Props; steps: Step[] }[], on: string): Chain {
  const levels = new Map<string, { post: GraphObject; level: number }>();
  for (const r of responsible) levels.set(r.id, { post: primeObject(session, "Post", r.id, r.props), level: 0 });
  const inForce = new Map<string, Step>();
  for (const r of responsible) {
    for (const step of r.steps) {
      const props = withPartialDates(step.props);
      if (mayCover(props, on)) inForce.set(`${step.from}|${step.to}|${props.line}`, { ...step, props });
    }
  }
  const steps: AccountabilityStep[] = [];
  let frontier = new Set(levels.keys());
  for (let level = 1; frontier.size > 0 && level <= 6; level++) {
    const next = new Set<string>();
    for (const step of inForce.values()) {
      if (!frontier.has(step.from)) continue;
      const props = step.props; // already with partial dates
      const to = primeObject(session, step.toLabel, step.to, step.toProps);
      steps.push({
        from: primeObject(session, "Post", step.from, step.fromProps),
        to,
        line: props.line as string,
        level,
        inferred: Boolean(props.inferred),
        inferredFrom: (props.inferredFrom as string) ?? null,
        evidence: evidenceFromLists(props.evidenceSources, props.evidenceQuotes, props.evidenceLocators),
      });
      if (labelOf(step.to) === "Post" && !levels.has(step.to)) {
        levels.set(step.to, { post: to, level });
        next.add(step.to);
      }
    }
    frontier = next;
  }
  return { levels, steps, basis: "SOURCES" };
}

/** The statutory chain between the authority's own posts (authorityPosts) and a provider's DCS (see statute.ts). */
function statutoryLines(session: DbSession, rows: PostItem[], providerPosts: GraphObject[]): Chain {
  const posts = rows.map((row) => primeObject(session, "Post", row.id, row.props));
  const { responsible, lines } = statutoryChain(posts, providerPosts);
  const levels = new Map(responsible.map((post) => [post.id, { post, level: 0 }]));
  for (const { to } of lines) if (!levels.has(to.id)) levels.set(to.id, { post: to, level: 1 });
  const steps = lines.map(({ from, to, line, inferredFrom }) => ({ from, to, line, level: 1, inferred: true, inferredFrom, evidence: [] }));
  return { levels, steps, basis: "STATUTE" };
}

type OversightResult = { bodies: Oversight[]; chainPosts: PostAtDate[] };

/**
 * Bodies overseeing the authority's improvement on the day: those overseeing an intervention in force, and
 * those that held meetings about it in the year to the day (each with those meetings), with members and
 * posts, from the question's OVERSIGHT_OF rows. Holders of the body posts and of `alsoPosts` (the caller's own)
 * come from the loader, primed by the question's query (primeHolders).
 */
export async function oversightOn(
  session: DbSession,
  on: string,
  alsoPosts: { post: GraphObject; level: number }[],
  all: Row[],
): Promise<OversightResult> {
  const meetingsOf = new Map(all.map((row) => [row, heldInYearTo(row.meetings as MeetingRow[], on)]));
  const overseeing = all.filter((row) => row.id !== null && interventionInForce(row, on));
  // A body seen only through its meetings: one entry, when it held any in the year (and oversees nothing in force).
  const meetingOnly = all.filter((row) => row.id === null && meetingsOf.get(row)!.length > 0 && !overseeing.some((o) => o.bodyId === row.bodyId));
  const rows = [...overseeing, ...meetingOnly];
  const bodyPosts = rows.map((row) =>
    (row.posts as { id: string; props: Props }[]).map((p) => ({ post: primeObject(session, "Post", p.id, p.props), level: 0 })),
  );
  const [chainPosts, ...perBody] = await Promise.all([postsOn(session, alsoPosts, on), ...bodyPosts.map((posts) => postsOn(session, posts, on))]);
  const bodies = rows.map((row, i) => {
    type MemberRow = { id: string; props: Props; memberId: string; memberLabel: Label; memberProps: Props; canonical: { id: string; props: Props } | null };
    const members: MemberAtDate[] = (row.memberships as MemberRow[])
      .map((m) => ({ ...m, membership: primeObject(session, "Membership", m.id, m.props) }))
      .filter(({ membership }) => mayCover(membership as never, on))
      .map(({ membership, memberId, memberLabel, memberProps, canonical }) => ({
        membership,
        member: canonical ? primeObject(session, "Person", canonical.id, canonical.props) : primeObject(session, memberLabel, memberId, memberProps),
        role: membership.role as string,
        certainty: certainlyCovers(membership as { start?: string; end?: string }, on) ? "CERTAIN" : "UNKNOWN",
      }));
    members.sort((a, b) => Number(b.role.includes("CHAIR")) - Number(a.role.includes("CHAIR")) || (a.membership as GraphObject).id.localeCompare((b.membership as GraphObject).id));
    // One person once, however many records of theirs hold a seat: their best-placed membership (chairs first).
    const onePerMember = firstPerKey(members, (m) => (m.member as GraphObject).id);
    return {
      body: primeObject(session, "Organisation", row.bodyId as string, row.bodyProps),
      intervention: row.id === null ? null : primeObject(session, "Intervention", row.id as string, row.props),
      meetings: meetingsOf.get(row)!.map((m) => primeObject(session, "Meeting", m.id, m.props)),
      members: onePerMember,
      posts: perBody[i]!,
    };
  });
  return { bodies, chainPosts };
}

type MeetingRow = { id: string; props: Props };

/** The meetings that may have been held in the year to D, oldest first. */
function heldInYearTo(meetings: MeetingRow[], on: string): MeetingRow[] {
  return meetings
    .filter((m) => meetingWithinYearTo(withPartialDates(m.props).date as string, on))
    .sort((a, b) => String(a.props.date).localeCompare(String(b.props.date)) || a.id.localeCompare(b.id));
}

/** In force if issued (or, when that is unknown, the inspection it follows began) by the day, and not lifted before it. */
export function interventionInForce(row: { props?: unknown; followsFrom?: unknown }, on: string): boolean {
  const props = withPartialDates(row.props as Props);
  const start = (props.issued as string | null) ?? (row.followsFrom ? String(row.followsFrom).slice(0, 10) : null);
  return mayCover({ start, end: props.lifted as string | null }, on);
}
