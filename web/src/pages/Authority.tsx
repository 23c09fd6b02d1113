/** One authority: who holds its posts, its grades over time, each inspection's recommendations by theme, neighbours. */
import { Link, useParams } from "wouter";
import { useQuery } from "../api.ts";
import { CertaintyTag, PersonName } from "../components/Certainty.tsx";
import { Details } from "../components/Details.tsx";
import { EvidenceFields, EvidenceList } from "../components/Evidence.tsx";
import { GradeTag } from "../components/Grade.tsx";
import { Answer, Empty } from "../components/States.tsx";
import { graphql, type ResultOf } from "../graphql.ts";
import { authorityHref, nodeHref, withParams } from "../links.ts";
import { GradeHistory } from "./GradeHistory.tsx";
import { Inspections } from "./Inspections.tsx";

const AuthorityQuery = graphql(
  `
  query AuthorityPage($id: ID!) {
    organisation(id: $id) {
      id name kind region authorityType laCode ofstedUrn
      latestGrades { overall helpAndProtection childrenInCare careLeavers leaders inspection { id start } }
      statisticalNeighbours {
        rank
        authority { id name latestGrades { overall helpAndProtection childrenInCare careLeavers leaders inspection { id start } } }
      }
      posts {
        id title role
        occupancies { id start end status person { id name unnamed } evidence { ...EvidenceFields } }
      }
    }
    authorityContext(authority: $id) {
      on
      nextExpectedInspection { id kind start status }
      openInterventions { id kind issued issuedBy { id name } overseenBy { id name } evidence { ...EvidenceFields } }
      posts {
        certainty
        post { id title }
        holders { certainty attestedOn person { id name unnamed } occupancy { id start end status evidence { ...EvidenceFields } } }
        lastKnown { asOf person { id name unnamed } occupancy { id start end status evidence { ...EvidenceFields } } }
      }
    }
  }
`,
  [EvidenceFields],
);

type Data = ResultOf<typeof AuthorityQuery>;

export function Authority() {
  const params = useParams<{ id: string }>();
  const id = decodeURIComponent(params.id ?? "");
  const state = useQuery(AuthorityQuery, { id });
  const notFound = (
    <>
      <h1 className="govuk-heading-l">Authority not found</h1>
      <p className="govuk-body">There is no authority with the id “{id}”. <Link className="govuk-link" href="/">See all authorities</Link> or <Link className="govuk-link" href={`/search?q=${encodeURIComponent(id.replace(/^org:/, ""))}`}>search for it</Link>.</p>
    </>
  );
  // The context card refuses an unknown authority (NOT_FOUND): that is this page's "not found", not a failure.
  if (state.error?.code === "NOT_FOUND") return notFound;
  return (
    <Answer state={state} what="the authority">
      {(data) => (data.organisation ? <AuthorityView data={data} organisation={data.organisation} /> : notFound)}
    </Answer>
  );
}

function AuthorityView({ data, organisation }: { data: Data; organisation: NonNullable<Data["organisation"]> }) {
  const context = data.authorityContext;
  return (
    <>
      <span className="govuk-caption-l">{[organisation.authorityType, organisation.region].filter(Boolean).join(", ")}</span>
      <h1 className="govuk-heading-xl">{organisation.name}</h1>
      <dl className="govuk-summary-list app-latest">
        {(
          [
            ["Overall effectiveness", organisation.latestGrades?.overall],
            ["Help and protection", organisation.latestGrades?.helpAndProtection],
            ["Children in care", organisation.latestGrades?.childrenInCare],
            ["Care leavers", organisation.latestGrades?.careLeavers],
          ] as const
        ).map(([label, grade]) => (
          <div className="govuk-summary-list__row" key={label}>
            <dt className="govuk-summary-list__key">{label}</dt>
            <dd className="govuk-summary-list__value"><GradeTag grade={grade} /></dd>
          </div>
        ))}
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Next expected inspection</dt>
          <dd className="govuk-summary-list__value">
            {context.nextExpectedInspection ? `${context.nextExpectedInspection.start ?? "date not known"} (${context.nextExpectedInspection.kind.replace(/_/g, " ").toLowerCase()})` : "None recorded"}
          </dd>
        </div>
      </dl>
      <p className="govuk-body">
        <Link className="govuk-link" href={withParams("/accountability", { authority: organisation.id })}>Who was accountable, and when</Link>
        {" · "}
        <Link className="govuk-link" href={withParams("/themes", { authority: organisation.id })}>Themes raised here, year by year</Link>
      </p>

      <h2 className="govuk-heading-l">Who holds the posts (as of {context.on})</h2>
      <CurrentHolders posts={context.posts} />
      <PastHolders posts={organisation.posts} />

      <h2 className="govuk-heading-l">Open interventions</h2>
      {context.openInterventions.length === 0 ? (
        <Empty>No open intervention is recorded.</Empty>
      ) : (
        <ul className="govuk-list">
          {context.openInterventions.map((intervention) => (
            <li key={intervention.id} className="app-intervention">
              <Link className="govuk-link" href={nodeHref(intervention.id)}>{intervention.kind.replace(/_/g, " ").toLowerCase()}</Link>
              {intervention.issued ? `, issued ${intervention.issued}` : ""}
              {intervention.issuedBy ? ` by ${intervention.issuedBy.name}` : ""}
              {intervention.overseenBy.length > 0 ? `; overseen by ${intervention.overseenBy.map((body) => body.name).join(", ")}` : ""}
              <EvidenceList evidence={intervention.evidence} />
            </li>
          ))}
        </ul>
      )}

      <GradeHistory authority={organisation.id} />
      <Inspections authority={organisation.id} />
      <Neighbours organisation={organisation} />
    </>
  );
}

