/** Any entity's page: what it is, what it links to, and its evidence. */
import type { ReactNode } from "react";
import { Link, useParams } from "wouter";
import { useQuery } from "../api.ts";
import { PersonName } from "../components/Certainty.tsx";
import { EvidenceFields, EvidenceList } from "../components/Evidence.tsx";
import { GradeTag } from "../components/Grade.tsx";
import { Answer } from "../components/States.tsx";
import { graphql, type ResultOf } from "../graphql.ts";
import { hrefFor, withParams } from "../links.ts";

const EntityQuery = graphql(
  `
  query Entity($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Organisation { orgName: name orgKind: kind orgDescription: description region evidence { ...EvidenceFields } }
      ... on Person {
        personName: name unnamed personDescription: description
        occupancies { id start end status post { id title organisation { id name kind } } evidence { ...EvidenceFields } }
        statements { id quote date evidence { ...EvidenceFields } }
      }
      ... on Post {
        title role portfolio organisation { id name kind }
        occupancies { id start end status person { id name unnamed } evidence { ...EvidenceFields } }
      }
      ... on Finding {
        summary findingKind: kind polarity inferred inferredFrom cues
        inspection { id start kind authority { id name kind } }
        review { id title start authority { id name kind } }
        meeting { id date purpose body { id name kind } }
        themes { id label }
        serviceAreas { id name }
        evidence { ...EvidenceFields }
      }
      ... on Theme { label themeDescription: description findingCount }
      ... on ServiceArea { areaName: name areaDescription: description findingCount }
      ... on Source { title publisher published url }
      ... on Statement { quote statementDate: date by { id ... on Person { speaker: name } ... on Organisation { body: name } } evidence { ...EvidenceFields } }
      ... on Meeting { purpose meetingDate: date body { id name kind } evidence { ...EvidenceFields } }
      ... on Inspection { inspectionKind: kind start end inspectionStatus: status authority { id name kind } judgements { id grade area { label } } evidence { ...EvidenceFields } }
      ... on Review { reviewKind: kind reviewTitle: title start end published focus authority { id name kind } findings { id summary } evidence { ...EvidenceFields } }
      ... on Intervention { interventionKind: kind issued lifted requires issuedBy { id name kind } overseenBy { id name kind } evidence { ...EvidenceFields } }
      ... on Judgement { grade area { label } judgedIn: inspection { id start kind } evidence { ...EvidenceFields } }
      ... on Occupancy { start end occupancyStatus: status person { id name unnamed } post { id title } evidence { ...EvidenceFields } }
    }
  }
`,
  [EvidenceFields],
);

type Entity = NonNullable<ResultOf<typeof EntityQuery>["node"]>;

const words = (value: string) => value.replace(/_/g, " ").toLowerCase();

