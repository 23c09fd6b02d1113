/** How is X connected to Y: the shortest paths between two entities, drawn, with the evidence of each hop. */
import { useMemo, useState, type FormEvent } from "react";
import { Link } from "wouter";
import { useQuery } from "../api.ts";
import { EvidenceFields, EvidenceList } from "../components/Evidence.tsx";
import { Graph, type GraphEdge, type GraphNode } from "../components/Graph.tsx";
import { Answer, Empty } from "../components/States.tsx";
import { graphql, readFragment, type ResultOf } from "../graphql.ts";
import { hrefFor, useUrlState } from "../links.ts";
import { Highlighted } from "./Search.tsx";

const NodeNameFields = graphql(`
  fragment NodeName on Node {
    __typename
    id
    ... on Organisation { name orgKind: kind }
    ... on Person { personName: name unnamed }
    ... on Post { title }
    ... on Finding { summary }
    ... on Theme { label }
    ... on ServiceArea { name }
    ... on Inspection { inspectionKind: kind start }
    ... on Intervention { interventionKind: kind }
    ... on Meeting { purpose }
    ... on Statement { quote }
    ... on Judgement { grade }
    ... on Occupancy { start }
    ... on Source { title }
  }
`);

const PathsQuery = graphql(
  `
  query Paths($from: ID!, $to: ID!, $maxHops: Int) {
    paths(from: $from, to: $to, maxHops: $maxHops, first: 5) {
      length
      hops { type direction inferred from { ...NodeName } to { ...NodeName } evidence { ...EvidenceFields } }
    }
  }
`,
  [EvidenceFields, NodeNameFields],
);

const PickQuery = graphql(`
  query Pick($text: String!) {
    search(text: $text, first: 8) { snippet node { __typename id ... on Organisation { name orgKind: kind } ... on Person { personName: name unnamed } ... on Post { title } ... on Theme { label } ... on ServiceArea { name } ... on Finding { summary } } }
  }
`);

type Named = { __typename: string; id: string; name?: string | null; personName?: string | null; orgKind?: string; inspectionKind?: string; interventionKind?: string; title?: string; summary?: string; label?: string; start?: string | null; purpose?: string; quote?: string; grade?: string; unnamed?: boolean };

export function nameOf(node: Named): string {
  if (node.__typename === "Person") return node.unnamed || !node.personName ? "Unnamed holder" : node.personName;
  if (node.__typename === "Inspection") return `${(node.inspectionKind ?? "").replace(/_/g, " ").toLowerCase()} ${node.start ?? ""}`.trim();
  if (node.__typename === "Intervention") return (node.interventionKind ?? "").replace(/_/g, " ").toLowerCase();
  if (node.__typename === "Occupancy") return `Occupancy from ${node.start ?? "?"}`;
  if (node.__typename === "Judgement") return `Judgement: ${node.grade}`;
  return node.name ?? node.title ?? node.label ?? node.summary ?? node.purpose ?? node.quote ?? node.id;
}

export function Connection() {
  const { params, update } = useUrlState();
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const maxHops = Math.min(6, Math.max(1, Number(params.get("hops")) || 4));
  const state = useQuery(PathsQuery, { from, to, maxHops }, !from || !to);
  return (
    <>
      <h1 className="govuk-heading-xl">How are they connected?</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half"><Picker id="from" label="From" value={from} onPick={(id) => update({ from: id })} /></div>
        <div className="govuk-grid-column-one-half"><Picker id="to" label="To" value={to} onPick={(id) => update({ to: id })} /></div>
      </div>
      {!from || !to ? <Empty>Choose two things to see the shortest paths between them.</Empty> : (
        <Answer state={state} what="the paths">
          {(data) => (data.paths.length === 0 ? <Empty>No path of {maxHops} hops or fewer joins them.</Empty> : <Paths paths={data.paths} />)}
        </Answer>
      )}
    </>
  );
}

