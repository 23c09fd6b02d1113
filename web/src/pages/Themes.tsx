/** Themes by year: how many authorities were told to improve each theme, nationally, in a region or in one authority. */
import { Link } from "wouter";
import { useQuery } from "../api.ts";
import { FindingEvidence } from "../components/Evidence.tsx";
import { Select } from "../components/Select.tsx";
import { Answer, Empty } from "../components/States.tsx";
import { graphql, type ResultOf } from "../graphql.ts";
import { authorityHref, nodeHref, useUrlState } from "../links.ts";

const OptionsQuery = graphql(`
  query ThemeOptions {
    themes { id label }
    authorities { id name region }
  }
`);

const PrevalenceQuery = graphql(`
  query ThemePrevalence($from: Int!, $to: Int!, $region: String, $authority: ID, $theme: ID, $kind: FindingKind!) {
    themePrevalence(from: $from, to: $to, region: $region, authority: $authority, theme: $theme, kind: $kind) {
      year
      authorities
      inspectedAuthorities
      findingCount
      share
      theme { id label }
    }
  }
`);

// The quotes are fetched as each is opened: 200 findings with their evidence would cost more than one request may.
const CellQuery = graphql(`
  query ThemeCell($year: Int!, $region: String, $authority: ID, $theme: ID!, $kind: FindingKind!) {
    themePrevalence(from: $year, to: $year, region: $region, authority: $authority, theme: $theme, kind: $kind) {
      year
      authorities
      findingCount
      theme { id label }
      findings(first: 200) {
        id summary
        inspection { id start authority { id name } }
      }
    }
  }
`);

type Row = ResultOf<typeof PrevalenceQuery>["themePrevalence"][number];
const THIS_YEAR = new Date().getFullYear();
const KINDS = [
  { value: "RECOMMENDATION", label: "Recommendations (told to improve)" },
  { value: "WEAKNESS", label: "Weaknesses found" },
  { value: "STRENGTH", label: "Strengths found" },
] as const;

function year(value: string | null, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= 2000 && parsed <= THIS_YEAR + 1 ? parsed : fallback;
}

export function Themes() {
  const { params, update: set } = useUrlState();
  const from = year(params.get("from"), 2018);
  const to = Math.max(from, year(params.get("to"), THIS_YEAR));
  const region = params.get("region");
  const authority = params.get("authority");
  const theme = params.get("theme");
  const kind = KINDS.find((k) => k.value === params.get("kind"))?.value ?? "RECOMMENDATION";
  const cell = params.get("cell");
  const options = useQuery(OptionsQuery, {});
  const state = useQuery(PrevalenceQuery, { from, to, region, authority, theme, kind });
  const years = Array.from({ length: to - from + 1 }, (_, index) => from + index);
  return (
    <>
      <h1 className="govuk-heading-xl">Themes, year by year</h1>
      <p className="govuk-body-l">How many authorities inspected each year were told to improve each theme (or had it found a strength or weakness), with the quotes behind every count.</p>
      <Answer state={options} what="the filters">
        {(data) => {
          const regions = [...new Set(data.authorities.map((a) => a.region).filter((r): r is string => !!r))].sort();
          return (
            <form className="app-filters" aria-label="Choose what to count" onSubmit={(event) => event.preventDefault()}>
              <Select id="kind" label="Count" value={kind} onChange={(value) => set({ kind: value === "RECOMMENDATION" ? null : value, cell: null })} options={KINDS.map((k) => ({ value: k.value, label: k.label }))} />
              <Select id="theme" label="Theme" value={theme ?? ""} any="Every theme" onChange={(value) => set({ theme: value, cell: null })} options={data.themes.map((t) => ({ value: t.id, label: t.label }))} />
              <Select id="region" label="Region" value={region ?? ""} any="England" onChange={(value) => set({ region: value, authority: null, cell: null })} options={regions.map((r) => ({ value: r, label: r }))} />
              <Select id="authority" label="Authority" value={authority ?? ""} any="Every authority" onChange={(value) => set({ authority: value, region: null, cell: null })} options={data.authorities.map((a) => ({ value: a.id, label: a.name }))} />
              <Select id="from" label="From" value={String(from)} onChange={(value) => set({ from: value, cell: null })} options={yearsUpTo(THIS_YEAR).map((y) => ({ value: String(y), label: String(y) }))} />
              <Select id="to" label="To" value={String(to)} onChange={(value) => set({ to: value, cell: null })} options={yearsUpTo(THIS_YEAR).filter((y) => y >= from).map((y) => ({ value: String(y), label: String(y) }))} />
            </form>
          );
        }}
      </Answer>
      <Answer state={state} what="the themes">
        {(data) => <Heatmap rows={data.themePrevalence} years={years} selected={cell} select={(value) => set({ cell: value })} />}
      </Answer>
      {cell ? <CellDetail cell={cell} region={region} authority={authority} kind={kind} /> : null}
    </>
  );
}

