/** The Apollo server: schema, error shaping, limits and the query-count extension. */
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { authPlugin } from "./authPlugin.js";
import type { Config } from "../config.js";
import { AppError } from "../errors.js";
import type { Context } from "../graphql/context.js";
import { formatLimitError, limitOptions } from "../graphql/limits.js";
import { getSchema } from "./schema.js";

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

export async function createApollo(config: Config): Promise<ApolloServer<Context>> {
  const limits = limitOptions(config);
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
    plugins: [ApolloServerPluginLandingPageDisabled(), queryCountPlugin, authPlugin(config), ...limits.plugins],
  });
  await apollo.start();
  return apollo;
}
