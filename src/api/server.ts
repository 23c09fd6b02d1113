/** The HTTP server: the explorer at /, GraphQL at /graphql (GraphiQL on a browser GET), /healthz, graceful stop. */
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import helmet from "helmet";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { authenticate, keyFromHeaders, type Credentials } from "../auth/apiKeys.js";
import { authFailureLimiter, requestLimiter } from "./rateLimits.js";
import type { Config } from "../config.js";
import type { Database } from "../db/gateway.js";
import { createApollo } from "./apollo.js";
import { createContext } from "../graphql/context.js";
import { ListSizes } from "../graphql/listSizes.js";
import { graphiqlPage, graphiqlRouter } from "./graphiql.js";
import { webAppRouter } from "./webApp.js";

export type RunningServer = { url: string; port: number; stop: () => Promise<void> };

/** What body-parser says went wrong with a request body, as the status and code a GraphQL client reads. */
const BODY_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  "entity.parse.failed": { status: 400, code: "BAD_REQUEST", message: "The request body is not valid JSON" },
  "entity.too.large": { status: 413, code: "PAYLOAD_TOO_LARGE", message: "The request body is larger than 1 MB" },
  "encoding.unsupported": { status: 415, code: "BAD_REQUEST", message: "The request body's content encoding is not supported" },
  "charset.unsupported": { status: 415, code: "BAD_REQUEST", message: "The request body's charset is not supported" },
};

/**
 * An unknown key, or no key where every operation needs one (READS_REQUIRE_KEY), is refused before the body
 * is read or the document parsed and validated: without a key nothing, not even the schema's shape through
 * validation errors, is learnt. Role checks per operation stay in the auth plugin.
 */
function authenticateFirst(config: Config): express.RequestHandler {
  const failures = authFailureLimiter(config.http.authFailuresPerMinute);
  return (req, res, next) => {
    const credentials = authenticate(config.auth.apiKeys, keyFromHeaders(req.headers));
    res.locals.credentials = credentials;
    if (credentials.invalid || (config.auth.readsRequireKey && !credentials.principal)) {
      const message = credentials.invalid ? "The API key is not recognised" : "This API needs an API key with the reader role (Authorization: Bearer <key>)";
      const refuse = () => res.status(401).type("application/json").send({ errors: [{ message, extensions: { code: "UNAUTHENTICATED" } }] });
      // Guessing keys is slowed down: unknown keys count against the address's small allowance first.
      if (credentials.invalid) void failures(req, res, () => refuse());
      else refuse();
      return;
    }
    next();
  };
}

/**
 * A body that cannot be read answers as GraphQL errors do (JSON, `extensions.code`), not with Express's HTML
 * page and a logged stack; anything else goes on to Express.
 */
/** While the breaker is open, GraphQL requests are refused at once: 503, DATABASE_UNAVAILABLE, Retry-After. */
function refuseWhileDatabaseDown(db: Database): express.RequestHandler {
  return (_req, res, next) => {
    if (!db.breaker.isOpen) return next();
    const retryAfterSeconds = db.breaker.retryAfterSeconds;
    res.status(503).set("Retry-After", String(retryAfterSeconds)).type("application/json");
    res.send({ errors: [{ message: "Neo4j is unavailable; try again shortly", extensions: { code: "DATABASE_UNAVAILABLE", retryAfterSeconds } }] });
  };
}

const bodyErrors: express.ErrorRequestHandler = (error: { type?: string; message?: string }, _req, res, next) => {
  const known = error?.type ? BODY_ERRORS[error.type] : undefined;
  if (!known) return next(error);
  res.status(known.status).type("application/json").send({ errors: [{ message: known.message, extensions: { code: known.code } }] });
};

export async function startServer(db: Database, config: Config, log?: (message: string) => void): Promise<RunningServer> {
  // The cost limit needs the real list sizes before the first request: read them now, then keep them fresh.
  const sizes = new ListSizes(db, log);
  await sizes.refresh();
  sizes.watch(config.limits.listSizesRefreshMs);
  const apollo = await createApollo(config, sizes.lookup);
  const app = express();
  app.disable("x-powered-by");
  // No ETag on dynamic answers: Express would hash every GraphQL body for it, and a revalidated answer is
  // computed in full anyway (the explorer's static files keep their own, from their file stats).
  app.set("etag", false);
  // Behind a load balancer, the client's address (rate limits) is the one it forwards, not the balancer's.
  if (config.http.trustProxy > 0) app.set("trust proxy", config.http.trustProxy);
  // helmet's headers: a CSP of this origin only (GraphiQL and its start script are served from here),
  // nosniff, frame and referrer policies, and HSTS (ignored by browsers over plain http).
  // No upgrade-insecure-requests: the server is often reached over plain http on localhost.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));

  app.get("/healthz", async (_req, res) => {
    const ok = await db.ping();
    res.status(ok ? 200 : 503).json({ status: ok ? "ok" : "unavailable", database: db.database });
  });
  app.use(graphiqlRouter());
  app.get("/graphql", (req, res, next) => {
    // A browser asking for HTML gets GraphiQL; GraphQL-over-HTTP GETs fall through to Apollo.
    const wantsHtml = req.accepts(["application/json", "application/graphql-response+json", "text/html"]) === "text/html";
    if (wantsHtml && req.query.query === undefined) res.type("html").send(graphiqlPage("/graphql"));
    else next();
  });
  app.use(
    "/graphql",
    authenticateFirst(config),
    refuseWhileDatabaseDown(db),
    requestLimiter(config.http.rateLimitPerMinute, (res) => res.locals.credentials as Credentials),
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        // The query-count header is a development aid: production never reveals query names. The key was
        // checked once, before the body was read (authenticateFirst).
        createContext(db, config, !config.production && req.headers["x-debug-query-count"] === "1", res.locals.credentials as Credentials),
    }),
  );
  app.use("/graphql", bodyErrors);
  // The explorer last: it answers browser addresses nothing above claimed.
  app.use(webAppRouter(config.webDir));

  // Deadlines are checked every second (Node's default is every 30 s, which would let a slow client overstay).
  const server = http.createServer({ connectionsCheckingInterval: 1_000 }, app);
  // Slow clients cannot hold a connection open for minutes: headers and whole requests have deadlines.
  server.headersTimeout = config.http.headersTimeoutMs;
  server.requestTimeout = config.http.requestTimeoutMs;
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.http.port, config.http.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.http.host === "0.0.0.0" || config.http.host === "127.0.0.1" ? "localhost" : config.http.host;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await apollo.stop();
      sizes.stop();
    },
  };
}
