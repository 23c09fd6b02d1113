/**
 * The ingest on real Ofsted PDFs: a sample of reports of every family, re-ingested now, gives exactly the
 * records committed in seeds/national; every quote is in its report; Swindon's reports resolve to the news
 * texts' inspections; the CLI writes draft bundles with --out, lists each non-PDF file and exits 5.
 * Skipped, loudly, without ../shared/ofsted.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { readBundles } from "../../src/bundles/readBundle.js";
import { seedTargets } from "../../src/bundles/loadBundles.js";
import { AuthorityResolver, readAuthorities } from "../../src/ingest/authorities.js";
import { ingestReports } from "../../src/ingest/ingest.js";
import { knownInFolders } from "../../src/ingest/known.js";
import { readPdfText } from "../../src/ingest/pdfText.js";
import { listReportFiles } from "../../src/ingest/readReports.js";
import { runCli } from "../support/processes.js";
import { SEEDS_DIR } from "../support/bundles.js";

const config = loadConfig(process.env);
const reports = path.join(config.ofstedDir, "reports");
const present = fs.existsSync(reports);
if (!present) console.warn(`\n*** SKIPPING the ingest checks: ${reports} not found ***\n`);
const NATIONAL = path.join(SEEDS_DIR, "national");

/** Swindon's three reports, an inspection of looked after children (2013) and every 25th other PDF: all three families. */
function sample(): string[] {
  const html = ["80429-birmingham/2012-10-19.pdf", "80431-blackpool/2012-07-13.pdf", "80490-bromley/2012-08-17.pdf", "80543-rotherham/2012-08-10.pdf"];
  const all = listReportFiles([reports]).filter((file) => !html.some((h) => file.endsWith(h)));
  return all.filter((file, i) => file.includes("80568-swindon") || file.endsWith("80418-norfolk/2013-08-16.pdf") || i % 25 === 0);
}

// A word hyphenated at a line end ("care-" + "experienced") is one word in a quote: join it in the page text too.
const normalise = (text: string) => text.replace(/[’‘]/g, "'").replace(/\s+/g, " ").replace(/(?<=\p{L})- (?=\p{Ll})/gu, "-");

