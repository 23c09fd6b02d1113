/**
 * A schema-aware GraphQL fuzzer: operations built from the real schema (valid ones, with arguments of the
 * right types and hostile values), then broken on purpose (missing or mistyped arguments, unknown fields,
 * cut-off documents, wrong variables, junk bodies). Seeded, so a failure can be replayed from its seed.
 */
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from "graphql";

/** mulberry32: small, fast and reproducible. */
export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
export type Random = ReturnType<typeof random>;

/** Strings a hostile client would try: injection, markup, control and astral characters, huge and empty. */
const HOSTILE_STRINGS = [
  "", " ", "Swindon", "care leavers", "x".repeat(5000), "') MATCH (n) DETACH DELETE n //", "\" OR 1=1 --", "<script>alert(1)</script>",
  "${process.env}", "{{7*7}}", "\u0000\u0001\u0002", "\ud83d\ude00 emoji", "\ud800", "../../etc/passwd", "%00", "null", "NaN", "*", "~", "AND OR NOT",
  "javascript:alert(1)", "http://", "2024-13-45", "2024", "2024-02", "2024-02-30", "-1", "1e309",
];

export type FuzzCase = { kind: "valid" | "invalid"; body: string; method: "POST" | "GET"; note: string };

export function fuzzer(schema: GraphQLSchema, ids: readonly string[], seed: number) {
  const rnd = random(seed);
  const query = schema.getQueryType()!;
  const mutation = schema.getMutationType();

  const scalarValue = (name: string): unknown => {
    switch (name) {
      case "Int": return rnd.pick([0, 1, 5, 20, 50, 100, 101, -1, 2 ** 31, 2024, 1900]);
      case "Float": return rnd.pick([0, 1.5, -3, 1e308]);
      case "Boolean": return rnd.chance(0.5);
      case "ID": return rnd.chance(0.8) ? rnd.pick(ids) : rnd.pick(HOSTILE_STRINGS);
      case "PartialDate": return rnd.pick(["2024", "2024-03", "2024-03-01", "2019", "2030-01-01", "not a date", "2024-00"]);
      case "JSONObject": return rnd.pick([{}, { sources: [] }, { findings: [{ id: "finding:x" }] }, { nope: 1 }]);
      default: return rnd.chance(0.5) ? rnd.pick(ids) : rnd.pick(HOSTILE_STRINGS);
    }
  };

  const inputValue = (type: GraphQLInputType, depth = 0): unknown => {
    if (isNonNullType(type)) return inputValue(type.ofType, depth);
    if (isListType(type)) return Array.from({ length: rnd.int(3) }, () => inputValue(type.ofType, depth + 1));
    if (isEnumType(type)) return rnd.pick(type.getValues()).value;
    if (isInputObjectType(type)) {
      if (depth > 3) return null;
      const out: Record<string, unknown> = {};
      for (const field of Object.values(type.getFields())) {
        if (isNonNullType(field.type) || rnd.chance(0.5)) out[field.name] = inputValue(field.type, depth + 1);
      }
      return out;
    }
    return scalarValue((type as GraphQLNamedType).name);
  };

  /** Arguments as variables: the document declares them, the values travel apart (as clients send them). */
  const argumentsOf = (field: GraphQLField<unknown, unknown>, variables: Record<string, unknown>, declarations: string[]) => {
    const parts: string[] = [];
    for (const arg of field.args) {
      if (!isNonNullType(arg.type) && !rnd.chance(0.5)) continue;
      const name = `v${declarations.length}`;
      declarations.push(`$${name}: ${arg.type.toString()}`);
      variables[name] = inputValue(arg.type);
      parts.push(`${arg.name}: $${name}`);
    }
    return parts.length ? `(${parts.join(", ")})` : "";
  };

  const selection = (type: GraphQLNamedType, depth: number, variables: Record<string, unknown>, declarations: string[]): string => {
    if (isScalarType(type) || isEnumType(type)) return "";
    if (isUnionType(type) || isInterfaceType(type)) {
      const possible = schema.getPossibleTypes(type);
      const inner = rnd.pick(possible);
      const fields = isInterfaceType(type) ? " id" : "";
      return `{ __typename${fields} ... on ${inner.name} ${selection(inner, depth, variables, declarations) || "{ __typename }"} }`;
    }
    if (!isObjectType(type)) return "";
    const fields = Object.values(type.getFields());
    const chosen = new Set(Array.from({ length: 1 + rnd.int(4) }, () => rnd.pick(fields)));
    const parts: string[] = [];
    for (const field of chosen) {
      const named = getNamedType(field.type);
      const leaf = isScalarType(named) || isEnumType(named);
      if (!leaf && depth >= 3) continue;
      const args = argumentsOf(field, variables, declarations);
      parts.push(leaf ? `${field.name}${args}` : `${field.name}${args} ${selection(named, depth + 1, variables, declarations)}`);
    }
    return `{ ${parts.length ? parts.join(" ") : "__typename"} }`;
  };

  const operation = (kind: "query" | "mutation") => {
    const root = kind === "query" ? query : mutation!;
    const field = rnd.pick(Object.values(root.getFields()));
    const variables: Record<string, unknown> = {};
    const declarations: string[] = [];
    const args = argumentsOf(field, variables, declarations);
    const named = getNamedType(getNullableType(field.type));
    const body = `${field.name}${args} ${selection(named, 1, variables, declarations)}`;
    const header = declarations.length ? `${kind} Fuzz(${declarations.join(", ")})` : kind;
    return { document: `${header} { ${body} }`, variables, field: field.name };
  };

  /** Ways to break a valid operation, each a request a careless or hostile client could send. */
  const breakers: ((doc: string, variables: Record<string, unknown>) => { body: string; note: string })[] = [
    (doc, v) => ({ body: JSON.stringify({ query: doc.slice(0, 1 + rnd.int(doc.length - 1)), variables: v }), note: "cut off" }),
    (doc, v) => ({ body: JSON.stringify({ query: doc.replace(/\{ /, "{ noSuchField "), variables: v }), note: "unknown field" }),
    (doc) => ({ body: JSON.stringify({ query: doc, variables: {} }), note: "variables missing" }),
    (doc, v) => ({ body: JSON.stringify({ query: doc, variables: Object.fromEntries(Object.keys(v).map((k) => [k, rnd.pick([{ a: 1 }, [1, 2], 1e309, "x".repeat(300), true])])) }), note: "variables mistyped" }),
    (doc, v) => {
      const at = rnd.int(doc.length);
      return { body: JSON.stringify({ query: doc.slice(0, at) + rnd.pick(["}", "{", "(", "$", "\"", "...", "@skip", "#", "\\u0000"]) + doc.slice(at), variables: v }), note: "junk inserted" };
    },
    (doc, v) => ({ body: JSON.stringify({ query: doc, variables: v, operationName: "Nope" }), note: "unknown operationName" }),
    () => ({ body: rnd.pick(["{", "null", "[]", "\"query\"", "{\"query\": 1}", "{\"query\": null}", "{\"variables\": {}}", "\u0000\u0001"]), note: "junk body" }),
    (doc) => ({ body: JSON.stringify({ query: `${doc} ${doc}` }), note: "two anonymous operations" }),
  ];

  return {
    next(): FuzzCase {
      const kind = mutation && rnd.chance(0.15) ? "mutation" : "query";
      const { document, variables, field } = operation(kind);
      if (rnd.chance(0.55)) {
        const method = kind === "query" && rnd.chance(0.2) ? "GET" : "POST";
        return { kind: "valid", method, note: `${kind} ${field}`, body: JSON.stringify({ query: document, variables }) };
      }
      const broken = rnd.pick(breakers)(document, variables);
      return { kind: "invalid", method: "POST", note: `${broken.note}: ${kind} ${field}`, body: broken.body };
    },
  };
}
