/** Every mutation declares the role it needs, and the declaration is one the auth plugin knows. */
import { describe, expect, it } from "vitest";
import { getSchema } from "../../src/api/schema.js";
import { RANK } from "../../src/auth/apiKeys.js";

describe("mutation roles", () => {
  it("every Mutation field declares a known role (an undeclared one would need admin)", async () => {
    const fields = Object.values((await getSchema()).getMutationType()!.getFields());
    expect(fields.length).toBeGreaterThan(5);
    const bad = fields.filter((field) => !(typeof field.extensions.role === "string" && field.extensions.role in RANK));
    expect(bad.map((field) => field.name)).toEqual([]);
    expect(fields.find((field) => field.name === "importBundle")?.extensions.role).toBe("admin");
  });
});
