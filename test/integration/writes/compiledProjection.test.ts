/**
 * A compiled read projects only the fields asked (dates converted in Cypher) or, when a field needs more, the
 * whole node: either way its answer must be the batched path's. Every root label by id, on the seed graph's
 * most connected nodes (the example councils imported, so that every label has some), every field without arguments, and every relation one level down, read both ways:
 * `<root>(id:)` is compiled, `node(id:)` is not.
 */
import fs from "node:fs";
import path from "node:path";
import { getNamedType, isLeafType, isObjectType, type GraphQLObjectType } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { getSchema } from "../../../src/api/schema.js";
import { PROJECT_ROOT } from "../../../src/config.js";
import { projectedFields } from "../../../src/graphql/compiledReads.js";
import { cypher } from "../../../src/db/gateway.js";
import { NODE_READS } from "../../../src/model/nodeReads.js";
import { RELATION_READS } from "../../../src/model/relations.js";
import { useTestServer } from "../../support/harness.js";
import { restoreAfterFile } from "../../support/restoring.js";
import { writePathKit } from "../../support/writePath.js";

const EXAMPLES = path.join(PROJECT_ROOT, "examples", "bundles");
const kit = writePathKit();
restoreAfterFile(kit.tempDirs);
const server = useTestServer();
beforeAll(async () => {
  const councils = fs.readdirSync(EXAMPLES).map((dir) => path.join(EXAMPLES, dir));
  expect((await kit.importAs(server.db, councils)).written).toBe(true);
}, 120_000);
const schema = await getSchema();

/** Leaf fields without required arguments; `only` keeps those a compiled read projects one by one. */
function leaves(type: GraphQLObjectType, only?: ReadonlySet<string>): string[] {
  return Object.values(type.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => a.defaultValue !== undefined || !String(a.type).endsWith("!")))
    .map((f) => f.name)
    .filter((name) => !only || only.has(name));
}

function selection(label: string, projectedOnly: boolean): string {
  const type = schema.getType(label) as GraphQLObjectType;
  const pick = (t: GraphQLObjectType) => leaves(t, projectedOnly ? projectedFields(t.name as never) : undefined).join(" ");
  const relations = RELATION_READS.filter((r) => r.owner === label && r.far.length === 1).map((r) => {
    const far = schema.getType(r.far[0]!);
    return isObjectType(far) ? `${r.name} { ${pick(far)} }` : "";
  });
  return `${pick(type)} ${relations.join(" ")}`;
}

const ROOTS = NODE_READS.filter((read) => read.byId).map((read) => [read.label, read.byId!.name] as const);

describe("compiled reads answer as the batched path does", () => {
  it.each(ROOTS)("%s, projected fields and whole nodes", async (label, field) => {
    const rows = await server.db.read(
      cypher("test.mostConnected", `MATCH (n:${label}) RETURN n.id AS id ORDER BY COUNT { (n)--() } DESC, n.id LIMIT 3`),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const projectedOnly of [true, false]) {
      const sel = selection(label, projectedOnly);
      for (const { id } of rows) {
        const compiled = await server.data(`query($id: ID!) { x: ${field}(id: $id) { ${sel} } }`, { id });
        const batched = await server.data(`query($id: ID!) { x: node(id: $id) { ... on ${label} { ${sel} } } }`, { id });
        expect(compiled.x, `${label} ${id}`).toEqual(batched.x);
        expect(compiled.x).not.toBeNull();
      }
    }
  });
});
