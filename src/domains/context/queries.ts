/**
 * Cypher for the authority context card: one query for all of it, every post with its holders, and the
 * inspections, judgements and findings with only the fields asked for (and those the card is chosen by).
 */
import type { NodeProjection } from "../../graphql/compiledReads.js";
import { projectedQuery } from "../../graphql/projectedQuery.js";
import { HOLDERS_OF, OVERSIGHT_OF, PROVIDERS_OF_AUTH } from "../accountability/queries.js";

/** `finding` null: the client does not ask for the latest findings, so only their number is read (which visit is latest). */
export type CardProjections = { inspection: NodeProjection; judgement: NodeProjection; finding: NodeProjection | null };

/** The parts of the card read only when the client selects the field they answer (each is a query of its own weight). */
export type CardSections = { oversight: boolean; interventions: boolean; bodies: boolean };
export const ALL_SECTIONS: CardSections = { oversight: true, interventions: true, bodies: true };

/** The query and, for materialise, the shapes of its inspections, judgements and findings. */
export function authorityCard(p: CardProjections, sections: CardSections = ALL_SECTIONS) {
  return projectedQuery("context.card", p, { inspection: "i", judgement: "j", finding: "f" }, (map) =>
    `MATCH (auth:Organisation {id: $authority})
     RETURN properties(auth) AS props,
       // Expand from the authority (index seek), never scan IN relationships: its own posts and its bodies' posts.
       [(auth)<-[:PART_OF*0..3]-(:Organisation)<-[:IN]-(p:Post) | {id: p.id, props: properties(p), holders: ${HOLDERS_OF("p")}}] AS posts,
       ${sections.bodies ? "[(part:Organisation)-[:PART_OF]->(auth) | {id: part.id, props: properties(part)}]" : "[]"} AS bodies,
       [(i:Inspection)-[:OF]->(auth) | {inspection: ${map.inspection},
          judgements: [(i)-[:JUDGED]->(j:Judgement) | ${map.judgement}],
          findingCount: COUNT { (i)-[:FOUND]->(:Finding) },
          findings: ${map.finding ? `[(i)-[:FOUND]->(f:Finding) | ${map.finding}]` : "[]"}}] AS inspections,
       ${sections.interventions ? `[(iv:Intervention)-[:TO]->(auth) | {id: iv.id, props: properties(iv),
          followsStarts: [(iv)-[:FOLLOWS]->(f:Inspection) | f.start]}]` : "[]"} AS interventions,
       // Who delivers its children's services (a trust, a partner council), with the provider's posts.
       ${PROVIDERS_OF_AUTH} AS deliveries,
       ${sections.oversight ? OVERSIGHT_OF("auth") : "[]"} AS oversight`);
}
