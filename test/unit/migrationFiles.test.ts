import { describe, expect, it } from "vitest";
import { readMigrations, splitStatements } from "../../src/db/migrations.js";

describe("migration files", () => {
  it("splits files into statements, dropping comments", () => {
    expect(splitStatements("// c\nCREATE A;\nCREATE B;\n")).toEqual(["CREATE A", "CREATE B"]);
  });
});

describe("the project's migrations", () => {
  it("are numbered, in order, and each holds at least one statement", () => {
    const files = readMigrations();
    expect(files.length).toBeGreaterThanOrEqual(4);
    files.forEach((file, i) => {
      expect(file.name).toMatch(new RegExp(`^${String(i + 1).padStart(3, "0")}_[a-z0-9_]+\\.cypher$`));
      expect(file.statements.length, file.name).toBeGreaterThan(0);
    });
  });
});
