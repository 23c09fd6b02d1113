/** Compiled reads without a database: which fields a selection compiles, in what order, within what budget. */
import { parse, type FieldNode, type OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { compiledQuery, materialise, projectedId, WHOLE_NODE } from "../../src/graphql/compiledReads.js";
import { projectedQuery } from "../../src/graphql/projectedQuery.js";
import { QueryVariants } from "../../src/graphql/queryVariants.js";

const rootSet = (query: string) => ((parse(query).definitions[0] as OperationDefinitionNode).selectionSet.selections[0] as FieldNode).selectionSet!;
const compile = (query: string, budget?: number, variables: Record<string, unknown> = {}) =>
  compiledQuery("Organisation", [rootSet(query)], { fragments: {}, applies: (condition, typename) => condition === typename || condition === "Node", variables }, budget);
const subqueries = (text: string) => text.match(/RETURN (\[)?n\d+[{.]/g)?.length ?? 0;

describe("compiled reads", () => {
  it("compiles the relation fields of a selection, nested, in field-name order whatever the order written", () => {
    const a = compile("{ x { posts { title occupancies { person { name } } } parts { id } name } }")!;
    const b = compile("{ x { name parts { id } posts { occupancies { person { name } } title } } }")!;
    expect(a.text).toBe(b.text);
    expect(subqueries(a.text)).toBe(4); // parts, posts, occupancies, person
    expect(a.shape.keys).toEqual(["id", "name", "parts", "posts"]);
    expect(a.text.indexOf("(n1:Organisation)")).toBeGreaterThan(0);
    expect(a.text.indexOf("(n1:Organisation)")).toBeLessThan(a.text.indexOf("(n1:Post)"));
  });

  it("compiles nothing for a selection without relation fields, or whose relations are skipped", () => {
    expect(compile("{ x { id name } }")).toBeNull();
    expect(compile("query($no: Boolean!) { x { posts @include(if: $no) { id } parts @skip(if: true) { id } } }", undefined, { no: false })).toBeNull();
  });

  it("follows fragments that apply to the type, not those of another type", () => {
    expect(subqueries(compile("{ x { ... on Node { ... on Organisation { posts { id } } } } }")!.text)).toBe(1);
    expect(compile("{ x { ... on Node { ... on Statement { about { id } } } } }")).toBeNull();
  });

  it("keeps within its budget of subqueries, leaving the rest to the batched loaders", () => {
    const query = "{ x { posts { occupancies { person { name } } } parts { posts { id } } inspections { findings { themes { id } } } } }";
    expect(subqueries(compile(query)!.text)).toBe(8);
    expect(subqueries(compile(query, 3)!.text)).toBe(3);
  });

  it("projects only the properties asked, as lists (id first), dates as partial dates, and whole maps when a field needs more", () => {
    const compiled = compile("{ x { name inspections { kind start findings { summary themes { label } } } } }")!;
    expect(compiled.text).toContain("RETURN [n.id, n.name, COLLECT {");
    expect(compiled.text).toMatch(/RETURN \[n1\.id, n1\.kind, CASE n1\.startPrecision WHEN 'YEAR' THEN left\(toString\(n1\.start\), 4\)/);
    expect(compiled.text).not.toContain("properties(");
    expect(compiled.text).not.toContain(".*");
    expect(compiled.shape.keys).toEqual(["id", "name", "inspections"]);
    expect(compiled.shape.relations.get("inspections")!.keys).toEqual(["id", "kind", "start", "findings"]);
    const whole = compile("{ x { inspections { effectiveDate { date } findings { summary } } } }");
    expect(whole!.text).toContain("n1{.*, findings:");
    expect(whole!.text).toContain("RETURN [n2.id, n2.summary]");
    expect(whole!.shape.relations.get("inspections")).toMatchObject({ full: true });
  });

  it("materialises a compiled list by its shape: one far node is a list too, not a list of nodes", () => {
    const shape = { full: false, keys: ["id", "title", "organisation"], relations: new Map([["organisation", { full: false, keys: ["id", "name"], relations: new Map() }]]) };
    const post = materialise({} as never, "Post", ["post:x", "Leader", ["org:y", "Y Council"]], shape);
    expect(post).toMatchObject({ id: "post:x", title: "Leader", __typename: "Post" });
    expect(projectedId(["post:x", "Leader", null])).toBe("post:x");
    expect(projectedId({ id: "post:x" })).toBe("post:x");
    const prefetched = Object.getOwnPropertySymbols(post).map((symbol) => (post as never)[symbol] as Map<string, unknown>)[0]!;
    expect(prefetched.get("organisation")).toMatchObject({ id: "org:y", name: "Y Council", __typename: "Organisation" });
  });
});

describe("query variants compiled from selections", () => {
  const projection = (fields: string) => (v: string) => ({ text: `${v}{${fields}}`, shape: { full: false, relations: new Map() } });

  it("refuses a new text past the total size of texts kept, too", () => {
    const variants = new QueryVariants(100, 20);
    expect(variants.named("q", "RETURN 1 + 1")).not.toBeNull();
    expect(variants.named("q", "RETURN 2 + 2 + 2")).toBeNull();
    expect(variants.named("q", "RETURN 1 + 1")).not.toBeNull();
  });

  it("names each text by its hash, and refuses a new text past the limit while known ones go on", () => {
    const variants = new QueryVariants(2);
    const a = variants.named("q", "RETURN 1")!;
    expect(a.name).toMatch(/^q\.[0-9a-f]{8}$/);
    expect(variants.named("q", "RETURN 2")).not.toBeNull();
    expect(variants.named("q", "RETURN 3")).toBeNull();
    expect(variants.named("q", "RETURN 1")).toEqual(a);
  });

  it("leaves a new selection to the batched loaders once the compiled reads' variants are used up", () => {
    const variants = new QueryVariants(1);
    const options = { fragments: {}, applies: () => true, variables: {} };
    const first = compiledQuery("Organisation", [rootSet("{ x { posts { id } } }")], options, undefined, variants);
    expect(first).not.toBeNull();
    expect(compiledQuery("Organisation", [rootSet("{ x { parts { id } } }")], options, undefined, variants)).toBeNull();
    expect(compiledQuery("Organisation", [rootSet("{ x { posts { id } } }")], options, undefined, variants)!.text).toBe(first!.text);
  });

  it("reads every node whole, one fixed text, once a question's variants are used up", () => {
    const variants = new QueryVariants(1);
    const ask = (fields: string) =>
      projectedQuery("question", { a: projection(fields), b: null }, { a: "x", b: "y" }, (map) => `MATCH (x) RETURN ${map.a} AS a, ${map.b ?? "null"} AS b`, variants);
    const first = ask(".id, .name");
    expect(first.query.text).toBe("MATCH (x) RETURN x{.id, .name} AS a, null AS b");
    const positional = projectedQuery("q", { a: (v: string) => ({ text: `[${v}.id]`, shape: { full: false, keys: ["id"], relations: new Map() } }) }, { a: "x" }, (map) => `RETURN ${map.a}`, new QueryVariants(1));
    expect(positional.query.text).toBe("RETURN CASE WHEN x IS NULL THEN null ELSE [x.id] END");
    expect(first.shapes.a.full).toBe(false);
    const past = ask(".id, .title");
    expect(past.query.text).toBe(`MATCH (x) RETURN ${WHOLE_NODE("x").text} AS a, null AS b`);
    expect(past.shapes.a.full).toBe(true);
    expect(past.shapes.b).toBeUndefined();
    expect(ask(".id, .name").query).toEqual(first.query);
  });
});
