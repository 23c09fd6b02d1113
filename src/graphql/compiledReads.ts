/**
 * Compiled reads: a root field's selection of relation-table fields becomes one Cypher query, nested COLLECT
 * subqueries in the relation's own order, instead of one batched query per level. The answer is attached to
 * each object (PREFETCHED); the generated relation resolvers read it there and fall back to their DataLoader
 * for anything not compiled (hand-written fields such as evidence, relations reaching several labels, and
 * objects that came from elsewhere). Built from the one relation table, so both paths return the same rows.
 */
import {
  getDirectiveValues, getNamedType, GraphQLIncludeDirective, GraphQLSkipDirective, isAbstractType, isObjectType, Kind,
  type FieldNode, type FragmentDefinitionNode, type FragmentSpreadNode, type GraphQLResolveInfo, type InlineFragmentNode, type SelectionSetNode,
} from "graphql";
import type { NamedQuery } from "../db/gateway.js";
import { VARIANTS } from "./queryVariants.js";
import { NODE_SECTIONS } from "../model/graphMapping.js";
import type { DbSession } from "../db/session.js";
import type { Label } from "../model/labels.js";
import { RELATION_READS, type RelationRead } from "../model/relations.js";
import { primeObject, type GraphObject } from "./graphRead.js";

const PREFETCHED = Symbol("prefetched");
/** Deeper relation levels are left to the DataLoaders (the cost limit bounds them anyway). */
const MAX_DEPTH = 6;

/** Relation fields that can be compiled: one far label (its objects' fields are known). */
const READS = new Map<Label, Map<string, RelationRead>>();
for (const read of RELATION_READS) {
  if (read.far.length !== 1) continue;
  if (!READS.has(read.owner)) READS.set(read.owner, new Map());
  READS.get(read.owner)!.set(read.name, read);
}

/** What a resolver of relation field `name` on `root` can return without a query; undefined when not compiled. */
export function prefetched(root: object, name: string): unknown {
  return (root as { [PREFETCHED]?: Map<string, unknown> })[PREFETCHED]?.get(name);
}

type Fragments = Record<string, FragmentDefinitionNode>;

/**
 * What a compilation needs besides the selection: the fragments, whether a type condition applies to an
 * object type (from the schema), the request's variables (for @skip/@include), and a budget of subqueries.
 */
type Compilation = {
  fragments: Fragments;
  applies: (condition: string, typename: string) => boolean;
  variables: Record<string, unknown>;
  /** Subqueries still allowed: the rest is left to the DataLoaders, so a huge selection stays a bounded query. */
  budget: number;
};

/** Relation subqueries per compiled query: beyond it fields fall back to their batched loaders (same answer). */
export const COMPILED_SUBQUERY_BUDGET = 64;

const excluded = (node: FieldNode | InlineFragmentNode | FragmentSpreadNode, variables: Record<string, unknown>) =>
  getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true || getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if === false;

/** The sub-selections under `sets` by field name, through inline fragments and spreads that apply to `typename`. */
function fieldsOf(sets: readonly SelectionSetNode[], typename: string, c: Compilation, into = new Map<string, SelectionSetNode[]>()) {
  for (const set of sets) {
    for (const selection of set.selections) {
      if (excluded(selection, c.variables)) continue;
      if (selection.kind === Kind.FIELD) {
        const list = into.get(selection.name.value) ?? [];
        if (selection.selectionSet) list.push(selection.selectionSet);
        into.set(selection.name.value, list);
      } else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : c.fragments[selection.name.value];
        const condition = fragment?.typeCondition?.name.value;
        if (fragment && (!condition || c.applies(condition, typename))) fieldsOf([fragment.selectionSet], typename, c, into);
      }
    }
  }
  return into;
}

/**
 * What materialise needs to know of a compiled value: whether it is the node's whole property map (`full`,
 * relations as map entries), else the names of its positions (a list, id first: no key sent per field and row,
 * which Neo4j would encode and the driver decode); and its relation entries.
 */
export type Shape = { full: boolean; keys?: readonly string[]; relations: Map<string, Shape> };

/**
 * The properties a label's nodes store (from the bundle mapping), each a GraphQL field of the same name: dates
 * come with an `xPrecision` companion, and are projected as the partial date the API answers ("2013-09").
 */
const STORED = new Map<Label, { dates: Set<string>; lists: Set<string>; all: Set<string> }>(
  NODE_SECTIONS.map(({ label, props }) => {
    const example = props({});
    const keys = Object.keys(example);
    const dates = new Set(keys.filter((key) => keys.includes(`${key}Precision`)));
    return [label, { dates, lists: new Set(keys.filter((key) => Array.isArray(example[key]))), all: new Set(["id", ...keys]) }];
  }),
);
/** The stored properties of a label that a compiled read projects one by one (empty: it reads whole nodes). */
export const projectedFields = (label: Label): ReadonlySet<string> => STORED.get(label)?.all ?? new Set();

