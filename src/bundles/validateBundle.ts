/**
 * Cross-record checks after the shape check: unique ids, every reference resolving to a node of an
 * allowed label (in the bundle, or already in the graph), evidence sources existing, intervals ordered.
 */
import { DAY_MS, endsBeforeStart, intervalRanges, partialRange } from "../model/partialDates.js";
import { NODE_SECTIONS, RELATIONSHIP_SECTIONS, targetsOf } from "../model/graphMapping.js";
import { labelOf, type Label } from "../model/labels.js";
import { BundleError, type BundleProblem, type LoadedBundle } from "./readBundle.js";

type AnyRecord = Record<string, unknown> & { id?: string };

/** Ids already in the graph, for references a bundle makes to data it does not carry (e.g. reference themes). */
export type KnownIds = (ids: string[]) => Promise<Set<string>>;

export async function validateBundle(loaded: LoadedBundle, knownIds?: KnownIds): Promise<void> {
  const { bundle, origins } = loaded;
  const problems: BundleProblem[] = [];
  const where = (record: object, suffix = "") => {
    const origin = origins.get(record) ?? { file: "(unknown)", path: "$" };
    return { file: origin.file, path: origin.path + suffix };
  };
  const report = (record: object, suffix: string, message: string) => problems.push({ ...where(record, suffix), message });

  const defined = new Map<string, object>();
  for (const { section } of NODE_SECTIONS) {
    for (const record of bundle[section] as AnyRecord[]) {
      const first = defined.get(record.id!);
      if (first) {
        const firstAt = where(first);
        report(record, ".id", `duplicate id "${record.id}" (first defined at ${firstAt.file} ${firstAt.path})`);
      } else defined.set(record.id!, record);
    }
  }

  type Pending = { record: object; suffix: string; id: string; allowed: Label[] };
  const pending: Pending[] = [];
  const expect = (record: object, suffix: string, id: string, allowed: Label[]) =>
    pending.push({ record, suffix, id, allowed });

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
    const seen = new Set<string>();
    for (const record of bundle[spec.section] as AnyRecord[]) {
      expect(record, `.${spec.from.field}`, record[spec.from.field] as string, spec.from.allowed);
      expect(record, `.${spec.to.field}`, record[spec.to.field] as string, spec.to.allowed);
      const key = [record[spec.from.field], record[spec.to.field], ...spec.key.map((k) => record[k])].join("|");
      if (seen.has(key)) report(record, "", `duplicate ${spec.type} relationship ${key}`);
      seen.add(key);
      checkEvidenceAndDates(record, expect, report);
    }
  }

  checkIdentities(bundle.identities as AnyRecord[], defined as Map<string, AnyRecord>, report);

  const missing = [...new Set(pending.filter((p) => !defined.has(p.id)).map((p) => p.id))];
  const inGraph = missing.length > 0 && knownIds ? await knownIds(missing) : new Set<string>();
  for (const p of pending) {
    const label = labelOf(p.id);
    if (!label || !p.allowed.includes(label)) {
      report(p.record, p.suffix, `"${p.id}" must refer to ${p.allowed.join(" or ")}, not ${label ?? "an unknown kind of id"}`);
    } else if (!defined.has(p.id) && !inGraph.has(p.id)) {
      report(p.record, p.suffix, `reference "${p.id}" does not resolve to any ${label} in the bundle or the graph`);
    }
  }
  if (problems.length > 0) throw new BundleError(problems);
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
function checkIdentities(identities: AnyRecord[], defined: Map<string, AnyRecord>, report: (record: object, suffix: string, message: string) => void): void {
  const next = new Map<string, string>();
  for (const record of identities) {
    const person = record.person as string;
    const sameAs = record.sameAs as string;
    if (person === sameAs) report(record, ".sameAs", `a person cannot be identified with itself ("${person}")`);
    else if (next.has(person)) report(record, ".person", `"${person}" is already identified with "${next.get(person)}"; a record is the same as one other record at most`);
    else next.set(person, sameAs);
    if (defined.get(person)?.unnamed === false && defined.get(sameAs)?.unnamed === true) {
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
