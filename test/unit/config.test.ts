import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

describe("config", () => {
  it("has working defaults", () => {
    const config = loadConfig({});
    expect(config.http.port).toBe(4000);
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.neo4j.database).toBe("neo4j");
    expect(config.production).toBe(false);
  });

  it.each([
    ["PORT", "eighty", /PORT/],
    ["PORT", "70000", /PORT/],
    ["NEO4J_URI", "http://localhost:7474", /NEO4J_URI: must be a bolt/],
    ["NEO4J_DATABASE", "x", /NEO4J_DATABASE/],
    ["LOG_LEVEL", "loud", /LOG_LEVEL/],
    ["NEO4J_LOCAL_PORT", "-1", /NEO4J_LOCAL_PORT/],
    ["GRAPHQL_MAX_DEPTH", "0", /GRAPHQL_MAX_DEPTH/],
  ])("rejects %s=%s with a message naming the variable", (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrowError(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrowError(message);
  });

  it("treats an empty NEO4J_URI as unset, so the bundled Neo4j is used", () => {
    expect(loadConfig({ NEO4J_URI: "  " }).neo4j.uri).toBeUndefined();
    expect(loadConfig({ NEO4J_URI: "neo4j+s://db.example:7687" }).neo4j.uri).toBe("neo4j+s://db.example:7687");
  });

  it("turns introspection off and hides internals in production", () => {
    const config = loadConfig({ NODE_ENV: "production" });
    expect(config.production).toBe(true);
    expect(config.introspection).toBe(false);
  });
});