/** Fields that need only the object's id whatever their type (their resolvers load by it). */
const ID_ONLY = new Set(["__typename", "evidence"]);
const RELATION_NAMES = new Map<Label, Set<string>>();
for (const read of RELATION_READS) RELATION_NAMES.set(read.owner, (RELATION_NAMES.get(read.owner) ?? new Set()).add(read.name));

/** A date property as the API's partial date, converted once, in Cypher. */
const partialDate = (value: string, precision: string) =>
  `CASE ${precision} WHEN 'YEAR' THEN left(toString(${value}), 4) WHEN 'MONTH' THEN left(toString(${value}), 7) ELSE toString(${value}) END`;

/**
 * The fields asked, each with the Cypher of its value, id first; or null when one of them needs more than the
 * stored properties (a hand-written field such as effectiveDate may read any of them): then the whole map.
 */
function propertyEntries(label: Label, v: string, names: Iterable<string>): Map<string, string> | null {
  const stored = STORED.get(label);
  if (!stored) return null;
  const entries = new Map([["id", `${v}.id`]]);
  for (const name of names) {
    if (ID_ONLY.has(name) || RELATION_NAMES.get(label)?.has(name)) continue;
    if (!stored.all.has(name)) return null;
    if (!stored.dates.has(name)) entries.set(name, `${v}.${name}`);
    else if (stored.lists.has(name)) {
      entries.set(name, `[listIndex IN range(0, size(coalesce(${v}.${name}, [])) - 1) | ${partialDate(`${v}.${name}[listIndex]`, `${v}.${name}Precision[listIndex]`)}]`);
    } else entries.set(name, partialDate(`${v}.${name}`, `${v}.${name}Precision`));
  }
  return entries;
}

/**
 * The Cypher value of the node of `label` bound to `v`: the properties its selection asks for, as a list (all of
 * them, as a map, when a field needs more) and, nested, every compilable relation field; with its shape.
 */
function projection(label: Label, v: string, sets: readonly SelectionSetNode[], c: Compilation, depth: number, also: readonly string[] = []): { text: string; shape: Shape } {
  const fields = fieldsOf(sets, label, c);
  const properties = propertyEntries(label, v, [...fields.keys(), ...also]);
  const entries = new Map(properties ?? []);
  const relations = new Map<string, Shape>();
  const reads = depth <= MAX_DEPTH ? READS.get(label) : undefined;
  // In field-name order, so one selection, however written, is one query text (one plan in Neo4j's cache).
  for (const [name, subSets] of [...fields].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const read = reads?.get(name);
    if (!read || c.budget <= 0) continue;
    c.budget -= 1;
    const w = `n${depth}`;
    const far = read.far[0]!;
    const arrow = read.direction === "OUT" ? `-[:${read.type}]->` : `<-[:${read.type}]-`;
    const nested = projection(far, w, subSets, c, depth + 1);
    // The relation's order is written over `b`, the far node (see relations.ts).
    const orderBy = read.orderBy.replace(/\bb\b/g, w);
    const collected = `COLLECT { MATCH (${v})${arrow}(${w}:${far}) WITH ${w} ORDER BY ${orderBy} RETURN ${nested.text} }`;
    entries.set(name, read.many ? collected : `${collected}[0]`);
    relations.set(name, nested.shape);
  }
  if (properties === null) {
    const map = [".*", ...[...entries].map(([name, value]) => `${name}: ${value}`)];
    return { text: `${v}{${map.join(", ")}}`, shape: { full: true, relations } };
  }
  return { text: `[${[...entries.values()].join(", ")}]`, shape: { full: false, keys: [...entries.keys()], relations } };
}

/** A node as a compiled read returns it: a list of the fields asked (named by its Shape), or its whole map. */
export type CompiledValue = unknown;

/** The id of a compiled value, before it is materialised (a question keeping one object per node). */
export function projectedId(value: CompiledValue): string {
  return (Array.isArray(value) ? value[0] : (value as { id: unknown }).id) as string;
}

/** The object of a compiled value (a list or a whole map, as its shape says), with what was compiled under it attached. */
export function materialise(session: DbSession, label: Label, value: CompiledValue, shape: Shape): GraphObject {
  const row = shape.keys ? named(value as unknown[], shape.keys) : (value as Record<string, unknown>);
  let values: Map<string, unknown> | undefined;
  if (shape.relations.size > 0) {
    values = new Map();
    const reads = READS.get(label)!;
    for (const [name, nested] of shape.relations) {
      const value = row[name];
      delete row[name];
      const read = reads.get(name)!;
      const one = (item: unknown) => (item ? materialise(session, read.far[0]!, item, nested) : null);
      // By the relation, not the value: one far node compiled positionally is a list too.
      values.set(name, read.many ? (value as unknown[]).map(one) : one(value));
    }
  }
  const id = row.id as string;
  // A whole node serves later lookups by id too; a projected one holds only what this selection asked for.
  const object = shape.full ? primeObject(session, label, id, row) : Object.assign(row, { __typename: label });
  if (values) (object as { [PREFETCHED]?: Map<string, unknown> })[PREFETCHED] = values;
  return object as GraphObject;
}

