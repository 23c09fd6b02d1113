/** The graphql-http conformance audits, each against the real server over HTTP. */
import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./support/harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/**
 * SHOULD-level audits we answer differently on purpose, with the status we do answer.
 * They ask for 200 on a failed document when the client accepts only the legacy application/json.
 * Apollo answers 400 whatever the client accepts, and so do we: an invalid or over-limit document is
 * a client error for every client (and the spec's 400 for application/graphql-response+json passes).
 */
const DELIBERATE: Record<string, { status: number; reason: string }> = {
  "572B": { status: 400, reason: "a parse failure is 400 for application/json too" },
  FDE2: { status: 400, reason: "a validation failure is 400 for application/json too" },
  "7B9B": { status: 400, reason: "a variable coercion failure is 400 for application/json too" },
};

const audits = serverAudits({ url: () => server.url });

describe("GraphQL over HTTP audits (graphql-http)", () => {
  it("lists only known, non-MUST audits as deliberate exceptions", () => {
    for (const id of Object.keys(DELIBERATE)) {
      const audit = audits.find((a) => a.id === id);
      expect(audit, id).toBeDefined();
      expect(audit!.name.startsWith("MUST"), audit!.name).toBe(false);
    }
  });

  for (const audit of audits) {
    const deliberate = DELIBERATE[audit.id];
    if (deliberate) {
      it(`${audit.id} ${audit.name} — deliberately ${deliberate.status}: ${deliberate.reason}`, async () => {
        const result = await audit.fn();
        // Passing would mean the exception is stale: remove it from the list.
        expect(result.status).not.toBe("ok");
        if (result.status !== "ok") expect(result.response.status).toBe(deliberate.status);
      });
    } else {
      it(`${audit.id} ${audit.name}`, async () => {
        const result = await audit.fn();
        expect(result.status === "ok" ? "ok" : `${result.status}: ${result.reason}`).toBe("ok");
      });
    }
  }
});
