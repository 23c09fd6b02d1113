/**
 * The authorities table and the name resolver, against the real table (../shared/ofsted/authorities.csv, or
 * OFSTED_DIR); skipped, loudly, where it is absent.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { AuthorityResolver, isFormer, nameKey, readAuthorities, UnresolvedAuthority } from "../../src/ingest/authorities.js";

const csv = path.join(loadConfig(process.env).ofstedDir, "authorities.csv");
const present = fs.existsSync(csv);
if (!present) console.warn(`\n*** SKIPPING the authorities checks: ${csv} not found ***\n`);

describe("name keys", () => {
  it("keep what tells authorities apart and drop what only says what kind of council it is", () => {
    expect(nameKey("the Isle of Wight Council")).toBe(nameKey("Isle of Wight"));
    expect(nameKey("Telford & Wrekin")).toBe(nameKey("Telford and Wrekin"));
    expect(nameKey("London Borough of Barking and Dagenham")).toBe("barking and dagenham");
    expect(nameKey("Southend-on-Sea")).toBe("southend on sea");
    expect(nameKey("North Somerset")).not.toBe(nameKey("Somerset"));
  });
});

describe.skipIf(!present)("the authorities of England", () => {
  const authorities = present ? readAuthorities(csv) : [];
  const resolver = new AuthorityResolver(authorities);

  it("are 153 current and 3 former authorities, each with its codes", () => {
    expect(authorities).toHaveLength(156);
    expect(authorities.filter((a) => !isFormer(a))).toHaveLength(153);
    expect(authorities.filter(isFormer).map((a) => a.name).sort()).toEqual(["Cumbria", "Northamptonshire", "Poole"]);
    for (const a of authorities.filter((x) => !isFormer(x))) {
      expect(a.onsCode, a.name).toMatch(/^E(06|08|09|10)\d{6}$/);
      expect(a.laCode, a.name).toMatch(/^\d{3}$/);
      expect(a.statisticalNeighbours.length, a.name).toBeGreaterThanOrEqual(9);
    }
    expect(authorities.find((a) => a.laCode === "866")).toMatchObject({ name: "Swindon", region: "South West", type: "Unitary Authority" });
  });

  it.each([
    ["Telford & Wrekin", "Telford and Wrekin"],
    ["Bristol", "Bristol, City of"],
    ["City of Bristol", "Bristol, City of"],
    ["Kingston upon Hull", "Kingston Upon Hull, City of"],
    ["Hull City Council", "Kingston Upon Hull, City of"],
    ["the Isle of Wight Council", "Isle of Wight"],
    ["SWINDON BOROUGH COUNCIL", "Swindon"],
    ["Royal Borough of Greenwich", "Greenwich"],
    ["County Durham", "Durham"],
    ["East Riding", "East Riding of Yorkshire"],
  ])("resolves %s", (text, name) => {
    expect(resolver.resolve(text).name).toBe(name);
  });

  it("tells a former authority from its successor by the day", () => {
    expect(resolver.resolve("Poole").name).toBe("Poole");
    expect(resolver.resolve("Bournemouth, Christchurch and Poole").name).toBe("Bournemouth, Christchurch and Poole");
    expect(resolver.resolve("BCP").laCode).toBe("839");
  });

  it("says clearly when it cannot, with the nearest names", () => {
    expect(() => resolver.resolve("Narnia")).toThrow(UnresolvedAuthority);
    expect(() => resolver.resolve("North")).toThrow(/cannot resolve the authority "North": .*nearest: /);
    expect(() => resolver.resolve("Council")).toThrow(/names no place/);
  });
});
