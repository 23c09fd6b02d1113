import { describe, expect, it } from "vitest";
import { buildSeries } from "../../src/domains/inspections/history.js";
import type { GraphObject } from "../../src/graphql/graphRead.js";

const obj = (props: Record<string, unknown>) => props as unknown as GraphObject;
const area = (code: string, covers: string[]) => ({ area: obj({ id: `ja:${code}`, code, label: code, framework: "ILACS 2023" }), covers });
const inspection = (id: string, kind: string, start: string) => obj({ id, kind, start });
const judged = (i: GraphObject, code: string, grade: string, covers: string[] = []) => ({ inspection: i, ...area(code, covers), judgement: obj({ id: `${i.id}-${code}`, grade }) });

describe("grade history for any authority", () => {
  const sif2015 = inspection("sif-2015", "SIF", "2015-03");
  const ilacs2019 = inspection("ilacs-2019", "ILACS_STANDARD", "2019-06-10");
  const ungradedSif2012 = inspection("sif-2012", "SIF", "2012");
  const visit2013 = inspection("mv-2013", "MONITORING_VISIT", "2013-05");
  const current = [area("OVERALL", []), area("CHILDREN_IN_CARE", ["area:cic"]), area("CARE_LEAVERS", ["area:leavers"])];
  const judgements = [judged(sif2015, "OVERALL", "GOOD"), judged(ilacs2019, "OVERALL", "REQUIRES_IMPROVEMENT"), judged(ilacs2019, "CHILDREN_IN_CARE", "GOOD", ["area:cic"])];

  it("has no series for an area never graded, and FIRST only when nothing earlier is known", () => {
    const series = buildSeries(current, judgements, null);
    expect(series.map((s) => s.judgementArea.code)).toEqual(["OVERALL", "CHILDREN_IN_CARE"]);
    expect(series[0]!.points.map((p) => `${p.inspection.id} ${p.grade} ${p.change}`)).toEqual(["sif-2015 GOOD FIRST", "ilacs-2019 REQUIRES_IMPROVEMENT DECLINED"]);
    // The 2015 inspection graded nothing that stands for children in care: the 2019 grade may not be the first.
    expect(series[1]!.points.map((p) => p.change)).toEqual(["PREVIOUS_UNKNOWN"]);
    expect(series[1]!.earlierUngraded.map((i) => i.id)).toEqual(["sif-2015"]);
  });

  it("says when earlier inspections are known with no grade in the graph; visits that grade nothing do not count", () => {
    const series = buildSeries(current, judgements, null, [ungradedSif2012, visit2013]);
    expect(series[0]!.points[0]!.change).toBe("PREVIOUS_UNKNOWN");
    expect(series[0]!.earlierUngraded.map((i) => i.id)).toEqual(["sif-2012"]);
    expect(series[1]!.earlierUngraded.map((i) => i.id)).toEqual(["sif-2012", "sif-2015"]);
    expect(buildSeries(current, judgements, null, [visit2013])[0]!.points[0]!.change).toBe("FIRST");
  });

  it("gives an authority with no grade in the graph no series at all", () => {
    expect(buildSeries(current, [], null, [ungradedSif2012])).toEqual([]);
  });
});