function Picker({ id, label, value, onPick }: { id: string; label: string; value: string; onPick: (id: string) => void }) {
  const [draft, setDraft] = useState("");
  const [text, setText] = useState("");
  const state = useQuery(PickQuery, { text }, text.trim() === "");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setText(draft.trim());
  };
  return (
    <form onSubmit={submit} aria-label={`${label}: find something`}>
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor={`${id}-text`}>{label}</label>
        <div className="govuk-hint">{value ? <>Chosen: <code className="app-chosen">{value}</code></> : "Find a person, authority, post or theme by name"}</div>
        <input className="govuk-input govuk-!-width-two-thirds" id={`${id}-text`} type="search" value={draft} onChange={(event) => setDraft(event.target.value)} />{" "}
        <button className="govuk-button govuk-button--secondary app-inline-button" type="submit">Find</button>
      </div>
      {text ? (
        <Answer state={state} what="matches">
          {(data) => data.search.length === 0 ? <Empty>Nothing matches “{text}”.</Empty> : (
            <ul className="govuk-list app-picks">
              {data.search.map((hit) => (
                <li key={hit.node.id}>
                  <button type="button" className="app-pick" onClick={() => { onPick(hit.node.id); setText(""); setDraft(""); }}>
                    {nameOf(hit.node)}
                  </button>
                  <span className="govuk-body-s"> <Highlighted snippet={hit.snippet} /></span>
                </li>
              ))}
            </ul>
          )}
        </Answer>
      ) : null}
    </form>
  );
}

type PathList = ResultOf<typeof PathsQuery>["paths"];

function Paths({ paths }: { paths: PathList }) {
  const { nodes, edges } = useMemo(() => {
    const nodes = new Map<string, GraphNode>();
    const edges = new Map<string, GraphEdge>();
    for (const path of paths) {
      for (const hop of path.hops) {
        for (const end of [hop.from, hop.to]) {
          const named: Named = readFragment(NodeNameFields, end);
          nodes.set(named.id, { id: named.id, label: nameOf(named), kind: named.__typename === "Person" ? "person" : named.__typename === "Post" ? "post" : named.__typename === "Organisation" ? "body" : "other" });
        }
        const [source, target] = (hop.direction === "FORWARD" ? [hop.from, hop.to] : [hop.to, hop.from]).map((end) => readFragment(NodeNameFields, end));
        const key = `${source!.id}-${hop.type}-${target!.id}`;
        edges.set(key, { id: key, source: source!.id, target: target!.id, label: hop.type.toLowerCase().replace(/_/g, " "), uncertain: hop.inferred });
      }
    }
    return { nodes: [...nodes.values()], edges: [...edges.values()] };
  }, [paths]);
  return (
    <>
      <Graph nodes={nodes} edges={edges} label={`${paths.length} shortest paths of ${paths[0]?.length} hops`} />
      {paths.map((path, index) => (
        <section key={index} className="app-path" data-length={path.length}>
          <h2 className="govuk-heading-m">Path {index + 1}: {path.length} {path.length === 1 ? "hop" : "hops"}</h2>
          <ol className="govuk-list govuk-list--number">
            {path.hops.map((hop, hopIndex) => {
              const a: Named = readFragment(NodeNameFields, hop.from);
              const b: Named = readFragment(NodeNameFields, hop.to);
              return (
                <li key={hopIndex} className="app-hop">
                  <Link className="govuk-link" href={hrefFor(a)}>{nameOf(a)}</Link> — {hop.type.toLowerCase().replace(/_/g, " ")} {hop.direction === "BACKWARD" ? "(of)" : ""} — <Link className="govuk-link" href={hrefFor(b)}>{nameOf(b)}</Link>
                  {hop.inferred ? <strong className="govuk-tag govuk-tag--yellow">Inferred</strong> : null}
                  <EvidenceList evidence={hop.evidence} />
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </>
  );
}
