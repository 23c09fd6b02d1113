/**
 * What belongs to an authority, as search defines it, two ways: the production query's list
 * (OWNED_BY_AUTHORITY, read once per search) and the same definition tested node by node (BELONGS, as
 * search tested each hit before). Tests compare the two over every node of each kind.
 */
import { cypher, type Database } from "../../src/db/gateway.js";
import { OWNED_BY_AUTHORITY } from "../../src/domains/search/queries.js";
import { LABEL_OF_SEARCH_TYPE } from "../../src/domains/search/types.js";

/** The kinds a search can return: a kind made searchable later is compared too. */
export const SEARCHED_KINDS: string[] = Object.values(LABEL_OF_SEARCH_TYPE);

/** Whether `node` belongs to the authority `$authority`, by its own patterns. */
export const BELONGS = `EXISTS {
     MATCH (auth:Organisation {id: $authority})
     WITH auth, [auth] + COLLECT { MATCH (o:Organisation)-[:PART_OF*1..3]->(auth) RETURN o } AS bodies
     WHERE (node:Organisation AND node IN bodies)
        OR (node:Post AND EXISTS { (node)-[:IN]->(o) WHERE o IN bodies })
        OR (node:Person AND (EXISTS { (node)-[:HOLDS]->(:Occupancy)-[:OF]->(:Post)-[:IN]->(o) WHERE o IN bodies }
                             OR EXISTS { (node)-[:HOLDS]->(:Membership)-[:OF]->(o) WHERE o IN bodies }))
        OR (node:Meeting AND EXISTS { (node)-[:OF]->(o) WHERE o IN bodies })
        OR (node:Review AND EXISTS { (node)-[:OF]->(auth) })
        OR (node:Finding AND (EXISTS { (node)<-[:FOUND]-(:Inspection|Review)-[:OF]->(auth) }
                              OR EXISTS { (node)<-[:FOUND]-(:Meeting)-[:OF]->(o) WHERE o IN bodies }))
        OR (node:Theme AND EXISTS { (node)<-[:EXEMPLIFIES]-(:Finding)<-[:FOUND]-(:Inspection|Review)-[:OF]->(auth) })
        OR (node:ServiceArea AND EXISTS { (node)<-[:CONCERNS]-(:Finding)<-[:FOUND]-(:Inspection|Review)-[:OF]->(auth) })
        OR (node:Source AND EXISTS { (auth)<-[:OF]-(:Inspection|Review)-[:SUPPORTED_BY]->(node) })
        OR (node:Statement AND (EXISTS { (node)-[:ABOUT]->(o) WHERE o IN bodies }
                                OR EXISTS { (node)-[:ABOUT]->(:Inspection|Review)-[:OF]->(auth) }
                                OR EXISTS { (node)<-[:MADE]-(:Person)-[:HOLDS]->(:Occupancy)-[:OF]->(:Post)-[:IN]->(o) WHERE o IN bodies }))
   }`;

const OWNED_IDS = cypher(
  "test.search.owned",
  `MATCH (auth:Organisation {id: $authority})
   ${OWNED_BY_AUTHORITY}
   RETURN [node IN owned | node.id] AS ids`,
);

/**
 * For each kind asked alone: the ids the production list holds and those the node-by-node definition finds
 * among every node of that kind, sorted. Equal when the list is right for that kind.
 */
export async function ownedBothWays(db: Database, authority: string): Promise<Record<string, { list: string[]; byNode: string[] }>> {
  const result: Record<string, { list: string[]; byNode: string[] }> = {};
  for (const kind of SEARCHED_KINDS) {
    const [row] = await db.read(OWNED_IDS, { authority, labels: [kind] });
    const byNode = await db.read(cypher("test.search.belongs", `MATCH (node:${kind}) WHERE ${BELONGS} RETURN node.id AS id`), { authority });
    result[kind] = { list: [...((row?.ids as string[]) ?? [])].sort(), byNode: byNode.map((r) => r.id as string).sort() };
  }
  return result;
}
