/**
 * Per-operation safety limits, checked before any resolver runs (so a rejected operation never reaches Neo4j):
 * depth, aliases and directives by graphql-armor's rules; tokens by graphql's own parser (`maxTokens`);
 * cost by a plugin of ours (cost.ts), since armor's cost ignores list fan-out, the real risk in a graph.
 * Each rejection is a 400 with its own `extensions.code`.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import {
  getVariableValues,
  GraphQLError,
  Kind,
  type ASTNode,
  type GraphQLFormattedError,
  type ParseOptions,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import type { Config } from "../config.js";
import { operationCost } from "./cost.js";
import type { SizeLookup } from "./listSizes.js";

export const LIMIT_CODES = [
  "DEPTH_LIMIT_EXCEEDED", "ALIAS_LIMIT_EXCEEDED", "DIRECTIVE_LIMIT_EXCEEDED", "TOKEN_LIMIT_EXCEEDED", "COST_LIMIT_EXCEEDED",
] as const;
export type LimitCode = (typeof LIMIT_CODES)[number];

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

/**
 * Refuses, before it runs, an operation whose cost (cost.ts: real list sizes, the request's variables)
 * exceeds the limit. A plugin rather than a validation rule, because validation never sees the variables.
 */
export function costLimitPlugin(maxCost: number, size: SizeLookup): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return; // Apollo refuses a document without the named operation before this
          const fragments = Object.fromEntries(
            document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
          );
          // As execution will see them (declared defaults applied); variables that do not coerce fail before any resolver.
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          if (coerced.errors) return;
          const cost = operationCost({ schema, operation, fragments, variables: coerced.coerced, size });
          if (cost <= maxCost) return;
          throw new GraphQLError(`Query cost limit of ${maxCost} exceeded, estimated ${cost}: ask for fewer items (first) or fewer nested lists.`, {
            nodes: [operation],
            extensions: { code: "COST_LIMIT_EXCEEDED" satisfies LimitCode, maxCost, cost, http: { status: 400 } },
          });
        },
      };
    },
  };
}

type LimitOptions = { parseOptions: ParseOptions; validationRules: ValidationRule[]; plugins: ApolloServerPlugin[] };

/** The Apollo options that enforce config.limits on every operation (`size`: the lists' real sizes, for the cost). */
export function limitOptions(config: Config, size: SizeLookup): LimitOptions {
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
    validationRules,
    // Armor (CommonJS) is typed against Apollo's CommonJS declarations; the runtime objects are the same.
    plugins: [...(plugins as unknown as ApolloServerPlugin[]), costLimitPlugin(limits.maxCost, size)],
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
