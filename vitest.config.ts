import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // type-graphql loads graphql's CommonJS build; make our imports use the same copy (one GraphQLScalarType).
    alias: { graphql: "graphql/index.js" },
  },
  test: {
    globalSetup: ["test/support/globalSetup.ts"],
    setupFiles: ["reflect-metadata"],
    include: ["test/**/*.test.ts"],
    // One Neo4j serves the whole run and some files write to it: run files one at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ["default"],
  },
});
