/** The seed graph as loaded into the real Neo4j: counts, evidence, unnamed people, idempotence. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cypher, type Database } from "../../src/db/gateway.js";
import { NODE_SECTIONS } from "../../src/model/graphMapping.js";
import { CLAIM_LABELS } from "../../src/model/labels.js";
import { countByLabel } from "../../src/bundles/writeBundle.js";
import { readSeeds } from "../support/bundles.js";
import { connectTestDb } from "../support/harness.js";

let db: Database;
const seeds = readSeeds();
beforeAll(async () => {
  db = await connectTestDb();
});
afterAll(() => db.close());

describe("seed graph", () => {
  it("holds one node per seed record, for every label", async () => {
    const counts = await countByLabel(db);
    for (const spec of NODE_SECTIONS) {
      expect(counts[spec.label] ?? 0, spec.label).toBe(seeds[spec.section].length);
    }
    // The five news texts about Swindon, the authorities table, the report corpus's README and its 431 PDF reports.
    expect(counts.Source).toBe(7 + 431);
    expect(counts.Organisation).toBeGreaterThan(160);
  });

  it("has every inspection and visit Swindon's sources mention, at the precision they give, reports sharpening news", async () => {
    const rows = await db.read(
      cypher("test.inspections", "MATCH (i:Inspection)-[:OF]->(:Organisation {id: 'org:swindon-borough-council'}) RETURN i.kind AS kind, i.status AS status, i.startPrecision AS p, toString(i.start) AS start, i.sequence AS sequence"),
    );
    expect(rows.map((r) => `${r.start}/${r.p}/${r.kind}/${r.status}/${r.sequence}`).sort()).toEqual([
      "2014-03-11/DAY/SIF/HELD/null", // "2014" and no framework in the news; its report gives both
      "2018-05-01/MONTH/FOCUSED_VISIT/HELD/null",
      "2019-07-01/DAY/ILACS_STANDARD/HELD/null",
      "2023-07-17/DAY/ILACS_STANDARD/HELD/null",
      "2024-01-01/YEAR/MONITORING_VISIT/HELD/2", // the second visit: only its year is known
      "2024-02-01/MONTH/MONITORING_VISIT/HELD/1",
      "2024-09-01/MONTH/MONITORING_VISIT/HELD/3",
      "2026-01-01/YEAR/ILACS_STANDARD/EXPECTED/null",
    ]);
  });

  it("gives every claim node at least one SUPPORTED_BY edge with a non-empty quote", async () => {
    for (const label of CLAIM_LABELS) {
      const [row] = await db.read(
        cypher(`test.unsupported.${label}`, `MATCH (n:${label}) WHERE NOT EXISTS { (n)-[e:SUPPORTED_BY]->(:Source) WHERE size(trim(e.quote)) > 0 } RETURN count(n) AS n`),
      );
      expect(row!.n, label).toBe(0);
    }
    const [rels] = await db.read(
      cypher("test.unsupportedRels", "MATCH ()-[r:RESPONSIBLE_FOR|ACCOUNTABLE_TO]->() WHERE size(coalesce(r.evidenceSources, [])) = 0 RETURN count(r) AS n"),
    );
    expect(rels!.n).toBe(0);
  });

  it("marks every inferred claim with what it is inferred from", async () => {
    const [row] = await db.read(
      cypher("test.inferred", "MATCH (n) WHERE n.inferred = true AND n.inferredFrom IS NULL RETURN count(n) AS n"),
    );
    expect(row!.n).toBe(0);
  });

  it("keeps unnamed people as distinct placeholders, each with its own occupancy", async () => {
    const rows = await db.read(
      cypher("test.unnamed", `MATCH (p:Person {unnamed: true})
        OPTIONAL MATCH (p)-[:HOLDS]->(o:Occupancy)-[:OF]->(post:Post)
        RETURN p.id AS id, p.name AS name, p.description AS description, collect(o.id) AS occupancies, collect(post.role) AS roles`),
    );
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.description)).size).toBe(rows.length);
    for (const row of rows) expect(row.name).toBeNull();
    const roles = rows.flatMap((r) => r.roles as string[]);
    expect(roles.filter((r) => r === "DCS").length).toBeGreaterThanOrEqual(2);
    const [shared] = await db.read(
      cypher("test.sharedOccupancy", "MATCH (o:Occupancy)<-[:HOLDS]-(p:Person) WITH o, count(p) AS holders WHERE holders > 1 RETURN count(o) AS n"),
    );
    expect(shared!.n).toBe(0);
  });

  it("the first seed load is audited: one ChangeSet touching every seeded node", async () => {
    const [row] = await db.read(
      cypher("test.seedChangeSet", "MATCH (c:ChangeSet {via: 'startup'}) RETURN count(c) AS sets, COUNT { (c)-[:TOUCHED]->() } AS touched, c.reason AS reason"),
    );
    const records = NODE_SECTIONS.reduce((sum, spec) => sum + seeds[spec.section].length, 0);
    expect(row).toMatchObject({ sets: 1, touched: records });
    expect(row!.reason).toMatch(/seed bundles/);
  });

});
