/** Shortest paths between entities over real HTTP: hops, directions, evidence, bounds and errors. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LABEL_BY_PREFIX } from "../../src/model/labels.js";
import { startTestServer, type TestServer } from "../support/harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type Ref = { __typename: string; id: string };
type Hop = { type: string; direction: string; from: Ref; to: Ref; evidence: { quote: string; source: { id: string } }[] };
type Path = { length: number; nodes: Ref[]; hops: Hop[] };

// A literal `first` keeps the estimated cost of hops × evidence × sources under the default limit.
const PATHS_QUERY = `query($from: ID!, $to: ID!, $maxHops: Int) {
  paths(from: $from, to: $to, maxHops: $maxHops, first: 5) {
    length nodes { __typename id }
    hops { type direction from { __typename id } to { __typename id } evidence { quote source { id } } } } }`;

async function findPaths(from: string, to: string, maxHops?: number): Promise<Path[]> {
  const res = await server.gql<{ paths: Path[] }>(PATHS_QUERY, { from, to, maxHops });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.paths;
}

async function errorCode(from: string, to: string, maxHops?: number, first?: number) {
  const res = await server.gql(`query($from: ID!, $to: ID!, $maxHops: Int, $first: Int) {
    paths(from: $from, to: $to, maxHops: $maxHops, first: $first) { length } }`, { from, to, maxHops, first });
  expect(res.body.data?.paths ?? null).toBeNull();
  return res.body.errors?.[0]?.extensions?.code;
}

/** A path is a chain: nodes line up with hops, from the first id asked to the second, no source on the way. */
function expectWellFormed(path: Path, from: string, to: string) {
  expect(path.length).toBe(path.hops.length);
  expect(path.nodes).toHaveLength(path.length + 1);
  expect(path.nodes[0]!.id).toBe(from);
  expect(path.nodes.at(-1)!.id).toBe(to);
  path.hops.forEach((hop, i) => {
    expect(hop.from).toEqual(path.nodes[i]);
    expect(hop.to).toEqual(path.nodes[i + 1]);
    expect(hop.type).toMatch(/^[A-Z_]+$/);
    expect(hop.type).not.toBe("SUPPORTED_BY");
    expect(["FORWARD", "BACKWARD"]).toContain(hop.direction);
  });
  for (const node of path.nodes) {
    expect(node.__typename).toBe(LABEL_BY_PREFIX[node.id.split(":")[0] as keyof typeof LABEL_BY_PREFIX]);
    expect(node.__typename).not.toBe("Source");
  }
}

