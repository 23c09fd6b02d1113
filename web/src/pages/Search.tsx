/** Search across everything, with the matched words highlighted, each hit linking to its page. */
import { useState, type FormEvent } from "react";
import { Link } from "wouter";
import { useQuery } from "../api.ts";
import { Select } from "../components/Select.tsx";
import { Answer, Empty } from "../components/States.tsx";
import { graphql } from "../graphql.ts";
import { hrefFor, useUrlState } from "../links.ts";

const SearchQuery = graphql(`
  query Search($text: String!, $types: [SearchType!], $first: Int, $authority: ID) {
    search(text: $text, types: $types, first: $first, authority: $authority) {
      score
      field
      snippet
      node {
        __typename
        id
        ... on Organisation { name orgKind: kind }
        ... on Person { personName: name unnamed }
        ... on Post { title }
        ... on Finding { summary inspection { authority { name } start } }
        ... on Theme { label }
        ... on ServiceArea { name }
        ... on Source { title }
        ... on Statement { by { ... on Person { speaker: name } ... on Organisation { body: name } } }
        ... on Meeting { purpose body { name } }
        ... on Review { title }
      }
    }
  }
`);

const AuthorityNamesQuery = graphql(`
  query AuthorityNames {
    authorities { id name }
  }
`);

const TYPES = ["ORGANISATION", "PERSON", "POST", "FINDING", "THEME", "SERVICE_AREA", "SOURCE", "STATEMENT", "MEETING", "REVIEW"] as const;
type SearchType = (typeof TYPES)[number];
const typeLabel = (type: string) => type.charAt(0) + type.slice(1).toLowerCase().replace(/_/g, " ");

/** The snippet's **marked** words as <mark>. */
export function Highlighted({ snippet }: { snippet: string }) {
  return <>{snippet.split("**").map((part, index) => (index % 2 === 1 ? <mark key={index}>{part}</mark> : part))}</>;
}

export function Search() {
  const { params, update } = useUrlState();
  const text = params.get("q") ?? "";
  const type = TYPES.find((t) => t === params.get("type"));
  const authority = params.get("authority");
  const [draft, setDraft] = useState(text);
  const state = useQuery(SearchQuery, { text, types: type ? [type] : null, first: 50, authority }, text.trim() === "");
  const authorities = useQuery(AuthorityNamesQuery, {});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update({ q: draft.trim() });
  };
  return (
    <>
      <h1 className="govuk-heading-xl">Search</h1>
      <form role="search" onSubmit={submit} className="app-search-form">
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--m" htmlFor="search-text">Search people, authorities, posts, findings, themes and sources</label>
          <div className="govuk-hint" id="search-hint">Words match by stem (drift finds drifting); end a word with * for a prefix.</div>
          <input className="govuk-input" id="search-text" name="q" type="search" maxLength={200} aria-describedby="search-hint" value={draft} onChange={(event) => setDraft(event.target.value)} />
        </div>
        {/* Stacked under the search box, not in a row of filters: hence no app-filter class. */}
        <Select id="search-type" label="Only" className="" any="Everything" value={type} onChange={(value) => update({ type: value })} options={TYPES.map((t) => ({ value: t, label: typeLabel(t) }))} />
        <Select id="search-authority" label="Of the authority" className="" any="Any authority" value={authority} onChange={(value) => update({ authority: value })} options={(authorities.data?.authorities ?? []).map((a) => ({ value: a.id, label: a.name }))} />
        <button type="submit" className="govuk-button">Search</button>
      </form>
      {text.trim() === "" ? null : (
        <Answer state={state} what="results">
          {(data) =>
            data.search.length === 0 ? (
              <Empty>Nothing matches “{text}”.</Empty>
            ) : (
              <>
                <h2 className="govuk-heading-m" role="status">{data.search.length} results for “{text}”</h2>
                <ol className="govuk-list app-results">
                  {data.search.map((hit) => (
                    <li key={hit.node.id} className="app-result" data-node={hit.node.id}>
                      <span className="govuk-tag govuk-tag--grey app-result__type">{typeLabel(hit.node.__typename as SearchType)}</span>{" "}
                      <Link className="govuk-link app-result__title" href={hrefFor(hit.node)}>{titleOf(hit.node)}</Link>
                      <p className="govuk-body-s app-result__snippet"><Highlighted snippet={hit.snippet} /></p>
                    </li>
                  ))}
                </ol>
              </>
            )
          }
        </Answer>
      )}
    </>
  );
}

type Hit = { __typename: string; id: string; name?: string | null; personName?: string | null; unnamed?: boolean; title?: string; label?: string; summary?: string; purpose?: string; by?: { __typename?: string; speaker?: string | null; body?: string }; inspection?: { authority: { name: string } | null; start: string | null } | null };

function titleOf(node: Hit): string {
  if (node.__typename === "Finding") return `${node.inspection?.authority?.name ?? "Finding"}${node.inspection?.start ? `, ${node.inspection.start}` : ""}: ${node.summary}`;
  if (node.__typename === "Statement") return `Statement by ${speakerOf(node.by)}`;
  if (node.__typename === "Person") return node.unnamed || !node.personName ? "Unnamed holder" : node.personName;
  return node.name ?? node.title ?? node.label ?? node.purpose ?? (node.__typename === "Person" ? "Unnamed holder" : node.id);
}

/** Who made a statement: a named person, a body, or a person the sources do not name. */
function speakerOf(by: Hit["by"]): string {
  return by?.body ?? by?.speaker ?? "an unnamed person";
}