function named(list: readonly unknown[], keys: readonly string[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) row[keys[i]!] = list[i];
  return row;
}

/** What compiling the selection of the field being resolved needs: its fragments, variables and type conditions. */
function compilationOf(info: GraphQLResolveInfo): Omit<Compilation, "budget"> {
  const { schema } = info;
  // An interface condition holds for the object types implementing it; another object type's never does.
  const applies = (condition: string, typename: string) => {
    const [type, object] = [schema.getType(condition), schema.getType(typename)];
    return type === object || (isAbstractType(type) && isObjectType(object) && schema.isSubType(type, object));
  };
  return { fragments: info.fragments, applies, variables: info.variableValues };
}

/**
 * How a question's one query returns the nodes of a label bound to a variable: the Cypher map (of `v`) and its
 * shape, for materialise. WHOLE_NODE returns every property: what a caller without a GraphQL selection gets.
 */
export type NodeProjection = (v: string) => { text: string; shape: Shape };
export const WHOLE_NODE: NodeProjection = (v) => ({ text: `${v}{.*}`, shape: { full: true, relations: new Map() } });

/**
 * The projection serving whatever the field being resolved selects of a label's nodes under `paths` (field
 * names down its answer's types, e.g. ["themes", "occurrences", "finding"]), relation fields compiled in, plus
 * the stored fields `also` that the question's own logic reads (dates it orders by, a grade it compares).
 */
export function projectionAt(
  info: GraphQLResolveInfo,
  label: Label,
  paths: readonly (readonly string[])[],
  also: readonly string[],
  { relations = true }: { relations?: boolean } = {},
): NodeProjection {
  const options = compilationOf(info);
  const c = { ...options, budget: COMPILED_SUBQUERY_BUDGET };
  const sets: SelectionSetNode[] = [];
  for (const path of paths) {
    let type = getNamedType(info.returnType);
    let at = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
    for (const name of path) {
      if (!isObjectType(type)) throw new Error(`projectionAt: ${type.name} has no field ${name}`);
      at = fieldsOf(at, type.name, c).get(name) ?? [];
      type = getNamedType(type.getFields()[name]!.type);
    }
    sets.push(...at);
  }
  // Without relations (nodes most of which the answer drops), relation fields are left to the DataLoaders.
  return (v) => projection(label, v, sets, { ...options, budget: relations ? COMPILED_SUBQUERY_BUDGET : 0 }, 1, also);
}

/** Whether the field being resolved selects `name` on its answer (through fragments; @skip and @include heeded). */
export function selects(info: GraphQLResolveInfo, name: string): boolean {
  const type = getNamedType(info.returnType);
  const sets = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  return fieldsOf(sets, type.name, { ...compilationOf(info), budget: 0 }).has(name);
}

/**
 * The node with this id and, in the same query, every relation field its selection asks for (to MAX_DEPTH);
 * undefined when the selection asks for none (the caller's batched by-id read serves it better).
 */
export async function fetchCompiled(session: DbSession, label: Label, id: string, info: GraphQLResolveInfo): Promise<GraphObject | null | undefined> {
  const sets = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  const query = compiledQuery(label, sets, compilationOf(info));
  if (!query) return undefined;
  const [row] = await session.db.read(query, { id }, session.counter);
  return row ? materialise(session, label, row.node as Record<string, unknown>, query.shape) : null;
}

/** The compiled query of a selection on a node of `label` found by `$id`; null when it has no relation field. */
export function compiledQuery(
  label: Label,
  sets: readonly SelectionSetNode[],
  options: Omit<Compilation, "budget"> = { fragments: {}, applies: () => true, variables: {} },
  budget = COMPILED_SUBQUERY_BUDGET,
  variants = VARIANTS,
): (NamedQuery & { shape: Shape }) | null {
  const { text: map, shape } = projection(label, "n", sets, { ...options, budget }, 1);
  if (shape.relations.size === 0) return null;
  const text = `MATCH (n:${label} {id: $id}) RETURN ${map} AS node`;
  const query = variants.named(`compiled.${label.charAt(0).toLowerCase()}${label.slice(1)}`, text);
  // Past the variants' limit the relation fields are left to the DataLoaders (the same answer, more queries).
  return query && { ...query, shape };
}
