/** The authority context card: post holders, latest judgements and findings, interventions, bodies, next inspection. */
import type { Context } from "../../graphql/context.js";
import { loadAll, loadRelated, primeObject } from "../../graphql/graphRead.js";
import { dayOf, partialRange } from "../accountability/certainty.js";
import { AUTHORITY_POSTS } from "../accountability/queries.js";
import { interventionInForce, oversightOn, postsOn, requireNode } from "../accountability/service.js";
import { ORGANISATION_PARTS } from "../bodies/queries.js";
import { INSPECTION_FINDINGS, INSPECTION_JUDGEMENTS } from "../inspections/queries.js";
import { AUTHORITY_INSPECTIONS, AUTHORITY_INTERVENTIONS } from "./queries.js";

export async function authorityContext(ctx: Context, authorityId: string, on: string) {
  const authority = await requireNode(ctx, authorityId, "Organisation");
  const params = { authority: authorityId };
  const [posts, inspectionRows, interventionRows, bodies, oversight] = await Promise.all([
    loadAll(ctx, AUTHORITY_POSTS, "Post", params),
    ctx.db.read(AUTHORITY_INSPECTIONS, params, ctx.counter),
    ctx.db.read(AUTHORITY_INTERVENTIONS, params, ctx.counter),
    loadRelated(ctx, ORGANISATION_PARTS, authorityId, "Organisation"),
    oversightOn(ctx, authorityId, on),
  ]);
  const day = dayOf(on);
  const inspections = inspectionRows.map((row) => ({ row, inspection: primeObject(ctx, "Inspection", row.id as string, row.props) }));
  const began = inspections.filter(({ inspection }) => inspection.status === "HELD" && inspection.start && partialRange(inspection.start as string)[0] <= day);
  const latestJudged = began.filter(({ row }) => row.judged).at(-1)?.inspection ?? null;
  const latestVisit = began.filter(({ row }) => row.found).at(-1)?.inspection ?? null;
  const next = inspections.find(({ inspection }) => inspection.status === "EXPECTED" && (!inspection.start || partialRange(inspection.start as string)[1] >= day));

  return {
    authority,
    on,
    posts: await postsOn(ctx, posts.map((post) => ({ post, level: 0 })), on),
    latestJudgedInspection: latestJudged,
    latestJudgements: latestJudged ? await loadRelated(ctx, INSPECTION_JUDGEMENTS, latestJudged.id, "Judgement") : [],
    latestVisit,
    latestFindings: latestVisit ? await loadRelated(ctx, INSPECTION_FINDINGS, latestVisit.id, "Finding") : [],
    openInterventions: interventionRows
      .filter((row) => interventionInForce(row, on))
      .map((row) => primeObject(ctx, "Intervention", row.id as string, row.props)),
    oversight,
    bodies,
    nextExpectedInspection: next?.inspection ?? null,
  };
}
