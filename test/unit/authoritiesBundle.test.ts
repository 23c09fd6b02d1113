/**
 * seeds/authorities is what `npm run cli -- authorities` makes of the authorities table, and its quotes are
 * the table's and the corpus README's own words. Skipped, loudly, without ../shared/ofsted.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, PROJECT_ROOT } from "../../src/config.js";
import { readAuthorities } from "../../src/ingest/authorities.js";
import { authoritiesBundle, authorityFields } from "../../src/ingest/authoritiesBundle.js";
import { readSeeds } from "../support/bundles.js";

const ofsted = loadConfig(process.env).ofstedDir;
const csv = path.join(ofsted, "authorities.csv");
const present = fs.existsSync(csv);
if (!present) console.warn(`\n*** SKIPPING the authorities bundle checks: ${csv} not found ***\n`);
const committed = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "seeds", "authorities", "authorities.json"), "utf8"));

describe("seeds/authorities", () => {
  it("holds every other authority as a council, ten ranked neighbours each, and the five successions", () => {
    expect(committed.organisations).toHaveLength(155);
    expect(new Set(committed.organisations.map((o: { id: string }) => o.id)).size).toBe(155);
    expect(committed.neighbours.length).toBeGreaterThanOrEqual(1500);
    expect(committed.successions).toHaveLength(5);
    for (const n of committed.neighbours) expect(n.evidence[0].quote.split(/\s+/).length).toBeLessThanOrEqual(30);
  });

  it.skipIf(!present)("is exactly what the generator makes of the table", () => {
    expect(JSON.parse(JSON.stringify(authoritiesBundle(csv)))).toEqual(committed);
  });

  it.skipIf(!present)("quotes the table's rows and the README's own words", () => {
    const table = fs.readFileSync(csv, "utf8");
    const readme = fs.readFileSync(path.join(ofsted, "README.md"), "utf8").replace(/\s+/g, " ");
    const quotes = [...committed.organisations, ...committed.neighbours, ...committed.successions].flatMap((r: { evidence: { source: string; quote: string }[] }) => r.evidence);
    for (const e of quotes) expect(e.source === "source:ofsted-corpus-readme" ? readme : table, e.quote).toContain(e.quote);
  });

  it.skipIf(!present)("Swindon keeps the seed graph's record, with the table's codes", () => {
    const swindon = readAuthorities(csv).find((a) => a.laCode === "866")!;
    const record = readSeeds().organisations.find((o) => o.id === "org:swindon-borough-council")!;
    expect(record).toMatchObject(authorityFields(swindon));
    expect(committed.neighbours.filter((n: { authority: string }) => n.authority === "org:swindon-borough-council")).toHaveLength(10);
  });
});
