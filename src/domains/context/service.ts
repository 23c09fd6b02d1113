/** The authority context card: post holders, latest judgements and findings, interventions, bodies, next inspection. */
import { notFound } from "../../errors.js";
import type { DbSession } from "../../db/session.js";
import { primeObject, type GraphObject } from "../../graphql/graphRead.js";
import type { Label } from "../../model/labels.js";
import { partialRange, sortDay } from "../../model/partialDates.js";
import { deliveriesOn, providerPosts, type DeliveryItem } from "../accountability/delivery.js";
import { interventionInForce, oversightOn, primeHolders } from "../accountability/service.js";
import type { Row } from "../../db/gateway.js";
import { ALL_SECTIONS, authorityCard, type CardProjections, type CardSections } from "./queries.js";
import { materialise, WHOLE_NODE, type CompiledValue } from "../../graphql/compiledReads.js";
import { ownEffectiveDate } from "../../model/effectiveDates.js";

type Item = { id: string; props: Record<string, unknown>; holders?: Row[] };
type InspectionItem = { inspection: CompiledValue; judgements: CompiledValue[]; findingCount: number; findings: CompiledValue[] };
type InterventionItem = Item & { followsStarts: string[] };

const ROLE_ORDER = ["LEADER", "CHIEF_EXECUTIVE", "DCS", "CABINET_MEMBER"];
const roleRank = (post: GraphObject) => (ROLE_ORDER.indexOf(post.role as string) + ROLE_ORDER.length + 1) % (ROLE_ORDER.length + 1);
/** The first day an inspection may have begun by its effective date (start, else end, else publication). */
const startDay = (i: GraphObject) => {
  const effective = ownEffectiveDate("Inspection", i);
  return effective ? partialRange(effective.date)[0] : Number.POSITIVE_INFINITY;
};
/** The inspection's effective date (start, else end, else its report's publication), as lists order it. */
const sortKey = (i: GraphObject) => {
  const effective = ownEffectiveDate("Inspection", i);
  return effective ? sortDay(effective.date) : Number.POSITIVE_INFINITY;
};

/** The stored fields the card is chosen by, whatever the client selects: an inspection's status, dates and place in a series. */
export const CARD_FIELDS = { inspection: ["status", "start", "end", "published", "sequence"], judgement: [], finding: [] };
const WHOLE: CardProjections = { inspection: WHOLE_NODE, judgement: WHOLE_NODE, finding: WHOLE_NODE };

/** `sections`: the parts read (a part not read answers empty: the resolver reads only those the client selects). */
export async function authorityContext(
  session: DbSession, authorityId: string, on: string, projections: CardProjections = WHOLE, sections: CardSections = ALL_SECTIONS,
) {
  const { query, shapes } = authorityCard(projections, sections);
  const [card] = await session.db.read(query, { authority: authorityId }, session.counter);
  if (!card) throw notFound(`No Organisation with id "${authorityId}"`);
  const oversightRows = card.oversight as Row[];
  primeHolders(session, [
    ...(card.posts as Item[]),
    ...(card.deliveries as DeliveryItem[]).flatMap((item) => item.posts),
    ...oversightRows.flatMap((body) => body.posts as Item[]),
  ]);
  const prime = (label: Label, items: Item[]) => items.map((item) => primeObject(session, label, item.id, item.props));

  const byRole = (a: GraphObject, b: GraphObject) => roleRank(a) - roleRank(b) || String(a.title).localeCompare(String(b.title));
  // A trust or partner council delivering the services on the day: its posts follow the authority's own.
  const deliveries = deliveriesOn(card.deliveries as DeliveryItem[], on);
  const own = new Set((card.posts as Item[]).map((p) => p.id));
  const posts = [
    ...prime("Post", card.posts as Item[]).sort(byRole),
    ...deliveries.flatMap((item) => prime("Post", providerPosts(item, own)).sort(byRole)),
  ];
  const inspections = (card.inspections as InspectionItem[])
    .map((item) => ({ item, inspection: materialise(session, "Inspection", item.inspection, shapes.inspection) }))
    .sort((a, b) => sortKey(a.inspection) - sortKey(b.inspection) || Number(a.inspection.sequence ?? 0) - Number(b.inspection.sequence ?? 0) || a.inspection.id.localeCompare(b.inspection.id));
  // "As of" a month or year: what had begun by its end.
  const day = partialRange(on)[1];
  const began = inspections.filter(({ inspection }) => inspection.status === "HELD" && startDay(inspection) <= day);
  const latestJudged = began.filter(({ item }) => item.judgements.length > 0).at(-1);
  const latestVisit = began.filter(({ item }) => item.findingCount > 0).at(-1);
  const next = inspections.find(({ inspection }) => inspection.status === "EXPECTED" && (!inspection.start || partialRange(inspection.start as string)[1] >= day));
  const interventions = (card.interventions as InterventionItem[]).filter((item) =>
    interventionInForce({ props: item.props, followsFrom: [...item.followsStarts].sort().at(-1) ?? null }, on),
  );
  // The authority's posts and the overseeing bodies' posts, their holders primed from the card's query.
  const oversight = await oversightOn(session, on, posts.map((post) => ({ post, level: 0 })), oversightRows);

  return {
    authority: primeObject(session, "Organisation", authorityId, card.props),
    on,
    posts: oversight.chainPosts,
    latestJudgedInspection: latestJudged?.inspection ?? null,
    latestJudgements: (latestJudged?.item.judgements ?? []).map((j) => materialise(session, "Judgement", j, shapes.judgement)),
    latestVisit: latestVisit?.inspection ?? null,
    latestFindings: (latestVisit?.item.findings ?? []).map((f) => materialise(session, "Finding", f, shapes.finding!)),
    openInterventions: prime("Intervention", interventions),
    deliveredBy: prime("Organisation", deliveries),
    oversight: oversight.bodies,
    bodies: prime("Organisation", card.bodies as Item[]),
    nextExpectedInspection: next?.inspection ?? null,
  };
}
