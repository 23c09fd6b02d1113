/** Test helpers: a config pointing at the test Neo4j, a connected gateway, and a real HTTP server. */
import { afterAll, beforeAll, expect, inject } from "vitest";
import { loadConfig, type Config } from "../../src/config.js";
import { Database } from "../../src/db/gateway.js";
import { startServer, type RunningServer } from "../../src/api/server.js";

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NEO4J_URI: inject("neo4jUri"), PORT: "0", LOG_LEVEL: "silent", NODE_ENV: "test", ...overrides });
}

export async function connectTestDb(config = testConfig()): Promise<Database> {
  return Database.connect({ ...config.neo4j, uri: config.neo4j.uri!, retries: 2 });
}

export type GraphQLResponse<T = Record<string, unknown>> = {
  status: number;
  contentType: string | null;
  body: { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[]; extensions?: Record<string, unknown> };
};

export type TestServer = RunningServer & {
  db: Database;
  gql: <T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => Promise<GraphQLResponse<T>>;
  close: () => Promise<void>;
};

/** Starts the real HTTP server on a free port over the test database. */
export async function startTestServer(overrides: Record<string, string> = {}): Promise<TestServer> {
  const config = testConfig(overrides);
  const db = await connectTestDb(config);
  const server = await startServer(db, config);
  const gql: TestServer["gql"] = async (query, variables, headers = {}) => {
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json", ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, contentType: response.headers.get("content-type"), body: await response.json() };
  };
  return {
    ...server,
    db,
    gql,
    close: async () => {
      await server.stop();
      await db.close();
    },
  };
}

/** A real server for the whole test file: started before it, stopped after it. */
export function useTestServer(overrides: Record<string, string> = {}) {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(overrides);
  });
  afterAll(() => server.close());
  return {
    gql: ((...args) => server.gql(...args)) as TestServer["gql"],
    /** The data of a request that must succeed (no errors). */
    data: async <T = any>(query: string, variables?: Record<string, unknown>): Promise<T> => {
      const res = await server.gql<T>(query, variables);
      expect(res.body.errors).toBeUndefined();
      return res.body.data!;
    },
    get db() {
      return server.db;
    },
    get url() {
      return server.url;
    },
  };
}
