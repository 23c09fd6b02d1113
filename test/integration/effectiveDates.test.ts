/**
 * One effective date everywhere: every dated list of the seed graph is ordered by it (undated last, then by
 * id), and each claim's `effectiveDate` says which date it is, by the rule start → end → own date or
 * publication → earliest source. Checked over the real seed data, list by list, against the seeds themselves.
 */
import { describe, expect, it } from "vitest";
import { sortDay } from "../../src/model/partialDates.js";
import { readSeeds } from "../support/bundles.js";
import { useTestServer } from "../support/harness.js";

const server = useTestServer();
const SWINDON = "org:swindon-borough-council";
const EFFECTIVE = "effectiveDate { date basis }";

type Dated = { id: string; effectiveDate: { date: string; basis: string } | null };

/** Ordered by effective date at the middle of its range, undated last, ties by id. */
function expectOrdered(list: Dated[], what: string) {
  const key = (d: Dated) => (d.effectiveDate ? sortDay(d.effectiveDate.date) : Number.POSITIVE_INFINITY);
  for (let i = 1; i < list.length; i++) {
    const [a, b] = [list[i - 1]!, list[i]!];
    expect(key(a) < key(b) || (key(a) === key(b) && a.id < b.id), `${what}: ${a.id} before ${b.id}`).toBe(true);
  }
}

describe("effective dates", () => {
  it("order every dated list of an authority, its posts and people the same way", async () => {
    const { organisation } = await server.data(`{ organisation(id: "${SWINDON}") {
      inspections { id ${EFFECTIVE} } interventions { id ${EFFECTIVE} } statements { id ${EFFECTIVE} }
      parts { id meetings { id ${EFFECTIVE} } }
      posts { id occupancies { id ${EFFECTIVE} person { id occupancies { id ${EFFECTIVE} } statements { id ${EFFECTIVE} } } } }
    } statements { id ${EFFECTIVE} } meetings { id ${EFFECTIVE} } interventions { id ${EFFECTIVE} } }`);
    const lists: [string, Dated[]][] = [
      ["inspections", organisation.inspections],
      ["interventions", organisation.interventions],
      ...organisation.parts.map((p: any) => [`${p.id} meetings`, p.meetings] as [string, Dated[]]),
      ...organisation.posts.map((p: any) => [`${p.id} occupancies`, p.occupancies] as [string, Dated[]]),
      ...organisation.posts.flatMap((p: any) => p.occupancies.flatMap((o: any) => [
        [`${o.person.id} occupancies`, o.person.occupancies], [`${o.person.id} statements`, o.person.statements],
      ] as [string, Dated[]][])),
    ];
    const root = await server.data(`{ statements { id ${EFFECTIVE} } meetings { id ${EFFECTIVE} } interventions { id ${EFFECTIVE} } }`);
    lists.push(["statements", root.statements], ["meetings", root.meetings], ["all interventions", root.interventions]);
    let checked = 0;
    for (const [what, list] of lists) {
      expectOrdered(list, what);
      checked += list.length;
    }
    expect(checked).toBeGreaterThan(30);
  });

  it("say which date they used, by the rule, for every dated seed record", async () => {
    const seeds = readSeeds();
    const sourcePublished = new Map(seeds.sources.map((s) => [s.id, s.published]));
    const expected = (record: Record<string, any>, own: [string, string][]) => {
      for (const [field, basis] of own) if (record[field]) return { date: record[field], basis };
      const published = (record.evidence as { source: string }[]).map((e) => sourcePublished.get(e.source)).filter(Boolean).sort();
      return published.length > 0 ? { date: published[0], basis: "SOURCE_PUBLISHED" } : null;
    };
    const cases: [string, Record<string, any>[], [string, string][]][] = [
      ["Occupancy", seeds.occupancies.filter((o) => o.id.startsWith("occupancy:swindon")), [["start", "START"], ["end", "END"]]],
      ["Intervention", seeds.interventions, [["issued", "START"], ["lifted", "END"]]],
      ["Meeting", seeds.meetings, [["date", "DATE"]]],
      ["Statement", seeds.statements, [["date", "DATE"]]],
      ["Inspection", seeds.inspections.filter((i) => i.authority === SWINDON), [["start", "START"], ["end", "END"], ["published", "PUBLISHED"]]],
    ];
    const bases = new Set<string>();
    for (const [label, records, own] of cases) {
      const { nodes } = await server.data(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on ${label} { ${EFFECTIVE} } } }`, { ids: records.map((r) => r.id) });
      nodes.forEach((node: any, i: number) => {
        expect(node.effectiveDate, node.id).toEqual(expected(records[i]!, own));
        if (node.effectiveDate) bases.add(node.effectiveDate.basis);
      });
    }
    // The seeds exercise the fallbacks, not only starts.
    expect(bases).toContain("SOURCE_PUBLISHED");
    expect(bases).toContain("DATE");
  });
});
