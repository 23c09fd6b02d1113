/** docker-compose.yml is the deployment path; no Docker engine runs here, so check its wiring statically. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PROJECT_ROOT } from "../src/config.js";

const compose = parse(fs.readFileSync(path.join(PROJECT_ROOT, "docker-compose.yml"), "utf8"));
const dockerfile = fs.readFileSync(path.join(PROJECT_ROOT, "Dockerfile"), "utf8");

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

  it("builds the API on Node 24 and starts the same entry point as npm start", () => {
    expect(dockerfile).toMatch(/^FROM node:24/m);
    const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8"));
    expect(dockerfile).toContain(`CMD ${JSON.stringify(pkg.scripts.start.split(" "))}`.replace(/","/g, '", "'));
  });
});
