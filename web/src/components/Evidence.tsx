/** A fact's evidence on hand: quote, source title, publisher, date and where in the source. */
import { useState } from "react";
import { useQuery } from "../api.ts";
import { graphql, readFragment, type FragmentOf, type ResultOf } from "../graphql.ts";
import { Details } from "./Details.tsx";
import { ErrorSummary, Loading } from "./States.tsx";

export const EvidenceFields = graphql(`
  fragment EvidenceFields on Evidence {
    quote
    locator
    source { id title publisher published kind url }
  }
`);

function Quotes({ items }: { items: readonly ResultOf<typeof EvidenceFields>[] }) {
  return (
    <>
      {items.map((item, index) => (
        <figure key={index} className="app-quote">
          <blockquote className="govuk-inset-text app-quote__text">“{item.quote}”</blockquote>
          <figcaption className="govuk-body-s app-quote__source">
            {item.source.url ? (
              <a className="govuk-link" href={item.source.url} rel="noreferrer noopener" target="_blank">
                {item.source.title}
              </a>
            ) : (
              item.source.title
            )}
            {" — "}
            {item.source.publisher ?? "publisher not stated"}, {item.source.published ?? "date not stated"}
            {item.locator ? <>, {item.locator}</> : null}
          </figcaption>
        </figure>
      ))}
    </>
  );
}

type Props = { evidence: readonly FragmentOf<typeof EvidenceFields>[]; summary?: string };

export function EvidenceList({ evidence, summary = "Evidence" }: Props) {
  const items = readFragment(EvidenceFields, evidence);
  if (items.length === 0) return <span className="govuk-hint app-no-evidence">No source quoted</span>;
  return (
    <Details className="app-evidence" summary={<>{summary} ({items.length} {items.length === 1 ? "source" : "sources"})</>}>
      <Quotes items={items} />
    </Details>
  );
}

const FindingEvidenceQuery = graphql(
  `
  query FindingEvidence($id: ID!) {
    node(id: $id) { id ... on Finding { evidence { ...EvidenceFields } } }
  }
`,
  [EvidenceFields],
);

/** A finding's evidence fetched when first opened: long lists stay cheap to ask for, each quote one click away. */
export function FindingEvidence({ id, summary = "Quote and source" }: { id: string; summary?: string }) {
  const [open, setOpen] = useState(false);
  const state = useQuery(FindingEvidenceQuery, { id }, !open);
  const evidence = state.data?.node && "evidence" in state.data.node ? state.data.node.evidence : null;
  return (
    <Details className="app-evidence app-evidence--lazy" summary={summary} onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open || open)}>
      {state.error ? <ErrorSummary error={state.error} /> : evidence ? <Quotes items={readFragment(EvidenceFields, evidence)} /> : open ? <Loading what="the quote" /> : null}
    </Details>
  );
}
