/** Cypher for the authority context card: one query for all of it, every post with its holders. */
import { cypher } from "../../db/gateway.js";
import { HOLDERS_OF, OVERSIGHT_OF, PROVIDERS_OF_AUTH } from "../accountability/queries.js";

export const AUTHORITY_CARD = cypher(
  "context.card",
  `MATCH (auth:Organisation {id: $authority})
   RETURN properties(auth) AS props,
     // Expand from the authority (index seek), never scan IN relationships: its own posts and its bodies' posts.
     [(auth)<-[:PART_OF*0..3]-(:Organisation)<-[:IN]-(p:Post) | {id: p.id, props: properties(p), holders: ${HOLDERS_OF("p")}}] AS posts,
     [(part:Organisation)-[:PART_OF]->(auth) | {id: part.id, props: properties(part)}] AS bodies,
     [(i:Inspection)-[:OF]->(auth) | {id: i.id, props: properties(i),
        judgements: [(i)-[:JUDGED]->(j:Judgement) | {id: j.id, props: properties(j)}],
        findings: [(i)-[:FOUND]->(f:Finding) | {id: f.id, props: properties(f)}]}] AS inspections,
     [(iv:Intervention)-[:TO]->(auth) | {id: iv.id, props: properties(iv),
        followsStarts: [(iv)-[:FOLLOWS]->(f:Inspection) | f.start]}] AS interventions,
     // Who delivers its children's services (a trust, a partner council), with the provider's posts.
     ${PROVIDERS_OF_AUTH} AS deliveries,
     ${OVERSIGHT_OF("auth")} AS oversight`,
);
