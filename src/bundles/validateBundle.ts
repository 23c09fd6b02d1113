/**
 * Cross-record checks after the shape check: unique ids, every reference resolving to a node of an
 * allowed label (in the bundle, or already in the graph), evidence sources existing, intervals ordered.
 */
import { DAY_MS, endsBeforeStart, intervalRanges, partialRange } from "../model/partialDates.js";
import { NODE_SECTIONS, RELATIONSHIP_SECTIONS, targetsOf } from "../model/graphMapping.js";
import { labelOf, type Label } from "../model/labels.js";
import { BundleError, type BundleProblem, type LoadedBundle, type Origin } from "./readBundle.js";

type AnyRecord = Record<string, unknown> & { id?: string };

/** Ids already in the graph, for references a bundle makes to data it does not carry (e.g. reference themes). */
export type KnownIds = (ids: string[]) => Promise<Set<string>>;

export async function validateBundle(loaded: LoadedBundle, knownIds?: KnownIds): Promise<void> {
  const validator = new BundleValidator();
  validator.add(loaded);
  await validator.finish(knownIds);
}

/** References to one id outside what has been read so far: where it is referenced (the first few) and how often. */
type Unresolved = { at: Origin[]; count: number };
/** Where the first unresolved references to an id are reported; the rest are counted. */
const REPORTED_REFERENCES = 20;
/** Ids looked up in the graph per query. */
const KNOWN_IDS_BATCH = 5_000;

/**
 * The checks of a bundle read in parts (a large import reads its files a few at a time): each part's records
 * are checked as they come, keeping only what later parts need — where each id is defined, the references not
 * yet resolved, the identities and which people are unnamed — not the records themselves.
 */
export class BundleValidator {
  private readonly problems: BundleProblem[] = [];
  private readonly defined = new Map<string, Origin>();
  private readonly unresolved = new Map<string, Unresolved>();
  private readonly unnamed = new Map<string, boolean | undefined>();
  private readonly identities: { record: AnyRecord; origin: Origin }[] = [];
  private readonly relationshipKeys = new Map<string, Set<string>>();

  /** Whether an id is defined by a part added so far. */
  defines(id: string): boolean {
    return this.defined.has(id);
  }

  /** Problems found before the parts could be read (e.g. a file that is not JSON). */
  report(problems: BundleProblem[]): void {
    this.problems.push(...problems);
  }

  /** Checks a part; returns the ids it refers to that no part so far defines (in the graph, or in a later part). */
  add({ bundle, origins }: LoadedBundle): Set<string> {
    const unresolvedHere = new Set<string>();
    const where = (record: object, suffix = "") => {
      const origin = origins.get(record) ?? { file: "(unknown)", path: "$" };
      return { file: origin.file, path: origin.path + suffix };
    };
    const report = (record: object, suffix: string, message: string) => this.problems.push({ ...where(record, suffix), message });
    for (const { section } of NODE_SECTIONS) {
      for (const record of bundle[section] as AnyRecord[]) {
        const first = this.defined.get(record.id!);
        if (first) report(record, ".id", `duplicate id "${record.id}" (first defined at ${first.file} ${first.path})`);
        else this.defined.set(record.id!, where(record));
        if (section === "people") this.unnamed.set(record.id!, record.unnamed as boolean | undefined);
      }
    }
    const expect = (record: object, suffix: string, id: string, allowed: Label[]) => {
      const label = labelOf(id);
      if (!label || !allowed.includes(label)) {
        report(record, suffix, `"${id}" must refer to ${allowed.join(" or ")}, not ${label ?? "an unknown kind of id"}`);
      } else if (!this.defined.has(id)) {
        unresolvedHere.add(id);
        const entry = this.unresolved.get(id) ?? { at: [], count: 0 };
        if (entry.at.length < REPORTED_REFERENCES) entry.at.push(where(record, suffix));
        entry.count += 1;
        this.unresolved.set(id, entry);
      }
    };
    for (const spec of NODE_SECTIONS) {
      for (const record of bundle[spec.section] as AnyRecord[]) {
        for (const edge of spec.edges) {
          const value = record[edge.field];
          targetsOf(record, edge.field).forEach((target, i) =>
            expect(record, Array.isArray(value) ? `.${edge.field}[${i}]` : `.${edge.field}`, target, edge.allowed),
          );
        }
        checkEvidenceAndDates(record, expect, report);
      }
    }
    for (const spec of RELATIONSHIP_SECTIONS) {
      const seen = this.relationshipKeys.get(spec.type) ?? new Set<string>();
      this.relationshipKeys.set(spec.type, seen);
      for (const record of bundle[spec.section] as AnyRecord[]) {
        expect(record, `.${spec.from.field}`, record[spec.from.field] as string, spec.from.allowed);
        expect(record, `.${spec.to.field}`, record[spec.to.field] as string, spec.to.allowed);
        const key = [record[spec.from.field], record[spec.to.field], ...spec.key.map((k) => record[k])].join("|");
        if (seen.has(key)) report(record, "", `duplicate ${spec.type} relationship ${key}`);
        seen.add(key);
        checkEvidenceAndDates(record, expect, report);
      }
    }
    for (const record of bundle.identities as AnyRecord[]) this.identities.push({ record, origin: where(record) });
    return unresolvedHere;
  }

