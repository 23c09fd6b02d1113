/**
 * The operations the comparison runs, each as the project asks it, as the peer (@neo4j/graphql 7, bench/peer.ts)
 * asks it where it can express it, and as hand-written Cypher (the floor) returning the same fields.
 */
export type Tier = { name: string; size?: number; authority: string; theme: string; search: string };

export type ComparedOperation = {
  name: string;
  variables: (tier: Tier) => Record<string, unknown>;
  project: string;
  /** null where the peer cannot express the question. */
  peer: string | null;
  raw: string;
};

export const COMPARED_OPERATIONS: ComparedOperation[] = [
  {
    name: "authority → inspections → findings → themes",
    variables: (t) => ({ id: t.authority }),
    project: `query($id: ID!) { organisation(id: $id) { name inspections { id kind start findings { id summary themes { label } } } } }`,
    peer: `query($id: ID!) { organisations(where: { id: { eq: $id } }) { name inspections { id kind start findings { id summary themes { label } } } } }`,
    raw: `MATCH (o:Organisation {id: $id})
      RETURN o.name AS name, [(o)<-[:OF]-(i:Inspection) | {id: i.id, kind: i.kind, start: i.start,
        findings: [(i)-[:FOUND]->(f:Finding) | {id: f.id, summary: f.summary, themes: [(f)-[:EXEMPLIFIES]->(t:Theme) | {label: t.label}]}]}] AS inspections`,
  },
  {
    name: "authority → posts → occupancies → person",
    variables: (t) => ({ id: t.authority }),
    project: `query($id: ID!) { organisation(id: $id) { posts { title role occupancies { start end status person { name } } } } }`,
    peer: `query($id: ID!) { organisations(where: { id: { eq: $id } }) { posts { title role occupancies { start end status person { name } } } } }`,
    raw: `MATCH (o:Organisation {id: $id})
      RETURN [(o)<-[:IN]-(p:Post) | {title: p.title, role: p.role,
        occupancies: [(p)<-[:OF]-(c:Occupancy) | {start: c.start, end: c.end, status: c.status, person: [(c)<-[:HOLDS]-(x:Person) | {name: x.name}][0]}]}] AS posts`,
  },
  {
    name: "findings of one theme, first 20 + totalCount",
    variables: (t) => ({ theme: t.theme }),
    project: `query($theme: ID!) { findingsConnection(first: 20, filter: { theme: $theme }) { totalCount edges { node { id summary } } } }`,
    peer: `query($theme: ID!) { findingsConnection(first: 20, where: { themes: { some: { id: { eq: $theme } } } }, sort: [{ id: ASC }]) { totalCount edges { node { id summary } } } }`,
    raw: `MATCH (:Theme {id: $theme})<-[:EXEMPLIFIES]-(f:Finding)
      WITH f ORDER BY f.id LIMIT 20
      WITH collect({id: f.id, summary: f.summary}) AS page
      RETURN page, COUNT { (:Theme {id: $theme})<-[:EXEMPLIFIES]-(:Finding) } AS totalCount`,
  },
  {
    name: "full-text search, first 20",
    variables: (t) => ({ text: t.search }),
    project: `query($text: String!) { search(text: $text, first: 20, types: [FINDING]) { node { id ... on Finding { summary } } } }`,
    peer: `query($text: String!) { findingsFulltext(phrase: $text, first: 20) { edges { score node { id summary } } } }`,
    raw: `CALL db.index.fulltext.queryNodes('search_text', $text) YIELD node, score
      WHERE node:Finding RETURN node.id AS id, node.summary AS summary, score ORDER BY score DESC, id LIMIT 20`,
  },
];
