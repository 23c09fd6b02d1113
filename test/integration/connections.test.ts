/** Relay connections: keyset pages that add up to the whole, filters and sorts done in the database. */
import { describe, expect, it } from "vitest";
import { partialRange } from "../../src/model/partialDates.js";
import { readSeeds } from "../support/bundles.js";
import { useTestServer } from "../support/harness.js";

const server = useTestServer();
const data = server.data;

const FINDINGS = `query($first: Int, $after: String, $filter: FindingFilter, $orderBy: FindingOrder) {
  findingsConnection(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id kind polarity inspection { start } themes { id } } } } }`;

/** Where a partial date sorts: the middle of its range ("2024" → 2024-07-01, "2024-09" → 2024-09-15). */
const sortKey = (start: string) => (start.length === 4 ? `${start}-07-01` : start.length === 7 ? `${start}-15` : start);

async function allPages(variables: Record<string, unknown>) {
  const seen: any[] = [];
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    const { findingsConnection: c }: any = await data(FINDINGS, { ...variables, after });
    seen.push(...c.edges.map((e: any) => e.node));
    if (!c.pageInfo.hasNextPage) return { seen, total: c.totalCount };
    expect(c.pageInfo.endCursor).toBe(c.edges.at(-1).cursor);
    after = c.pageInfo.endCursor;
  }
  throw new Error("did not finish paging");
}

const SWINDON = { authority: "org:swindon-borough-council" };
const swindonFindings = () => {
  const seeds = readSeeds();
  const inspections = new Set(seeds.inspections.filter((i) => i.authority === SWINDON.authority).map((i) => i.id));
  return seeds.findings.filter((f) => f.inspection !== undefined && inspections.has(f.inspection));
};

