/** The HTTP server: GraphQL at /graphql (GraphiQL on a browser GET), /healthz, graceful stop. */
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { authenticate, keyFromHeaders } from "../auth/apiKeys.js";
import type { Config } from "../config.js";
import type { Database } from "../db/gateway.js";
import { createApollo } from "./apollo.js";
import { createContext } from "../graphql/context.js";
import { explorerPage, explorerRouter } from "./graphiql.js";

export type RunningServer = { url: string; port: number; stop: () => Promise<void> };

export async function startServer(db: Database, config: Config): Promise<RunningServer> {
  const apollo = await createApollo(config);
  const app = express();
  app.disable("x-powered-by");

  app.get("/healthz", async (_req, res) => {
    const ok = await db.ping();
    res.status(ok ? 200 : 503).json({ status: ok ? "ok" : "unavailable", database: db.database });
  });
  app.use(explorerRouter());
  app.get("/", (_req, res) => res.redirect("/graphql"));
  app.get("/graphql", (req, res, next) => {
    // A browser asking for HTML gets GraphiQL; GraphQL-over-HTTP GETs fall through to Apollo.
    const wantsHtml = req.accepts(["application/json", "application/graphql-response+json", "text/html"]) === "text/html";
    if (wantsHtml && req.query.query === undefined) res.type("html").send(explorerPage("/graphql"));
    else next();
  });
  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        createContext(db, config, req.headers["x-debug-query-count"] === "1", authenticate(config.auth.apiKeys, keyFromHeaders(req.headers))),
    }),
  );

  const server = http.createServer(app);
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
    },
  };
}
