/** Before the list sizes have ever been read, the cost limit fails closed: every list costs the largest page. */
import { describe, expect, it } from "vitest";
import type { Database } from "../../src/db/gateway.js";
import { MAX_PAGE } from "../../src/graphql/connections.js";
import { ListSizes } from "../../src/graphql/listSizes.js";

/** A database that cannot answer (the figures' only source), counting how often it is asked. */
function unreachable() {
  const calls = { n: 0 };
  const db = { read: async () => { calls.n += 1; throw new Error("Neo4j is unavailable"); } } as unknown as Database;
  return { db, calls };
}

describe("list sizes", () => {
  it("cost every list as the largest page until they are read, and keep trying at most every few seconds", async () => {
    const { db, calls } = unreachable();
    const problems: string[] = [];
    const sizes = new ListSizes(db, (message) => problems.push(message));
    await sizes.refresh();
    expect(sizes.refreshedAt).toBeNull();
    expect(problems[0]).toMatch(/not refreshed/);
    expect(sizes.lookup("Theme.findings")).toBe(MAX_PAGE);
    expect(sizes.lookup("count:Theme")).toBe(MAX_PAGE);
    await new Promise((resolve) => setTimeout(resolve, 10));
    // Two lookups, one retry: the second falls within the back-off.
    expect(calls.n).toBe(2);
  });
});
