/** The explorer's only way to the data: the public GraphQL endpoint of the server that served it. */
import type { TadaDocumentNode } from "gql.tada";
import { print } from "graphql";
import { useEffect, useState } from "react";

export const ENDPOINT = "/graphql";

/** What went wrong, in words a reader can act on, with the API's code when it gave one. */
export class ApiError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
  }
}

type Result<T> = { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };

const cache = new Map<string, Promise<unknown>>();

/** Runs an operation; answers are cached per operation and variables for the page's life (the graph is read-only here). */
export function request<R, V>(document: TadaDocumentNode<R, V>, variables: V): Promise<R> {
  const query = print(document);
  const key = JSON.stringify([query, variables]);
  let pending = cache.get(key) as Promise<R> | undefined;
  if (!pending) {
    pending = send<R>(query, variables);
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
  }
  return pending;
}

async function send<R>(query: string, variables: unknown): Promise<R> {
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError("The server could not be reached. Check your connection and try again.", "NETWORK");
  }
  let body: Result<R>;
  try {
    body = (await response.json()) as Result<R>;
  } catch {
    throw new ApiError(`The server answered ${response.status} ${response.statusText} without data.`, `HTTP_${response.status}`);
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? "GRAPHQL_ERROR");
  if (!body.data) throw new ApiError("The server answered without data.", `HTTP_${response.status}`);
  return body.data;
}

export type QueryState<R> = { data?: R; error?: ApiError; loading: boolean };

/** The answer to an operation for a React component; `skip` waits until the variables are complete. */
export function useQuery<R, V>(document: TadaDocumentNode<R, V>, variables: V, skip = false): QueryState<R> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<QueryState<R>>({ loading: !skip });
  useEffect(() => {
    if (skip) {
      setState({ loading: false });
      return;
    }
    let current = true;
    setState((previous) => ({ data: previous.data, loading: true }));
    request(document, variables).then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) =>
        current && setState({ loading: false, error: error instanceof ApiError ? error : new ApiError(String(error), "UNEXPECTED") }),
    );
    return () => {
      current = false;
    };
    // The variables' JSON is the dependency: a new object with the same values is the same question.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [document, key, skip]);
  return state;
}
