import { defineConfig } from "vitest/config";

/**
 * Three speeds. `unit`: no database, no child processes. `integration`: one real Neo4j (started once by
 * the global setup and shared); read-only files run in parallel, files that write (`integration/writes`)
 * run one at a time after them, each restoring the graph (test/support/restoring.ts). `e2e`: `npm start`
 * and the compiled build in their own data folders, the browser, and (`e2e/writes`, one at a time, last)
 * the CLI as processes and a second database. `reliability`: load, a fuzzer and kill -9 mid-write, last.
 *
 * Groups run in order, and the projects of one group side by side: first everything that only reads the
 * shared graph (or uses its own data folder), then its writers one at a time, so no writer ever runs beside
 * another file that reads or writes the same data.
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
    // Most test time is spent waiting on Neo4j and child processes, not on this process's CPU.
    maxWorkers: 3,
    projects: [
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts"], sequence: { groupOrder: 0 } } },
      {
        extends: true,
        test: { name: "integration", include: ["test/integration/*.test.ts"], ...neo4j, fileParallelism: true, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: "integration-writes", include: ["test/integration/writes/*.test.ts"], ...neo4j, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
      { extends: true, test: { name: "e2e", include: ["test/e2e/*.test.ts"], ...neo4j, fileParallelism: true, sequence: { groupOrder: 0 } } },
      {
        extends: true,
        test: { name: "e2e-writes", include: ["test/e2e/writes/*.test.ts"], ...neo4j, fileParallelism: false, sequence: { groupOrder: 2 } },
      },
      {
        // Load, fuzzing and kill -9: last and alone, since they load the machine and (kills) write.
        extends: true,
        test: { name: "reliability", include: ["test/reliability/*.test.ts"], ...neo4j, fileParallelism: false, sequence: { groupOrder: 3 } },
      },
    ],
  },
});
