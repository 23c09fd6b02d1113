/** Errors clients see: each a GraphQLError with an extensions.code from the agreed list. */
import { GraphQLError } from "graphql";

export type ErrorCode =
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "DATABASE_UNAVAILABLE"
  | "CONFLICT"
  | "TIME_LIMIT_EXCEEDED"
  | "INTERNAL_SERVER_ERROR";

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message, { extensions: { code, ...details } });
  }
  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

export const badInput = (message: string, details?: Record<string, unknown>) =>
  new AppError("BAD_USER_INPUT", message, details);
export const notFound = (message: string, details?: Record<string, unknown>) => new AppError("NOT_FOUND", message, details);
/** `retryAfterSeconds`, when known, also becomes the HTTP Retry-After header. */
export const databaseUnavailable = (message: string, retryAfterSeconds?: number) =>
  new AppError("DATABASE_UNAVAILABLE", message, retryAfterSeconds === undefined ? undefined : { retryAfterSeconds });
/** The request ran past its time limit; its database transaction was ended with it. */
export const timeLimitExceeded = (limitMs: number) =>
  new AppError("TIME_LIMIT_EXCEEDED", `The request ran longer than its time limit of ${limitMs} ms and was stopped; ask for less (a narrower filter, a smaller page)`, { limitMs });
