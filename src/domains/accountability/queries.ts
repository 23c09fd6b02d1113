/**
 * Cypher for the accountability question and the context card: one query each, every post in the answer carrying
 * its holders (HOLDERS_OF) and the overseeing bodies alongside (OVERSIGHT_OF), so nothing waits on a second read
 * (but the authority's own posts, when the statutory lines stand in for named responsibilities not yet in force).
 */
import { cypher } from "../../db/gateway.js";
import { canonicalOf } from "../people/queries.js";

/** One holder row of a post: the occupancy and its holder as the API answers with them (see POST_HOLDERS). */
const holderRow = (post: string) =>
  `MATCH (${post})<-[:OF]-(holderOcc:Occupancy)<-[:HOLDS]-(holderRecord:Person)
   WITH ${post}, holderOcc, ${canonicalOf("holderRecord")} AS holderPerson`;

/** The holder rows of the post bound to `post`, in POST_HOLDERS' shape and order: primed into its loader. */
export const HOLDERS_OF = (post: string) => `COLLECT { ${holderRow(post)}
     RETURN {key: ${post}.id, occupancyId: holderOcc.id, occupancyProps: properties(holderOcc), personId: holderPerson.id, personProps: properties(holderPerson)}
     ORDER BY holderOcc.id }`;

/** Each organisation delivering the authority's (\`auth\`) services, with the provider's posts and their holders. */
export const PROVIDERS_OF_AUTH = `[(auth)-[d:SERVICES_DELIVERED_BY]->(provider:Organisation) | {id: provider.id, props: properties(provider), dates: properties(d),
        posts: [(provider)<-[:PART_OF*0..3]-(:Organisation)<-[:IN]-(p:Post) | {id: p.id, props: properties(p), holders: ${HOLDERS_OF("p")}}]}]`;

/** The authority's (and its departments') own posts with their holders, for the statutory lines when no source states any in force. */
const AUTHORITY_POSTS_OF = (auth: string) => `COLLECT {
     MATCH (${auth})<-[:PART_OF*0..3]-(:Organisation)<-[:IN]-(p:Post)
     WITH DISTINCT p ORDER BY p.title, p.id
     RETURN {id: p.id, props: properties(p), holders: ${HOLDERS_OF("p")}}
   }`;

/**
 * Every occupancy of the given posts with its holder as the API answers with them (the record at the end of
 * the holder record's identifications, see people/queries PERSON_RECORDS): one query for all posts. The loader
 * of postsOn; the headline questions prime it from HOLDERS_OF, so it runs only for a post they did not read.
 */
export const POST_HOLDERS = cypher(
  "accountability.postHolders",
  `MATCH (p:Post) WHERE p.id IN $ids
   ${holderRow("p")}
   RETURN p.id AS key, holderOcc.id AS occupancyId, properties(holderOcc) AS occupancyProps, holderPerson.id AS personId, properties(holderPerson) AS personProps
   ORDER BY holderOcc.id`,
);

/** Meetings that were about the authority's improvement: of its own bodies, or considering its inspections or interventions. */
const AUTHORITY_MEETING = `(body)-[:PART_OF]->(authority) OR EXISTS { (m)-[:CONSIDERED]->()-[:OF|TO]->(authority) }`;

/**
 * The bodies the sources show overseeing the authority's improvement: those overseeing an intervention made
 * in it (with the latest start of the inspections it follows), and those that held meetings about it (a row
 * with a null intervention). Each with its HELD meetings about the authority (an announced meeting is not
 * oversight done), its memberships (and members) and its own posts.
 */