export function EntityPage() {
  const params = useParams<{ id: string }>();
  const id = decodeURIComponent(params.id ?? "");
  const state = useQuery(EntityQuery, { id });
  return (
    <Answer state={state} what="the entity">
      {(data) =>
        data.node ? (
          <EntityView entity={data.node} />
        ) : (
          <>
            <h1 className="govuk-heading-l">Not found</h1>
            <p className="govuk-body">Nothing in the graph has the id “{id}”. Try <Link className="govuk-link" href={withParams("/search", { q: id.split(":").pop() })}>searching for it</Link>.</p>
          </>
        )
      }
    </Answer>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

const to = (node: { id: string; __typename?: string; kind?: string | null; name?: string | null }, text?: ReactNode) => (
  <Link className="govuk-link" href={hrefFor({ ...node, __typename: node.__typename ?? (node.kind ? "Organisation" : undefined) })}>{text ?? node.name ?? node.id}</Link>
);

function EntityView({ entity }: { entity: Entity }) {
  const caption = entity.__typename.replace(/([a-z])([A-Z])/g, "$1 $2");
  let title: ReactNode = entity.id;
  const rows: ReactNode[] = [];
  let evidence: Parameters<typeof EvidenceList>[0]["evidence"] = [];
  let extra: ReactNode = null;
  switch (entity.__typename) {
    case "Organisation":
      title = entity.orgName;
      rows.push(<Row key="k" label="Kind">{words(entity.orgKind)}</Row>);
      if (entity.orgDescription) rows.push(<Row key="d" label="About">{entity.orgDescription}</Row>);
      evidence = entity.evidence;
      break;
    case "Person":
      title = <PersonName person={{ name: entity.personName, unnamed: entity.unnamed }} />;
      rows.push(<Row key="d" label="About">{entity.personDescription}</Row>);
      extra = (
        <>
          <h2 className="govuk-heading-m">Posts held</h2>
          <ul className="govuk-list">
            {entity.occupancies.map((o) => (
              <li key={o.id}>
                {to({ ...o.post, __typename: "Post", name: o.post.title })}
                {o.post.organisation ? <>, {to({ ...o.post.organisation, __typename: "Organisation" })}</> : null}: {o.start ?? "?"} to {o.end ?? "…"} ({words(o.status)})
                <EvidenceList evidence={o.evidence} />
              </li>
            ))}
          </ul>
          {entity.statements.length > 0 ? <h2 className="govuk-heading-m">Statements</h2> : null}
          {entity.statements.map((s) => (
            <div key={s.id}>
              <p className="govuk-body">“{s.quote}” {s.date ? `(${s.date})` : ""}</p>
              <EvidenceList evidence={s.evidence} />
            </div>
          ))}
        </>
      );
      break;
    case "Post":
      title = entity.title;
      if (entity.organisation) rows.push(<Row key="o" label="Of">{to({ ...entity.organisation, __typename: "Organisation" })}</Row>);
      rows.push(<Row key="r" label="Role">{words(entity.role)}</Row>);
      extra = (
        <>
          <h2 className="govuk-heading-m">Holders</h2>
          <ul className="govuk-list">
            {entity.occupancies.map((o) => (
              <li key={o.id}>
                {to({ ...o.person, __typename: "Person" }, <PersonName person={o.person} />)}: {o.start ?? "?"} to {o.end ?? "…"} ({words(o.status)})
                <EvidenceList evidence={o.evidence} />
              </li>
            ))}
          </ul>
        </>
      );
      break;
    case "Finding":
      title = entity.summary;
      rows.push(<Row key="k" label="Kind">{words(entity.findingKind)} ({words(entity.polarity)})</Row>);
      if (entity.inspection) {
        rows.push(
          <Row key="i" label="Inspection">
            {entity.inspection.authority ? to({ ...entity.inspection.authority, __typename: "Organisation" }) : null} {entity.inspection.start ?? ""} {words(entity.inspection.kind)}
          </Row>,
        );
      }
      if (entity.review) rows.push(<Row key="r" label="Review">{to({ ...entity.review, name: entity.review.title, __typename: "Review" })} {entity.review.start ?? ""}</Row>);
      if (entity.meeting) rows.push(<Row key="m" label="Meeting">{to({ ...entity.meeting.body, __typename: "Organisation" })} {entity.meeting.date}</Row>);
      rows.push(<Row key="t" label="Themes">{entity.themes.map((t) => t.label).join(", ") || "none"}</Row>);
      if (entity.serviceAreas.length) rows.push(<Row key="s" label="Service areas">{entity.serviceAreas.map((s) => s.name).join(", ")}</Row>);
      if (entity.inferred) rows.push(<Row key="inf" label="Inferred">{entity.inferredFrom ?? "yes"}</Row>);
      if (entity.cues.length) rows.push(<Row key="c" label="Why classified so">{entity.cues.join("; ")}</Row>);
      evidence = entity.evidence;
      break;
    case "Theme":
      title = entity.label;
      rows.push(<Row key="d" label="About">{entity.themeDescription}</Row>, <Row key="n" label="Findings">{entity.findingCount}</Row>);
      extra = <p className="govuk-body"><Link className="govuk-link" href={withParams("/themes", { theme: entity.id })}>This theme year by year</Link></p>;
      break;
    case "ServiceArea":
      title = entity.areaName;
      if (entity.areaDescription) rows.push(<Row key="d" label="About">{entity.areaDescription}</Row>);
      rows.push(<Row key="n" label="Findings">{entity.findingCount}</Row>);
      break;
    case "Source":
      title = entity.title;
      rows.push(<Row key="p" label="Publisher">{entity.publisher ?? "not stated"}</Row>, <Row key="d" label="Published">{entity.published ?? "not stated"}</Row>);
      if (entity.url) rows.push(<Row key="u" label="Address"><a className="govuk-link" href={entity.url} rel="noreferrer noopener">{entity.url}</a></Row>);
      break;
    case "Statement":
      title = `Statement by ${"body" in entity.by ? entity.by.body : ("speaker" in entity.by ? entity.by.speaker : null) ?? "an unnamed person"}`;
      rows.push(<Row key="q" label="Said">“{entity.quote}”</Row>, <Row key="d" label="When">{entity.statementDate ?? "not stated"}</Row>);
      evidence = entity.evidence;
      break;
    case "Meeting":
      title = entity.purpose;
      rows.push(<Row key="b" label="Body">{to({ ...entity.body, __typename: "Organisation" })}</Row>, <Row key="d" label="Date">{entity.meetingDate}</Row>);
      evidence = entity.evidence;
      break;
    case "Inspection":
      title = `${words(entity.inspectionKind)} ${entity.start ?? ""}`;
      if (entity.authority) rows.push(<Row key="a" label="Authority">{to({ ...entity.authority, __typename: "Organisation" })}</Row>);
      rows.push(<Row key="d" label="Dates">{entity.start ?? "?"} to {entity.end ?? "?"} ({words(entity.inspectionStatus)})</Row>);
      for (const j of entity.judgements) rows.push(<Row key={j.id} label={j.area.label}><GradeTag grade={j.grade} /></Row>);
      evidence = entity.evidence;
      break;
    case "Review":
      title = entity.reviewTitle;
      rows.push(<Row key="k" label="Kind">{words(entity.reviewKind)}</Row>);
      if (entity.authority) rows.push(<Row key="a" label="Authority">{to({ ...entity.authority, __typename: "Organisation" })}</Row>);
      rows.push(<Row key="d" label="Dates">{entity.start ?? "?"} to {entity.end ?? "?"}{entity.published ? `, published ${entity.published}` : ""}</Row>);
      if (entity.focus) rows.push(<Row key="f" label="Focus">{entity.focus}</Row>);
      for (const f of entity.findings) rows.push(<Row key={f.id} label="Finding">{to({ ...f, name: f.summary, __typename: "Finding" })}</Row>);
      evidence = entity.evidence;
      break;
    case "Intervention":
      title = words(entity.interventionKind);
      rows.push(<Row key="i" label="Issued">{entity.issued ?? "date not known"}{entity.issuedBy ? <> by {to({ ...entity.issuedBy, __typename: "Organisation" })}</> : null}</Row>);
      rows.push(<Row key="l" label="Lifted">{entity.lifted ?? "not known to be lifted"}</Row>);
      if (entity.overseenBy.length) rows.push(<Row key="o" label="Overseen by">{entity.overseenBy.map((b) => b.name).join(", ")}</Row>);
      evidence = entity.evidence;
      break;
    case "Judgement":
      title = `${entity.area.label}: ${entity.grade}`;
      rows.push(<Row key="g" label="Grade"><GradeTag grade={entity.grade} /></Row>);
      rows.push(<Row key="i" label="Inspection">{to({ ...entity.judgedIn, name: `${words(entity.judgedIn.kind)} ${entity.judgedIn.start ?? ""}`, __typename: "Inspection" })}</Row>);
      evidence = entity.evidence;
      break;
    case "Occupancy":
      title = `${entity.post.title}`;
      rows.push(<Row key="p" label="Holder">{to({ ...entity.person, __typename: "Person" }, <PersonName person={entity.person} />)}</Row>);
      rows.push(<Row key="d" label="Dates">{entity.start ?? "?"} to {entity.end ?? "…"}</Row>);
      evidence = entity.evidence;
      break;
  }
  return (
    <>
      <span className="govuk-caption-l">{caption}</span>
      <h1 className="govuk-heading-l">{title}</h1>
      {rows.length ? <dl className="govuk-summary-list">{rows}</dl> : null}
      {extra}
      {evidence.length ? <EvidenceList evidence={evidence} summary="Evidence" /> : null}
      <p className="govuk-body">
        <Link className="govuk-link" href={withParams("/connection", { from: entity.id })}>How is this connected to something else?</Link>
      </p>
    </>
  );
}
