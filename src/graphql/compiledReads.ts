/**
 * Compiled reads: a root field's selection of relation-table fields becomes one Cypher query, nested COLLECT
 * subqueries in the relation's own order, instead of one batched query per level. The answer is attached to
 * each object (PREFETCHED); the generated relation resolvers read it there and fall back to their DataLoader
 * for anything not compiled (hand-written fields such as evidence, relations reaching several labels, and
 * objects that came from elsewhere). Built from the one relation table, so both paths return the same rows.
 */
import { createHash } from "node:crypto";
import {
  getDirectiveValues, GraphQLIncludeDirective, GraphQLSkipDirective, isAbstractType, isObjectType, Kind,
  type FieldNode, type FragmentDefinitionNode, type FragmentSpreadNode, type GraphQLResolveInfo, type InlineFragmentNode, type SelectionSetNode,
} from "graphql";
import { cypher, type NamedQuery, type Row } from "../db/gateway.js";
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

/** The Cypher map of everything compilable under `sets` for the node of `label` bound to `v`; null when nothing is. */
function projection(label: Label, v: string, sets: readonly SelectionSetNode[], c: Compilation, depth: number): string | null {
  if (depth > MAX_DEPTH) return null;
  const reads = READS.get(label);
  if (!reads) return null;
  const entries: string[] = [];
  // In field-name order, so one selection, however written, is one query text (one plan in Neo4j's cache).
  for (const [name, subSets] of [...fieldsOf(sets, label, c)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const read = reads.get(name);
    if (!read || c.budget <= 0) continue;
    c.budget -= 1;
    const w = `n${depth}`;
    const far = read.far[0]!;
    const arrow = read.direction === "OUT" ? `-[:${read.type}]->` : `<-[:${read.type}]-`;
    const nested = projection(far, w, subSets, c, depth + 1) ?? "null";
    // The relation's order is written over `b`, the far node (see relations.ts).
    const orderBy = read.orderBy.replace(/\bb\b/g, w);
    const collected = `COLLECT { MATCH (${v})${arrow}(${w}:${far}) WITH ${w} ORDER BY ${orderBy} RETURN {id: ${w}.id, props: properties(${w}), pre: ${nested}} }`;
    entries.push(`${name}: ${read.many ? collected : `${collected}[0]`}`);
  }
  return entries.length > 0 ? `{${entries.join(", ")}}` : null;
}

/** The object of a compiled row, with what was compiled under it attached. */
function materialise(session: DbSession, label: Label, row: { id: string; props: unknown; pre: Record<string, unknown> | null }): GraphObject {
  const object = primeObject(session, label, row.id, row.props);
  if (row.pre) {
    const reads = READS.get(label)!;
    const values = new Map<string, unknown>();
    for (const [name, value] of Object.entries(row.pre)) {
      const far = reads.get(name)!.far[0]!;
      const one = (item: unknown) => (item ? materialise(session, far, item as never) : null);
      values.set(name, Array.isArray(value) ? value.map(one) : one(value));
    }
    Object.defineProperty(object, PREFETCHED, { value: values, enumerable: false });
  }
  return object;
}

/**
 * The node with this id and, in the same query, every relation field its selection asks for (to MAX_DEPTH);
 * undefined when the selection asks for none (the caller's batched by-id read serves it better).
 */
export async function fetchCompiled(session: DbSession, label: Label, id: string, info: GraphQLResolveInfo): Promise<GraphObject | null | undefined> {
  const { schema } = info;
  // An interface condition holds for the object types implementing it; another object type's never does.
  const applies = (condition: string, typename: string) => {
    const [type, object] = [schema.getType(condition), schema.getType(typename)];
    return type === object || (isAbstractType(type) && isObjectType(object) && schema.isSubType(type, object));
  };
  const sets = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  const query = compiledQuery(label, sets, { fragments: info.fragments, applies, variables: info.variableValues });
  if (!query) return undefined;
  const [row] = await session.db.read(query, { id }, session.counter);
  return row ? materialise(session, label, row as Row as never) : null;
}

/** The compiled query of a selection on a node of `label` found by `$id`; null when it has no relation field. */
export function compiledQuery(
  label: Label,
  sets: readonly SelectionSetNode[],
  options: Omit<Compilation, "budget"> = { fragments: {}, applies: () => true, variables: {} },
  budget = COMPILED_SUBQUERY_BUDGET,
): NamedQuery | null {
  const pre = projection(label, "n", sets, { ...options, budget }, 1);
  if (pre === null) return null;
  const text = `MATCH (n:${label} {id: $id}) RETURN n.id AS id, properties(n) AS props, ${pre} AS pre`;
  return cypher(`compiled.${label.charAt(0).toLowerCase()}${label.slice(1)}.${createHash("sha1").update(text).digest("hex").slice(0, 8)}`, text);
}