  /** The checks that need every part: identities, and references resolved by a later part or by the graph. */
  async finish(knownIds?: KnownIds): Promise<void> {
    const identityOrigins = new Map(this.identities.map(({ record, origin }) => [record as object, origin]));
    checkIdentities(this.identities.map((i) => i.record), this.unnamed, (record, suffix, message) => {
      const origin = identityOrigins.get(record)!;
      this.problems.push({ file: origin.file, path: origin.path + suffix, message });
    });
    const missing = [...this.unresolved.keys()].filter((id) => !this.defined.has(id));
    const inGraph = new Set<string>();
    for (let offset = 0; knownIds && offset < missing.length; offset += KNOWN_IDS_BATCH) {
      for (const id of await knownIds(missing.slice(offset, offset + KNOWN_IDS_BATCH))) inGraph.add(id);
    }
    for (const id of missing.filter((id) => !inGraph.has(id))) {
      const { at, count } = this.unresolved.get(id)!;
      const more = count > at.length ? ` (and ${count - at.length} more references to it)` : "";
      at.forEach((origin, i) => this.problems.push({
        ...origin, message: `reference "${id}" does not resolve to any ${labelOf(id)} in the bundle or the graph${i === at.length - 1 ? more : ""}`,
      }));
    }
    if (this.problems.length > 0) throw new BundleError(this.problems);
  }
}

function checkEvidenceAndDates(
  record: AnyRecord,
  expect: (record: object, suffix: string, id: string, allowed: Label[]) => void,
  report: (record: object, suffix: string, message: string) => void,
): void {
  const evidence = (record.evidence as { source: string }[] | undefined) ?? [];
  evidence.forEach((e, i) => expect(record, `.evidence[${i}].source`, e.source, ["Source"]));
  for (const [from, to] of [["start", "end"], ["issued", "lifted"], ["validFrom", "validTo"]] as const) {
    const a = record[from] as string | undefined;
    const b = record[to] as string | undefined;
    // Only a certain inversion is an error: "2024" may well end in "2024-03".
    if (a && b && endsBeforeStart(a, b)) report(record, `.${to}`, `${to} ${b} is before ${from} ${a}`);
  }
  checkBounds(record, report);
  if (record.inferred === true && !record.inferredFrom) {
    report(record, ".inferredFrom", "an inferred claim must say what it is inferred from");
  }
}

/**
 * Identities form chains that end at the record the API answers with: never a record identified with itself,
 * never one record identified with two, no cycles, and never a named record pointing at an unnamed one
 * (the placeholder is the one identified: `person` is the placeholder, `sameAs` the named record).
 */
function checkIdentities(identities: AnyRecord[], unnamed: ReadonlyMap<string, boolean | undefined>, report: (record: object, suffix: string, message: string) => void): void {
  const next = new Map<string, string>();
  for (const record of identities) {
    const person = record.person as string;
    const sameAs = record.sameAs as string;
    if (person === sameAs) report(record, ".sameAs", `a person cannot be identified with itself ("${person}")`);
    else if (next.has(person)) report(record, ".person", `"${person}" is already identified with "${next.get(person)}"; a record is the same as one other record at most`);
    else next.set(person, sameAs);
    if (unnamed.get(person) === false && unnamed.get(sameAs) === true) {
      report(record, "", `"${person}" is named and "${sameAs}" is not: identify the unnamed placeholder with the named record (person: "${sameAs}", sameAs: "${person}")`);
    }
  }
  for (const record of identities) {
    const seen = new Set<string>([record.person as string]);
    for (let at = next.get(record.person as string); at !== undefined; at = next.get(at)) {
      if (seen.has(at)) {
        report(record, "", `identities form a cycle through "${record.person}"; a chain must end at one record`);
        break;
      }
      seen.add(at);
    }
  }
}

/**
 * An end is a date or bounds, not both; its bounds leave some day for it ("after 2021, before 2020" leaves
 * none); and the bounded interval can end after it starts.
 */
function checkBounds(record: AnyRecord, report: (record: object, suffix: string, message: string) => void): void {
  const given = (field: string) => typeof record[field] === "string";
  if (!["startBefore", "startAfter", "endBefore", "endAfter"].some(given)) return;
  for (const end of ["start", "end"] as const) {
    const [before, after] = [`${end}Before`, `${end}After`];
    if (given(end) && (given(before) || given(after))) {
      report(record, `.${given(before) ? before : after}`, `give ${end} or its bounds (${before}, ${after}), not both`);
    } else if (given(before) && given(after) && partialRange(record[after] as string)[1] + DAY_MS >= partialRange(record[before] as string)[0]) {
      // Bounds exclude their whole partial date: after 2020 and before 2021 leaves no day.
      report(record, `.${before}`, `${before} ${record[before]} leaves no day after ${after} ${record[after]}`);
    }
  }
  const ranges = intervalRanges(record as never);
  const latestEnd = given("end") || given("endBefore") ? ranges.end[1] : Infinity;
  const earliestStart = given("start") || given("startAfter") ? ranges.start[0] : -Infinity;
  if (latestEnd < earliestStart) report(record, "", "the interval must end after it starts, and its dates and bounds leave no such day");
}
