/** Cypher for the accountability question and the context card: few queries, each batched over all posts. */
import { cypher } from "../../db/gateway.js";
import { PROVIDERS_OF_AUTH } from "./delivery.js";
import { canonicalOf } from "../people/queries.js";

/**
 * The authority and the service area (null when absent), the authority's posts responsible for the area,
 * and every ACCOUNTABLE_TO step reachable above each, with the nodes at both ends; and who delivers the
 * authority's services (a trust, a partner council) with the provider's posts. Dates are filtered
 * in TS, where partial-date ranges are understood.
 */
export const RESPONSIBILITY_CHAINS = cypher(
  "accountability.chains",
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
       ORDER BY startNode(r).id, r.line, endNode(r).id
       RETURN collect({from: startNode(r).id, fromProps: properties(startNode(r)), to: endNode(r).id,
                       toLabel: labels(endNode(r))[0], toProps: properties(endNode(r)), props: properties(r)}) AS steps
     }
     RETURN collect({id: p.id, props: properties(p), responsibility: properties(resp), steps: steps}) AS responsible
   }
   RETURN auth.id AS authorityId, properties(auth) AS authorityProps, area.id AS areaId, properties(area) AS areaProps, responsible,
          ${PROVIDERS_OF_AUTH} AS deliveries`,
);

/** The authority's own posts (and its departments'), for the statutory lines when no source states any. */
export const AUTHORITY_POSTS = cypher(
  "accountability.authorityPosts",
  `MATCH (p:Post)-[:IN]->(o:Organisation)
   WHERE o.id = $authority OR EXISTS { (o)-[:PART_OF*1..3]->(:Organisation {id: $authority}) }
   RETURN p.id AS id, properties(p) AS props
   ORDER BY p.title, p.id`,
);

/**
 * Every occupancy of the given posts with its holder as the API answers with them (the record at the end of
 * the holder record's identifications, see people/queries PERSON_RECORDS): one query for all posts.
 */
export const POST_HOLDERS = cypher(
  "accountability.postHolders",
  `MATCH (p:Post)<-[:OF]-(o:Occupancy)<-[:HOLDS]-(record:Person) WHERE p.id IN $ids
   WITH p, o, ${canonicalOf("record")} AS person
   RETURN p.id AS key, o.id AS occupancyId, properties(o) AS occupancyProps, person.id AS personId, properties(person) AS personProps
   ORDER BY o.id`,
);

/** Meetings that were about the authority's improvement: of its own bodies, or considering its inspections or interventions. */
const AUTHORITY_MEETING = `(body)-[:PART_OF]->(authority) OR EXISTS { (m)-[:CONSIDERED]->()-[:OF|TO]->(authority) }`;

/**
 * The bodies the sources show overseeing the authority's improvement: those overseeing an intervention made
 * in it (with the latest start of the inspections it follows), and those that held meetings about it (a row
 * with a null intervention). Each with its HELD meetings about the authority (an announced meeting is not
 * oversight done), its memberships (and members) and its own posts.
 */
export const OVERSIGHT = cypher(
  "accountability.oversight",
  `MATCH (authority:Organisation {id: $authority})
   CALL (authority) {
     MATCH (authority)<-[:TO]-(iv:Intervention)
     OPTIONAL MATCH (iv)-[:FOLLOWS]->(followed:Inspection)
     WITH iv, max(followed.start) AS followsFrom
     MATCH (body:Organisation)-[:OVERSEES]->(iv)
     RETURN body, iv, followsFrom
     UNION
     MATCH (authority)<-[:PART_OF]-(body:Organisation)<-[:OF]-(:Meeting {status: 'HELD'})
     RETURN DISTINCT body, null AS iv, null AS followsFrom
     UNION
     MATCH (authority)<-[:OF|TO]-(:Inspection|Intervention)<-[:CONSIDERED]-(:Meeting {status: 'HELD'})-[:OF]->(body:Organisation)
     RETURN DISTINCT body, null AS iv, null AS followsFrom
   }
   RETURN iv.id AS id, properties(iv) AS props, followsFrom, body.id AS bodyId, properties(body) AS bodyProps,
          [(m:Meeting {status: 'HELD'})-[:OF]->(body) WHERE ${AUTHORITY_MEETING} | {id: m.id, props: properties(m)}] AS meetings,
          [(member)-[:HOLDS]->(m:Membership)-[:OF]->(body) |
             {id: m.id, props: properties(m), memberId: member.id, memberLabel: labels(member)[0], memberProps: properties(member),
              // A person member as the API answers with them (the record their identifications end at).
              canonical: CASE WHEN member:Person THEN [c IN [${canonicalOf("member")}] | {id: c.id, props: properties(c)}][0] END}] AS memberships,
          [(post:Post)-[:IN]->(body) | {id: post.id, props: properties(post)}] AS posts
   ORDER BY body.name, iv.id`,
);
