/**
 * Bounds on the work one admitted operation may do: a time limit (each Cypher query gets what is left of it
 * as its transaction timeout, so Neo4j ends the work too) and a cap on the response's size. Either ends a
 * query with one error of its own code and no partial data: an answer cut short must not look complete. A
 * mutation keeps the answers of writes that committed (and is not cut short after one commits): a client
 * told "time limit" must be able to trust that nothing of that field was written.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { FormattedExecutionResult, GraphQLFormattedError } from "graphql";
import type { Config } from "../config.js";
import type { Context } from "../graphql/context.js";

export function executionLimitsPlugin(limits: Config["limits"]): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ contextValue, operation }) {
          contextValue.counter.limitTime(operation?.operation === "mutation" ? limits.mutationTimeLimitMs : limits.timeLimitMs);
        },
        async willSendResponse({ response, operation }) {
          if (response.body.kind !== "single") return;
          const result = response.body.singleResult;
          const timedOut = timeLimitError(result);
          // A mutation's answer keeps what committed before the limit (a field with data) beside what did not.
          if (timedOut && operation?.operation === "mutation") return;
          if (timedOut) return replaceWith(result, { message: timedOut.message, extensions: timedOut.extensions });
        },
      };
    },
  };
}

/**
 * Apollo's `stringifyResult`, with the cap on the response's size: the answer is serialised once, and its
 * size read from that (checking it in a plugin would serialise every answer twice).
 */
export function stringifyWithinLimit(limits: Config["limits"]) {
  return (result: FormattedExecutionResult): string => {
    const json = JSON.stringify(result);
    if (result.data === undefined || result.data === null) return json + "\n";
    // A mutation's answer at its time limit says which writes committed: never replaced (see the plugin above).
    if (timeLimitError(result)) return json + "\n";
    const bytes = Buffer.byteLength(json, "utf8");
    if (bytes <= limits.maxResponseBytes) return json + "\n";
    return JSON.stringify({
      errors: [{
        message: `The response would be ${bytes} bytes, over the limit of ${limits.maxResponseBytes}: ask for fewer items (first) or fewer fields`,
        extensions: { code: "RESPONSE_TOO_LARGE", maxBytes: limits.maxResponseBytes, bytes },
      }],
      data: null,
      extensions: result.extensions,
    }) + "\n";
  };
}

const timeLimitError = (result: { errors?: readonly GraphQLFormattedError[] }) =>
  result.errors?.find((error) => error.extensions?.code === "TIME_LIMIT_EXCEEDED");

function replaceWith(result: { data?: unknown; errors?: readonly GraphQLFormattedError[] }, error: GraphQLFormattedError) {
  result.data = null;
  result.errors = [error];
}
