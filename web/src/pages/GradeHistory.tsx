/** An authority's grades over time: a step chart across frameworks, and the same points as a table. */
import { useMemo } from "react";
import { useQuery } from "../api.ts";
import { GradeTag } from "../components/Grade.tsx";
import { StepChart, type ChartPoint } from "../components/StepChart.tsx";
import { Answer, Empty } from "../components/States.tsx";
import { graphql, type ResultOf } from "../graphql.ts";

const HistoryQuery = graphql(`
  query GradeHistory($authority: ID!) {
    judgementHistory(authority: $authority) {
      label
      judgementArea { id framework }
      points { date grade change inspection { id kind } }
      earlierUngraded { id start kind }
    }
  }
`);

type Series = ResultOf<typeof HistoryQuery>["judgementHistory"];

/** A partial date as the first day it covers, for placing it on a time axis. */
export const dateOf = (partial: string) => new Date(`${partial}${partial.length === 4 ? "-01-01" : partial.length === 7 ? "-01" : ""}T00:00:00Z`);

export function GradeHistory({ authority }: { authority: string }) {
  const state = useQuery(HistoryQuery, { authority });
  return (
    <section aria-labelledby="history-heading">
      <h2 className="govuk-heading-l" id="history-heading">Grades over time</h2>
      <Answer state={state} what="the grades over time">
        {(data) => <History series={data.judgementHistory} />}
      </Answer>
    </section>
  );
}

function History({ series }: { series: Series }) {
  const graded = series.filter((entry) => entry.points.length > 0);
  const points = useMemo<ChartPoint[]>(
    () => graded.flatMap((entry) => entry.points.filter((point) => point.date).map((point) => ({ series: entry.label, date: dateOf(point.date!), grade: point.grade }))),
    [graded],
  );
  if (graded.length === 0) return <Empty>No graded inspection is in the graph for this authority.</Empty>;
  return (
    <>
      <StepChart points={points} label="Step chart of each judgement's grade at each inspection; the table below gives the same grades." />
      <div className="app-table-wrapper"><table className="govuk-table app-history">
        <caption className="govuk-table__caption govuk-table__caption--s">Each judgement's grade at each inspection</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Judgement</th>
            <th scope="col" className="govuk-table__header">Grades, oldest first</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {graded.map((entry) => (
            <tr key={entry.judgementArea.id} className="govuk-table__row" data-series={entry.judgementArea.id}>
              <th scope="row" className="govuk-table__header">{entry.label}</th>
              <td className="govuk-table__cell">
                <ol className="app-history__points">
                  {entry.points.map((point) => (
                    <li key={point.inspection.id} data-date={point.date ?? ""}>
                      <span className="app-history__date">{point.date ?? "undated"}</span> <GradeTag grade={point.grade} />
                      {point.change === "IMPROVED" || point.change === "DECLINED" ? <span className="govuk-hint"> {point.change.toLowerCase()}</span> : null}
                    </li>
                  ))}
                </ol>
                {entry.earlierUngraded.length > 0 ? (
                  <p className="govuk-body-s app-history__earlier">
                    Earlier inspections known, with no grade for this in the graph: {entry.earlierUngraded.map((i) => i.start ?? "undated").join(", ")}.
                  </p>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table></div>
    </>
  );
}
