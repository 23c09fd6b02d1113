/**
 * Grades over time, one series per judgement area of the framework now in force, across framework
 * changes. An inspection under an earlier framework contributes the judgement with the same code, or
 * else the one whose area overlaps most with the current area (before January 2023, "children in care
 * and care leavers" stands for both of today's areas); such a point states the mapping.
 */
import type { Row } from "../../db/gateway.js";
import type { DbSession } from "../../db/session.js";
import { primeObject, type GraphObject } from "../../graphql/graphRead.js";

// "Adequate" (before November 2013) stands where "requires improvement" stands now.
const GRADE_RANK: Record<string, number> = { INADEQUATE: 0, REQUIRES_IMPROVEMENT: 1, ADEQUATE: 1, GOOD: 2, OUTSTANDING: 3 };

export type GradePoint = {
  inspection: GraphObject;
  judgement: GraphObject;
  judgementArea: GraphObject;
  date: string | null;
  grade: string;
  previousGrade: string | null;
  change: "FIRST" | "IMPROVED" | "DECLINED" | "UNCHANGED";
  mapping: string | null;
};
export type GradeSeries = { judgementArea: GraphObject; label: string; points: GradePoint[] };

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

export function buildSeries(current: Area[], judged: Judged[], serviceArea: string | null): GradeSeries[] {
  const byInspection = new Map<string, Judged[]>();
  for (const j of judged) byInspection.set(j.inspection.id, [...(byInspection.get(j.inspection.id) ?? []), j]);
  const wanted = serviceArea === null ? current : current.filter((c) => c.area.code !== "OVERALL" && c.covers.includes(serviceArea));

  return wanted.map((c) => {
    const points: GradePoint[] = [];
    for (const judgements of byInspection.values()) {
      const j = standIn(c, judgements);
      if (!j) continue;
      const previous = points.at(-1)?.grade ?? null;
      const grade = j.judgement.grade as string;
      const delta = previous === null ? null : GRADE_RANK[grade]! - GRADE_RANK[previous]!;
      points.push({
        inspection: j.inspection,
        judgement: j.judgement,
        judgementArea: j.area,
        date: (j.inspection.start as string) ?? null,
        grade,
        previousGrade: previous,
        change: delta === null ? "FIRST" : delta > 0 ? "IMPROVED" : delta < 0 ? "DECLINED" : "UNCHANGED",
        mapping: j.area.id === c.area.id ? null : mappingNote(j, c),
      });
    }
    return { judgementArea: c.area, label: c.area.label as string, points };
  });
}

function mappingNote(j: Judged, c: Area): string | null {
  if (j.area.code === c.area.code) return null;
  return `Graded under "${j.area.label}" (${j.area.framework}), which the current "${c.area.label}" (${c.area.framework}) succeeds in part.`;
}

export function judgementHistory(session: DbSession, judgementRows: Row[], currentRows: Row[], serviceArea: string | null) {
  const current = currentRows.map((row) => ({
    area: primeObject(session, "JudgementArea", row.areaId as string, row.areaProps),
    covers: row.covers as string[],
  }));
  const judged: Judged[] = judgementRows.map((row) => ({
    inspection: primeObject(session, "Inspection", row.inspectionId as string, row.inspectionProps),
    judgement: primeObject(session, "Judgement", row.judgementId as string, row.judgementProps),
    area: primeObject(session, "JudgementArea", row.areaId as string, row.areaProps),
    covers: row.covers as string[],
  }));
  return buildSeries(current, judged, serviceArea);
}