describe.skipIf(!present)("ingest", { timeout: 240_000 }, () => {
  it("re-ingests a sample of reports into exactly the committed national records, every quote in its report", async () => {
    const files = sample();
    const known = knownInFolders(seedTargets(SEEDS_DIR).filter((folder) => path.resolve(folder) !== NATIONAL));
    const resolver = new AuthorityResolver(readAuthorities(path.join(config.ofstedDir, "authorities.csv")));
    const result = await ingestReports(files, { resolver, known, corpusDir: config.ofstedDir });
    expect(result.failures).toEqual([]);
    expect(new Set(result.reports.map((r) => r.family))).toEqual(new Set(["ILACS", "SIF", "EARLIER"]));

    const committed = readBundles([NATIONAL]).bundle;
    for (const section of ["sources", "posts", "inspections", "judgements", "findings"] as const) {
      const byId = new Map((committed[section] as { id: string }[]).map((r) => [r.id, r]));
      for (const record of result.bundle[section] as { id: string }[]) expect(byId.get(record.id), record.id).toEqual(record);
    }
    const people = new Map(committed.people.map((p) => [p.id, p]));
    for (const person of result.bundle.people) expect(people.get(person.id)).toEqual(person);
    // An occupancy may hold evidence from reports outside the sample too: the sample's own is all there.
    const occupancies = new Map(committed.occupancies.map((o) => [o.id, o]));
    for (const { evidence, attestedOn, ...occupancy } of result.bundle.occupancies) {
      const recorded = occupancies.get(occupancy.id)!;
      expect(recorded, occupancy.id).toMatchObject(occupancy);
      expect(recorded.evidence).toEqual(expect.arrayContaining(evidence));
      expect(recorded.attestedOn).toEqual(expect.arrayContaining(attestedOn));
    }
    expect(result.bundle.occupancies.length).toBeGreaterThan(0);

    // Every quote is the report's own words (line breaks aside), at most 25 words.
    for (const report of result.reports) {
      const text = normalise((await readPdfText(report.file)).pages.map((lines) => lines.join(" ")).join(" "));
      const { sources, ...claims } = report.draft.bundle;
      const own = sources[0]!.id;
      const quotes = Object.values(claims).flat().flatMap((r) => ((r as { evidence?: { source: string; quote: string }[] }).evidence ?? []))
        .filter((e) => e.source === own);
      expect(quotes.length, report.file).toBeGreaterThan(0);
      for (const { quote } of quotes) {
        expect(quote.split(/\s+/).length).toBeLessThanOrEqual(25);
        // A word hyphenated across lines is joined in the quote ("decision-making") and spaced in the page text.
        const words = normalise(quote).split(" ");
        const found = text.includes(normalise(quote)) || words.every((w) => text.includes(w.replace(/-$/, "")));
        expect(found, `${report.file}: "${quote}"`).toBe(true);
      }
    }
  });

  it("resolves Swindon's reports to the inspections the news texts reported, adding to them", async () => {
    const known = knownInFolders(seedTargets(SEEDS_DIR).filter((folder) => path.resolve(folder) !== NATIONAL));
    const resolver = new AuthorityResolver(readAuthorities(path.join(config.ofstedDir, "authorities.csv")));
    const result = await ingestReports([path.join(reports, "80568-swindon")], { resolver, known, corpusDir: config.ofstedDir });
    expect(result.reports.map((r) => r.matched)).toEqual(["inspection:swindon-inspection-2014", "inspection:swindon-ilacs-2019", "inspection:swindon-ilacs-2023-07"]);
    for (const inspection of result.bundle.inspections) expect(inspection.augments).toBe(true);
    // The 2019 report's four recommendations are the four the news item quoted: the same findings, not new ones.
    const recommendations2019 = result.bundle.findings.filter((f) => f.inspection === "inspection:swindon-ilacs-2019" && f.kind === "RECOMMENDATION");
    expect(recommendations2019.map((f) => f.id).sort()).toEqual(
      known.findings.filter((f) => f.inspection === "inspection:swindon-ilacs-2019" && f.kind === "RECOMMENDATION").map((f) => f.id).sort(),
    );
    // Judgements the news reported gain the report's evidence; the 2014 ones, which no news text graded, are new.
    const judgements = result.bundle.judgements;
    expect(judgements.filter((j) => j.augments).map((j) => j.id)).toContain("judgement:swindon-2023-overall");
    expect(judgements.filter((j) => j.inspection === "inspection:swindon-inspection-2014" && !j.augments)).toHaveLength(7);
  });

  it("reads the post holders a report describes without naming them", async () => {
    const resolver = new AuthorityResolver(readAuthorities(path.join(config.ofstedDir, "authorities.csv")));
    const result = await ingestReports([path.join(reports, "80418-norfolk", "2015-10-20.pdf")], { resolver, known: knownInFolders([]), corpusDir: config.ofstedDir });
    const { occupancies, people, posts } = result.bundle;
    expect(posts.map((p) => p.id).sort()).toEqual(["post:norfolk-chief-executive", "post:norfolk-dcs"]);
    const dcs = occupancies.filter((o) => o.post === "post:norfolk-dcs").map(({ start, status, attestedOn }) => ({ start, status, attestedOn }));
    // The interim DCS in post at the inspection is attested by it; the permanent one who was to start later is not.
    expect(dcs).toEqual([
      { start: "2013-07", status: "INTERIM", attestedOn: ["2015-07-30"] },
      { start: "2015-09", status: "SUBSTANTIVE", attestedOn: [] },
    ]);
    for (const o of occupancies) expect(people.find((p) => p.id === o.person)).toMatchObject({ name: null, unnamed: true });
    expect(occupancies[0]!.evidence[0]!.quote).toMatch(/^interim Director of Children’s Services \(DCS\) has been in post since July 2013/);
  });

  it("writes draft bundles with --out, one line per file that is not a PDF, and exits 5", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "csg-ingest-"));
    try {
      const notPdf = path.join(reports, "80429-birmingham", "2012-10-19.pdf");
      const run = await runCli(["ingest", "--json", "--out", out, path.join(reports, "80568-swindon"), notPdf]);
      expect(run.code, run.stderr).toBe(5);
      expect(run.stderr).toContain("80429-birmingham/2012-10-19.pdf (file): not a PDF (it is an HTML page)");
      const result = JSON.parse(run.stdout);
      expect(result.tally.ILACS).toMatchObject({ reports: 2, inspections: 2, judgements: 9, recommendations: 11, incomplete: [] });
      expect(result.tally.SIF).toMatchObject({ reports: 1, inspections: 1, judgements: 7 });
      expect(fs.readdirSync(out).sort()).toEqual(["inspectors.json", "swindon-borough-council.json"]);
      const written = readBundles([out]).bundle;
      expect(written.inspections.map((i) => i.id).sort()).toEqual(["inspection:swindon-ilacs-2019", "inspection:swindon-ilacs-2023-07", "inspection:swindon-inspection-2014"]);
      expect(written.sources.every((s) => s.file?.startsWith("reports/80568-swindon/") && /^[0-9a-f]{64}$/.test(s.sha256 ?? ""))).toBe(true);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
