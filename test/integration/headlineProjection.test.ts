/**
 * The headline questions read each inspection, judgement, area, finding and theme with only the fields the client
 * selects (plus those the answer is built from), or whole when a field needs more: either way the answer must be
 * the same. Each question is asked of two authorities with every projectable field of every node (and its relations), and
 * with ids only (so the answer's dates, grades and choices rest on the fields the question reads for itself); each
 * again with one more field that needs the whole node. The answers, that field set aside, must be equal.
 */
import { getNamedType, isLeafType, isObjectType, type GraphQLObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { getSchema } from "../../src/api/schema.js";
import { projectedFields } from "../../src/graphql/compiledReads.js";
import { projectedQuery } from "../../src/graphql/projectedQuery.js";
import { RELATION_READS } from "../../src/model/relations.js";
import { useTestServer } from "../support/harness.js";

// Every field of every node, deliberately: far above the default cost limit.
const server = useTestServer({ GRAPHQL_MAX_COST: "10000000" });
const schema = await getSchema();
// Swindon (news texts and reports), and the City of London, whose 2016 inspection is dated by its end alone.
const AUTHORITIES = [["org:swindon-borough-council", "2024-12-01"], ["org:city-of-london", "2017-01-01"]] as const;

const leaves = (type: GraphQLObjectType) =>
  Object.values(type.getFields()).filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => a.defaultValue !== undefined || !String(a.type).endsWith("!")));

/** Every field of the label a projection reads one by one, and its relations (compiled in). */
function projectable(label: string): string {
  const type = schema.getType(label) as GraphQLObjectType;
  const pick = (t: GraphQLObjectType) => leaves(t).map((f) => f.name).filter((name) => projectedFields(t.name as never).has(name)).join(" ");
  // Far nodes by id only: every node's every relation in full would be a response of tens of megabytes.
  const relations = RELATION_READS.filter((r) => r.owner === label && r.far.length === 1 && isObjectType(schema.getType(r.far[0]!))).map((r) => `${r.name} { id }`);
  return `${pick(type)} ${relations.join(" ")}`;
}

/** A field of the label that needs more than its stored properties (so the node is read whole), aliased to be set aside. */
function wholeField(label: string): string {
  const type = schema.getType(label) as GraphQLObjectType;
  if (type.getFields().effectiveDate) return "whole: effectiveDate { date basis }";
  const leaf = leaves(type).find((f) => !projectedFields(label as never).has(f.name));
  // A label whose every field is stored (JudgementArea) is read the same either way.
  return leaf ? `whole: ${leaf.name}` : "";
}

const QUESTIONS: [string, (n: (label: string) => string, authority: string, on: string) => string][] = [
  ["recurringThemes", (n, authority) => `recurringThemes(authority: "${authority}", from: "2010", to: "2030", minInspections: 1) {
      themes { theme { ${n("Theme")} } inspectionCount findingCount occurrences { date polarity inspection { ${n("Inspection")} } finding { ${n("Finding")} } } }
      latestInspection { ${n("Inspection")} }
      stoppedRecurring { theme { ${n("Theme")} } firstSeen { ${n("Inspection")} } lastSeen { ${n("Inspection")} } inspectionCount }
      newlyAppeared { theme { ${n("Theme")} } firstSeen { ${n("Inspection")} } lastSeen { ${n("Inspection")} } inspectionCount } }`],
  ["judgementHistory", (n, authority) => `judgementHistory(authority: "${authority}") {
      label judgementArea { ${n("JudgementArea")} }
      points { date grade previousGrade change mapping inspection { ${n("Inspection")} } judgement { ${n("Judgement")} } judgementArea { ${n("JudgementArea")} } }
      earlierUngraded { ${n("Inspection")} } }`],
  ["authorityContext", (n, authority, on) => `authorityContext(authority: "${authority}", on: "${on}") {
      latestJudgedInspection { ${n("Inspection")} } latestJudgements { ${n("Judgement")} }
      latestVisit { ${n("Inspection")} } latestFindings { ${n("Finding")} } nextExpectedInspection { ${n("Inspection")} } }`],
];

/** The answer with every `whole` entry removed, at any depth. */
const withoutWhole = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(withoutWhole)
    : value && typeof value === "object" ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== "whole").map(([k, v]) => [k, withoutWhole(v)]))
    : value;

const SELECTIONS: [string, (label: string) => string][] = [["every projectable field", projectable], ["ids only", () => "id"]];

