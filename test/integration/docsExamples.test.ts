/**
 * The docs cannot drift: every ```graphql block in README.md and docs/*.md is run against the seed graph over
 * real HTTP, and the ```json block that follows it must be exactly the answer. An HTML comment on the lines
 * just above a query gives what is sent with it: `<!-- variables: {...} -->`, `<!-- headers: {...} -->`.
 * ```graphql-mutation blocks (writes, shown for illustration) are not run. Stack traces, which the server adds
 * to errors outside production, are left out of the shown answers and removed here before comparing.
 */
import { hashKey } from "../../src/auth/apiKeys.js";
import fs from "node:fs";
import path from "node:path";
import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { getSchema } from "../../src/api/schema.js";
import { PROJECT_ROOT } from "../../src/config.js";
import { useTestServer } from "../support/harness.js";

type Example = {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** The text of the ```json block right after the query, or undefined when there is none. */
  answer?: string;
};

const DOCS = ["README.md", ...fs.readdirSync(path.join(PROJECT_ROOT, "docs")).filter((f) => f.endsWith(".md")).sort().map((f) => `docs/${f}`)];
const META = /^<!--\s*(variables|headers):\s*(.*?)\s*-->\s*$/;

/** Shown-only writes: not run (they would change the graph), but checked against the schema. */
const mutations: { name: string; query: string }[] = [];

/** Every ```graphql block of one markdown file, with its meta comments and its answer block. */
function extractExamples(file: string, text: string): Example[] {
  const lines = text.split(/\r?\n/);
  const examples: Example[] = [];
  const fenceOf = (line: string) => /^(```+)\s*([\w-]*)\s*$/.exec(line);
  /** The lines of the fenced block opening at `start`, and the index just after its closing fence. */
  const block = (start: number): { body: string[]; end: number } => {
    const fence = fenceOf(lines[start]!)![1]!;
    let i = start + 1;
    while (i < lines.length && lines[i]!.trimEnd() !== fence) i++;
    return { body: lines.slice(start + 1, i), end: i + 1 };
  };

  let i = 0;
  while (i < lines.length) {
    const open = fenceOf(lines[i]!);
    if (!open) {
      i++;
      continue;
    }
    const { body, end } = block(i);
    if (open[2] === "graphql-mutation") mutations.push({ name: `${file}:${i + 1}`, query: body.join("\n") });
    if (open[2] !== "graphql") {
      i = end; // any other block (json, sh, graphql-mutation…) is not run
      continue;
    }
    const example: Example = { name: `${file}:${i + 1}`, query: body.join("\n") };
    for (let k = i - 1; k >= 0; k--) {
      const meta = META.exec(lines[k]!);
      if (!meta) break;
      const value = JSON.parse(meta[2]!);
      if (meta[1] === "variables") example.variables = value;
      else example.headers = value;
    }
    let next = end;
    while (next < lines.length && lines[next]!.trim() === "") next++;
    const answer = next < lines.length ? fenceOf(lines[next]!) : null;
    if (answer && answer[2] === "json") {
      const shown = block(next);
      example.answer = shown.body.join("\n");
      i = shown.end;
    } else {
      i = end;
    }
    examples.push(example);
  }
  return examples;
}

const examples = DOCS.flatMap((file) => extractExamples(file, fs.readFileSync(path.join(PROJECT_ROOT, file), "utf8")));
const answered = examples.filter((e) => e.answer !== undefined);

function withoutStacktraces(body: Record<string, any>) {
  for (const error of body.errors ?? []) delete error.extensions?.stacktrace;
  return body;
}

describe("the examples in README.md and docs/", () => {
  // The audit trail example reads with an editor's key, as docs/cli.md shows it.
  const server = useTestServer({ API_KEYS: `docs-editor:editor:${hashKey("example-editor-key")}` });

  it("are at least ten, and every graphql block is followed by its json answer", () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
    expect(examples.filter((e) => e.answer === undefined).map((e) => e.name)).toEqual([]);
    expect(answered.length).toBe(examples.length);
  });

  it("shows no write that could run as a read example, and every shown-only mutation is valid against the schema", async () => {
    // Run examples go through a server with no keys: a mutation among them must be shown failing to authenticate.
    for (const example of answered.filter((e) => /^\s*mutation\b/.test(e.query))) {
      expect(JSON.parse(example.answer!).errors?.[0]?.extensions?.code, example.name).toBe("UNAUTHENTICATED");
    }
    const schema = await getSchema();
    expect(mutations.length).toBeGreaterThan(0);
    for (const { name, query } of mutations) expect(validate(schema, parse(query)).map((e) => e.message), name).toEqual([]);
  });

  it.each(answered)("$name", async ({ query, variables, headers, answer }) => {
    const shown = JSON.parse(answer!);
    const { body } = await server.gql(query, variables, headers);
    expect(withoutStacktraces(body)).toEqual(shown);
  });
});
