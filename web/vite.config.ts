/** The explorer's build: React through Vite, GOV.UK Frontend's Sass with system fonts, everything bundled (no CDN). */
import react from "@vitejs/plugin-react";
import { NodePackageImporter } from "sass";
import { fileURLToPath } from "node:url";
import { createLogger, defineConfig } from "vite";

// Two warnings GOV.UK Frontend's CSS always raises say nothing to act on: its IE hack (below), and the
// crest image of the GOV.UK header, which this service does not show (it is not a GOV.UK service).
const logger = createLogger("warn");
const warn = logger.warn.bind(logger);
logger.warn = (message, options) => (/Invalid media query|govuk-crest/.test(message) ? undefined : warn(message, options));

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  plugins: [react()],
  css: {
    preprocessorOptions: {
      scss: { importers: [new NodePackageImporter()], quietDeps: true },
    },
    // GOV.UK Frontend keeps an old IE hack, `(min-width: 0\\0)`, that the minifier cannot parse; it drops just that rule's query.
    lightningcss: { errorRecovery: true },
  },
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500, rolldownOptions: { checks: { pluginTimings: false } } },
  customLogger: logger,
  logLevel: "warn",
});