const yearsUpTo = (last: number) => Array.from({ length: last - 2011 }, (_, index) => 2012 + index);

function Heatmap({ rows, years, selected, select }: { rows: readonly Row[]; years: number[]; selected: string | null; select: (cell: string) => void }) {
  if (rows.length === 0) return <Empty>No theme was raised in these years for this choice.</Empty>;
  const themes = new Map<string, { label: string; cells: Map<number, Row> }>();
  for (const row of rows) {
    const entry = themes.get(row.theme.id) ?? { label: row.theme.label, cells: new Map() };
    entry.cells.set(row.year, row);
    themes.set(row.theme.id, entry);
  }
  const inspected = new Map(rows.map((row) => [row.year, row.inspectedAuthorities]));
  return (
    <div className="app-heatmap-wrapper">
      <table className="govuk-table app-heatmap">
        <caption className="govuk-table__caption govuk-table__caption--m">Authorities raising each theme, by year of inspection (select a count for its quotes)</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Theme</th>
            {years.map((y) => (
              <th key={y} scope="col" className="govuk-table__header govuk-table__header--numeric">
                {y}
                <span className="app-heatmap__inspected">of {inspected.get(y) ?? 0}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {[...themes.entries()].sort(([, a], [, b]) => a.label.localeCompare(b.label)).map(([themeId, entry]) => (
            <tr key={themeId} className="govuk-table__row" data-theme={themeId}>
              <th scope="row" className="govuk-table__header"><Link className="govuk-link" href={nodeHref(themeId)}>{entry.label}</Link></th>
              {years.map((y) => {
                const row = entry.cells.get(y);
                const key = `${themeId}|${y}`;
                if (!row || row.authorities === 0) return <td key={y} className="govuk-table__cell govuk-table__cell--numeric app-heat app-heat--0" data-year={y}>0</td>;
                const level = Math.min(5, Math.ceil(row.share * 5));
                return (
                  <td key={y} className={`govuk-table__cell govuk-table__cell--numeric app-heat app-heat--${level}`} data-year={y} data-count={row.authorities}>
                    <button type="button" className="app-heat__button" aria-pressed={selected === key} onClick={() => select(key)} aria-label={`${entry.label}, ${y}: ${row.authorities} of ${row.inspectedAuthorities} authorities; show the quotes`}>
                      {row.authorities}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CellDetail({ cell, region, authority, kind }: { cell: string; region: string | null; authority: string | null; kind: "RECOMMENDATION" | "WEAKNESS" | "STRENGTH" }) {
  const [theme = "", yearText = ""] = cell.split("|");
  const state = useQuery(CellQuery, { theme, year: Number(yearText), region, authority, kind }, !theme || !Number(yearText));
  return (
    <section className="app-cell" aria-labelledby="cell-heading" aria-live="polite">
      <Answer state={state} what="the quotes">
        {(data) => {
          const row = data.themePrevalence[0];
          if (!row) return <Empty>Nothing was raised on this theme in {yearText}.</Empty>;
          return (
            <>
              <h2 className="govuk-heading-m" id="cell-heading">
                {row.theme.label}, {row.year}: {row.authorities} {row.authorities === 1 ? "authority" : "authorities"}, {row.findingCount} {row.findingCount === 1 ? "finding" : "findings"}
              </h2>
              {row.findings.length < row.findingCount ? <p className="govuk-body-s">The first {row.findings.length} of {row.findingCount}, by authority.</p> : null}
              <ul className="govuk-list app-cell__findings">
                {row.findings.map((finding) => (
                  <li key={finding.id} className="app-finding" data-finding={finding.id}>
                    {finding.inspection?.authority ? <Link className="govuk-link" href={authorityHref(finding.inspection.authority.id)}>{finding.inspection.authority.name}</Link> : null}
                    {finding.inspection?.start ? `, ${finding.inspection.start}` : ""}: {finding.summary}
                    <FindingEvidence id={finding.id} />
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </Answer>
    </section>
  );
}
