/** Accountability: for an authority, a service area and a date, the chain up to the chief executive and leader. */
import { useMemo, useState, type FormEvent } from "react";
import { Link } from "wouter";
import { useQuery } from "../api.ts";
import { CertaintyTag, PersonName } from "../components/Certainty.tsx";
import { EvidenceFields, EvidenceList } from "../components/Evidence.tsx";
import { Graph, type GraphEdge, type GraphNode } from "../components/Graph.tsx";
import { Select } from "../components/Select.tsx";
import { Answer, Empty } from "../components/States.tsx";
import { graphql, type ResultOf } from "../graphql.ts";
import { nodeHref, useUrlState } from "../links.ts";

const ChoicesQuery = graphql(`
  query AccountabilityChoices {
    authorities { id name }
    serviceAreas { id name }
  }
`);

const AccountabilityQuery = graphql(
  `
  query Accountability($authority: ID!, $serviceArea: ID!, $asOf: PartialDate) {
    accountability(authority: $authority, serviceArea: $serviceArea, asOf: $asOf) {
      on
      basis
      basisNote
      authority { id name }
      serviceArea { id name }
      posts {
        level certainty
        post { id title role }
        holders { certainty attestedOn person { id name unnamed } occupancy { id start end status evidence { ...EvidenceFields } } }
        lastKnown { asOf person { id name unnamed } occupancy { id end evidence { ...EvidenceFields } } }
      }
      steps {
        level line inferred inferredFrom
        from { id title }
        to { __typename id ... on Post { title } ... on Organisation { name } }
        evidence { ...EvidenceFields }
      }
      oversight {
        body { id name }
        intervention { id kind }
        meetings { id date }
        posts { post { id title } holders { certainty person { id name unnamed } } }
      }
    }
  }
`,
  [EvidenceFields],
);

type Answer = ResultOf<typeof AccountabilityQuery>["accountability"];
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export function Accountability() {
  const { params, update: set } = useUrlState();
  const authority = params.get("authority") ?? "";
  const serviceArea = params.get("area") ?? "";
  const on = params.get("on") ?? new Date().toISOString().slice(0, 10);
  const [draftOn, setDraftOn] = useState(on);
  const [dateError, setDateError] = useState<string | null>(null);
  const choices = useQuery(ChoicesQuery, {});
  const ready = authority !== "" && serviceArea !== "" && DATE.test(on);
  const state = useQuery(AccountabilityQuery, { authority, serviceArea, asOf: on }, !ready);
  const submitDate = (event: FormEvent) => {
    event.preventDefault();
    if (!DATE.test(draftOn)) return setDateError("Enter a date as YYYY-MM-DD, a month as YYYY-MM or a year as YYYY");
    setDateError(null);
    set({ on: draftOn });
  };
  return (
    <>
      <h1 className="govuk-heading-xl">Who was accountable</h1>
      <Answer state={choices} what="the authorities and service areas">
        {(data) => (
          <form className="app-filters" aria-label="Choose authority, service area and date" onSubmit={submitDate}>
            <Select id="authority" label="Authority" any="Choose an authority" value={authority} onChange={(value) => set({ authority: value })} options={data.authorities.map((a) => ({ value: a.id, label: a.name }))} />
            <Select id="area" label="Service area" any="Choose a service area" value={serviceArea} onChange={(area) => set({ area })} options={data.serviceAreas.map((s) => ({ value: s.id, label: s.name }))} />
            <div className={`govuk-form-group app-filter${dateError ? " govuk-form-group--error" : ""}`}>
              <label className="govuk-label" htmlFor="on">On (a day, month or year)</label>
              {dateError ? <p className="govuk-error-message" id="on-error"><span className="govuk-visually-hidden">Error:</span> {dateError}</p> : null}
              <input className="govuk-input govuk-input--width-10" id="on" value={draftOn} onChange={(event) => setDraftOn(event.target.value)} aria-describedby={dateError ? "on-error" : undefined} />
            </div>
            <button type="submit" className="govuk-button app-filter-button">Show</button>
          </form>
        )}
      </Answer>
      {!ready ? <Empty>Choose an authority and a service area to see who was accountable.</Empty> : (
        <Answer state={state} what="the accountability chain">
          {(data) => <Chain answer={data.accountability} />}
        </Answer>
      )}
    </>
  );
}

const holderName = (person: { name: string | null; unnamed: boolean }) => (person.unnamed || !person.name ? "unnamed holder" : person.name);