describe("headline questions answer the same from projected and whole nodes", () => {
  const cases = QUESTIONS.flatMap(([name, question]) =>
    AUTHORITIES.flatMap(([authority, on]) => SELECTIONS.map(([how, fields]) => [name, authority, how, question, fields, on] as const)));
  it.each(cases)("%s of %s, %s", async (name, authority, _how, question, fields, on) => {
    const projected = await server.data(`{ x: ${question(fields, authority, on)} }`);
    const whole = await server.data(`{ x: ${question((label) => `${fields(label)} ${wholeField(label)}`, authority, on)} }`);
    expect(JSON.stringify(projected.x).length).toBeGreaterThan(200);
    expect(JSON.stringify(whole.x)).toContain('"whole"');
    expect(projected.x, name).toEqual(withoutWhole(whole.x));
  });
});

describe("the context card without its latest findings", () => {
  it("counts findings to pick the latest visit, the same visit as when the findings are asked for", async () => {
    for (const on of ["2019-06-01", "2024-12-01"]) {
      const card = (fields: string) => server.data(`{ x: authorityContext(authority: "${AUTHORITIES[0][0]}", on: "${on}") { ${fields} } }`);
      const counted = await card("latestVisit { id }");
      const listed = await card("latestVisit { id } latestFindings { id }");
      expect(listed.x.latestFindings.length).toBeGreaterThan(0);
      expect(counted.x.latestVisit).toEqual(listed.x.latestVisit);
    }
  });
});

describe("parts of an answer read only when asked for", () => {
  const [swindon, on] = AUTHORITIES[0];
  const withQueries = async (query: string) => {
    const res = await server.gql(query, undefined, { "x-debug-query-count": "1" });
    expect(res.body.errors).toBeUndefined();
    return { data: res.body.data as Record<string, any>, queries: res.body.extensions!.queries as string[] };
  };
  const holders = "posts { post { id title } certainty holders { person { id name } certainty } lastKnown { person { id } asOf } }";

  it("the context card without oversight, interventions and bodies: a lighter query, the same posts and judgements", async () => {
    const card = (more: string) => withQueries(`{ x: authorityContext(authority: "${swindon}", on: "${on}") { ${holders} latestJudgements { id grade } ${more} } }`);
    const all = await card("oversight { body { id } posts { post { id } } members { member { id } } } openInterventions { id } bodies { id }");
    const light = await card("");
    // Swindon on the day has all three, so leaving them out leaves something out.
    for (const part of ["oversight", "openInterventions", "bodies"]) expect(all.data.x[part].length, part).toBeGreaterThan(0);
    expect(light.data.x).toEqual({ posts: all.data.x.posts, latestJudgements: all.data.x.latestJudgements });
    expect(light.queries).toHaveLength(1);
    expect(light.queries[0]).not.toBe(all.queries[0]);
  });

  it("accountability without oversight: the same posts and steps, read without the overseeing bodies", async () => {
    const ask = (more: string) => withQueries(`{ x: accountability(authority: "${swindon}", serviceArea: "area:children-in-care", on: "${on}") { basis ${holders} steps { from { id } to { id } line level } ${more} } }`);
    const all = await ask("oversight { body { id } members { member { id } } }");
    const light = await ask("");
    expect(all.data.x.oversight.length).toBeGreaterThan(0);
    const { oversight: _oversight, ...rest } = all.data.x;
    expect(light.data.x).toEqual(rest);
    expect(all.queries).toEqual(["accountability.chains"]);
    expect(light.queries).toEqual(["accountability.chains.withoutOversight"]);
  });
});

describe("a projected node that an OPTIONAL MATCH did not find", () => {
  it("is null, as its whole map would be, not a list of nulls", async () => {
    // Swindon's inspections, each with its judgements if any: its monitoring visits have none.
    const asList = (v: string) => ({ text: `[${v}.id, ${v}.grade]`, shape: { full: false, keys: ["id", "grade"], relations: new Map() } });
    const { query } = projectedQuery("test.optionalJudgement", { judgement: asList }, { judgement: "j" }, (map) => `
      MATCH (:Organisation {id: $authority})<-[:OF]-(i:Inspection)
      OPTIONAL MATCH (i)-[:JUDGED]->(j:Judgement)
      RETURN ${map.judgement} AS judgement`);
    const rows = await server.db.read(query, { authority: AUTHORITIES[0][0] });
    const found = rows.filter((row) => row.judgement !== null);
    expect(found.length).toBeGreaterThan(0);
    expect(rows.length).toBeGreaterThan(found.length);
    for (const row of found) expect((row.judgement as unknown[])[0]).toEqual(expect.stringMatching(/^judgement:/));
  });
});
