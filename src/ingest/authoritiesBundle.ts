/**
 * The authorities table as a bundle: every authority a council with its official codes, region, type and
 * 0–25 population; its statistical neighbours, ranked, as relationships; former authorities linked to
 * their successors from the month the corpus README gives. Each fact cites its row of the table (or the
 * README line) in a short quote. Swindon keeps the seed graph's own record (org:swindon-borough-council).
 */
import { isFormer, readAuthorities, SUCCESSIONS, type Authority } from "./authorities.js";

export const TABLE_SOURCE = "source:ofsted-authorities-table";
export const README_SOURCE = "source:ofsted-corpus-readme";

/** Authorities the seed graph already holds under an id of its own. */
export const EXISTING_IDS: Record<string, string> = { "866": "org:swindon-borough-council" };

/** What the corpus README says of each succession (its own words, quoted), and the month it gives. */
const SUCCESSION_QUOTES: Record<string, { quote: string; month: string }> = {
  "836": { quote: "Poole became part of Bournemouth, Christchurch and Poole (April 2019)", month: "2019-04" },
  "928": { quote: "Northamptonshire was replaced by North Northamptonshire and West Northamptonshire (April 2021)", month: "2021-04" },
  "909": { quote: "Cumbria by Cumberland and Westmorland and Furness (April 2023)", month: "2023-04" },
};

export const slug = (text: string) => text.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/** "Bristol, City of" → org:bristol; "Bournemouth, Christchurch and Poole" → org:bournemouth-christchurch-and-poole. */
export const authorityId = (a: Authority) => EXISTING_IDS[a.laCode] ?? `org:${slug(a.name.replace(/, (City|County) of$/, ""))}`;

/** The facts of one authority as organisation fields (the codes the seed graph's own Swindon record carries too). */
export function authorityFields(a: Authority) {
  return {
    ...(a.onsCode ? { onsCode: a.onsCode } : {}),
    laCode: a.laCode,
    ofstedUrn: a.urn,
    region: a.region,
    ...(a.type ? { authorityType: a.type } : {}),
    ...(a.population0to25 !== null ? { population0to25: a.population0to25 } : {}),
    ...(a.alsoKnownAs.length ? { alsoKnownAs: a.alsoKnownAs } : {}),
  };
}

export function authoritiesBundle(csvFile: string) {
  const authorities = readAuthorities(csvFile);
  const byCode = new Map(authorities.map((a) => [a.laCode, a]));
  const rowEvidence = (a: Authority) => ({
    source: TABLE_SOURCE,
    quote: `${a.urn},${a.laCode},${a.onsCode ?? ""}`,
    locator: `authorities.csv row ${a.row}, columns urn, la_code, la_code_new`,
  });

  const organisations = authorities
    .filter((a) => !EXISTING_IDS[a.laCode])
    .map((a) => ({
      id: authorityId(a),
      name: a.name,
      kind: "COUNCIL",
      description: isFormer(a) ? `A former local authority (${a.region}).` : `Local authority with children's services (${a.region}).`,
      ...authorityFields(a),
      evidence: [rowEvidence(a)],
    }));

  const neighbours = authorities.flatMap((a) => {
    return a.statisticalNeighbours.map((code, i) => {
      const neighbour = byCode.get(code);
      if (!neighbour) throw new Error(`authorities.csv row ${a.row}: statistical neighbour ${code} is not in the table`);
      return {
        authority: authorityId(a),
        neighbour: authorityId(neighbour),
        rank: i + 1,
        evidence: [{ source: TABLE_SOURCE, quote: a.statisticalNeighboursCell, locator: `authorities.csv row ${a.row}, column stat_neighbours, position ${i + 1}` }],
      };
    });
  });

  const successions = SUCCESSIONS.flatMap(({ former, successors }) => {
    const { quote, month } = SUCCESSION_QUOTES[former]!;
    return successors.map((code) => ({
      predecessor: authorityId(byCode.get(former)!),
      successor: authorityId(byCode.get(code)!),
      start: month,
      evidence: [{ source: README_SOURCE, quote, locator: "README.md, section authorities.csv" }],
    }));
  });

  const sources = [
    {
      id: TABLE_SOURCE, title: "English local authorities with their codes, regions, populations and statistical neighbours (the report corpus's table of authorities)",
      publisher: null, published: null, kind: "OTHER",
      publishedNote: "The reference table supplied with the Ofsted report corpus; it states no publisher or date.",
    },
    {
      id: README_SOURCE, title: "Ofsted inspection reports of English local authorities' children's services (README of the report corpus)",
      publisher: null, published: null, kind: "OTHER",
      publishedNote: "The description supplied with the report corpus; it states no publisher or date.",
    },
  ];
  return { sources, organisations, neighbours, successions };
}