function Chain({ answer }: { answer: Answer }) {
  const { nodes, edges } = useMemo(() => {
    const nodes = new Map<string, GraphNode>();
    const edges: GraphEdge[] = [];
    nodes.set(answer.serviceArea.id, { id: answer.serviceArea.id, label: answer.serviceArea.name, kind: "service" });
    for (const entry of answer.posts) {
      const holders = entry.holders.map((h) => holderName(h.person)).join(" / ") || (entry.lastKnown ? `last known: ${holderName(entry.lastKnown.person)} (${entry.lastKnown.asOf})` : "no holder known");
      const uncertain = entry.certainty !== "CERTAIN" || entry.holders.some((h) => h.person.unnamed);
      nodes.set(entry.post.id, { id: entry.post.id, label: `${entry.post.title}\n${holders}`, kind: "post", uncertain });
    }
    for (const step of answer.steps) {
      if (!nodes.has(step.to.id)) nodes.set(step.to.id, { id: step.to.id, label: "title" in step.to ? step.to.title : "name" in step.to ? step.to.name : step.to.id, kind: "body" });
      if (!nodes.has(step.from.id)) nodes.set(step.from.id, { id: step.from.id, label: step.from.title, kind: "post" });
      edges.push({ id: `${step.from.id}>${step.to.id}`, source: step.from.id, target: step.to.id, label: step.line.toLowerCase(), uncertain: step.inferred });
    }
    for (const entry of answer.posts.filter((p) => p.level === 0)) edges.push({ id: `area>${entry.post.id}`, source: answer.serviceArea.id, target: entry.post.id, label: "responsible" });
    for (const oversight of answer.oversight) {
      nodes.set(oversight.body.id, { id: oversight.body.id, label: oversight.body.name, kind: "body" });
      edges.push({ id: `${oversight.body.id}>area`, source: oversight.body.id, target: answer.serviceArea.id, label: "oversees", uncertain: false });
    }
    return { nodes: [...nodes.values()], edges };
  }, [answer]);
  if (answer.posts.length === 0) return <Empty>No post is known to be responsible for {answer.serviceArea.name} at {answer.authority.name}.</Empty>;
  return (
    <>
      <h2 className="govuk-heading-l">{answer.serviceArea.name} at {answer.authority.name}, {answer.on}</h2>
      {answer.basis === "STATUTE" ? (
        <div className="govuk-inset-text app-basis" data-basis="STATUTE">
          <strong>From statute, not a source.</strong> {answer.basisNote}
        </div>
      ) : null}
      <p className="govuk-body-s">Solid lines and filled circles come from sources with certain dates; dashed lines and hollow circles are inferred, attested or unnamed.</p>
      <Graph nodes={nodes} edges={edges} label={`Accountability graph: ${answer.posts.map((p) => p.post.title).join(", ")}`} />
      <h3 className="govuk-heading-m">Posts, from the front line up</h3>
      <ol className="govuk-list app-chain">
        {[...answer.posts].sort((a, b) => a.level - b.level).map((entry) => (
          <li key={entry.post.id} className="app-chain__post" data-post={entry.post.id} data-level={entry.level}>
            <h4 className="govuk-heading-s"><Link className="govuk-link" href={nodeHref(entry.post.id)}>{entry.post.title}</Link> <CertaintyTag certainty={entry.certainty} /></h4>
            {entry.holders.length === 0 ? (
              <p className="govuk-hint app-last-known">
                No holder known then.
                {entry.lastKnown ? <> Last known: <Link className="govuk-link" href={nodeHref(entry.lastKnown.person.id)}><PersonName person={entry.lastKnown.person} /></Link>, as of {entry.lastKnown.asOf}{entry.lastKnown.occupancy.end ? ` (left ${entry.lastKnown.occupancy.end})` : ""}.</> : null}
              </p>
            ) : (
              <ul className="govuk-list">
                {entry.holders.map((holder) => (
                  <li key={holder.occupancy.id} className="app-holder" data-certainty={holder.certainty}>
                    <Link className="govuk-link" href={nodeHref(holder.person.id)}><PersonName person={holder.person} /></Link> <CertaintyTag certainty={holder.certainty} />
                    <span className="govuk-hint"> {holder.occupancy.start ?? "?"} to {holder.occupancy.end ?? "…"}{holder.attestedOn ? `, attested ${holder.attestedOn}` : ""}</span>
                    <EvidenceList evidence={holder.occupancy.evidence} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <h3 className="govuk-heading-m">Lines of accountability</h3>
      <ul className="govuk-list">
        {answer.steps.map((step) => (
          <li key={`${step.from.id}>${step.to.id}`} className="app-step">
            {step.from.title} answers to {"title" in step.to ? step.to.title : "name" in step.to ? step.to.name : step.to.id} ({step.line.toLowerCase()}){step.inferred ? <strong className="govuk-tag govuk-tag--yellow">Inferred{step.inferredFrom ? `: ${step.inferredFrom}` : ""}</strong> : null}
            <EvidenceList evidence={step.evidence} />
          </li>
        ))}
      </ul>
      <h3 className="govuk-heading-m">Overseeing bodies</h3>
      {answer.oversight.length === 0 ? <Empty>No body is recorded overseeing this work then.</Empty> : (
        <ul className="govuk-list">
          {answer.oversight.map((o) => (
            <li key={`${o.body.id}-${o.intervention?.id ?? "meetings"}`} className="app-oversight">
              <Link className="govuk-link" href={nodeHref(o.body.id)}>{o.body.name}</Link> ({oversightOf(o)})
              {o.posts.map((p) => <span key={p.post.id}>; {p.post.title}: {p.holders.map((h) => holderName(h.person)).join(", ") || "not known"}</span>)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** What a body's oversight rests on: the intervention it oversees, and the meetings it held about the work. */
function oversightOf(o: { intervention: { kind: string } | null; meetings: readonly { id: string; date: unknown }[] }): string {
  const meetings = o.meetings.length ? `met about it on ${o.meetings.map((m) => String(m.date)).join(", ")}` : "";
  if (!o.intervention) return meetings;
  const overseeing = `overseeing the ${o.intervention.kind.replace(/_/g, " ").toLowerCase()}`;
  return meetings ? `${overseeing}; ${meetings}` : overseeing;
}
