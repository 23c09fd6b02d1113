/** Reads a bundle folder (or one file): every *.json parsed and shape-checked, errors with file and JSON path. */
import fs from "node:fs";
import path from "node:path";
import { BUNDLE_SECTIONS, bundleFile, type Bundle } from "./bundleSchema.js";
import { NODE_SECTIONS, RELATIONSHIP_SECTIONS, type RelationshipOwners } from "../model/graphMapping.js";

export type BundleProblem = { file: string; path: string; message: string };

export class BundleError extends Error {
  override name = "BundleError";
  constructor(readonly problems: BundleProblem[]) {
    super(
      `Bundle is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` +
        problems.map((p) => `  ${p.file} ${p.path}: ${p.message}`).join("\n"),
    );
  }
}

/** Where each record came from, for error messages after the files are merged. */
export type Origin = { file: string; path: string };
export type LoadedBundle = {
  bundle: Bundle;
  origins: Map<object, Origin>;
  files: string[];
  /** Whose relationships the bundle states in full: see relationshipOwners (scoped per folder or file given). */
  owners: RelationshipOwners;
  /** The sections each scope's files carry (even empty), by scope. */
  carried: Map<number, Set<keyof Bundle>>;
};

/** How many records a bundle (or some of its sections) holds. */
export function recordCount(bundle: Readonly<Record<string, readonly unknown[]>>): number {
  return Object.values(bundle).reduce((sum, list) => sum + list.length, 0);
}

export function emptyBundle(): Bundle {
  return Object.fromEntries(BUNDLE_SECTIONS.map((s) => [s, []])) as unknown as Bundle;
}

export function listBundleFiles(target: string): string[] {
  if (!fs.existsSync(target)) throw new BundleError([{ file: target, path: "$", message: "no such file or folder" }]);
  if (fs.statSync(target).isFile()) return [path.resolve(target)];
  return fs
    .readdirSync(target, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => path.resolve(target, name));
}

/** Reads and merges one or more bundle folders/files; throws BundleError listing every shape problem. */
export function readBundles(targets: string[]): LoadedBundle {
  return readBundleFiles(bundleFilesOf(targets));
}

/** A bundle file and its scope: which folder or file given to the import it belongs to. */
export type ScopedFile = { file: string; scope: number };

export function bundleFilesOf(targets: string[]): ScopedFile[] {
  return targets.flatMap((target, scope) => listBundleFiles(target).map((file) => ({ file, scope })));
}

/**
 * Reads and merges some files of an import. `carried`: the sections each scope carries in any of its files,
 * when only part of a scope is read (a large import reads a folder a few files at a time).
 */
export function readBundleFiles(files: ScopedFile[], carried?: ReadonlyMap<number, ReadonlySet<keyof Bundle>>): LoadedBundle {
  return mergeBundleFiles(
    files.map(({ file, scope }) => {
      try {
        return { file, scope, json: JSON.parse(fs.readFileSync(file, "utf8")) as unknown };
      } catch (error) {
        return { file, scope, error: `not valid JSON: ${(error as Error).message}` };
      }
    }),
    carried,
  );
}

/** A bundle given as a value (e.g. a mutation's argument), named `origin` in error messages. */
export function bundleFromValue(json: unknown, origin: string): LoadedBundle {
  return mergeBundleFiles([{ file: origin, scope: 0, json }]);
}

/** `scope`: which folder or file given to the import the file belongs to. */
type BundleInput = { file: string; scope: number; json?: unknown; error?: string };

function mergeBundleFiles(inputs: BundleInput[], carried?: ReadonlyMap<number, ReadonlySet<keyof Bundle>>): LoadedBundle {
  const bundle = emptyBundle();
  const origins = new Map<object, Origin>();
  const problems: BundleProblem[] = [];
  const scopes = new Map<number, { carried: Set<keyof Bundle>; bundle: Bundle }>();
  for (const { file, scope, json, error } of inputs) {
    if (error) {
      problems.push({ file, path: "$", message: error });
      continue;
    }
    const parsed = bundleFile.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ file, path: jsonPath(issue.path), message: issue.message });
      continue;
    }
    if (!scopes.has(scope)) scopes.set(scope, { carried: new Set(), bundle: emptyBundle() });
    const own = scopes.get(scope)!;
    for (const section of BUNDLE_SECTIONS) {
      if (parsed.data[section] !== undefined) own.carried.add(section);
      (parsed.data[section] ?? []).forEach((record, index) => {
        origins.set(record, { file, path: `$.${section}[${index}]` });
        (bundle[section] as object[]).push(record);
        (own.bundle[section] as object[]).push(record);
      });
    }
  }
  if (problems.length > 0) throw new BundleError(problems);
  const stated = [...scopes].map(([scope, own]) => ({ ...own, carried: carried?.get(scope) ?? own.carried }));
  const carriedByScope = new Map([...scopes].map(([scope, own]) => [scope, own.carried]));
  return { bundle, origins, files: inputs.map((i) => i.file), owners: relationshipOwners(stated), carried: carriedByScope };
}

export function jsonPath(parts: (string | number)[]): string {
  return "$" + parts.map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`)).join("");
}


/**
 * A scope (one folder, file or mutation value) that carries a relationship section, even empty, states it
 * in full for the nodes it defines of the section's owner labels (its posts): what the import no longer
 * lists for them is removed. A scope without the section (a single file, a one-record mutation) leaves
 * the relationships of its posts alone, whatever other folders of the same import carry.
 */
export function relationshipOwners(scopes: { carried: ReadonlySet<keyof Bundle>; bundle: Bundle }[]): RelationshipOwners {
  const owners: RelationshipOwners = new Map(RELATIONSHIP_SECTIONS.map((spec) => [spec, []]));
  for (const { carried, bundle } of scopes) {
    for (const spec of RELATIONSHIP_SECTIONS.filter((s) => carried.has(s.section))) {
      for (const node of NODE_SECTIONS.filter((n) => spec.from.allowed.includes(n.label))) {
        const records = bundle[node.section] as unknown as { id: string }[];
        owners.get(spec)!.push(...records.map((record) => ({ label: node.label, id: record.id })));
      }
    }
  }
  return owners;
}
