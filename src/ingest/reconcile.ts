/**
 * Reconciliation: a report describes an inspection the graph may already hold from news texts. An inspection
 * is identified by its authority, its framework and its start date; when a recorded inspection of the same
 * authority and framework (or of no stated framework) has a start that contains the report's, the report's
 * records become augmenting records of it (see bundles/augment.ts): the same node gains the report's
 * evidence and sharper dates, and loses nothing. Its judgements on the same areas, and recommendations a
 * news text quoted from the report, are matched the same way.
 */
import type { Bundle } from "../bundles/bundleSchema.js";
import { partialRange } from "../model/partialDates.js";
import type { ReportDraft } from "./draftBundle.js";

/** Records already known (seed bundles, or the graph's records of the authorities concerned). */
export type Known = Pick<Bundle, "inspections" | "judgements" | "findings" | "posts">;

const FRAMEWORK_OF: Record<string, string> = {
  ILACS_STANDARD: "ILACS", ILACS_SHORT: "ILACS", SIF: "SIF",
  LOOKED_AFTER_CHILDREN: "EARLIER", SAFEGUARDING: "EARLIER", SAFEGUARDING_AND_LOOKED_AFTER: "EARLIER",
};

export type Reconciled = { draft: ReportDraft; matched: string | null };

export function reconcile(draft: ReportDraft, known: Known): Reconciled {
  return reconcileInspection(reconcilePosts(draft, known), known);
}

/** A post the authority already has (Swindon's "post:swindon-dcs") is the post its holders occupy: no second one. */
function reconcilePosts(draft: ReportDraft, known: Known): ReportDraft {
  const renamed = new Map<string, string>();
  for (const post of draft.bundle.posts) {
    const same = known.posts.find((k) => k.organisation === post.organisation && k.role === post.role);
    if (same) renamed.set(post.id, same.id);
  }
  if (renamed.size === 0) return draft;
  return {
    ...draft,
    bundle: {
      ...draft.bundle,
      posts: draft.bundle.posts.filter((p) => !renamed.has(p.id)),
      occupancies: draft.bundle.occupancies.map((o) => ({ ...o, post: renamed.get(o.post) ?? o.post })),
    },
  };
}

function reconcileInspection(draft: ReportDraft, known: Known): Reconciled {
  const [inspection] = draft.bundle.inspections;
  if (!inspection) return { draft, matched: null };
  const match = known.inspections.find(
    (k) =>
      k.id !== inspection.id && k.status === "HELD" && k.authority === inspection.authority &&
      (k.kind === "INSPECTION" || FRAMEWORK_OF[k.kind] === FRAMEWORK_OF[inspection.kind]) &&
      within(inspection.start ?? inspection.end, k.start),
  );
  if (!match) return { draft, matched: null };

  const renamed = new Map<string, string>([[inspection.id, match.id]]);
  const judgements = draft.bundle.judgements.map((j) => {
    const same = known.judgements.find((k) => k.inspection === match.id && k.area === j.area);
    if (same) renamed.set(j.id, same.id);
    return same ? { ...j, id: same.id, inspection: match.id, augments: true as const } : { ...j, inspection: match.id };
  });
  const taken = new Set<string>();
  const ownSource = draft.bundle.sources[0]?.id;
  const findings = draft.bundle.findings.map((f) => {
    // Already recorded from this report (ingesting into a graph that holds it): the same record, not a match.
    if (known.findings.some((k) => k.id === f.id)) return { ...f, inspection: match.id };
    const text = normalise(draft.texts.get(f.id) ?? "");
    // Only a finding another source attests (a news text quoting the report) can be the same one under another id.
    const same = known.findings.find(
      (k) => k.inspection === match.id && k.kind === f.kind && !taken.has(k.id) && k.evidence.some((e) => e.source !== ownSource) && k.evidence.some((e) => quotes(e.quote, text)),
    );
    if (!same) return { ...f, inspection: match.id };
    taken.add(same.id);
    return { ...f, id: same.id, inspection: match.id, augments: true as const };
  });
  const texts = new Map([...draft.texts].map(([id, text]) => [findings[draft.bundle.findings.findIndex((f) => f.id === id)]?.id ?? id, text]));
  return {
    matched: match.id,
    draft: {
      texts,
      bundle: {
        ...draft.bundle,
        inspections: [{ ...inspection, id: match.id, augments: true, note: `Read from its report (${inspection.evidence[0]?.source}) as well.` }],
        judgements,
        findings,
      },
    },
  };
}

/** Whether the report's day lies within a recorded partial start date ("2019-07-01" within "2019"). */
function within(day: string | undefined, recorded: string | undefined): boolean {
  if (!day || !recorded) return false;
  const [from, to] = partialRange(recorded);
  const [d] = partialRange(day);
  return d >= from && d <= to;
}

/** Whether a news text's quote comes from this recommendation: nearly all its words are in it (news texts trim and rephrase the ends). */
function quotes(quote: string, text: string): boolean {
  const words = new Set(text.split(" "));
  const quoted = normalise(quote).split(" ").filter((w) => w.length >= 3);
  return quoted.length >= 5 && quoted.filter((w) => words.has(w)).length / quoted.length >= 0.75;
}

const normalise = (text: string) => text.toLowerCase().replace(/[’‘]/g, "'").replace(/[^a-z0-9' ]+/g, " ").replace(/\s+/g, " ").trim();
