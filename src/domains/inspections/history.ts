/**
 * Grades over time, one series per judgement area of the framework now in force, across framework
 * changes. An inspection under an earlier framework contributes the judgement with the same code, or
 * else the one whose area overlaps most with the current area (before January 2023, "children in care
 * and care leavers" stands for both of today's areas); such a point states the mapping. An area the
 * authority was never graded in has no series; held inspections with no grade in the graph before a
 * series' first grade are listed (`earlierUngraded`), and that grade is then PREVIOUS_UNKNOWN, not FIRST.
 */
import { ownEffectiveDate } from "../../model/effectiveDates.js";
import type { DbSession } from "../../db/session.js";
import type { GraphObject } from "../../graphql/graphRead.js";
import { materialise, projectedId, WHOLE_NODE, type CompiledValue, type Shape } from "../../graphql/compiledReads.js";
import type { Label } from "../../model/labels.js";
import { partialRange } from "../../model/partialDates.js";
import { notFound } from "../../errors.js";
import { judgementHistoryQuery, type HistoryProjections } from "./historyQueries.js";

// "Adequate" (before November 2013) stands where "requires improvement" stands now.
const GRADE_RANK: Record<string, number> = { INADEQUATE: 0, REQUIRES_IMPROVEMENT: 1, ADEQUATE: 1, GOOD: 2, OUTSTANDING: 3 };

/** Inspections of these kinds give grades: one held with no grade in the graph leaves the series' start uncertain. */
const GRADED_KINDS = new Set(["SIF", "ILACS_STANDARD", "ILACS_SHORT", "INSPECTION", "LOOKED_AFTER_CHILDREN", "SAFEGUARDING", "SAFEGUARDING_AND_LOOKED_AFTER"]);

export type GradePoint = {
  inspection: GraphObject;
  judgement: GraphObject;
  judgementArea: GraphObject;
  date: string | null;
  grade: string;
  previousGrade: string | null;
  change: "FIRST" | "PREVIOUS_UNKNOWN" | "IMPROVED" | "DECLINED" | "UNCHANGED";
  mapping: string | null;
};
export type GradeSeries = { judgementArea: GraphObject; label: string; points: GradePoint[]; earlierUngraded: GraphObject[] };

type Area = { area: GraphObject; covers: string[] };
type Judged = Area & { inspection: GraphObject; judgement: GraphObject };

const overlap = (a: string[], b: string[]) => a.filter((x) => b.includes(x)).length;

/** The judgement an inspection gave that best stands for a current area, or none. */
function standIn(current: Area, judgements: Judged[]): Judged | undefined {
  const same = judgements.find((j) => j.area.code === current.area.code);
  if (same) return same;
  return judgements
    .filter((j) => j.area.code !== "OVERALL" && overlap(j.covers, current.covers) > 0)
    .sort((a, b) => overlap(b.covers, current.covers) - overlap(a.covers, current.covers))[0];
}

/**
 * One series per current area the authority has a grade for (none for an area it was never graded in);
 * the first grade is FIRST only when no earlier graded-kind inspection is known without a grade for it.
 */
export function buildSeries(current: Area[], judged: Judged[], serviceArea: string | null, ungraded: GraphObject[] = []): GradeSeries[] {
  const byInspection = new Map<string, Judged[]>();
  for (const j of judged) byInspection.set(j.inspection.id, [...(byInspection.get(j.inspection.id) ?? []), j]);
  const wanted = serviceArea === null ? current : current.filter((c) => c.area.code !== "OVERALL" && c.covers.includes(serviceArea));

  const series = wanted.map((c) => {
    const points: GradePoint[] = [];
    const missed: GraphObject[] = [];
    for (const judgements of byInspection.values()) {
      const j = standIn(c, judgements);
      if (!j) {
        if (points.length === 0 && GRADED_KINDS.has(judgements[0]!.inspection.kind as string)) missed.push(judgements[0]!.inspection);
        continue;
      }
      const previous = points.at(-1)?.grade ?? null;
      const grade = j.judgement.grade as string;
      const delta = previous === null ? null : GRADE_RANK[grade]! - GRADE_RANK[previous]!;
      const earlier = points.length === 0 ? [...ungradedBefore(ungraded, j.inspection), ...missed] : [];
      points.push({
        inspection: j.inspection,
        judgement: j.judgement,
        judgementArea: j.area,
        date: ownEffectiveDate("Inspection", j.inspection)?.date ?? null,
        grade,
        previousGrade: previous,
        change: delta === null ? (earlier.length > 0 ? "PREVIOUS_UNKNOWN" : "FIRST") : delta > 0 ? "IMPROVED" : delta < 0 ? "DECLINED" : "UNCHANGED",
        mapping: j.area.id === c.area.id ? null : mappingNote(j, c),
      });
    }
    const first = points[0]?.inspection;
    const earlierUngraded = first ? [...ungradedBefore(ungraded, first), ...missed].sort((a, b) => sortKey(a).localeCompare(sortKey(b))) : [];
    return { judgementArea: c.area, label: c.area.label as string, points, earlierUngraded };
  });
  return series.filter((entry) => entry.points.length > 0);
}

