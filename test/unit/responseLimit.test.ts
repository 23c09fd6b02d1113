import { describe, expect, it } from "vitest";
import { stringifyWithinLimit } from "../../src/api/executionLimits.js";
import type { Config } from "../../src/config.js";

const limit = (maxResponseBytes: number) => stringifyWithinLimit({ maxResponseBytes } as Config["limits"]);

describe("the response size cap, checked as the answer is serialised once", () => {
  const answer = { data: { name: "Swindon" }, extensions: { queryCount: 1 } };
  const size = Buffer.byteLength(JSON.stringify(answer));

  it("sends an answer of exactly the cap as it is, and refuses one byte more", () => {
    expect(limit(size)(answer)).toBe(`${JSON.stringify(answer)}\n`);
    const refused = JSON.parse(limit(size - 1)(answer));
    expect(refused.data).toBeNull();
    expect(refused.errors[0].extensions).toEqual({ code: "RESPONSE_TOO_LARGE", maxBytes: size - 1, bytes: size });
    expect(refused.extensions).toEqual({ queryCount: 1 });
  });

  it("counts bytes, not characters", () => {
    const accented = { data: { name: "Égalité ✓" } };
    const characters = JSON.stringify(accented).length;
    expect(Buffer.byteLength(JSON.stringify(accented))).toBeGreaterThan(characters);
    expect(JSON.parse(limit(characters)(accented)).errors[0].extensions.code).toBe("RESPONSE_TOO_LARGE");
  });

  it("never replaces a mutation's answer at its time limit (it says which writes committed)", () => {
    const timedOut = { errors: [{ message: "late", extensions: { code: "TIME_LIMIT_EXCEEDED" } }], data: { first: { id: "x".repeat(100) }, second: null } };
    expect(limit(10)(timedOut)).toBe(`${JSON.stringify(timedOut)}\n`);
  });

  it("never replaces an answer without data (errors alone are sent as they are)", () => {
    const failed = { errors: [{ message: "x".repeat(100) }] };
    expect(limit(10)(failed)).toBe(`${JSON.stringify(failed)}\n`);
  });
});
