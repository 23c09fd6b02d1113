/** The production artefact: `npm run build` compiles the server once, and the compiled JavaScript serves the API. */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.js";
import { waitForOutput } from "../support/processes.js";

describe("npm run build, then node dist/src/main.js", { timeout: 120_000 }, () => {
  it("compiles, starts without tsx and answers a query", async () => {
    // The build script as the image runs it, into a folder of the test's own (a developer's dist/ is left alone).
    const outDir = path.join(PROJECT_ROOT, ".data", "compiled-test");
    fs.rmSync(outDir, { recursive: true, force: true });
    const build = spawnSync("npm", ["run", "build", "--", "--outDir", outDir], { cwd: PROJECT_ROOT, encoding: "utf8" });
    expect(build.status, build.stdout + build.stderr).toBe(0);
    const main = path.join(outDir, "src", "main.js");
    expect(fs.existsSync(main)).toBe(true);

    const { NEO4J_URI: _ignored, ...inherited } = process.env;
    const child = spawn(process.execPath, [main], {
      cwd: PROJECT_ROOT,
      env: { ...inherited, NODE_ENV: "production", NEO4J_URI: inject("neo4jUri"), PORT: "0", LOG_LEVEL: "info" } as NodeJS.ProcessEnv,
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      const app = { child: child as never, output: () => output, exited };
      const [, url] = await waitForOutput(app, /GraphQL ready at (http:\S+)/, 60_000);
      const response = await fetch(url!, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: '{ organisation(id: "org:swindon-borough-council") { name inspections { id } } }' }),
      });
      const body = (await response.json()) as { data: { organisation: { name: string; inspections: unknown[] } } };
      expect(body.data.organisation.name).toBe("Swindon Borough Council");
      expect(body.data.organisation.inspections.length).toBeGreaterThan(5);
    } finally {
      child.kill("SIGINT");
      expect(await exited).toBe(0);
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });
});
