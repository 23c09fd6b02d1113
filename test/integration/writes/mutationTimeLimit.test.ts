/**
 * The time limit of a mutation is its write transaction's timeout: past it, Neo4j rolls the write back and
 * the mutation says TIME_LIMIT_EXCEEDED, which a client can trust to mean nothing of it was written.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashKey } from "../../../src/auth/apiKeys.js";
import { cypher } from "../../../src/db/gateway.js";
import { validBundle } from "../../support/bundles.js";
import { startTestServer, type TestServer } from "../../support/harness.js";
import { restoreAfterFile } from "../../support/restoring.js";

const ADMIN = "admin-key-mutation-time-limit-0123456789";
const WRITTEN = cypher("test.timeLimit.written", "MATCH (n) WHERE n.id IN $ids RETURN count(n) AS n");
let server: TestServer;
restoreAfterFile();
beforeAll(async () => {
  server = await startTestServer({ GRAPHQL_MUTATION_TIME_LIMIT_MS: "10", API_KEYS: `admin:admin:${hashKey(ADMIN)}` });
});
afterAll(() => server?.close());

describe("a mutation past its time limit", () => {
  it("is rolled back and says TIME_LIMIT_EXCEEDED", async () => {
    const bundle = { ...validBundle()["a.json"], ...validBundle()["b.json"] };
    const res = await server.gql(
      `mutation ($b: JSONObject!) { importBundle(bundle: $b, reason: "time limit test") { written changeSet { id } } }`,
      { b: bundle },
      { authorization: `Bearer ${ADMIN}` },
    );
    expect(res.body.errors?.map((e) => e.extensions?.code), JSON.stringify(res.body.errors)).toEqual(["TIME_LIMIT_EXCEEDED"]);
    const ids = [...bundle.sources, ...bundle.organisations, ...bundle.inspections, ...bundle.findings].map((r) => r.id);
    const [row] = await server.db.read(WRITTEN, { ids });
    expect(row!.n).toBe(0);
  });
});
