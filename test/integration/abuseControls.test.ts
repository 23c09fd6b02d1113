/**
 * Abuse controls over real HTTP: requests per minute per client (and per key apart from that), key guessing
 * slowed down, slow clients dropped; and, behind a load balancer (docker-compose.scale.yml), the client's
 * address as the balancer forwards it with TRUST_PROXY=1, while without it a forwarded address is ignored (a
 * client cannot claim a fresh allowance by sending the header itself).
 */
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashKey } from "../../src/auth/apiKeys.js";
import { startTestServer, type TestServer } from "../support/harness.js";

describe("abuse controls", () => {
  const READER_KEY = "reader-key-0123456789";
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({
      RATE_LIMIT_PER_MINUTE: "3",
      AUTH_FAILURES_PER_MINUTE: "2",
      HTTP_HEADERS_TIMEOUT_MS: "1000",
      API_KEYS: `limited-reader:reader:${hashKey(READER_KEY)}`,
    });
  });
  afterAll(async () => limited?.close());

  it("limits requests per minute per address, and per key apart from that", async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await limited.gql("{ sources { id } }")).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const over = await limited.gql("{ sources { id } }");
    expect(over.body.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED" });
    // A key has its own allowance.
    const keyed = await limited.gql("{ sources { id } }", undefined, { authorization: `Bearer ${READER_KEY}` });
    expect(keyed.status).toBe(200);
  });

  it("says when to retry", async () => {
    const res = await fetch(limited.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ sources { id } }" }) });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(res.headers.get("ratelimit")).toBeTruthy();
  });

  it("slows down key guessing: a few unknown keys, then 429", async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await limited.gql("{ sources { id } }", undefined, { authorization: `Bearer guess-${i}` })).status);
    expect(statuses).toEqual([401, 401, 429]);
  });

  it("drops a client that does not finish sending its headers in time", async () => {
    const { port } = new URL(limited.url);
    const started = Date.now();
    const answer = await new Promise<string>((resolve) => {
      const socket = net.connect(Number(port), "127.0.0.1", () => socket.write("POST /graphql HTTP/1.1\r\nHost: localhost\r\n"));
      let received = "";
      socket.on("data", (chunk) => (received += chunk.toString()));
      socket.on("close", () => resolve(received));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

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
