/**
 * Cypher quality: EXPLAIN every headline query and every batched lookup, and reject plans that scan a
 * large label, every node, or every relationship of a type. Reference labels (themes, service areas,
 * judgement areas) are small by design and may be scanned.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cypher, type Database, type NamedQuery } from "../../src/db/gateway.js";
import * as accountability from "../../src/domains/accountability/queries.js";
import * as bodies from "../../src/domains/bodies/queries.js";
import * as context from "../../src/domains/context/queries.js";
import { FINDING_PAGES, INSPECTION_PAGES } from "../../src/domains/inspections/connectionQueries.js";
import * as history from "../../src/domains/inspections/historyQueries.js";
import * as inspections from "../../src/domains/inspections/queries.js";
import { SHORTEST_PATHS } from "../../src/domains/paths/queries.js";
import * as people from "../../src/domains/people/queries.js";
import { SEARCH, SEARCH_IN_AUTHORITY, SEARCH_TOP } from "../../src/domains/search/queries.js";
import * as recurring from "../../src/domains/themes/recurringQueries.js";
import { NODE_BY_IDS } from "../../src/graphql/graphRead.js";
import { RELATION_QUERIES } from "../../src/graphql/relationResolvers.js";
import { connectTestDb } from "../support/harness.js";
import { parse, type FieldNode, type OperationDefinitionNode } from "graphql";
import { compiledQuery, WHOLE_NODE } from "../../src/graphql/compiledReads.js";
import { NODE_READS } from "../../src/model/nodeReads.js";
import { RELATION_READS } from "../../src/model/relations.js";

const LARGE = ["Finding", "Inspection", "Judgement", "Occupancy", "Membership", "Statement", "Person", "Post", "Organisation", "Source", "Intervention", "Meeting", "Review"];

const PARAMS = {
  authority: "org:swindon-borough-council", area: "area:children-in-care", ids: ["x:y"], from: null, to: null, polarity: null,
  inspection: null, kind: null, theme: null, status: null, grade: null, afterKey: null, afterId: null, limit: 10, first: 10,
  query: "drift", labels: null, floor: null, window: 100,
};

let db: Database;
beforeAll(async () => {
  db = await connectTestDb();
});
afterAll(() => db.close());

type PlanNode = { operatorType: string; arguments: Record<string, unknown>; children: PlanNode[] };

async function scans(query: NamedQuery, params: Record<string, unknown>): Promise<string[]> {
  const found: string[] = [];
  const walk = (plan: PlanNode) => {
    const op = plan.operatorType.split("@")[0]!;
    const details = String(plan.arguments?.Details ?? "");
    if (op === "AllNodesScan" || /RelationshipTypeScan|RelationshipScan/.test(op)) found.push(`${op} ${details}`);
    // Whole labels only: a scan of JudgementArea (a framework's few areas) is not one of Judgement.
    if (op === "NodeByLabelScan" && LARGE.some((label) => new RegExp(`:${label}\\b`).test(details))) found.push(`${op} ${details}`);
    plan.children.forEach(walk);
  };
  walk((await db.explain(query, params)) as PlanNode);
  return found;
}

/** Batched lookups and relations: every constant of these modules that takes $ids. */
const batched = [accountability, bodies, inspections, people]
  .flatMap((module) => Object.values(module))
  .filter((value): value is NamedQuery => typeof value === "object" && value !== null && "text" in value && String((value as NamedQuery).text).includes("$ids"));

const HEADLINE: NamedQuery[] = [
  ...Object.values(accountability.RESPONSIBILITY_CHAINS), accountability.AUTHORITY_POSTS, context.authorityCard({ inspection: WHOLE_NODE, judgement: WHOLE_NODE, finding: WHOLE_NODE }).query, recurring.themeOccurrences({ inspection: WHOLE_NODE, finding: WHOLE_NODE, theme: WHOLE_NODE }).query,
  history.judgementHistoryQuery({ inspection: WHOLE_NODE, judgement: WHOLE_NODE, area: WHOLE_NODE }).query, inspections.AUTHORITY_INSPECTIONS, SEARCH, SEARCH_TOP, SEARCH_IN_AUTHORITY,
  INSPECTION_PAGES.START.AUTHORITY.ASC.page, ...SHORTEST_PATHS.values(),
  // Every findings page and count that names an id starts from it: every sort key, direction and scope.
  ...(["AUTHORITY", "INSPECTION", "THEME", "AREA"] as const).flatMap((scope) =>
    Object.values(FINDING_PAGES).flatMap((byScope) => [byScope[scope].ASC.page, byScope[scope].DESC.page, byScope[scope].ASC.count, byScope[scope].DESC.pageAndCount]),
  ),
];

/**
 * A compiled read (compiledReads.ts) of every root label by id, asking for every relation field two levels
 * deep (the far objects' own relation fields too): whatever a client selects is a sub-tree of one of these.
 */
const COMPILED: NamedQuery[] = NODE_READS.filter((read) => read.byId).map(({ label }) => {
  const fieldsOf = (owner: string) => RELATION_READS.filter((read) => read.owner === owner && read.far.length === 1);
  const selection = fieldsOf(label).map((read) => `${read.name} { id ${fieldsOf(read.far[0]!).map((inner) => `${inner.name} { id }`).join(" ")} }`).join(" ");
  const document = parse(`{ x { id ${selection} } }`);
  const root = (document.definitions[0] as OperationDefinitionNode).selectionSet.selections[0] as FieldNode;
  return compiledQuery(label, [root.selectionSet!], undefined, 1000)!;
});

describe("index-backed queries", () => {
  it.each(COMPILED.map((q) => [q.name, q] as const))("compiled read %s expands from its root, never scans", async (_name, query) => {
    expect(await scans(query, { id: "org:swindon-borough-council" })).toEqual([]);
  });

  it("finds the queries to check", () => {
    expect(batched.length).toBeGreaterThan(3);
    expect(RELATION_QUERIES.size).toBeGreaterThan(35);
    expect(Object.keys(NODE_BY_IDS).length).toBeGreaterThan(10);
  });

  it("the check itself catches a label scan", async () => {
    expect(await scans(cypher("test.scan", "MATCH (n:Finding) WHERE n.summary = $q RETURN n"), { q: "x" })).not.toEqual([]);
  });

  it.each(HEADLINE.map((q) => [q.name, q] as const))("headline %s seeks by index", async (_name, query) => {
    expect(await scans(query, { ...PARAMS, from: "person:jim-robbins", to: "org:swindon-borough-council" })).toEqual([]);
  });

  it("every batched relation and by-id lookup seeks by index", async () => {
    const bad: string[] = [];
    for (const query of [...batched, ...RELATION_QUERIES.values(), ...Object.values(NODE_BY_IDS)]) {
      const found = await scans(query, PARAMS);
      if (found.length > 0) bad.push(`${query.name}: ${found.join("; ")}`);
    }
    expect(bad).toEqual([]);
  });
});
