/**
 * Per-operation safety limits, checked before any resolver runs (so a rejected operation never reaches Neo4j):
 * depth, aliases and directives by graphql-armor's rules; tokens by graphql's own parser (`maxTokens`);
 * cost by a list-aware rule of ours, since armor's cost ignores list fan-out, the real risk in a graph.
 * Each rejection is a 400 with its own `extensions.code`.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type ASTNode,
  type ASTVisitor,
  type FieldNode,
  type GraphQLFormattedError,
  type GraphQLNamedType,
  type ParseOptions,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import type { Config } from "../config.js";
import { MAX_PAGE } from "./connections.js";

export const LIMIT_CODES = [
  "DEPTH_LIMIT_EXCEEDED", "ALIAS_LIMIT_EXCEEDED", "DIRECTIVE_LIMIT_EXCEEDED", "TOKEN_LIMIT_EXCEEDED", "COST_LIMIT_EXCEEDED",
] as const;
export type LimitCode = (typeof LIMIT_CODES)[number];

/** What a list field multiplies its selection by when no `first`/`last` says otherwise. */
export const DEFAULT_LIST_FACTOR = 10;

/** A limit rejection. Apollo wraps validation errors as GRAPHQL_VALIDATION_FAILED; formatLimitError restores the code. */
export class LimitError extends GraphQLError {
  readonly code: LimitCode;
  constructor(code: LimitCode, message: string, nodes?: readonly ASTNode[]) {
    super(message, { nodes, extensions: { code } });
    this.code = code;
  }
}

/** graphql-armor's reject callback: report its error as ours, with a code (armor prefixes "Syntax Error: ", which misleads). */
const reportAs = (code: LimitCode) => (context: ValidationContext | null, error: GraphQLError) => {
  context?.reportError(new LimitError(code, error.message.replace(/^Syntax Error:\s*/, "")));
};

/** Estimated cost of an operation: each field 1, a list field multiplies itself and its children. */
export function costLimitRule(maxCost: number, listFactor = DEFAULT_LIST_FACTOR): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const schema = context.getSchema();
    // Each fragment's cost is computed once: re-spreading fragments must not make this rule exponential.
    const fragmentCosts = new Map<string, number>();

    const fragmentCost = (name: string): number => {
      const known = fragmentCosts.get(name);
      if (known !== undefined) return known;
      const fragment = context.getFragment(name);
      if (!fragment) return 0;
      fragmentCosts.set(name, 0); // a cycle costs nothing here; NoFragmentCyclesRule rejects it anyway
      const cost = selectionCost(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value));
      fragmentCosts.set(name, cost);
      return cost;
    };

    const fieldCost = (field: FieldNode, parent: GraphQLNamedType | undefined | null): number => {
      const name = field.name.value;
      if (name === "__schema" || name === "__type") return 0; // bounded by the schema; off in production
      const def = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
      const children = field.selectionSet ? selectionCost(field.selectionSet, def ? getNamedType(def.type) : undefined) : 0;
      // A connection's edges are its page: the connection field's `first` already multiplied them.
      const isPage = name === "edges" && parent?.name.endsWith("Connection") === true;
      const isConnection = def !== undefined && getNamedType(def.type).name.endsWith("Connection");
      return (1 + children) * multiplier(field, !isPage && def !== undefined && isListType(getNullableType(def.type)), isConnection);
    };

    const multiplier = (field: FieldNode, isList: boolean, isConnection: boolean): number => {
      const page = field.arguments?.find((a) => a.name.value === "first" || a.name.value === "last");
      if (page?.value.kind === Kind.INT) return Math.max(1, Number.parseInt(page.value.value, 10));
      // A page size given as a variable is costed at the largest page any list here allows.
      if (page?.value.kind === Kind.VARIABLE) return MAX_PAGE;
      // A connection whose page size is a variable or a default is costed at the largest page allowed.
      if (isConnection) return MAX_PAGE;
      return isList ? listFactor : 1;
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

    return {
      OperationDefinition(operation) {
        const cost = selectionCost(operation.selectionSet, schema.getRootType(operation.operation));
        if (cost > maxCost) {
          context.reportError(
            new LimitError("COST_LIMIT_EXCEEDED", `Query cost limit of ${maxCost} exceeded, estimated ${cost}.`, [operation]),
          );
        }
      },
    };
  };
}

type LimitOptions = { parseOptions: ParseOptions; validationRules: ValidationRule[]; plugins: ApolloServerPlugin[] };

/** The Apollo options that enforce config.limits on every operation. */
export function limitOptions(config: Config): LimitOptions {
  const { limits } = config;
  const armor = new ApolloArmor({
    // Field suggestions would reveal the schema that production hides by turning introspection off.
    blockFieldSuggestion: { enabled: config.production },
    maxTokens: { enabled: false }, // graphql's parser counts tokens itself (parseOptions below)
    costLimit: { enabled: false }, // ours, above, knows which fields are lists
    maxDepth: { n: limits.maxDepth, flattenFragments: true, propagateOnRejection: false, onReject: [reportAs("DEPTH_LIMIT_EXCEEDED")] },
    maxAliases: { n: limits.maxAliases, propagateOnRejection: false, onReject: [reportAs("ALIAS_LIMIT_EXCEEDED")] },
    maxDirectives: { n: limits.maxDirectives, propagateOnRejection: false, onReject: [reportAs("DIRECTIVE_LIMIT_EXCEEDED")] },
  });
  const { plugins, validationRules } = armor.protect();
  return {
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [...validationRules, costLimitRule(limits.maxCost)],
    // Armor (CommonJS) is typed against Apollo's CommonJS declarations; the runtime objects are the same.
    plugins: plugins as unknown as ApolloServerPlugin[],
  };
}

// graphql 16 says "more that", later versions "more than".
const TOKEN_LIMIT = /Document contains more (?:than|that) (\d+) tokens/;

/** Gives a limit rejection its own code (Apollo reports them as validation or parse failures). */
export function formatLimitError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | undefined {
  const code = formatted.extensions?.code;
  if (code === "GRAPHQL_VALIDATION_FAILED" && error instanceof GraphQLError && error.originalError instanceof LimitError) {
    return { ...formatted, extensions: { ...formatted.extensions, code: error.originalError.code } };
  }
  const tokens = code === "GRAPHQL_PARSE_FAILED" ? TOKEN_LIMIT.exec(formatted.message) : null;
  if (tokens) {
    const message = `Token limit of ${tokens[1]} exceeded.`;
    return { ...formatted, message, extensions: { ...formatted.extensions, code: "TOKEN_LIMIT_EXCEEDED" satisfies LimitCode } };
  }
  return undefined;
}
