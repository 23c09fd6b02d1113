/**
 * Every quote in the seeds occurs in its source text (whitespace and quote marks normalised), and no seed
 * file copies a long passage. Needs ../shared/sources (present in CI); says so loudly when skipped.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.js";
import { readSeeds, SEEDS_DIR } from "../support/bundles.js";

// The five news texts beside the repository (../shared/sources), or SOURCES_DIR: only this check reads them.
const sourcesDir = path.resolve(process.env.SOURCES_DIR ?? path.join(PROJECT_ROOT, "..", "shared", "sources"));
const haveSources = fs.existsSync(sourcesDir);
if (!haveSources) console.warn(`\n*** SKIPPING quote checks: source texts not found at ${sourcesDir} ***\n`);

export function normalise(text: string): string {
  return text.replace(/[\u2018\u2019\u201B\u2032]/g, "'").replace(/[\u201C\u201D\u201F\u2033]/g, '"').replace(/\s+/g, " ").trim();
}

describe.skipIf(!haveSources)("seed quotes against the source texts", () => {
  const seeds = readSeeds();
  const textOf = new Map(
    seeds.sources.map((s) => [s.id, s.textFile ? normalise(fs.readFileSync(path.join(sourcesDir, s.textFile), "utf8")) : null]),
  );
  const quotes: { where: string; source: string; quote: string }[] = [];
  for (const [section, records] of Object.entries(seeds)) {
    for (const record of records as Record<string, unknown>[]) {
      const evidence = (record.evidence as { source: string; quote: string }[] | undefined) ?? [];
      const where = `${section} ${(record.id as string) ?? JSON.stringify([record.post, record.serviceArea ?? record.to])}`;
      // The authorities table and the corpus README are checked by the authorities bundle's own test.
      for (const e of evidence.filter((x) => !x.source.startsWith("source:ofsted-"))) quotes.push({ where, source: e.source, quote: e.quote });
      if (section === "statements") {
        for (const e of evidence) quotes.push({ where: `${where} (statement)`, source: e.source, quote: record.quote as string });
      }
    }
  }

  it("every source used as evidence names its text file", () => {
    for (const q of quotes) expect(textOf.get(q.source), q.source).toBeTypeOf("string");
  });

  it(`every quote occurs verbatim in its source`, () => {
    expect(quotes.length).toBeGreaterThan(100);
    const missing = quotes.filter((q) => !textOf.get(q.source)?.includes(normalise(q.quote)));
    expect(missing).toEqual([]);
  });

  it("no seed file repeats 30 consecutive words of a source", () => {
    const words = (t: string) => t.toLowerCase().match(/[a-z0-9']+/g) ?? [];
    const windows = new Set<string>();
    for (const text of textOf.values()) {
      const w = words(text ?? "");
      for (let i = 0; i + 30 <= w.length; i++) windows.add(w.slice(i, i + 30).join(" "));
    }
    for (const file of fs.readdirSync(SEEDS_DIR, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".json"))) {
      const w = words(fs.readFileSync(path.join(SEEDS_DIR, file), "utf8"));
      const copied = w.some((_, i) => i + 30 <= w.length && windows.has(w.slice(i, i + 30).join(" ")));
      expect(copied, file).toBe(false);
    }
  });
});
