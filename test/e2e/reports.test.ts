/**
 * `npm run cli -- reports`, as a process, on real Ofsted PDFs: the three Swindon reports agree with what the
 * news texts in the seed graph say of the same inspections, and the corpus's HTML pages saved as .pdf are
 * reported one line each while the other files go on. Skipped, loudly, without ../shared/ofsted.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { runCli } from "../support/processes.js";
import { readSeeds } from "../support/bundles.js";

const ofsted = loadConfig(process.env).ofstedDir;
const present = fs.existsSync(path.join(ofsted, "reports"));
if (!present) console.warn(`\n*** SKIPPING the report-reading checks: ${ofsted}/reports not found ***\n`);
const NOT_PDF = ["80429-birmingham/2012-10-19.pdf", "80431-blackpool/2012-07-13.pdf", "80490-bromley/2012-08-17.pdf", "80543-rotherham/2012-08-10.pdf"];

describe.skipIf(!present)("reports", { timeout: 120_000 }, () => {
  it("reads Swindon's reports as the seed graph knows them, and reports each non-PDF file, exiting 5", async () => {
    const files = [path.join(ofsted, "reports", "80568-swindon"), ...NOT_PDF.map((f) => path.join(ofsted, "reports", f))];
    const run = await runCli(["reports", "--json", ...files]);
    expect(run.code, run.stderr).toBe(5);
    for (const file of NOT_PDF) expect(run.stderr).toContain(`${file} (file): not a PDF (it is an HTML page)`);
    const result = JSON.parse(run.stdout);
    expect(result.failures).toHaveLength(4);
    expect(result.quality.ILACS).toEqual({ reports: 2, dates: 2, leadInspector: 2, everyGrade: 2, published: 2 });
    expect(result.quality.SIF).toEqual({ reports: 1, dates: 1, leadInspector: 1, everyGrade: 1, published: 1 });

    const byYear = Object.fromEntries(result.reports.map((r: any) => [r.facts.start.value.slice(0, 4), r]));
    expect(Object.keys(byYear).sort()).toEqual(["2014", "2019", "2023"]);
    for (const report of result.reports) expect(report.authority).toMatchObject({ name: "Swindon", laCode: "866" });

    // The seed graph's 2023 inspection, from the news texts: the same days and the same grades.
    const seeds = readSeeds();
    const inspection2023 = seeds.inspections.find((i) => i.id === "inspection:swindon-ilacs-2023-07")!;
    expect([byYear["2023"].facts.start.value, byYear["2023"].facts.end.value]).toEqual([inspection2023.start, inspection2023.end]);
    const seedGrades = (year: string) =>
      Object.fromEntries(seeds.judgements.filter((j) => j.id.startsWith(`judgement:swindon-${year}-`)).map((j) => [j.id.split(`${year}-`)[1], j.grade]));
    const readGrades = (year: string) => Object.fromEntries(byYear[year].facts.grades.map((g: any) => [g.area, g.grade]));
    const AREA = { overall: "OVERALL_EFFECTIVENESS", leaders: "IMPACT_OF_LEADERS", "help-and-protection": "HELP_AND_PROTECTION",
      "children-in-care-and-care-leavers": "CHILDREN_IN_CARE_AND_CARE_LEAVERS", "children-in-care": "CHILDREN_IN_CARE", "care-leavers": "CARE_LEAVERS" } as const;
    for (const year of ["2019", "2023"]) {
      const expected = Object.fromEntries(Object.entries(seedGrades(year)).map(([area, grade]) => [AREA[area as keyof typeof AREA], grade]));
      expect(readGrades(year), year).toEqual(expected);
      expect(byYear[year].facts.kind.value).toBe("ILACS_STANDARD");
      expect(byYear[year].facts.kind.inferredFrom).toMatch(/on site for 12 days/);
    }
    // 2014: the single inspection framework, requires improvement overall, as the news said.
    expect(byYear["2014"].facts).toMatchObject({ family: "SIF", kind: { value: "SIF" }, published: { value: "2014-05-23", page: 1 } });
    expect(readGrades("2014").OVERALL_EFFECTIVENESS).toBe("REQUIRES_IMPROVEMENT");
    // Every value says where it was read, and the quote-sized line it came from.
    for (const report of result.reports) {
      expect(report.facts.leadInspector.page).toBeGreaterThanOrEqual(1);
      expect(report.facts.leadInspector.line.split(/\s+/).length).toBeLessThanOrEqual(30);
      expect(report.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("exits 2 with one line when the authorities table cannot be read", async () => {
    const run = await runCli(["reports", "--authorities", "/nonexistent/authorities.csv", path.join(ofsted, "reports", "80568-swindon")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: cannot read the authorities table \/nonexistent\/authorities\.csv: /m);
  });
});
