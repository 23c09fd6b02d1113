/** England: every authority with its latest grades, filtered and sorted by URL, a tile grid by region, counts per grade. */
import { Link } from "wouter";
import { useQuery } from "../api.ts";
import { GRADE_ORDER, GradeTag, gradeColourClass, gradeLabel, gradeShort } from "../components/Grade.tsx";
import { Select } from "../components/Select.tsx";
import { Answer, Empty } from "../components/States.tsx";
import { graphql, type ResultOf } from "../graphql.ts";
import { authorityHref, useUrlState } from "../links.ts";

const AuthoritiesQuery = graphql(`
  query EnglandAuthorities($region: String, $authorityType: String, $grade: Grade, $gradeOf: LatestArea!, $orderBy: AuthorityOrder!) {
    authorities(region: $region, authorityType: $authorityType, grade: $grade, gradeOf: $gradeOf, orderBy: $orderBy) {
      id
      name
      region
      authorityType
      latestGrades {
        overall
        helpAndProtection
        childrenInCare
        careLeavers
        leaders
        inspection { id start published }
      }
    }
  }
`);

type Authority = ResultOf<typeof AuthoritiesQuery>["authorities"][number];
type Area = "OVERALL" | "HELP_AND_PROTECTION" | "CHILDREN_IN_CARE" | "CARE_LEAVERS" | "LEADERS";
type Field = Area | "NAME" | "REGION" | "AUTHORITY_TYPE" | "LATEST_INSPECTION";

const AREAS: { value: Area; label: string; pick: (a: Authority) => string | null | undefined }[] = [
  { value: "OVERALL", label: "Overall effectiveness", pick: (a) => a.latestGrades?.overall },
  { value: "HELP_AND_PROTECTION", label: "Help and protection", pick: (a) => a.latestGrades?.helpAndProtection },
  { value: "CHILDREN_IN_CARE", label: "Children in care", pick: (a) => a.latestGrades?.childrenInCare },
  { value: "CARE_LEAVERS", label: "Care leavers", pick: (a) => a.latestGrades?.careLeavers },
  { value: "LEADERS", label: "Leadership", pick: (a) => a.latestGrades?.leaders },
];
const FIELDS = new Set<string>(["NAME", "REGION", "AUTHORITY_TYPE", "LATEST_INSPECTION", ...AREAS.map((a) => a.value)]);

function useFilters() {
  const { params, update: set } = useUrlState();
  const area = (AREAS.find((a) => a.value === params.get("area"))?.value ?? "OVERALL") as Area;
  const sort = (FIELDS.has(params.get("sort") ?? "") ? params.get("sort") : "NAME") as Field;
  const dir = params.get("dir") === "DESC" ? "DESC" : "ASC";
  return { region: params.get("region"), type: params.get("type"), grade: params.get("grade"), area, sort, dir, set } as const;
}

export function England() {
  const filters = useFilters();
  const all = useQuery(AuthoritiesQuery, { gradeOf: "OVERALL", orderBy: { field: "NAME", direction: "ASC" } });
  const filtered = useQuery(AuthoritiesQuery, {
    region: filters.region,
    authorityType: filters.type,
    grade: filters.grade as never,
    gradeOf: filters.area,
    orderBy: { field: filters.sort, direction: filters.dir },
  });
  const area = AREAS.find((a) => a.value === filters.area)!;
  return (
    <>
      <h1 className="govuk-heading-xl">Children's services in England</h1>
      <p className="govuk-body-l">The latest Ofsted grades of every local authority, from Ofsted's own reports.</p>
      <Answer state={all} what="authorities">
        {(everyone) => <Filters authorities={everyone.authorities} filters={filters} />}
      </Answer>
      <Answer state={filtered} what="the authorities that match">
        {(data) => (
          <>
            <GradeCounts authorities={data.authorities} area={area} />
            <AuthorityTable authorities={data.authorities} filters={filters} />
          </>
        )}
      </Answer>
      <Answer state={all} what="the map of regions">
        {(everyone) => <TileGrid authorities={everyone.authorities} area={area} />}
      </Answer>
    </>
  );
}

type Filters = ReturnType<typeof useFilters>;

