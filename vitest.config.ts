import { defineConfig } from "vitest/config";

/**
 * Three speeds. `unit`: no database, no child processes. `integration`: one real Neo4j (started once by
 * the global setup and shared); read-only files run in parallel, files that write (`integration/writes`)
 * run one at a time after them, each restoring the graph (test/support/restoring.ts). `e2e`: `npm start`,
 * the CLI as processes, the browser, a second database; one file at a time, last.
 */
const neo4j = { globalSetup: ["test/support/globalSetup.ts"], hookTimeout: 180_000 };

export default defineConfig({
  resolve: {
    // type-graphql loads graphql's CommonJS build; make our imports use the same copy (one GraphQLScalarType).
    alias: { graphql: "graphql/index.js" },
  },
  test: {
    setupFiles: ["reflect-metadata"],
    testTimeout: 60_000,
    reporters: ["default"],
    projects: [
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts"], sequence: { groupOrder: 0 } } },
      {
        extends: true,
        test: { name: "integration", include: ["test/integration/*.test.ts"], ...neo4j, fileParallelism: true, sequence: { groupOrder: 1 } },
      },
      {
        extends: true,
        test: { name: "integration-writes", include: ["test/integration/writes/*.test.ts"], ...neo4j, fileParallelism: false, sequence: { groupOrder: 2 } },
      },
      { extends: true, test: { name: "e2e", include: ["test/e2e/*.test.ts"], ...neo4j, fileParallelism: false, sequence: { groupOrder: 3 } } },
    ],
  },
});
