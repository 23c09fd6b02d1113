/** docker-compose.yml is the deployment path; no Docker engine runs here, so check its wiring statically. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PROJECT_ROOT } from "../../src/config.js";

const compose = parse(fs.readFileSync(path.join(PROJECT_ROOT, "docker-compose.yml"), "utf8"));
const dockerfile = fs.readFileSync(path.join(PROJECT_ROOT, "Dockerfile"), "utf8");
// Compose's `!reset` tag (drop the base file's value) read as the value it resets to.
const scale = parse(fs.readFileSync(path.join(PROJECT_ROOT, "docker-compose.scale.yml"), "utf8"), {
  customTags: [{ tag: "!reset", collection: "seq", resolve: (value: unknown) => value } as never],
});
const nginx = fs.readFileSync(path.join(PROJECT_ROOT, "deploy", "nginx.conf"), "utf8");

describe("docker-compose.yml", () => {
  it("runs Neo4j 5.26 Community with a healthcheck and a data volume", () => {
    const neo4j = compose.services.neo4j;
    expect(neo4j.image).toBe("neo4j:5.26-community");
    expect(neo4j.healthcheck.test.join(" ")).toContain("cypher-shell");
    expect(neo4j.volumes[0]).toMatch(/^neo4j-data:\/data$/);
    expect(Object.keys(compose.volumes)).toContain("neo4j-data");
  });

  it("wires the API to that Neo4j by NEO4J_URI once it is healthy", () => {
    const api = compose.services.api;
    expect(api.build).toBe(".");
    expect(api.environment.NEO4J_URI).toBe("bolt://neo4j:7687");
    expect(api.depends_on.neo4j.condition).toBe("service_healthy");
    expect(api.ports).toContain("4000:4000");
  });

  it("builds the API on Node 24 in two stages and runs the compiled entry point of npm start", () => {
    const stages = dockerfile.split(/^FROM /m).slice(1);
    expect(stages).toHaveLength(2);
    for (const stage of stages) expect(stage).toMatch(/^node:24/);
    const [build, run] = stages as [string, string];
    const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8"));
    expect(build).toContain("RUN npm run build");
    expect(pkg.scripts.build).toBe("tsc -p tsconfig.build.json");
    // The final stage: production dependencies and the compiled JavaScript only, no TypeScript runner.
    expect(run).toContain("npm ci --omit=dev");
    expect(run).toContain("COPY --from=build /app/dist ./dist");
    // The explorer is built in the first stage and only its static files are shipped.
    expect(build).toContain("npm run build:web");
    expect(run).toContain("COPY --from=build /app/web/dist ./web/dist");
    expect(run).not.toMatch(/COPY src|tsx/);
    expect(pkg.dependencies.tsx).toBeUndefined();
    // npm start runs src/main.ts; the image runs what the build makes of it.
    expect(pkg.scripts.start).toBe("node --import tsx src/main.ts");
    expect(pkg.scripts["start:compiled"]).toBe("node dist/src/main.js");
    expect(run).toContain('CMD ["node", "dist/src/main.js"]');
  });
});

describe("docker-compose.scale.yml", () => {
  it("puts the API instances behind nginx, the only published port, once they are healthy", () => {
    expect(scale.services.api.ports).toEqual([]);
    expect(scale.services.api.environment.TRUST_PROXY).toBe("1");
    expect(scale.services.lb.image).toMatch(/^nginx:1\.27/); // `server … resolve` needs nginx 1.27.3+
    expect(scale.services.lb.ports).toEqual(["4000:80"]);
    expect(scale.services.lb.depends_on.api.condition).toBe("service_healthy");
    expect(scale.services.lb.volumes).toContain("./deploy/nginx.conf:/etc/nginx/nginx.conf:ro");
    expect(dockerfile).toMatch(/HEALTHCHECK .*\/healthz/);
  });

  it("balances over every api container, re-resolved through Docker's DNS, keeping connections alive", () => {
    expect(nginx).toMatch(/resolver 127\.0\.0\.11/);
    expect(nginx).toMatch(/server api:4000 resolve;/);
    expect(nginx).toMatch(/proxy_pass http:\/\/api;/);
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-For/);
  });
});