function Filters({ authorities, filters }: { authorities: readonly Authority[]; filters: Filters }) {
  const regions = [...new Set(authorities.map((a) => a.region).filter((r): r is string => !!r))].sort();
  const types = [...new Set(authorities.map((a) => a.authorityType).filter((t): t is string => !!t))].sort();
  return (
    <form className="app-filters" aria-label="Filter authorities" onSubmit={(event) => event.preventDefault()}>
      <Select id="region" label="Region" any="Any" value={filters.region} onChange={(region) => filters.set({ region })} options={regions.map((r) => ({ value: r, label: r }))} />
      <Select id="type" label="Type of authority" any="Any" value={filters.type} onChange={(type) => filters.set({ type })} options={types.map((t) => ({ value: t, label: t }))} />
      <Select id="area" label="Judgement" value={filters.area} onChange={(area) => filters.set({ area })} options={AREAS.map((a) => ({ value: a.value, label: a.label }))} />
      <Select id="grade" label="Grade (of that judgement)" any="Any" value={filters.grade} onChange={(grade) => filters.set({ grade })} options={GRADE_ORDER.map((g) => ({ value: g, label: gradeLabel(g) }))} />
    </form>
  );
}

function GradeCounts({ authorities, area }: { authorities: readonly Authority[]; area: (typeof AREAS)[number] }) {
  const counts = new Map<string, number>();
  for (const authority of authorities) {
    const grade = area.pick(authority) ?? "";
    counts.set(grade, (counts.get(grade) ?? 0) + 1);
  }
  return (
    <div className="app-counts" aria-label={`Counts per grade: ${area.label}`}>
      <h2 className="govuk-heading-m">
        {authorities.length} {authorities.length === 1 ? "authority" : "authorities"}: {area.label.toLowerCase()}
      </h2>
      <ul className="govuk-list app-counts__list">
        {[...GRADE_ORDER, ""].filter((g) => counts.has(g)).map((grade) => (
          <li key={grade} className="app-counts__item" data-grade={grade}>
            <GradeTag grade={grade || null} /> <span className="app-count">{counts.get(grade)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function AuthorityTable({ authorities, filters }: { authorities: readonly Authority[]; filters: Filters }) {
  if (authorities.length === 0) return <Empty>No authority matches these filters.</Empty>;
  const header = (field: Field, label: string) => {
    const sorted = filters.sort === field;
    const next = sorted && filters.dir === "ASC" ? "DESC" : "ASC";
    return (
      <th key={field} scope="col" className="govuk-table__header" aria-sort={sorted ? (filters.dir === "ASC" ? "ascending" : "descending") : "none"}>
        <button type="button" className="app-sort" onClick={() => filters.set({ sort: field, dir: next })}>
          {label}
          <span className="govuk-visually-hidden">, sort {next === "ASC" ? "ascending" : "descending"}</span>
        </button>
      </th>
    );
  };
  return (
    <div className="app-table-wrapper">
    <table className="govuk-table app-authorities">
      <caption className="govuk-table__caption govuk-table__caption--m">Latest grades</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {header("NAME", "Authority")}
          {header("REGION", "Region")}
          {header("AUTHORITY_TYPE", "Type")}
          {header("LATEST_INSPECTION", "Inspected")}
          {AREAS.map((area) => header(area.value, area.label))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {authorities.map((authority) => (
          <tr key={authority.id} className="govuk-table__row" data-authority={authority.id}>
            <th scope="row" className="govuk-table__header">
              <Link className="govuk-link" href={authorityHref(authority.id)}>{authority.name}</Link>
            </th>
            <td className="govuk-table__cell">{authority.region}</td>
            <td className="govuk-table__cell">{authority.authorityType}</td>
            <td className="govuk-table__cell">{authority.latestGrades?.inspection.start ?? "–"}</td>
            {AREAS.map((area) => (
              <td key={area.value} className="govuk-table__cell" data-area={area.value}>
                <GradeTag grade={area.pick(authority)} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}

function TileGrid({ authorities, area }: { authorities: readonly Authority[]; area: (typeof AREAS)[number] }) {
  const byRegion = new Map<string, Authority[]>();
  for (const authority of authorities) {
    const region = authority.region ?? "Region not recorded";
    byRegion.set(region, [...(byRegion.get(region) ?? []), authority]);
  }
  return (
    <section className="app-tiles" aria-labelledby="tiles-heading">
      <h2 className="govuk-heading-m" id="tiles-heading">By region: {area.label.toLowerCase()}</h2>
      <p className="govuk-body-s">Each tile is an authority, labelled with its grade (O outstanding, G good, RI requires improvement, A adequate, I inadequate).</p>
      {[...byRegion.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([region, members]) => (
        <div key={region} className="app-tiles__region">
          <h3 className="govuk-heading-s">{region}</h3>
          <ul className="app-tiles__list">
            {members.map((authority) => {
              const grade = area.pick(authority);
              return (
                <li key={authority.id}>
                  <Link href={authorityHref(authority.id)} className={`app-tile ${gradeColourClass(grade)}`} title={`${authority.name}: ${gradeLabel(grade)}`}>
                    <span className="app-tile__name">{authority.name}</span>
                    <span className="app-tile__grade">{gradeShort(grade)}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
