/** GraphiQL served from this server's own node_modules: the machines have no internet, so no CDN. */
import express, { type Router } from "express";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const dir = (pkg: string) => path.dirname(require.resolve(`${pkg}/package.json`));

export const GRAPHIQL_ASSETS = {
  "react.js": path.join(dir("react"), "umd", "react.production.min.js"),
  "react-dom.js": path.join(dir("react-dom"), "umd", "react-dom.production.min.js"),
  "graphiql.js": path.join(dir("graphiql"), "graphiql.min.js"),
  "graphiql.css": path.join(dir("graphiql"), "graphiql.min.css"),
} as const;

const EXAMPLE_QUERY = `# Welcome. Try:
{
  sources(kind: NEWS) {
    id
    title
    publisher
    published
  }
}
`;

export function graphiqlPage(endpoint: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Children's services graph — GraphiQL</title>
  <link rel="stylesheet" href="/graphiql/graphiql.css">
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql/react.js"></script>
  <script src="/graphiql/react-dom.js"></script>
  <script src="/graphiql/graphiql.js"></script>
  <script src="/graphiql/start.js" data-endpoint="${endpoint}"></script>
</body>
</html>`;
}

/** Starts GraphiQL: a file of its own rather than an inline script, so the page passes a CSP of 'self' only. */
const START_SCRIPT = `const endpoint = document.currentScript.dataset.endpoint;
const fetcher = GraphiQL.createFetcher({ url: endpoint });
ReactDOM.createRoot(document.getElementById("graphiql")).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(EXAMPLE_QUERY)} }),
);
`;

export function graphiqlRouter(): Router {
  const router = express.Router();
  for (const [name, file] of Object.entries(GRAPHIQL_ASSETS)) {
    router.get(`/graphiql/${name}`, (_req, res) => res.sendFile(file, { maxAge: "1h" }));
  }
  router.get("/graphiql/start.js", (_req, res) => res.type("text/javascript").send(START_SCRIPT));
  return router;
}
