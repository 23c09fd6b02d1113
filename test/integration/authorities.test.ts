/** The authorities of England in the graph: codes, ranked statistical neighbours, successions, and names resolved. */
import { describe, expect, it } from "vitest";
import { useTestServer } from "../support/harness.js";

const server = useTestServer();

describe("authorities", () => {
  it("gives Swindon its codes and its ten statistical neighbours, nearest first, each with its evidence", async () => {
    const { organisation } = await server.data(`{ organisation(id: "org:swindon-borough-council") {
      name onsCode laCode ofstedUrn region authorityType population0to25
      statisticalNeighbours { rank authority { id name laCode } evidence { quote locator source { id } } } } }`);
    expect(organisation).toMatchObject({
      name: "Swindon Borough Council", onsCode: "E06000030", laCode: "866", ofstedUrn: "80568", region: "South West",
      authorityType: "Unitary Authority", population0to25: 70696,
    });
    const neighbours = organisation.statisticalNeighbours;
    expect(neighbours.map((n: { rank: number }) => n.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(neighbours.slice(0, 3).map((n: any) => n.authority.name)).toEqual(["Medway", "North Northamptonshire", "Thurrock"]);
    expect(neighbours[0].evidence).toEqual([
      { quote: expect.stringMatching(/^887, 940, 883/), locator: expect.stringMatching(/column stat_neighbours, position 1$/), source: { id: "source:ofsted-authorities-table" } },
    ]);
  });

  it("links former authorities to their successors, from the month the source gives", async () => {
    const { organisation } = await server.data(`{ organisation(id: "org:cumbria") {
      name description succeededBy { successor { name } start evidence { quote } } } }`);
    expect(organisation.description).toMatch(/former local authority/);
    expect(organisation.succeededBy.map((s: any) => [s.successor.name, s.start])).toEqual([
      ["Cumberland", "2023-04"], ["Westmorland and Furness", "2023-04"],
    ]);
    const { organisation: bcp } = await server.data(`{ organisation(id: "org:bournemouth-christchurch-and-poole") { succeeds { predecessor { name } start } } }`);
    expect(bcp.succeeds).toEqual([{ predecessor: { name: "Poole" }, start: "2019-04" }]);
  });

  it.each([
    ["Telford & Wrekin", "org:telford-and-wrekin"],
    ["Bristol", "org:bristol"],
    ["Kingston upon Hull", "org:kingston-upon-hull"],
    ["the Isle of Wight Council", "org:isle-of-wight"],
    ["SWINDON", "org:swindon-borough-council"],
  ])("resolves the name %s", async (name, id) => {
    const { authorityByName } = await server.data(`query($name: String!) { authorityByName(name: $name) { id } }`, { name });
    expect(authorityByName.id).toBe(id);
  });

  it("says clearly when a name means no authority, with the nearest ones", async () => {
    const res = await server.gql(`{ authorityByName(name: "Yorkshire") { id } }`);
    expect(res.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/cannot resolve the authority "Yorkshire": .*nearest: /),
      extensions: { code: "NOT_FOUND", candidates: expect.arrayContaining(["org:north-yorkshire"]) },
    });
    const before = await server.data(`{ authorityByName(name: "Northamptonshire", on: "2020-06-01") { id } }`);
    expect(before.authorityByName.id).toBe("org:northamptonshire");
  });
});
