/**
 * Abuse controls with express-rate-limit (the standard Express limiter): GraphQL requests per minute per API
 * key, or per client address for callers without one; and a much smaller allowance per address for
 * requests with an unknown key, so guessing keys is slow. Over the limit: 429 with `RATE_LIMITED`, a
 * GraphQL-shaped error and Retry-After. Counts are per server process (in memory).
 */
import type { Request, RequestHandler, Response } from "express";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import type { Credentials } from "../auth/apiKeys.js";

const MINUTE_MS = 60_000;

type Limited = Request & { rateLimit?: { resetTime?: Date } };

function tooMany(message: string) {
  return (req: Limited, res: Response) => {
    const reset = req.rateLimit?.resetTime?.getTime();
    const seconds = Math.max(1, Math.ceil(((reset ?? Date.now() + MINUTE_MS) - Date.now()) / 1000));
    res.status(429).set("Retry-After", String(seconds)).type("application/json")
      .send({ errors: [{ message: `${message}; retry in ${seconds} s`, extensions: { code: "RATE_LIMITED", retryAfterSeconds: seconds } }] });
  };
}

const clientAddress = (req: Request) => ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? "unknown");

/** Requests per minute per key (the key's name) or, without a key, per client address. */
export function requestLimiter(perMinute: number, credentialsOf: (res: Response) => Credentials): RequestHandler {
  return rateLimit({
    windowMs: MINUTE_MS,
    limit: perMinute,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    keyGenerator: (req, res) => {
      const principal = credentialsOf(res).principal;
      return principal ? `key:${principal.name}` : `address:${clientAddress(req)}`;
    },
    handler: tooMany(`More than ${perMinute} requests a minute`),
  });
}

/** Requests with an unknown key per minute per client address. */
export function authFailureLimiter(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: MINUTE_MS,
    limit: perMinute,
    standardHeaders: false,
    legacyHeaders: false,
    keyGenerator: (req) => `address:${clientAddress(req)}`,
    handler: tooMany(`More than ${perMinute} requests a minute with an unknown API key`),
  });
}
