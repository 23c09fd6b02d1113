/**
 * Builds the explorer: regenerates the typed schema gql.tada reads from schema/schema.graphql, type-checks the
 * app against it and validates every operation (one the schema no longer answers fails here), then bundles it with Vite into
 * web/dist. `--if-stale` skips all of it when web/dist is newer than every input (what `npm start` runs).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const webDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(webDir);
const built = path.join(webDir, "dist", "index.html");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

function newestInput(): number {
  const inputs = [path.join(root, "schema", "schema.graphql"), path.join(root, "package-lock.json"), path.join(webDir, "index.html"), path.join(webDir, "vite.config.ts")];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name !== "graphql-env.d.ts") inputs.push(file);
    }
  };
  walk(path.join(webDir, "src"));
  return Math.max(...inputs.map((file) => fs.statSync(file).mtimeMs));
}

export async function buildWeb({ ifStale = false } = {}): Promise<void> {
  if (ifStale && fs.existsSync(built) && fs.statSync(built).mtimeMs > newestInput()) return;
  const started = Date.now();
  console.log("Building the explorer (web/ → web/dist)…");
  const run = (file: string, args: string[]) => execFileSync(file, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  run(bin("gql.tada"), ["generate", "output", "--tsconfig", "web/tsconfig.json"]);
  run(bin("tsc"), ["-p", "web/tsconfig.json"]);
  // Validation the types cannot express (fields that conflict across fragments, unknown arguments…).
  run(bin("gql.tada"), ["check", "--tsconfig", "web/tsconfig.json", "--fail-on-warn"]);
  const { build } = await import("vite");
  await build({ configFile: path.join(webDir, "vite.config.ts") });
  console.log(`Explorer built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  buildWeb({ ifStale: process.argv.includes("--if-stale") }).catch((error: unknown) => {
    console.error(`web/build.ts: the explorer did not build: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
