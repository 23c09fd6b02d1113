/** The Apollo server: schema, error shaping, limits and the query-count extension. */
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import Negotiator from "negotiator";
import { authPlugin } from "./authPlugin.js";
import type { Config } from "../config.js";
import { AppError } from "../errors.js";
import type { Context } from "../graphql/context.js";
import { formatLimitError, LIMIT_CODES, limitOptions } from "../graphql/limits.js";
import type { SizeLookup } from "../graphql/listSizes.js";
import { executionLimitsPlugin, stringifyWithinLimit } from "./executionLimits.js";
import { getSchema } from "./schema.js";

/** The schema has no subscriptions (and no transport for them): a subscription is refused, not failed. */
const noSubscriptionsPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation !== "subscription") return;
        throw new GraphQLError("Subscriptions are not supported: send a query or a mutation", {
          extensions: { code: "OPERATION_NOT_SUPPORTED", http: { status: 400 } },
        });
      },
    };
  },
};

/** Adds `extensions.queryCount` (and the query names) when the request asked for it. */
const queryCountPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (!contextValue.reportQueryCount || response.body.kind !== "single") return;
        const result = response.body.singleResult;
        result.extensions = {
          ...result.extensions,
          queryCount: contextValue.counter.count,
          queries: contextValue.counter.names,
        };
      },
    };
  },
};

/**
 * GraphQL over HTTP: a document that fails to parse or validate, or variables that fail to coerce, answer
 * 400 with application/graphql-response+json but 200 with the legacy application/json (a client of that
 * media type reads `errors`, not the status). Apollo answers 400 to both; this picks the status by the same
 * negotiation Apollo uses for the content type (application/json first, as when no Accept is sent).
 */
const DOCUMENT_OR_VARIABLE_FAILURES = new Set<unknown>(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT", ...LIMIT_CODES]);

/** The types Apollo offers, as Apollo offers them (with parameters: "application/json; charset=utf-8" must match). */
const APOLLO_MEDIA_TYPES = [
  "application/json; charset=utf-8",
  "application/graphql-response+json; charset=utf-8",
  "application/json; callback=\"graphql\"",
];

const legacyJsonStatusPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart({ request }) {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== "single" || response.http.status !== 400 || response.body.singleResult.data !== undefined) return;
        // Invalid request parameters (a query that is not a string, …) stay 400 whatever the media type.
        const errors = response.body.singleResult.errors ?? [];
        if (errors.length === 0 || !errors.every((e) => DOCUMENT_OR_VARIABLE_FAILURES.has(e.extensions?.code))) return;
        const accept = request.http?.headers.get("accept");
        const mediaType = accept ? new Negotiator({ headers: { accept } }).mediaType(APOLLO_MEDIA_TYPES) : "application/json";
        if (mediaType?.startsWith("application/json")) response.http.status = 200;
      },
    };
  },
};

/**
 * A request that failed because Neo4j is unreachable answers 503 with Retry-After (the breaker's next
 * probe), so clients and proxies back off rather than retrying at once.
 */
const unavailableStatusPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== "single") return;
        const unavailable = response.body.singleResult.errors?.find((e) => e.extensions?.code === "DATABASE_UNAVAILABLE");
        if (!unavailable) return;
        response.http.status = 503;
        response.http.headers.set("retry-after", String(unavailable.extensions?.retryAfterSeconds ?? 1));
      },
    };
  },
};

/** An AppError anywhere in the cause chain (e.g. a scalar's parseLiteral inside a validation error). */
function findAppError(error: unknown): AppError | undefined {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { originalError?: unknown }).originalError, depth++) {
    if (e instanceof AppError) return e;
  }
  return undefined;
}

export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const limited = formatLimitError(formatted, error);
    if (limited) return limited;
    const original = findAppError(error) ?? unwrapResolverError(error);
    if (original instanceof AppError) {
      // `http` only tells Apollo the status code; clients never see it.
      const { http: _status, ...extensions } = original.extensions;
      return { ...formatted, message: original.message, extensions };
    }
    const code = formatted.extensions?.code;
    if (production && (code === undefined || code === "INTERNAL_SERVER_ERROR") && !(original instanceof GraphQLError)) {
      // Never leak internals (driver messages, stack traces) to clients in production.
      return { message: "Internal server error", locations: formatted.locations, path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
    }
    return formatted;
  };
}

/** `size`: the real sizes of the graph's lists, for the cost limit. */
export async function createApollo(config: Config, size: SizeLookup): Promise<ApolloServer<Context>> {
  const limits = limitOptions(config, size);
  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: !config.production,
    // main.ts owns shutdown (HTTP, then database, then the bundled JVM); Apollo must not race it.
    stopOnTerminationSignals: false,
    // Apollo's CSRF check would refuse plain GET queries (GraphQL over HTTP allows them). It guards against
    // cross-site requests riding on cookies; this API uses no cookies or sessions (writes need an API key in a
    // header, which a cross-site form cannot send), and GET never runs a mutation (405). Turn it back on if
    // cookie-based auth is ever added.
    csrfPrevention: false,
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    formatError: formatError(config.production),
    stringifyResult: stringifyWithinLimit(config.limits),
    // No cache hints are set or sent: without the cache-control plugin no field resolver is wrapped for it.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), noSubscriptionsPlugin, queryCountPlugin, legacyJsonStatusPlugin, unavailableStatusPlugin, authPlugin(config), ...limits.plugins, executionLimitsPlugin(config.limits)],
  });
  await apollo.start();
  return apollo;
}
