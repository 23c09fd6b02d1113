/** The cost estimate from real list sizes, without a database: sizes are given, the schema is the real one. */
import { readFileSync } from "node:fs";
import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIST_FACTOR, operationCost } from "../../src/graphql/cost.js";

const schema = buildSchema(readFileSync(new URL("../../schema/schema.graphql", import.meta.url), "utf8"));
const SIZES: Record<string, number> = {
  "count:Theme": 40, "Theme.findings": 2000, "Finding.themes": 7, "evidence:Finding": 3, "count:Organisation": 160,
  "Organisation.inspections": 8, "Inspection.findings": 120, "count:Finding": 14000, "themeFindingsAtAuthority": 35,
};

function cost(document: string, variables: Record<string, unknown> = {}, sizes = SIZES) {
  const doc = parse(document);
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return operationCost({ schema, operation, fragments, variables, size: (key) => sizes[key] });
}

describe("operation cost", () => {
  it("multiplies a top-level list by its node count and a relation by the largest degree", () => {
    expect(cost("{ themes { id } }")).toBe(40 * 2);
    expect(cost("{ themes { findings { id } } }")).toBe(40 * (1 + 2000 * 2));
    expect(cost("{ themes { findings { themes { findings { id } } } } }")).toBe(40 * (1 + 2000 * (1 + 7 * (1 + 2000 * 2))));
  });

  it("takes a page size from a literal or from the variables sent, bounded by what the list can hold", () => {
    expect(cost(`{ search(text: "x", first: 3) { score } }`)).toBe(3 * 2);
    expect(cost(`query Q($n: Int!) { search(text: "x", first: $n) { score } }`, { n: 7 })).toBe(7 * 2);
    expect(cost(`query Q($n: Int!) { themePrevalence(from: 2020, to: 2020) { findings(first: $n) { id } } }`, { n: 5 })).toBeLessThan(
      cost(`query Q($n: Int!) { themePrevalence(from: 2020, to: 2020) { findings(first: $n) { id } } }`, { n: 50 }),
    );
  });

  it("sizes hand-written lists by the figures that bound them, and by their arguments", () => {
    expect(cost(`{ findings(inspection: "inspection:x") { id } }`)).toBe(120 * 2);
    expect(cost(`{ findings(theme: "theme:x") { id } }`)).toBe(2000 * 2);
    expect(cost(`{ findings { id } }`)).toBe(14000 * 2);
    expect(cost(`{ inspections(authority: "org:x") { findings { evidence { quote } } } }`)).toBe(8 * (1 + 120 * (1 + 3 * 2)));
    expect(cost(`{ themePrevalence(from: 2020, to: 2021, theme: "theme:x") { year } }`)).toBe(2 * 2);
  });

  it("falls back to the default factor where the database says nothing", () => {
    expect(cost("{ themes { id } }", {}, {})).toBe(DEFAULT_LIST_FACTOR * 2);
  });

  it("costs fragments by their fields, once each", () => {
    const spread = `{ themes { ...T } } fragment T on Theme { id label }`;
    expect(cost(spread)).toBe(cost("{ themes { id label } }"));
  });
});
