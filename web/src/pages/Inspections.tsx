/** An authority's inspections, newest first: the judgements, and the recommendations grouped by theme. */
import { useQuery } from "../api.ts";
import { Details } from "../components/Details.tsx";
import { EvidenceFields, EvidenceList } from "../components/Evidence.tsx";
import { GradeTag } from "../components/Grade.tsx";
import { Answer, Empty } from "../components/States.tsx";
import { graphql, type ResultOf } from "../graphql.ts";
import { useUrlState } from "../links.ts";

const InspectionsQuery = graphql(
  `
  query AuthorityInspections($authority: ID!) {
    inspections(authority: $authority) {
      id kind status start end published focus
      judgements { id grade area { id label } evidence { ...EvidenceFields } }
      findings { id kind summary themes { id label } evidence { ...EvidenceFields } }
    }
  }
`,
  [EvidenceFields],
);

type Inspection = ResultOf<typeof InspectionsQuery>["inspections"][number];
type Finding = Inspection["findings"][number];

const kindLabel = (kind: string) => kind.replace(/_/g, " ").toLowerCase();

export function Inspections({ authority }: { authority: string }) {
  const state = useQuery(InspectionsQuery, { authority });
  const { params, update } = useUrlState();
  const open = params.get("inspection");
  // Closing one only forgets it if it is still the open one: opening another closes this one after the URL names the other.
  const toggle = (id: string, isOpen: boolean) =>
    update((current) => (isOpen ? { inspection: id } : current.get("inspection") === id ? { inspection: null } : {}), { replace: true });
  return (
    <section aria-labelledby="inspections-heading">
      <h2 className="govuk-heading-l" id="inspections-heading">Inspections and their recommendations</h2>
      <Answer state={state} what="the inspections">
        {(data) => {
          const held = [...data.inspections].filter((inspection) => inspection.status !== "EXPECTED").reverse();
          if (held.length === 0) return <Empty>No inspection of this authority is in the graph.</Empty>;
          return held.map((inspection) => (
            <Details
              key={inspection.id}
              className="app-inspection"
              data-inspection={inspection.id}
              open={open === inspection.id}
              onToggle={(event) => toggle(inspection.id, (event.target as HTMLDetailsElement).open)}
              summary={<>{inspection.start ?? "Undated"}: {kindLabel(inspection.kind)} ({recommendationsOf(inspection).length} recommendations)</>}
            >
              <InspectionDetail inspection={inspection} />
            </Details>
          ));
        }}
      </Answer>
    </section>
  );
}

const recommendationsOf = (inspection: Inspection) => inspection.findings.filter((finding) => finding.kind === "RECOMMENDATION");

function InspectionDetail({ inspection }: { inspection: Inspection }) {
  const recommendations = recommendationsOf(inspection);
  const byTheme = new Map<string, { label: string; findings: Finding[] }>();
  for (const finding of recommendations) {
    const themes = finding.themes.length ? finding.themes : [{ id: "", label: "No theme" }];
    for (const theme of themes) {
      const group = byTheme.get(theme.id) ?? { label: theme.label, findings: [] };
      group.findings.push(finding);
      byTheme.set(theme.id, group);
    }
  }
  return (
    <>
      <p className="govuk-body-s">
        {inspection.start ?? "?"} to {inspection.end ?? "?"}
        {inspection.published ? `, published ${inspection.published}` : ""}
        {inspection.focus ? `. Focus: ${inspection.focus}` : ""}
      </p>
      {inspection.judgements.length > 0 ? (
        <ul className="govuk-list app-judgements">
          {inspection.judgements.map((judgement) => (
            <li key={judgement.id}>
              {judgement.area.label}: <GradeTag grade={judgement.grade} />
              <EvidenceList evidence={judgement.evidence} />
            </li>
          ))}
        </ul>
      ) : null}
      {recommendations.length === 0 ? (
        <Empty>No recommendation of this inspection is in the graph.</Empty>
      ) : (
        [...byTheme.entries()]
          .sort(([, a], [, b]) => a.label.localeCompare(b.label))
          .map(([themeId, group]) => (
            <div key={themeId} className="app-theme-group" data-theme={themeId}>
              <h3 className="govuk-heading-s">
                {group.label} ({group.findings.length})
              </h3>
              <ul className="govuk-list govuk-list--bullet">
                {group.findings.map((finding) => (
                  <li key={finding.id} className="app-finding" data-finding={finding.id}>
                    {finding.summary}
                    <EvidenceList evidence={finding.evidence} summary="Quote and source" />
                  </li>
                ))}
              </ul>
            </div>
          ))
      )}
    </>
  );
}
