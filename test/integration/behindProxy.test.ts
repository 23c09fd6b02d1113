/**
 * Behind a load balancer (docker-compose.scale.yml) every request comes from the balancer: with TRUST_PROXY=1
 * the rate limit counts per client as the balancer forwards it; without it, a forwarded address is ignored
 * (a client cannot claim a fresh allowance by sending the header itself).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/harness.js";

const asClient = (server: TestServer, address: string) => server.gql("{ sources { id } }", undefined, { "x-forwarded-for": address });

describe("the client's address behind a proxy", () => {
  let proxied: TestServer;
  let direct: TestServer;
  beforeAll(async () => {
    proxied = await startTestServer({ RATE_LIMIT_PER_MINUTE: "2", TRUST_PROXY: "1" });
    direct = await startTestServer({ RATE_LIMIT_PER_MINUTE: "2" });
  });
  afterAll(async () => {
    await proxied?.close();
    await direct?.close();
  });

  it("with TRUST_PROXY=1, limits each forwarded client on its own", async () => {
    const first = [];
    for (let i = 0; i < 3; i++) first.push((await asClient(proxied, "203.0.113.1")).status);
    expect(first).toEqual([200, 200, 429]);
    expect((await asClient(proxied, "203.0.113.2")).status).toBe(200);
  });

  it("without it, ignores the header: the connection's address is the client", async () => {
    const statuses = [];
    for (const address of ["203.0.113.1", "203.0.113.2", "203.0.113.3"]) statuses.push((await asClient(direct, address)).status);
    expect(statuses).toEqual([200, 200, 429]);
  });
});
