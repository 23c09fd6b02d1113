/** The graphql-http conformance audits, each against the real server over HTTP. */
import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const audits = serverAudits({ url: () => server.url });

describe("GraphQL over HTTP audits (graphql-http)", () => {
  it("finds the audits (all 61 of them must pass: none is excused)", () => {
    expect(audits.length).toBeGreaterThanOrEqual(61);
  });

  for (const audit of audits) {
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      expect(result.status === "ok" ? "ok" : `${result.status}: ${result.reason}`).toBe("ok");
    });
  }
});