export const OVERSIGHT_OF = (auth: string) => `COLLECT {
   CALL (${auth}) {
     MATCH (${auth})<-[:TO]-(iv:Intervention)
     OPTIONAL MATCH (iv)-[:FOLLOWS]->(followed:Inspection)
     WITH iv, max(followed.start) AS followsFrom
     MATCH (body:Organisation)-[:OVERSEES]->(iv)
     RETURN body, iv, followsFrom
     UNION
     MATCH (${auth})<-[:PART_OF]-(body:Organisation)<-[:OF]-(:Meeting {status: 'HELD'})
     RETURN DISTINCT body, null AS iv, null AS followsFrom
     UNION
     MATCH (${auth})<-[:OF|TO]-(:Inspection|Intervention)<-[:CONSIDERED]-(:Meeting {status: 'HELD'})-[:OF]->(body:Organisation)
     RETURN DISTINCT body, null AS iv, null AS followsFrom
   }
   RETURN {id: iv.id, props: properties(iv), followsFrom: followsFrom, bodyId: body.id, bodyProps: properties(body),
          meetings: [(m:Meeting {status: 'HELD'})-[:OF]->(body) WHERE ${AUTHORITY_MEETING.replace(/\bauthority\b/g, auth)} | {id: m.id, props: properties(m)}],
          memberships: [(member)-[:HOLDS]->(m:Membership)-[:OF]->(body) |
             {id: m.id, props: properties(m), memberId: member.id, memberLabel: labels(member)[0], memberProps: properties(member),
              // A person member as the API answers with them (the record their identifications end at).
              canonical: CASE WHEN member:Person THEN [c IN [${canonicalOf("member")}] | {id: c.id, props: properties(c)}][0] END}],
          posts: [(post:Post)-[:IN]->(body) | {id: post.id, props: properties(post), holders: ${HOLDERS_OF("post")}}]}
   ORDER BY body.name, iv.id
 }`;

/**
 * The authority and the service area (null when absent), the authority's posts responsible for the area,
 * and every ACCOUNTABLE_TO step reachable above each, with the nodes at both ends; and who delivers the
 * authority's services (a trust, a partner council) with the provider's posts; the authority's own posts (when no
 * post is named responsible at all; else null, and AUTHORITY_POSTS reads them if the statutory lines need them); the
 * overseeing bodies (when asked for). Every post with its holders. Dates are filtered in TS, where partial-date ranges are understood.
 */
const responsibilityChains = (withOversight: boolean) => cypher(
  withOversight ? "accountability.chains" : "accountability.chains.withoutOversight",
  `OPTIONAL MATCH (auth:Organisation {id: $authority})
   OPTIONAL MATCH (area:ServiceArea {id: $area})
   CALL (auth, area) {
     MATCH (p:Post)-[resp:RESPONSIBLE_FOR]->(area)
     WHERE EXISTS { MATCH (p)-[:IN]->(o:Organisation) WHERE o = auth OR EXISTS { (o)-[:PART_OF*1..3]->(auth) } }
     // Posts and steps in a fixed order (title, then ids), so answers do not depend on how the store laid them out.
     WITH p, resp ORDER BY p.title, p.id
     CALL (p) {
       OPTIONAL MATCH path = (p)-[:ACCOUNTABLE_TO*1..6]->()
       UNWIND relationships(path) AS r
       WITH DISTINCT r
       WITH r, endNode(r) AS upper
       ORDER BY startNode(r).id, r.line, upper.id
       RETURN collect({from: startNode(r).id, fromProps: properties(startNode(r)), to: upper.id,
                       toLabel: labels(upper)[0], toProps: properties(upper), props: properties(r),
                       toHolders: CASE WHEN upper:Post THEN ${HOLDERS_OF("upper")} ELSE [] END}) AS steps
     }
     RETURN collect({id: p.id, props: properties(p), responsibility: properties(resp), steps: steps, holders: ${HOLDERS_OF("p")}}) AS responsible
   }
   RETURN auth.id AS authorityId, properties(auth) AS authorityProps, area.id AS areaId, properties(area) AS areaProps, responsible,
          // The statutory lines stand in when no source names a responsible post in force on the day (decided in
          // TS, where partial dates are understood): the authority's own posts, read here when no source names any
          // responsible post at all; when some are named but none is in force on the day, AUTHORITY_POSTS reads them.
          CASE WHEN size(responsible) = 0 THEN ${AUTHORITY_POSTS_OF("auth")} END AS authorityPosts,
          ${PROVIDERS_OF_AUTH} AS deliveries,
          ${withOversight ? OVERSIGHT_OF("auth") : "[]"} AS oversight`,
);

/** The authority's own posts and holders, for the statutory lines when the responsible posts named are not in force on the day. */
export const AUTHORITY_POSTS = cypher(
  "accountability.authorityPosts",
  `MATCH (auth:Organisation {id: $authority})
   RETURN ${AUTHORITY_POSTS_OF("auth")} AS posts`,
);

/** The question's query: with the overseeing bodies, or (when the client does not ask for them) without. */
export const RESPONSIBILITY_CHAINS = { withOversight: responsibilityChains(true), withoutOversight: responsibilityChains(false) };