function CurrentHolders({ posts }: { posts: Data["authorityContext"]["posts"] }) {
  if (posts.length === 0) return <Empty>No post holder is known for this date.</Empty>;
  return (
    <div className="app-table-wrapper"><table className="govuk-table app-holders">
      <caption className="govuk-visually-hidden">Post holders now</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Post</th>
          <th scope="col" className="govuk-table__header">Holder</th>
          <th scope="col" className="govuk-table__header">How sure</th>
          <th scope="col" className="govuk-table__header">Evidence</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {posts.flatMap((entry) =>
          (entry.holders.length ? entry.holders : [null]).map((holder, index) => (
            <tr key={`${entry.post.id}-${index}`} className="govuk-table__row" data-post={entry.post.id}>
              <th scope="row" className="govuk-table__header"><Link className="govuk-link" href={nodeHref(entry.post.id)}>{entry.post.title}</Link></th>
              <td className="govuk-table__cell">
                {holder ? (
                  <>
                    <Link className="govuk-link" href={nodeHref(holder.person.id)}><PersonName person={holder.person} /></Link>
                    <span className="govuk-hint app-dates"> {holder.occupancy.start ?? "?"} to {holder.occupancy.end ?? "…"}{(holder.occupancy.status === "ACTING" || holder.occupancy.status === "INTERIM") ? `, ${holder.occupancy.status.toLowerCase()}` : ""}</span>
                  </>
                ) : entry.lastKnown ? (
                  <span className="app-last-known">
                    Last known: <Link className="govuk-link" href={nodeHref(entry.lastKnown.person.id)}><PersonName person={entry.lastKnown.person} /></Link>, as of {entry.lastKnown.asOf}
                    {entry.lastKnown.occupancy.end ? <span className="govuk-hint"> (left {entry.lastKnown.occupancy.end})</span> : null}
                  </span>
                ) : (
                  <span className="govuk-hint">No holder known</span>
                )}
              </td>
              <td className="govuk-table__cell"><CertaintyTag certainty={holder?.certainty ?? entry.certainty} />{holder?.attestedOn ? <span className="govuk-hint"> as of {holder.attestedOn}</span> : null}</td>
              <td className="govuk-table__cell">{holder ? <EvidenceList evidence={holder.occupancy.evidence} /> : entry.lastKnown ? <EvidenceList evidence={entry.lastKnown.occupancy.evidence} /> : null}</td>
            </tr>
          )),
        )}
      </tbody>
    </table></div>
  );
}

function PastHolders({ posts }: { posts: NonNullable<Data["organisation"]>["posts"] }) {
  const rows = posts.flatMap((post) => post.occupancies.map((occupancy) => ({ post, occupancy })));
  if (rows.length === 0) return null;
  rows.sort((a, b) => (b.occupancy.start ?? b.occupancy.end ?? "").localeCompare(a.occupancy.start ?? a.occupancy.end ?? ""));
  return (
    <Details className="app-past-holders" summary={<>Every holder known ({rows.length})</>}>
      <ul className="govuk-list">
        {rows.map(({ post, occupancy }) => (
          <li key={occupancy.id}>
            <strong>{post.title}</strong>: <Link className="govuk-link" href={nodeHref(occupancy.person.id)}><PersonName person={occupancy.person} /></Link>, {occupancy.start ?? "start not known"} to {occupancy.end ?? "end not known"} ({occupancy.status.toLowerCase()})
            <EvidenceList evidence={occupancy.evidence} />
          </li>
        ))}
      </ul>
    </Details>
  );
}

function Neighbours({ organisation }: { organisation: NonNullable<Data["organisation"]> }) {
  if (organisation.statisticalNeighbours.length === 0) return null;
  const rows = [{ rank: 0, authority: organisation }, ...organisation.statisticalNeighbours];
  return (
    <>
      <h2 className="govuk-heading-l">Compared with its statistical neighbours</h2>
      <div className="app-table-wrapper"><table className="govuk-table app-neighbours">
        <caption className="govuk-visually-hidden">Latest grades of this authority and its statistical neighbours</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Authority</th>
            <th scope="col" className="govuk-table__header">Inspected</th>
            <th scope="col" className="govuk-table__header">Overall</th>
            <th scope="col" className="govuk-table__header">Help and protection</th>
            <th scope="col" className="govuk-table__header">Children in care</th>
            <th scope="col" className="govuk-table__header">Care leavers</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map(({ rank, authority }) => (
            <tr key={authority.id} className={`govuk-table__row${rank === 0 ? " app-self" : ""}`} data-authority={authority.id}>
              <th scope="row" className="govuk-table__header">
                {rank === 0 ? <>{authority.name} (this authority)</> : <Link className="govuk-link" href={authorityHref(authority.id)}>{authority.name}</Link>}
              </th>
              <td className="govuk-table__cell">{authority.latestGrades?.inspection.start ?? "–"}</td>
              <td className="govuk-table__cell"><GradeTag grade={authority.latestGrades?.overall} /></td>
              <td className="govuk-table__cell"><GradeTag grade={authority.latestGrades?.helpAndProtection} /></td>
              <td className="govuk-table__cell"><GradeTag grade={authority.latestGrades?.childrenInCare} /></td>
              <td className="govuk-table__cell"><GradeTag grade={authority.latestGrades?.careLeavers} /></td>
            </tr>
          ))}
        </tbody>
      </table></div>
    </>
  );
}