describe("findingsConnection", () => {
  it("counts every finding of the national graph", async () => {
    const { findingsConnection: c } = await data(FINDINGS, { first: 1 });
    expect(c.totalCount).toBe(readSeeds().findings.length);
  });

  it("pages through every finding of a council exactly once, in order, matching totalCount", async () => {
    const { seen, total } = await allPages({ first: 7, filter: SWINDON });
    expect(total).toBe(swindonFindings().length);
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((f) => f.id)).size).toBe(total);
    const starts = seen.map((f) => sortKey(f.inspection.start));
    expect(starts).toEqual([...starts].sort());
  });

  it("sorts descending too, and pages the same set", async () => {
    const { seen } = await allPages({ first: 11, filter: SWINDON, orderBy: { field: "INSPECTION_DATE", direction: "DESC" } });
    const starts = seen.map((f) => sortKey(f.inspection.start));
    expect(starts).toEqual([...starts].sort().reverse());
    expect(seen).toHaveLength(swindonFindings().length);
  });

  it("pages a theme's findings across every authority exactly once, in order, both ways (the key computed per inspection)", async () => {
    const theme = "theme:drift-and-delay";
    const expected = readSeeds().findings.filter((f) => f.inspection !== undefined && f.themes.includes(theme)).map((f) => f.id).sort();
    expect(expected.length).toBeGreaterThan(30);
    for (const direction of ["ASC", "DESC"] as const) {
      const { seen, total } = await allPages({ first: 13, filter: { theme }, orderBy: { field: "INSPECTION_DATE", direction } });
      expect(total).toBe(expected.length);
      expect(seen.map((f) => f.id).sort()).toEqual(expected);
      const starts = seen.map((f) => sortKey(f.inspection.start ?? "~"));
      expect(starts).toEqual(direction === "ASC" ? [...starts].sort() : [...starts].sort().reverse());
    }
  });

  it("keeps every filter whichever id it starts from: an inspection of another authority finds nothing", async () => {
    const seeds = readSeeds();
    const barnet = seeds.inspections.find((i) => i.authority === "org:barnet" && seeds.findings.some((f) => f.inspection === i.id))!;
    const own = await allPages({ first: 50, filter: { inspection: barnet.id } });
    expect(own.total).toBe(seeds.findings.filter((f) => f.inspection === barnet.id).length);
    const crossed = await allPages({ first: 50, filter: { inspection: barnet.id, authority: "org:swindon-borough-council" } });
    expect(crossed).toEqual({ seen: [], total: 0 });
    const themed = await allPages({ first: 50, filter: { theme: "theme:drift-and-delay", authority: "org:barnet", inspection: barnet.id } });
    expect(themed.total).toBe(seeds.findings.filter((f) => f.inspection === barnet.id && f.themes.includes("theme:drift-and-delay")).length);
  });

  it("filters by theme, polarity and date range in the database", async () => {
    const filter = { theme: "theme:drift-and-delay", polarity: "NEGATIVE", dates: { from: "2023", to: "2024" } };
    const { seen, total } = await allPages({ first: 2, filter });
    expect(seen.length).toBe(total);
    expect(total).toBeGreaterThan(0);
    for (const f of seen) {
      expect(f.polarity).toBe("NEGATIVE");
      expect(f.themes.map((t: any) => t.id)).toContain("theme:drift-and-delay");
      expect(f.inspection.start >= "2023").toBe(true);
    }
    // Findings of inspections whose start may lie in 2023–2024 (a start known as "2023" or "2024-09" counts).
    const seeds = readSeeds();
    const startOf = new Map(seeds.inspections.map((i) => [i.id, i.start]));
    const [from, to] = [partialRange("2023")[0], partialRange("2024")[1]];
    const expected = seeds.findings.filter((f) => {
      const start = f.inspection && startOf.get(f.inspection);
      return f.polarity === "NEGATIVE" && f.themes.includes("theme:drift-and-delay") && !!start && partialRange(start)[1] >= from && partialRange(start)[0] <= to;
    });
    expect(total).toBe(expected.length);
  });

  it("rejects a forged cursor and an out-of-range page size", async () => {
    const forged = await server.gql(FINDINGS, { first: 5, after: "not-a-cursor" });
    expect(forged.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const tooMany = await server.gql(FINDINGS, { first: 101 });
    expect(tooMany.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("theme and service area connections", () => {
  it("refuses a cursor issued for another order, and one whose key was tampered with", async () => {
    const THEMES = `query($order: ThemeOrder, $after: String) {
      themesConnection(first: 2, orderBy: $order, after: $after) { pageInfo { endCursor } edges { node { id } } } }`;
    const byCount = { field: "FINDING_COUNT", direction: "DESC" };
    const { themesConnection: first }: any = await data(THEMES, { order: byCount });
    const cursor = first.pageInfo.endCursor as string;
    const next = await data(THEMES, { order: byCount, after: cursor });
    expect(next.themesConnection.edges).toHaveLength(2);

    const otherOrder = await server.gql(THEMES, { order: { field: "LABEL", direction: "ASC" }, after: cursor });
    expect(otherOrder.body.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", argument: "after" } });
    expect(otherOrder.body.errors?.[0]?.message).toMatch(/another order/);
    const otherDirection = await server.gql(THEMES, { order: { ...byCount, direction: "ASC" }, after: cursor });
    expect(otherDirection.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");

    // Counts per authority are other keys: a cursor from one authority's list is refused in another's.
    const swindon = await server.gql(`query($after: String) { themesConnection(first: 2, authority: "org:swindon-borough-council",
      orderBy: {field: FINDING_COUNT, direction: DESC}, after: $after) { edges { node { id } } } }`, { after: cursor });
    expect(swindon.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");

    // The same order tag with a text where the count belongs: refused, not an empty page.
    const [order, , id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    const tampered = Buffer.from(JSON.stringify([order, "3", id])).toString("base64url");
    const res = await server.gql(THEMES, { order: byCount, after: tampered });
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("sorts themes by the number of findings raising them, computed in the database", async () => {
    const { themesConnection: c } = await data(`{ themesConnection(first: 100, orderBy: {field: FINDING_COUNT, direction: DESC}) {
      totalCount edges { node { id findingCount } } } }`);
    const counts = c.edges.map((e: any) => e.node.findingCount);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    const seeds = readSeeds();
    const expected = new Map(seeds.themes.map((t) => [t.id, seeds.findings.filter((f) => f.themes.includes(t.id)).length]));
    for (const e of c.edges) expect(e.node.findingCount).toBe(expected.get(e.node.id));
    expect(c.totalCount).toBe(seeds.themes.length);
  });

  it("pages service areas by finding count with stable cursors", async () => {
    const q = `query($after: String) { serviceAreasConnection(first: 4, after: $after, orderBy: {field: FINDING_COUNT, direction: DESC}) {
      pageInfo { hasNextPage endCursor } edges { node { id findingCount } } } }`;
    const first = (await data(q)).serviceAreasConnection;
    const second = (await data(q, { after: first.pageInfo.endCursor })).serviceAreasConnection;
    const ids = [...first.edges, ...second.edges].map((e: any) => e.node.id);
    expect(new Set(ids).size).toBe(8);
    expect(second.edges[0].node.findingCount).toBeLessThanOrEqual(first.edges.at(-1).node.findingCount);
  });

  it("filters inspections by grade", async () => {
    const { inspectionsConnection: c } = await data(`{ inspectionsConnection(filter: {grade: GOOD, authority: "org:swindon-borough-council"}) {
      totalCount edges { node { id } } } }`);
    const seeds = readSeeds();
    const good = new Set(seeds.judgements.filter((j) => j.grade === "GOOD").map((j) => j.inspection));
    const expected = seeds.inspections.filter((i) => i.authority === SWINDON.authority && good.has(i.id)).map((i) => i.id);
    expect(expected.length).toBeGreaterThanOrEqual(2); // 2014 (adoption, LSCB) and 2019
    expect(c.edges.map((e: any) => e.node.id).sort()).toEqual(expected.sort());
    expect(c.totalCount).toBe(expected.length);
  });
});

describe("connection arguments", () => {
  it("sorts by one council's finding counts and shows those counts", async () => {
    const { themesConnection: c } = await data(`{ themesConnection(first: 100, authority: "org:swindon-borough-council", orderBy: {field: FINDING_COUNT, direction: DESC}) {
      edges { node { id mine: findingCount(authority: "org:swindon-borough-council") none: findingCount(authority: "org:ofsted") } } } }`);
    const mine = c.edges.map((e: any) => e.node.mine);
    expect(mine).toEqual([...mine].sort((a: number, b: number) => b - a));
    expect(mine[0]).toBeGreaterThan(0);
    for (const e of c.edges) expect(e.node.none).toBe(0);
  });

  it("rejects a date range that ends before it starts", async () => {
    const res = await server.gql(`{ findingsConnection(filter: {dates: {from: "2024", to: "2023"}}) { totalCount } }`);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.body.errors?.[0]?.extensions?.argument).toBe("dates.to");
  });
});
