/**
 * What an operation would cost, from the real sizes of its lists: each field costs 1, and a list field
 * multiplies itself and its children by the most items it can return — its `first`, or the database's own
 * figures (listSizes.ts), or DEFAULT_LIST_FACTOR where neither says. Computed with the request's variables,
 * so `first: $n` costs what $n asks for, before anything runs.
 */
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { MAX_PAGE } from "./connections.js";
import type { SizeLookup } from "./listSizes.js";

/** What a list field multiplies its selection by when neither its arguments nor the database say more. */
export const DEFAULT_LIST_FACTOR = 10;

type Args = Record<string, unknown>;
type Estimate = (size: SizeLookup, args: Args) => number | undefined;

const smallest = (...values: (number | undefined)[]) => {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length ? Math.min(...known) : undefined;
};
const product = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : a * b);
const themeFindingsAtAuthority: Estimate = (size) => size("themeFindingsAtAuthority");

/** Hand-written list fields (not plain hops of the relation table), sized from the figures that bound them. */
const ESTIMATES: Record<string, Estimate> = {
  "Query.findings": (size, args) =>
    args.inspection ? size("Inspection.findings") : args.theme ? size("Theme.findings") : args.area ? size("ServiceArea.findings") : size("count:Finding"),
  "Query.inspections": (size, args) => (args.authority ? size("Organisation.inspections") : size("count:Inspection")),
  "Query.authorities": (size) => size("count:Organisation"),
  "Query.nodes": (_size, args) => (Array.isArray(args.ids) ? args.ids.length : undefined),
  "Query.themePrevalence": (size, args) => {
    const years = typeof args.from === "number" && typeof args.to === "number" ? Math.max(1, args.to - args.from + 1) : size("years");
    return product(args.theme ? 1 : size("count:Theme"), smallest(years, size("years")));
  },
  "Query.judgementHistory": (size) => size("count:JudgementArea"),
  "AuthorityContext.latestFindings": (size) => size("Inspection.findings"),
  "AuthorityContext.latestJudgements": (size) => size("Inspection.judgements"),
  "LatestGrades.judgements": (size) => size("Inspection.judgements"),
  "GradeSeries.points": (size) => size("Organisation.inspections"),
  "GradeSeries.earlierUngraded": (size) => size("Organisation.inspections"),
  "Organisation.recommendationThemes": (size) => size("count:Theme"),
  "ThemeTally.recommendations": themeFindingsAtAuthority,
  "RecurringThemes.themes": (size) => size("count:Theme"),
  "RecurringThemes.newlyAppeared": (size) => size("count:Theme"),
  "RecurringThemes.stoppedRecurring": (size) => size("count:Theme"),
  "RecurringTheme.occurrences": themeFindingsAtAuthority,
};

/** The most items a list field can return, from the database's figures, if they say. */
function naturalSize(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>, args: Args, size: SizeLookup, isRoot: boolean) {
  const key = `${parent.name}.${field.name}`;
  const estimate = ESTIMATES[key];
  if (estimate) return estimate(size, args);
  const degree = size(key);
  if (degree !== undefined) return degree;
  if (field.name === "evidence") return size(`evidence:${parent.name}`);
  return isRoot ? size(`count:${getNamedType(field.type).name}`) : undefined;
}

export type CostRequest = {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  size: SizeLookup;
};

/** The estimated cost of one operation (see the module comment). */
export function operationCost({ schema, operation, fragments, variables, size }: CostRequest): number {
  const root = schema.getRootType(operation.operation);
  // Each fragment's cost is computed once: re-spreading fragments must not make this exponential.
  const fragmentCosts = new Map<string, number>();

  const fragmentCost = (name: string): number => {
    const known = fragmentCosts.get(name);
    if (known !== undefined) return known;
    const fragment = fragments[name];
    if (!fragment) return 0;
    fragmentCosts.set(name, 0); // a cycle costs nothing here; validation rejects it anyway
    const cost = selectionCost(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value));
    fragmentCosts.set(name, cost);
    return cost;
  };

  const argumentsOf = (def: GraphQLField<unknown, unknown>, node: FieldNode): Args => {
    try {
      return getArgumentValues(def, node, variables);
    } catch {
      return {}; // invalid arguments fail in execution with their own error; cost them as if absent
    }
  };

  const fieldCost = (field: FieldNode, parent: GraphQLNamedType | undefined | null): number => {
    const name = field.name.value;
    if (name === "__schema" || name === "__type") return 0; // bounded by the schema; off in production
    const def = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
    const children = field.selectionSet ? selectionCost(field.selectionSet, def ? getNamedType(def.type) : undefined) : 0;
    if (!def || !parent) return 1 + children;
    // A connection's edges are its page: the connection field's size already multiplied them.
    if (name === "edges" && parent.name.endsWith("Connection")) return 1 + children;
    const isConnection = getNamedType(def.type).name.endsWith("Connection");
    if (!isConnection && !isListType(getNullableType(def.type))) return 1 + children;
    const args = argumentsOf(def, field);
    const natural = naturalSize(parent, def, args, size, parent === root);
    const page = typeof args.first === "number" ? args.first : typeof args.last === "number" ? args.last : undefined;
    const most = page ?? (isConnection ? MAX_PAGE : natural ?? DEFAULT_LIST_FACTOR);
    // An empty list still costs its field and one item's selection: figures can grow between refreshes.
    return (1 + children) * Math.max(1, smallest(most, natural) ?? most);
  };

  const selectionCost = (set: SelectionSetNode, parent: GraphQLNamedType | undefined | null): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) total += fieldCost(selection, parent);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += selectionCost(selection.selectionSet, type);
      } else total += fragmentCost(selection.name.value);
    }
    return total;
  };

  return selectionCost(operation.selectionSet, root);
}
