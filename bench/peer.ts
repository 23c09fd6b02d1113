/**
 * The benchmark's peer: a GraphQL server built with @neo4j/graphql 7 over the same labels, relationship
 * types and properties as the project's graph, as a generic GraphQL-to-Cypher layer would serve it (one
 * Cypher query per root field, projecting only the fields asked). Run as its own process:
 *   NEO4J_URI=bolt://… [NEO4J_USER=… NEO4J_PASSWORD=… NEO4J_DATABASE=neo4j] PORT=0 node --import tsx bench/peer.ts
 * It prints "Peer ready at <url>". Benchmark use only: no auth, no limits.
 */
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

export const PEER_TYPE_DEFS = /* GraphQL */ `
  type Organisation @node {
    id: ID!
    name: String!
    kind: String!
    inspections: [Inspection!]! @relationship(type: "OF", direction: IN)
    posts: [Post!]! @relationship(type: "IN", direction: IN)
  }
  type Inspection @node {
    id: ID!
    kind: String!
    status: String!
    start: Date
    authority: [Organisation!]! @relationship(type: "OF", direction: OUT)
    findings: [Finding!]! @relationship(type: "FOUND", direction: OUT)
  }
  type Finding @node @fulltext(indexes: [{ indexName: "search_text", queryName: "findingsFulltext", fields: ["summary"] }]) {
    id: ID!
    kind: String!
    polarity: String!
    summary: String!
    themes: [Theme!]! @relationship(type: "EXEMPLIFIES", direction: OUT)
    inspection: [Inspection!]! @relationship(type: "FOUND", direction: IN)
  }
  type Theme @node {
    id: ID!
    label: String!
    findings: [Finding!]! @relationship(type: "EXEMPLIFIES", direction: IN)
  }
  type Post @node {
    id: ID!
    title: String!
    role: String!
    occupancies: [Occupancy!]! @relationship(type: "OF", direction: IN)
  }
  type Occupancy @node {
    id: ID!
    status: String!
    start: Date
    end: Date
    person: [Person!]! @relationship(type: "HOLDS", direction: IN)
  }
  type Person @node {
    id: ID!
    name: String
  }
`;

const env = process.env;
if (!env.NEO4J_URI) throw new Error("bench/peer.ts needs NEO4J_URI");
const driver = neo4j.driver(env.NEO4J_URI, neo4j.auth.basic(env.NEO4J_USER ?? "neo4j", env.NEO4J_PASSWORD ?? ""));
const database = env.NEO4J_DATABASE ?? "neo4j";
const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
const server = new ApolloServer({ schema });
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(env.PORT ?? 0), host: "127.0.0.1" },
  context: async () => ({ sessionConfig: { database } }),
});
console.log(`Peer ready at ${url}`);
const stop = async () => {
  await server.stop();
  await driver.close();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
