import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.js";
import { printSdl } from "../../src/api/schema.js";

describe("schema/schema.graphql", () => {
  it("matches the schema the code builds (run `npm run schema` after changing types)", async () => {
    const committed = fs.readFileSync(path.join(PROJECT_ROOT, "schema", "schema.graphql"), "utf8");
    expect(await printSdl()).toBe(committed);
  });
});
