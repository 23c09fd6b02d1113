/**
 * The explorer web app (web/, built by Vite into WEB_DIR) at `/`: hashed assets cached for a year, every other
 * browser address answered with its index.html so each page's URL can be shared and reloaded. GraphiQL keeps
 * /graphql. When the app has not been built, `/` says so and how to build it instead of failing silently.
 */
import express, { type Router } from "express";
import fs from "node:fs";
import path from "node:path";

/** Addresses the app never owns: the API and its tools answer these, or nothing does. */
const NOT_APP = /^\/(graphql|graphiql|healthz)(\/|$)/;

export function webAppRouter(webDir: string): Router {
  const router = express.Router();
  const index = path.join(webDir, "index.html");
  router.use("/assets", express.static(path.join(webDir, "assets"), { immutable: true, maxAge: "365d", index: false, fallthrough: false }));
  router.get(/.*/, (req, res, next) => {
    if (NOT_APP.test(req.path) || path.extname(req.path) !== "" || !req.accepts("html")) return next();
    if (!fs.existsSync(index)) {
      res.status(503).type("text/plain").send(`The explorer has not been built (no ${index}). Run \`npm run build:web\`, or \`npm start\`, which builds it.\n`);
      return;
    }
    // The shell is small and names the hashed bundles: never cache it, so a new build is seen at once.
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(index);
  });
  return router;
}
