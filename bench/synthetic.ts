/**
 * A seeded synthetic graph for the benchmark tiers: `authorities` councils × `years` years, each with its
 * bodies, posts and holders, a yearly inspection (judged every third year) with findings tagged with the
 * reference themes and service areas, meetings, and a source per inspection that evidences it all. About
 * 370 nodes per authority: 27 authorities ≈ 10k nodes, 280 ≈ 100k, 2,700 ≈ 1M. Everything is fictional
 * ("Synthetic Authority 12"), every claim carries a one-sentence evidence quote of its own, and the same
 * seed always gives the same bundle, so tiers can be compared run to run.
 */
import fs from "node:fs";
import path from "node:path";

export type SyntheticOptions = { authorities: number; years?: number; firstYear?: number; seed?: number; findingsPerInspection?: number };

/** mulberry32: a small, well-known seeded PRNG (enough for picking themes; not for anything secret). */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const THEMES = [
  "theme:plan-quality", "theme:drift-and-delay", "theme:workforce-stability", "theme:management-oversight", "theme:placement-sufficiency",
  "theme:permanence", "theme:leadership-and-governance", "theme:quality-assurance", "theme:assessment-quality", "theme:risk-management",
  "theme:partnership-working", "theme:voice-of-the-child", "theme:timeliness-of-response", "theme:early-help", "theme:front-door",
];
const AREAS = ["area:help-and-protection", "area:children-in-care", "area:care-leavers", "area:leadership"];
const KINDS = ["STRENGTH", "WEAKNESS", "RECOMMENDATION", "PROGRESS"] as const;
const GRADES = ["OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE"] as const;
const JUDGEMENT_AREAS = [
  "judgement-area:ilacs-2018-overall", "judgement-area:ilacs-2018-leaders", "judgement-area:ilacs-2018-help-and-protection",
  "judgement-area:ilacs-2018-children-in-care-and-care-leavers",
];
const ROLES = [["dcs", "DCS", "Director of Children's Services"], ["leader", "LEADER", "Leader"], ["chief-executive", "CHIEF_EXECUTIVE", "Chief Executive"],
  ["lead-member", "CABINET_MEMBER", "Cabinet Member for Children's Services"]] as const;

type Record = { [key: string]: unknown };
export type SyntheticBundle = { [section: string]: Record[] };

const pad = (n: number) => String(n).padStart(2, "0");

