/** Shared reference bodies live in seeds/reference, and no council's bundle redefines them. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readBundles } from "../../src/bundles/readBundle.js";
import { SEEDS_DIR } from "../support/bundles.js";

const NATIONAL_BODIES = ["org:ofsted", "org:department-for-education", "org:secretary-of-state-for-education"];

describe("reference bodies", () => {
  it("are defined in seeds/reference, with no evidence from one council's sources", () => {
    const { bundle } = readBundles([path.join(SEEDS_DIR, "reference")]);
    const bodies = (bundle.organisations ?? []).filter((o) => NATIONAL_BODIES.includes(o.id));
    expect(bodies.map((o) => o.id).sort()).toEqual([...NATIONAL_BODIES].sort());
    for (const body of bodies) expect(body.evidence ?? []).toEqual([]);
  });

  it("are defined by no other seed folder", () => {
    const others = fs.readdirSync(SEEDS_DIR).filter((name) => name !== "reference" && fs.statSync(path.join(SEEDS_DIR, name)).isDirectory());
    expect(others.length).toBeGreaterThan(0);
    for (const folder of others) {
      const { bundle } = readBundles([path.join(SEEDS_DIR, folder)]);
      expect((bundle.organisations ?? []).map((o) => o.id).filter((id) => NATIONAL_BODIES.includes(id)), folder).toEqual([]);
    }
  });
});
