/**
 * Recurring themes: themes raised in at least N distinct inspections of an authority within a range,
 * most recurrent first, with every occurrence; and the reverse view against the latest inspection in
 * the range: themes that stopped recurring there, and themes that newly appeared there.
 */
import { ownEffectiveDate } from "../../model/effectiveDates.js";
import type { DbSession } from "../../db/session.js";
import type { GraphObject } from "../../graphql/graphRead.js";
import { rangeToNeo4j } from "../../model/partialDates.js";
import { themeOccurrences, type OccurrenceProjections } from "./recurringQueries.js";
import { materialise, projectedId, WHOLE_NODE, type Shape } from "../../graphql/compiledReads.js";
import { notFound } from "../../errors.js";
import type { Label } from "../../model/labels.js";

type Occurrence = { themeId: string; inspectionId: string; finding: Record<string, unknown> };
export type ThemeOccurrence = { inspection: GraphObject; finding: GraphObject; date: string | null; polarity: string };
export type RecurringTheme = { theme: GraphObject; inspectionCount: number; findingCount: number; occurrences: ThemeOccurrence[] };
export type ThemeSpan = { theme: GraphObject; firstSeen: GraphObject; lastSeen: GraphObject; inspectionCount: number };

/** The stored fields the answer is built from, whatever the client selects: effective dates, polarity, label. */
export const OCCURRENCE_FIELDS = { inspection: ["start", "end", "published"], finding: ["polarity"], theme: ["label"] };
const WHOLE: OccurrenceProjections = { inspection: WHOLE_NODE, finding: WHOLE_NODE, theme: WHOLE_NODE };

export async function recurringThemes(
  session: DbSession,
  args: { authority: string; from: string; to: string; minInspections: number; polarity: string | null },
  projections: OccurrenceProjections = WHOLE,
) {
  const { from, to } = rangeToNeo4j(args.from, args.to);
  const { query, shapes } = themeOccurrences(projections);
  const [answer] = await session.db.read(query, { authority: args.authority, from, to, polarity: args.polarity }, session.counter);
  if (!answer?.authorityFound) throw notFound(`No Organisation with id "${args.authority}"`);
  const objects = (label: Label, items: unknown, shape: Shape) =>
    new Map((items as unknown[]).map((item) => [projectedId(item), materialise(session, label, item, shape)]));
  const inspections = objects("Inspection", answer.inspections, shapes.inspection);
  const themeNodes = objects("Theme", answer.themes, shapes.theme);

  const byTheme = new Map<string, RecurringTheme>();
  const inspectionOrder = new Set<string>();
  for (const row of answer.occurrences as Occurrence[]) {
    const inspection = inspections.get(row.inspectionId)!;
    const finding = materialise(session, "Finding", row.finding, shapes.finding);
    inspectionOrder.add(inspection.id);
    let entry = byTheme.get(row.themeId);
    if (!entry) {
      entry = { theme: themeNodes.get(row.themeId)!, inspectionCount: 0, findingCount: 0, occurrences: [] };
      byTheme.set(entry.theme.id, entry);
    }
    entry.occurrences.push({ inspection, finding, date: ownEffectiveDate("Inspection", inspection)?.date ?? null, polarity: finding.polarity as string });
  }
  for (const entry of byTheme.values()) {
    entry.findingCount = entry.occurrences.length;
    entry.inspectionCount = new Set(entry.occurrences.map((o) => o.inspection.id)).size;
  }
  const all = [...byTheme.values()];
  const themes = all
    .filter((t) => t.inspectionCount >= args.minInspections)
    .sort((a, b) => b.inspectionCount - a.inspectionCount || b.findingCount - a.findingCount || String(a.theme.label).localeCompare(String(b.theme.label)));

  const latestId = [...inspectionOrder].at(-1);
  const span = (t: RecurringTheme): ThemeSpan => ({
    theme: t.theme,
    firstSeen: t.occurrences[0]!.inspection,
    lastSeen: t.occurrences.at(-1)!.inspection,
    inspectionCount: t.inspectionCount,
  });
  const inLatest = (t: RecurringTheme) => t.occurrences.some((o) => o.inspection.id === latestId);
  const before = (t: RecurringTheme) => t.occurrences.some((o) => o.inspection.id !== latestId);
  const latestInspection = latestId ? all.flatMap((t) => t.occurrences).find((o) => o.inspection.id === latestId)!.inspection : null;
  // Alphabetical, so the answer does not depend on the order rows tie in.
  const byLabel = [...all].sort((a, b) => String(a.theme.label).localeCompare(String(b.theme.label)));
  return {
    themes,
    latestInspection,
    stoppedRecurring: byLabel.filter((t) => before(t) && !inLatest(t)).map(span),
    newlyAppeared: byLabel.filter((t) => inLatest(t) && !before(t)).map(span),
  };
}
