/**
 * Layers point one way: the folders of src/ (each domain its own) import each other without cycles,
 * src/graphql never imports a domain, and src/model sits underneath everything.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.js";

const SRC = path.join(PROJECT_ROOT, "src");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith(".ts") ? [full] : [];
  });
}

/** "domains/people" for a domain's files, the top folder (or file) under src/ otherwise. */
function unitOf(file: string): string {
  const parts = path.relative(SRC, file).split(path.sep);
  if (parts[0] === "domains") return `domains/${parts[1]}`;
  return parts.length > 1 ? parts[0]! : parts[0]!.replace(/\.ts$/, "");
}

const IMPORT = /(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g;

/** Folder → folders it imports, from every relative import (type-only ones too: they couple the code as much). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC)) {
    const from = unitOf(file);
    for (const [, spec] of fs.readFileSync(file, "utf8").matchAll(IMPORT)) {
      const to = unitOf(path.resolve(path.dirname(file), spec!.replace(/\.js$/, ".ts")));
      if (to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

/** Every cycle found by depth-first search, as "a → b → a". */
function cycles(graph: Map<string, Set<string>>): string[] {
  const found: string[] = [];
  const state = new Map<string, "active" | "done">();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, "active");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "active") found.push([...stack.slice(stack.indexOf(next)), next].join(" → "));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

describe("architecture", () => {
  const graph = folderGraph();

  it("reads the import graph", () => {
    expect(graph.size).toBeGreaterThan(10);
    expect(graph.get("api")).toContain("graphql");
  });

  it("has no import cycles between folders", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("the cycle check itself finds a cycle", () => {
    expect(cycles(new Map([["a", new Set(["b"])], ["b", new Set(["a"])]]))).toEqual(["a → b → a"]);
  });

  it("src/graphql imports no domain: the schema is composed in src/api, above both", () => {
    expect([...(graph.get("graphql") ?? [])].filter((to) => to.startsWith("domains/") || to === "api")).toEqual([]);
  });

  it("src/model sits underneath everything", () => {
    expect([...(graph.get("model") ?? [])].filter((to) => to !== "errors")).toEqual([]);
  });

  it("no two classes share a name (a reader searching for one finds one)", () => {
    const names = sourceFiles(SRC).flatMap((file) =>
      [...fs.readFileSync(file, "utf8").matchAll(/^(?:export )?(?:abstract )?class (\w+)/gm)].map(([, name]) => `${name} ${path.relative(SRC, file)}`),
    );
    const byName = new Map<string, string[]>();
    for (const entry of names) {
      const [name, file] = entry.split(" ") as [string, string];
      byName.set(name, [...(byName.get(name) ?? []), file]);
    }
    expect(names.length).toBeGreaterThan(40);
    expect([...byName].filter(([, files]) => files.length > 1)).toEqual([]);
  });

  it("only src/config.ts reads process.env", () => {
    const readers = sourceFiles(SRC).filter((file) => /process\.env\b/.test(fs.readFileSync(file, "utf8")));
    expect(readers.map((file) => path.relative(SRC, file))).toEqual(["config.ts"]);
  });
});
