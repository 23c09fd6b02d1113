/** Grades over time as a step chart (Observable Plot), one line per judgement area, across frameworks. */
import * as Plot from "@observablehq/plot";
import { useEffect, useRef } from "react";
import { gradeLabel, gradeRank } from "./Grade.tsx";

export type ChartPoint = { series: string; date: Date; grade: string };

const RANK_LABEL: Record<number, string> = { 1: "Inadequate", 2: "Requires improvement / adequate", 3: "Good", 4: "Outstanding" };

export function StepChart({ points, label }: { points: ChartPoint[]; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element || points.length === 0) return;
    // Series with the same grades would hide each other: each is nudged by a small, fixed amount.
    const series = [...new Set(points.map((point) => point.series))];
    const nudge = (name: string) => (series.indexOf(name) - (series.length - 1) / 2) * 0.06;
    const rows = points.map((point) => ({ ...point, rank: gradeRank(point.grade) + nudge(point.series), label: gradeLabel(point.grade) }));
    const chart = Plot.plot({
      width: Math.max(320, element.clientWidth || 640),
      height: 280,
      marginLeft: 190,
      x: { type: "time", label: "Inspection" },
      y: { type: "linear", domain: [0.6, 4.4], ticks: [1, 2, 3, 4], tickFormat: (rank: number) => RANK_LABEL[rank] ?? "", label: null, grid: true },
      color: { legend: true, type: "categorical", scheme: "Tableau10" },
      marks: [
        Plot.line(rows, { x: "date", y: "rank", stroke: "series", curve: "step-after", strokeWidth: 2 }),
        Plot.dot(rows, { x: "date", y: "rank", stroke: "series", fill: "white", r: 4, title: (row: (typeof rows)[number]) => `${row.series}: ${row.label}` }),
      ],
    });
    chart.setAttribute("aria-label", label);
    element.replaceChildren(chart);
    return () => chart.remove();
  }, [points, label]);
  return <div ref={container} className="app-chart" role="img" aria-label={label} />;
}