/** The bundle for the options, one authority at a time (`onAuthority` receives each, so large tiers stream to disk). */
export function generateSynthetic(options: SyntheticOptions, onAuthority: (bundle: SyntheticBundle, index: number) => void): void {
  const { authorities, years = 12, firstYear = 2013, seed = 1, findingsPerInspection = 24 } = options;
  const random = prng(seed);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  for (let a = 1; a <= authorities; a++) {
    const slug = `synthetic-authority-${a}`;
    const council = `org:${slug}`;
    const b: SyntheticBundle = {
      sources: [], organisations: [], posts: [], people: [], occupancies: [], inspections: [], judgements: [], findings: [], meetings: [], memberships: [],
    };
    const evidence = (source: string, sentence: string) => [{ source, quote: sentence, locator: "paragraph 1" }];
    b.organisations!.push(
      { id: council, name: `Synthetic Authority ${a} (benchmark data)`, kind: "COUNCIL" },
      { id: `org:${slug}-cabinet`, name: `Synthetic Authority ${a} Cabinet`, kind: "CABINET", partOf: council },
      { id: `org:${slug}-board`, name: `Synthetic Authority ${a} Improvement Board`, kind: "IMPROVEMENT_BOARD", partOf: council },
    );
    const profile = `source:${slug}-profile`;
    b.sources!.push({ id: profile, title: `Synthetic Authority ${a} profile (benchmark data)`, publisher: null, published: `${firstYear}`, kind: "OTHER" });
    for (const [key, role, title] of ROLES) {
      const post = `post:${slug}-${key}`;
      b.posts!.push({ id: post, title: `${title}, Synthetic Authority ${a}`, role, organisation: council, ...(role === "CABINET_MEMBER" ? { portfolio: "Children's services" } : {}) });
      // Holders in turn: a new one every four years, the last still in post.
      for (let term = 0; term * 4 < years; term++) {
        const person = `person:${slug}-${key}-${term + 1}`;
        b.people!.push({ id: person, name: `Holder ${term + 1} of the ${key} post, Synthetic Authority ${a}`, unnamed: false, description: "Benchmark data." });
        const start = `${firstYear + term * 4}-${pad(1 + Math.floor(random() * 12))}`;
        const ends = (term + 1) * 4 < years;
        b.occupancies!.push({
          id: `occupancy:${slug}-${key}-${term + 1}`, person, post, start, ...(ends ? { end: `${firstYear + (term + 1) * 4}-${pad(1 + Math.floor(random() * 12))}` } : {}),
          status: pick(["SUBSTANTIVE", "INTERIM"]), attestedOn: [`${firstYear + term * 4 + 1}`],
          evidence: evidence(profile, `Holder ${term + 1} took the ${key} post in ${start}.`),
        });
      }
    }
    b.memberships!.push({
      id: `membership:${slug}-board-chair`, body: `org:${slug}-board`, member: `person:${slug}-chief-executive-1`, role: "CHAIR",
      evidence: evidence(profile, "The chief executive chairs the improvement board."),
    });
    for (let y = 0; y < years; y++) {
      const year = firstYear + y;
      const source = `source:${slug}-report-${year}`;
      const month = pad(1 + Math.floor(random() * 12));
      b.sources!.push({ id: source, title: `Synthetic inspection report ${year}, Synthetic Authority ${a} (benchmark data)`, publisher: null, published: `${year}-${month}`, kind: "REPORT" });
      const graded = y % 3 === 0;
      const inspection = `inspection:${slug}-${year}`;
      b.inspections!.push({
        id: inspection, kind: graded ? "ILACS_STANDARD" : "MONITORING_VISIT", status: "HELD", authority: council, by: "org:ofsted",
        start: `${year}-${month}-${pad(1 + Math.floor(random() * 27))}`, published: `${year}-${month}`,
        evidence: evidence(source, `Inspectors visited Synthetic Authority ${a} in ${year}.`),
      });
      if (graded) {
        for (const area of JUDGEMENT_AREAS) {
          b.judgements!.push({
            id: `judgement:${slug}-${year}-${area.split(":")[1]}`, inspection, area, grade: pick(GRADES),
            evidence: evidence(source, `The ${area.split(":")[1]} judgement of ${year}.`),
          });
        }
      }
      for (let f = 1; f <= findingsPerInspection; f++) {
        const kind = pick(KINDS);
        b.findings!.push({
          id: `finding:${slug}-${year}-${f}`, inspection, kind, polarity: kind === "STRENGTH" || kind === "PROGRESS" ? "POSITIVE" : kind === "WEAKNESS" ? "NEGATIVE" : "NEUTRAL",
          summary: `Synthetic finding ${f} of ${year} about ${pick(["plans", "visits", "supervision", "placements", "assessments"])}.`,
          serviceAreas: [pick(AREAS)], themes: [...new Set([pick(THEMES), pick(THEMES)])].sort(),
          evidence: evidence(source, `Finding ${f} of the ${year} report.`),
        });
      }
      b.meetings!.push({
        id: `meeting:${slug}-board-${year}`, body: `org:${slug}-board`, date: `${year}-${pad(1 + Math.floor(random() * 12))}`, status: "HELD",
        purpose: `Reviewed progress in ${year}.`, considered: [inspection], evidence: evidence(source, `The board met about the ${year} report.`),
      });
    }
    onAuthority(b, a);
  }
}

/** Writes the tier as a bundle folder, a file per authority; returns the node count. */
export function writeSynthetic(dir: string, options: SyntheticOptions): number {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let nodes = 0;
  generateSynthetic(options, (bundle, index) => {
    nodes += Object.values(bundle).reduce((sum, records) => sum + records.length, 0);
    fs.writeFileSync(path.join(dir, `authority-${String(index).padStart(5, "0")}.json`), JSON.stringify(bundle));
  });
  return nodes;
}