const sortKey = (inspection: GraphObject) => `${(inspection.start as string | undefined) ?? ""}|${inspection.id}`;

/** Held inspections of a graded kind, with no judgement in the graph, that began before this one. */
function ungradedBefore(ungraded: GraphObject[], inspection: GraphObject): GraphObject[] {
  const start = inspection.start as string | undefined;
  return ungraded.filter((i) => GRADED_KINDS.has(i.kind as string) && start && i.start && partialBefore(i.start as string, start));
}

/** Whether partial date a certainly ends before b begins ("2014" is before "2015-03", not before "2014-06"). */
function partialBefore(a: string, b: string): boolean {
  return partialRange(a)[1] < partialRange(b)[0];
}

function mappingNote(j: Judged, c: Area): string | null {
  if (j.area.code === c.area.code) return null;
  return `Graded under "${j.area.label}" (${j.area.framework}), which the current "${c.area.label}" (${c.area.framework}) succeeds in part.`;
}

/** The stored fields the series are built from, whatever the client selects: dates, kinds, grades, area codes. */
export const HISTORY_FIELDS = { inspection: ["start", "end", "published", "kind"], judgement: ["grade"], area: ["code", "label", "framework"] };
const WHOLE: HistoryProjections = { inspection: WHOLE_NODE, judgement: WHOLE_NODE, area: WHOLE_NODE };

/** The series of an authority (of one service area, when asked): NOT_FOUND when either does not exist. */
export async function judgementHistory(session: DbSession, authority: string, serviceArea: string | null, projections: HistoryProjections = WHOLE) {
  // One query answers whether both exist and everything the series are built from.
  const { query, shapes } = judgementHistoryQuery(projections);
  const [answer] = await session.db.read(query, { authority, area: serviceArea }, session.counter);
  if (!answer?.authorityFound) throw notFound(`No Organisation with id "${authority}"`);
  if (!answer.areaFound) throw notFound(`No ServiceArea with id "${serviceArea}"`);
  // One object per node, however many rows it is on.
  const objects = new Map<string, GraphObject>();
  const object = (label: Label, item: CompiledValue, shape: Shape) => {
    const id = projectedId(item);
    if (!objects.has(id)) objects.set(id, materialise(session, label, item, shape));
    return objects.get(id)!;
  };
  const rows = answer.judged as { inspection: CompiledValue; judgement: CompiledValue | null; area: CompiledValue | null; covers: string[] }[];
  const ungraded = rows.filter((row) => row.judgement == null).map((row) => object("Inspection", row.inspection, shapes.inspection));
  const current = (answer.current as { area: CompiledValue; covers: string[] }[]).map((row) => ({ area: object("JudgementArea", row.area, shapes.area), covers: row.covers }));
  const judged: Judged[] = rows.flatMap((row) =>
    row.judgement == null ? [] : [{
      inspection: object("Inspection", row.inspection, shapes.inspection),
      judgement: object("Judgement", row.judgement, shapes.judgement),
      area: object("JudgementArea", row.area!, shapes.area),
      covers: row.covers,
    }],
  );
  return buildSeries(current, judged, serviceArea, ungraded);
}
