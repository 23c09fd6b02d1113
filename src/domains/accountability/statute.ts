/**
 * The statutory lines that hold in every English local authority, used when no source states who is
 * responsible for a service area there on the day: the director of children's services (Children Act 2004,
 * s.18) and the lead member for children's services (s.19) answer for the council's children's services;
 * the DCS answers to the chief executive, the lead member (a cabinet member) to the leader who appoints the
 * cabinet (Local Government Act 2000). They are drawn between the authority's own posts as the graph has
 * them, marked inferred from statute, with no evidence; nothing is invented where a post is missing.
 */
import type { GraphObject } from "../../graphql/graphRead.js";
import { firstPerKey } from "../../model/collections.js";

export const STATUTE_NOTE =
  "No source states who answered for this service area here then, so the statutory lines are shown: the director of children's services (Children Act 2004, s.18) and the lead member for children's services (s.19) answer for a council's children's services; the DCS answers to the chief executive, the lead member to the leader.";

const DCS_LINE = "statute: Children Act 2004, s.18 (the DCS, answering to the chief executive as head of paid service)";
const LEAD_MEMBER_LINE = "statute: Children Act 2004, s.19 (the lead member, a cabinet member appointed by the leader under the Local Government Act 2000)";

export type StatutoryLine = { from: GraphObject; to: GraphObject; line: "MANAGERIAL" | "POLITICAL"; inferredFrom: string };

/** A cabinet member whose title or portfolio is children's services. */
const isLeadMember = (post: GraphObject) => post.role === "CABINET_MEMBER" && /child/i.test(`${post.title ?? ""} ${post.portfolio ?? ""}`);

/**
 * The statutory responsible posts (DCS, lead member) among an authority's posts, and the lines above them.
 * `providerPosts`: the posts of a partner council or trust delivering its services on the day; a DCS among
 * them serves the authority too (in a strategic partnership one DCS serves both councils), and answers to
 * the authority's chief executive.
 */
export function statutoryChain(posts: GraphObject[], providerPosts: GraphObject[] = []): { responsible: GraphObject[]; lines: StatutoryLine[] } {
  const withRole = (role: string) => posts.filter((post) => post.role === role);
  const directors = firstPerKey([...posts, ...providerPosts].filter((post) => post.role === "DCS"), (post) => post.id);
  const leadMembers = posts.filter(isLeadMember);
  const lines: StatutoryLine[] = [
    ...directors.flatMap((from) => withRole("CHIEF_EXECUTIVE").map((to) => ({ from, to, line: "MANAGERIAL" as const, inferredFrom: DCS_LINE }))),
    ...leadMembers.flatMap((from) => withRole("LEADER").map((to) => ({ from, to, line: "POLITICAL" as const, inferredFrom: LEAD_MEMBER_LINE }))),
  ];
  return { responsible: [...directors, ...leadMembers], lines };
}
