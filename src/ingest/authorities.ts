/**
 * The English local authorities with children's services, from Ofsted's reference table (authorities.csv:
 * 153 current and 3 former authorities), and a resolver from the ways reports and users write a name
 * ("Telford & Wrekin", "Bristol", "Kingston upon Hull", "the Isle of Wight Council") to one authority.
 */
import fs from "node:fs";
import { parse } from "csv-parse/sync";

export type Authority = {
  /** Ofsted's unique reference number for the authority. */
  urn: string;
  /** DfE three-digit LA code. */
  laCode: string;
  /** ONS code (E06…, E08…, E09…, E10…); null for a former authority the table gives none. */
  onsCode: string | null;
  name: string;
  alsoKnownAs: string[];
  region: string;
  /** Unitary Authority, Metropolitan District, London Borough or County; null where the table leaves it blank. */
  type: string | null;
  population0to25: number | null;
  /** The ten statistical neighbours as DfE LA codes, nearest first. */
  statisticalNeighbours: string[];
  /** The council's web domain. */
  domain: string | null;
  /** Where the table says all this: its row (the header is row 1) and the neighbours cell as written. */
  row: number;
  statisticalNeighboursCell: string;
};

/** Former authorities and who took over their services, with the date (from the corpus README). */
export const SUCCESSIONS: { former: string; successors: string[]; on: string }[] = [
  { former: "836", successors: ["839"], on: "2019-04-01" },
  { former: "928", successors: ["940", "941"], on: "2021-04-01" },
  { former: "909", successors: ["942", "943"], on: "2023-04-01" },
];

type Row = Record<string, string>;

const codes = (list: string) => list.split(",").map((s) => s.trim()).filter(Boolean);

/** Reads authorities.csv (UTF-8 with a byte-order mark); throws naming the file and row on a malformed one. */
export function readAuthorities(file: string): Authority[] {
  const rows = parse(fs.readFileSync(file), { bom: true, columns: true, skip_empty_lines: true }) as Row[];
  return rows.map((row, i) => {
    const need = (column: string) => {
      const value = row[column]?.trim();
      if (!value) throw new Error(`${file} row ${i + 2}: no ${column}`);
      return value;
    };
    const population = row["ons_population_0-25"]?.trim();
    return {
      urn: need("urn"),
      laCode: need("la_code"),
      onsCode: row.la_code_new?.trim() || null,
      name: need("local_authority_ons_name"),
      alsoKnownAs: (row.also_known_as ?? "").replace(/^\[|\]$/g, "").split(",").map((s) => s.trim()).filter(Boolean),
      region: need("region_name"),
      type: row.ons_la_type?.trim() || null,
      population0to25: population ? Number(population) : null,
      statisticalNeighbours: codes(row.stat_neighbours ?? ""),
      domain: row.domain?.trim() || null,
      row: i + 2,
      statisticalNeighboursCell: (row.stat_neighbours ?? "").trim(),
    };
  });
}

/** What the resolver needs of an authority: its names and its DfE code (which tells former ones apart). */
export type NamedAuthority = Pick<Authority, "name" | "alsoKnownAs" | "laCode">;

/** Whether an authority no longer exists (it has successors). */
export const isFormer = (authority: NamedAuthority) => SUCCESSIONS.some((s) => s.former === authority.laCode);

/**
 * A name reduced to the words that tell authorities apart: lower case, "&" as "and", accents, punctuation
 * and hyphens dropped, "St." as "st", and the words that only say what kind of council it is removed
 * ("the", "council", "borough", "city of", "county", "royal", "London Borough of", …).
 */
export function nameKey(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’']s\b/g, "s")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .replace(/\b(the|council|borough|metropolitan|district|county|city|of|royal|london borough|unitary|authority|local|childrens services|children s services)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export class UnresolvedAuthority extends Error {
  constructor(readonly text: string, readonly reason: string, readonly candidates: NamedAuthority[]) {
    super(`cannot resolve the authority "${text}": ${reason}`);
  }
}

/** Maps names to authorities; a name that fits none, or several on the day given, is an UnresolvedAuthority. */
export class AuthorityResolver<T extends NamedAuthority = Authority> {
  private readonly byKey = new Map<string, T[]>();

  constructor(readonly authorities: T[]) {
    for (const authority of authorities) {
      for (const name of [authority.name, ...authority.alsoKnownAs]) this.add(nameKey(name), authority);
      // "Bristol, City of" → also "City of Bristol" and "Bristol".
      const inverted = /^(.*), (.*)$/.exec(authority.name);
      if (inverted) this.add(nameKey(`${inverted[2]} ${inverted[1]}`), authority);
    }
  }

  private add(key: string, authority: T) {
    if (!key) return;
    const list = this.byKey.get(key) ?? [];
    if (!list.includes(authority)) list.push(authority);
    this.byKey.set(key, list);
  }

  /** `on` (YYYY-MM-DD) prefers an authority that existed that day when a name fits a former one and its successor. */
  resolve(text: string, on?: string): T {
    const key = nameKey(text);
    if (!key) throw new UnresolvedAuthority(text, "it names no place", []);
    const found = this.byKey.get(key) ?? [];
    if (found.length === 1) return found[0]!;
    if (found.length > 1) {
      const existing = on ? found.filter((a) => existedOn(a, on)) : found.filter((a) => !isFormer(a));
      if (existing.length === 1) return existing[0]!;
      throw new UnresolvedAuthority(text, `it fits ${found.map((a) => a.name).join(" and ")}`, found);
    }
    // A name that begins one authority's name and no other's ("East Riding", "Bath").
    const prefixed = [...this.byKey].filter(([candidate]) => candidate.startsWith(`${key} `)).flatMap(([, list]) => list);
    const distinct = [...new Set(prefixed)];
    if (distinct.length === 1) return distinct[0]!;
    const near = this.nearest(key);
    throw new UnresolvedAuthority(text, near.length ? `no authority has that name (nearest: ${near.map((a) => a.name).join(", ")})` : "no authority has that name", near);
  }

  /** Up to three authorities sharing the most words with the key. */
  private nearest(key: string): T[] {
    const words = new Set(key.split(" "));
    const scored = this.authorities
      .map((authority) => ({ authority, score: nameKey(authority.name).split(" ").filter((w) => words.has(w)).length }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || a.authority.name.localeCompare(b.authority.name));
    return scored.slice(0, 3).map((s) => s.authority);
  }
}

function existedOn(authority: NamedAuthority, on: string): boolean {
  const ended = SUCCESSIONS.find((s) => s.former === authority.laCode);
  if (ended) return on < ended.on;
  const began = SUCCESSIONS.find((s) => s.successors.includes(authority.laCode));
  return !began || on >= began.on;
}