describe("paths", () => {
  it("links a leader to his council through his occupancy of a post, the claim hops with evidence", async () => {
    const paths = await findPaths("person:jim-robbins", "org:swindon-borough-council");
    expect(paths.length).toBeGreaterThan(0);
    paths.forEach((p) => expectWellFormed(p, "person:jim-robbins", "org:swindon-borough-council"));
    // All shortest: every path has the same, minimal length.
    expect(new Set(paths.map((p) => p.length))).toEqual(new Set([3]));

    const viaPost = paths.find((p) => p.hops.map((h) => h.type).join(" ") === "HOLDS OF IN");
    expect(viaPost).toBeDefined();
    expect(viaPost!.nodes.map((n) => n.__typename)).toEqual(["Person", "Occupancy", "Post", "Organisation"]);
    expect(viaPost!.nodes.map((n) => n.id)).toEqual([
      "person:jim-robbins", "occupancy:jim-robbins-leader", "post:swindon-leader", "org:swindon-borough-council",
    ]);
    const [holds, of, inOrg] = viaPost!.hops;
    expect(viaPost!.hops.map((h) => h.direction)).toEqual(["FORWARD", "FORWARD", "FORWARD"]);
    expect(holds!.evidence).toEqual([
      { quote: "Councillor Jim Robbins, Leader of Swindon Borough Council", source: { id: "source:swt-2023-09-18-inadequate" } },
    ]);
    expect(of!.evidence).toEqual(holds!.evidence);
    // A post sitting in its council is structure, not a claim: nothing to cite.
    expect(inOrg!.evidence).toEqual([]);
  });

  it("reports hops walked against the relationship as BACKWARD", async () => {
    const paths = await findPaths("org:swindon-borough-council", "person:jim-robbins", 3);
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      expectWellFormed(path, "org:swindon-borough-council", "person:jim-robbins");
      expect(path.hops.map((h) => h.direction)).toEqual(["BACKWARD", "BACKWARD", "BACKWARD"]);
    }
  });

  it("cites the evidence kept on accountability and responsibility relationships", async () => {
    const [toChief] = await findPaths("post:swindon-dcs", "post:swindon-chief-executive", 1);
    expect(toChief!.hops).toHaveLength(1);
    expect(toChief!.hops[0]).toMatchObject({ type: "ACCOUNTABLE_TO", direction: "FORWARD" });
    expect(toChief!.hops[0]!.evidence).toContainEqual({
      quote: "the new Corporate Director of Children's Services", source: { id: "source:swt-2023-09-18-inadequate" },
    });
    const [fromArea] = await findPaths("area:children-in-care", "post:swindon-dcs", 1);
    expect(fromArea!.hops[0]).toMatchObject({ type: "RESPONSIBLE_FOR", direction: "BACKWARD" });
    expect(fromArea!.hops[0]!.evidence.map((e) => e.source.id)).toContain("source:news-2019-ilacs-leadership");
  });

  it("connects the DCS to the 2023 inspection within six hops, every hop typed", async () => {
    const paths = await findPaths("person:lisa-arthey", "inspection:swindon-ilacs-2023-07", 6);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.length).toBeLessThanOrEqual(5);
    for (const p of paths) {
      expectWellFormed(p, "person:lisa-arthey", "inspection:swindon-ilacs-2023-07");
      expect(p.length).toBeLessThanOrEqual(6);
      expect(p.hops[0]).toMatchObject({ type: "HOLDS", to: { id: "occupancy:lisa-arthey-dcs" } });
      expect(p.hops[0]!.evidence[0]!.quote).toMatch(/Lisa Arthey/);
    }
    // Too short a bound finds nothing rather than failing.
    expect(await findPaths("person:lisa-arthey", "inspection:swindon-ilacs-2023-07", 1)).toEqual([]);
  });

  it("never walks through sources, even between a source and a claim it supports", async () => {
    // Via SUPPORTED_BY these would be one hop apart.
    expect(await findPaths("source:swt-2023-09-18-inadequate", "occupancy:jim-robbins-leader", 6)).toEqual([]);
  });

  it("builds path nodes from the path query: resolving them costs no further query", async () => {
    const res = await server.gql(
      `{ paths(from: "person:jim-robbins", to: "org:swindon-borough-council") {
          nodes { id ... on Person { name } ... on Post { title } ... on Organisation { orgName: name kind } }
          hops { type from { id } to { id } } } }`,
      undefined,
      { "x-debug-query-count": "1" },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.extensions).toMatchObject({ queryCount: 1, queries: ["paths.shortest.4"] });
    const names = (res.body.data as any).paths.flatMap((p: any) => p.nodes.map((n: any) => n.name ?? n.orgName ?? n.title ?? n.id));
    expect(names).toContain("Jim Robbins");
    expect(names).toContain("Swindon Borough Council");
  });

  it("rejects bad bounds, bad and equal ids with BAD_USER_INPUT, unknown ids with NOT_FOUND", async () => {
    const [from, to] = ["person:jim-robbins", "org:swindon-borough-council"];
    expect(await errorCode(from, to, 7)).toBe("BAD_USER_INPUT");
    expect(await errorCode(from, to, 0)).toBe("BAD_USER_INPUT");
    expect(await errorCode(from, "not an id")).toBe("BAD_USER_INPUT");
    expect(await errorCode(from, from)).toBe("BAD_USER_INPUT");
    expect(await errorCode(from, to, 4, 0)).toBe("BAD_USER_INPUT");
    expect(await errorCode(from, to, 4, 11)).toBe("BAD_USER_INPUT");
    expect(await errorCode("person:nobody-by-this-name", to)).toBe("NOT_FOUND");
    expect(await errorCode(from, "inspection:never-held")).toBe("NOT_FOUND");
  });
});

describe("paths: how sure each hop is", () => {
  it("marks an inferred line of accountability as inferred, and a stated occupancy as not", async () => {
    const res = await server.gql(`{ paths(from: "person:jim-robbins", to: "org:swindon-borough-council", maxHops: 4, first: 10) {
      hops { type inferred from { id } to { id } } } }`);
    expect(res.body.errors).toBeUndefined();
    const hops = (res.body.data as any).paths.flatMap((p: any) => p.hops);
    const accountable = hops.filter((h: any) => h.type === "ACCOUNTABLE_TO");
    expect(accountable.length).toBeGreaterThan(0);
    for (const h of accountable) expect(h.inferred).toBe(true);
    const holds = hops.filter((h: any) => h.type === "HOLDS");
    expect(holds.length).toBeGreaterThan(0);
    for (const h of holds) expect(h.inferred).toBe(false);
  });
});
