/**
 * The example councils (examples/bundles/synthetic-*, fictional): imported, then asked the headline questions
 * on the day of each council's latest source — context card, judgement history, accountability — and read
 * for the concepts each carries: a strategic partnership, a review and a meeting with findings of their own,
 * a body's statement, a bounded date, an unnamed placeholder later identified.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../../src/config.js";
import { exportAuthority } from "../../../src/bundles/exportBundle.js";
import { readBundles } from "../../../src/bundles/readBundle.js";
import { ownedBothWays, SEARCHED_KINDS } from "../../support/authorityOwned.js";
import { startTestServer, type TestServer } from "../../support/harness.js";
import { restoreAfterFile } from "../../support/restoring.js";
import { writePathKit } from "../../support/writePath.js";

const EXAMPLES = path.join(PROJECT_ROOT, "examples", "bundles");
const BOROUGH = "org:synthetic-partnership-borough-council";
const CITY = "org:synthetic-placeholder-city-council";
const COUNTY = "org:synthetic-county-council";
const kit = writePathKit();
restoreAfterFile(kit.tempDirs);

const HOLDERS = `post { id } level certainty holders { person { id name unnamed } occupancies { id } certainty } lastKnown { person { id } asOf }`;

/** The three headline answers for one council on one day. */
async function headline(server: TestServer, authority: string, on: string, area: string) {
  const res = await server.gql<any>(`{
    card: authorityContext(authority: "${authority}", on: "${on}") { deliveredBy { id } posts { ${HOLDERS} } latestJudgements { grade } }
    history: judgementHistory(authority: "${authority}") { label points { grade change } earlierUngraded { id } }
    accountability(authority: "${authority}", serviceArea: "${area}", on: "${on}") { basis deliveredBy { id } posts { ${HOLDERS} } steps { from { id } to { id } line inferred } }
  }`);
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}

/** No person is listed twice as a holder of one post, in any answer. */
function expectNoHolderTwice(posts: { post: { id: string }; holders: { person: { id: string } }[] }[]) {
  for (const post of posts) {
    const ids = post.holders.map((h) => h.person.id);
    expect(new Set(ids).size, `${post.post.id} lists a holder twice`).toBe(ids.length);
  }
  expect(posts.length).toBeGreaterThan(0);
}

describe("example councils", () => {
  it("a trust delivering a county's services: its DCS answers to the county's chief executive", async () => {
    const server = await startTestServer();
    try {
      expect((await kit.importAs(server.db, [path.join(EXAMPLES, "synthetic-trust-county")])).written).toBe(true);
      // The day of its latest source (February 2025).
      const { card, history, accountability } = await headline(server, COUNTY, "2025-02-28", "area:help-and-protection");
      expect(card.deliveredBy).toEqual([{ id: "org:synthetic-childrens-trust" }]);
      expect(card.posts.map((p: any) => [p.post.id, p.certainty, p.holders.map((h: any) => h.person.id)])).toEqual([
        ["post:synthetic-county-chief-executive", "ATTESTED", ["person:synthetic-county-chief-executive-example"]],
        // The commissioner served June 2018 to March 2019: vacant now.
        ["post:synthetic-county-commissioner", "VACANT", []],
        ["post:synthetic-childrens-trust-chief-executive", "UNKNOWN", []],
        ["post:synthetic-childrens-trust-dcs", "ATTESTED", ["person:synthetic-trust-dcs-example"]],
      ]);
      expect(card.latestJudgements).toEqual([{ grade: "GOOD" }]);
      expectNoHolderTwice(card.posts);
      expect(history.map((s: any) => s.points.map((p: any) => [p.grade, p.change]))).toEqual([[["INADEQUATE", "FIRST"], ["GOOD", "IMPROVED"]]]);
      expect(accountability.basis).toBe("STATUTE");
      expect(accountability.steps).toEqual([
        { from: { id: "post:synthetic-childrens-trust-dcs" }, to: { id: "post:synthetic-county-chief-executive" }, line: "MANAGERIAL", inferred: true },
      ]);
      // The trust's chief executive runs the services too: level 0 with its DCS.
      expect(accountability.posts.map((p: any) => [p.post.id, p.level])).toEqual([
        ["post:synthetic-childrens-trust-dcs", 0], ["post:synthetic-county-chief-executive", 1], ["post:synthetic-childrens-trust-chief-executive", 0],
      ]);
      expectNoHolderTwice(accountability.posts);
    } finally {
      await server.close();
    }
  });

  it("a strategic partnership: the partner's DCS serves the borough; a review and a meeting have findings of their own", async () => {
    const server = await startTestServer();
    try {
      expect((await kit.importAs(server.db, [path.join(EXAMPLES, "synthetic-partnership-borough")])).written).toBe(true);
      // A search in the borough takes in its review, the review's and its cabinet meeting's findings, and a
      // statement about the review: read once as a list, the same as the definition tested node by node.
      const owned = await ownedBothWays(server.db, BOROUGH);
      for (const kind of SEARCHED_KINDS) expect(owned[kind]!.list, kind).toEqual(owned[kind]!.byNode);
      expect(owned.Review!.list).toEqual(["review:synthetic-partnership-borough-independent-review-2020"]);
      expect(owned.Finding!.list).toContain("finding:synthetic-partnership-borough-cabinet-2024-09-workforce");
      expect(owned.Finding!.list).toContain("finding:synthetic-partnership-borough-review-2020-drift");
      expect(owned.Statement!.list).toEqual(["statement:synthetic-partnership-borough-opposition-2020-11"]);
      const { card, history, accountability } = await headline(server, BOROUGH, "2025-06-30", "area:children-in-care");

      expect(card.deliveredBy).toEqual([{ id: "org:synthetic-partner-city-council" }]);
      const byPost = Object.fromEntries(card.posts.map((p: any) => [p.post.id, p]));
      expect(Object.keys(byPost)).toEqual([
        "post:synthetic-partnership-borough-leader", "post:synthetic-partnership-borough-chief-executive", "post:synthetic-partner-city-dcs",
      ]);
      expect(byPost["post:synthetic-partner-city-dcs"].holders.map((h: any) => [h.person.id, h.certainty])).toEqual([["person:synthetic-city-dcs-example", "ATTESTED"]]);
      // The chief executive was in post from before 2020 to after March 2024: not known for June 2025, but last known then.
      expect(byPost["post:synthetic-partnership-borough-chief-executive"].holders).toEqual([]);
      expect(byPost["post:synthetic-partnership-borough-chief-executive"].lastKnown).toEqual({ person: { id: "person:synthetic-borough-chief-executive-example" }, asOf: "2024-03" });
      expect(card.latestJudgements).toEqual([{ grade: "REQUIRES_IMPROVEMENT" }]);
      expectNoHolderTwice(card.posts);

      expect(history.map((s: any) => [s.label, s.points.map((p: any) => [p.grade, p.change])])).toEqual([
        ["Overall effectiveness", [["INADEQUATE", "FIRST"], ["REQUIRES_IMPROVEMENT", "IMPROVED"]]],
      ]);

      // No source says who answered for children in care: statute, with the partner's DCS answering to the borough's chief executive.
      expect(accountability.basis).toBe("STATUTE");
      expect(accountability.deliveredBy).toEqual([{ id: "org:synthetic-partner-city-council" }]);
      expect(accountability.steps).toEqual([
        { from: { id: "post:synthetic-partner-city-dcs" }, to: { id: "post:synthetic-partnership-borough-chief-executive" }, line: "MANAGERIAL", inferred: true },
      ]);
      expect(accountability.posts.map((p: any) => [p.post.id, p.level])).toEqual([
        ["post:synthetic-partner-city-dcs", 0], ["post:synthetic-partnership-borough-chief-executive", 1],
      ]);
      expectNoHolderTwice(accountability.posts);

      // In 2022 (both bounds hold) the chief executive is certain; in 2019 the partnership had not begun.
      const in2022 = await headline(server, BOROUGH, "2022-06-30", "area:children-in-care");
      const chief = in2022.card.posts.find((p: any) => p.post.id === "post:synthetic-partnership-borough-chief-executive");
      expect(chief.holders.map((h: any) => h.certainty)).toEqual(["CERTAIN"]);
      expect((await headline(server, BOROUGH, "2019-06-30", "area:children-in-care")).card.deliveredBy).toEqual([]);

      const res = await server.gql<any>(`{
        review: node(id: "review:synthetic-partnership-borough-independent-review-2020") {
          ... on Review { kind published authority { id } by { id } commissionedBy { id } findings { id review { id } inspection { id } themes { id } } }
        }
        meeting: node(id: "meeting:synthetic-partnership-borough-cabinet-2024-09") { ... on Meeting { findings { id meeting { id } } } }
        borough: organisation(id: "${BOROUGH}") { reviews { id } }
        group: organisation(id: "org:synthetic-partnership-borough-opposition-group") { statements { by { id } about { id } } }
        drift: theme(id: "theme:drift-and-delay") { findings { id } }
        search(text: "drifted", types: [FINDING, REVIEW], authority: "${BOROUGH}") { node { id } }
      }`);
      expect(res.body.errors).toBeUndefined();
      const { review, meeting, borough, group, drift, search } = res.body.data;
      expect(review).toMatchObject({
        kind: "INDEPENDENT_REVIEW", published: "2020-11", authority: { id: BOROUGH },
        by: [{ id: "org:synthetic-review-partnership" }], commissionedBy: [{ id: BOROUGH }],
      });
      expect(review.findings.map((f: any) => [f.id, f.review.id, f.inspection])).toEqual([
        ["finding:synthetic-partnership-borough-review-2020-partnership", "review:synthetic-partnership-borough-independent-review-2020", null],
        ["finding:synthetic-partnership-borough-review-2020-drift", "review:synthetic-partnership-borough-independent-review-2020", null],
      ]);
      expect(meeting.findings).toEqual([{ id: "finding:synthetic-partnership-borough-cabinet-2024-09-workforce", meeting: { id: "meeting:synthetic-partnership-borough-cabinet-2024-09" } }]);
      expect(borough.reviews).toEqual([{ id: "review:synthetic-partnership-borough-independent-review-2020" }]);
      expect(group.statements).toEqual([{ by: { id: "org:synthetic-partnership-borough-opposition-group" }, about: [{ id: "review:synthetic-partnership-borough-independent-review-2020" }] }]);
      expect(drift.findings.map((f: any) => f.id)).toContain("finding:synthetic-partnership-borough-review-2020-drift");
      expect(search.map((h: any) => h.node.id)).toContain("finding:synthetic-partnership-borough-review-2020-drift");

      // The export carries the review, its findings and the meeting's, and the bounded occupancy, as imported.
      const out = kit.tempDir("csg-partnership-export-");
      await exportAuthority(server.db, BOROUGH, out);
      const exported = readBundles([out]).bundle;
      const source = readBundles([path.join(EXAMPLES, "synthetic-partnership-borough")]).bundle;
      expect(exported.reviews).toEqual(source.reviews);
      expect(exported.findings.map((f) => f.id).sort()).toEqual(source.findings.map((f) => f.id).sort());
      const bounded = (b: typeof source) => b.occupancies.find((o) => o.id === "occupancy:synthetic-borough-chief-executive-example");
      expect(bounded(exported)).toEqual(bounded(source));
    } finally {
      await server.close();
    }
  });

  it("an unnamed placeholder later named: one person, one holder with both occupancies, all the evidence", async () => {
    const server = await startTestServer();
    try {
      expect((await kit.importAs(server.db, [path.join(EXAMPLES, "synthetic-placeholder-city")])).written).toBe(true);
      const { card, history, accountability } = await headline(server, CITY, "2022-06-30", "area:help-and-protection");

      const dcs = card.posts.find((p: any) => p.post.id === "post:synthetic-placeholder-city-dcs");
      // Two records, two occupancies, two sources: one holder, the named record, carrying both occupancies.
      expect(dcs.holders).toEqual([{
        person: { id: "person:synthetic-placeholder-city-dcs-example", name: "Jo Example", unnamed: false },
        // The named record's occupancy (attested in June 2022) places them best; the placeholder's may cover the day too.
        occupancies: [{ id: "occupancy:synthetic-placeholder-city-dcs-example" }, { id: "occupancy:synthetic-placeholder-city-dcs-2022-unnamed" }],
        certainty: "ATTESTED",
      }]);
      // Began after May 2018, attested June 2022.
      const leader = card.posts.find((p: any) => p.post.id === "post:synthetic-placeholder-city-leader");
      expect(leader.holders.map((h: any) => [h.person.id, h.certainty])).toEqual([["person:synthetic-placeholder-city-leader-example", "ATTESTED"]]);
      expectNoHolderTwice(card.posts);
      expect(history.map((s: any) => s.points.map((p: any) => p.grade))).toEqual([["GOOD"]]);
      expect(accountability.basis).toBe("STATUTE");
      expect(accountability.posts.map((p: any) => p.post.id)).toEqual(["post:synthetic-placeholder-city-dcs"]);
      expectNoHolderTwice(accountability.posts);

      // Until May 2018 ended, the leader cannot have been in post.
      const in2018 = await headline(server, CITY, "2018-05-31", "area:help-and-protection");
      expect(in2018.card.posts.find((p: any) => p.post.id === "post:synthetic-placeholder-city-leader").holders).toEqual([]);

      const res = await server.gql<any>(`{
        placeholder: node(id: "person:synthetic-placeholder-city-dcs-2022-unnamed") {
          ... on Person { canonical { id name } records { id }
            identifications { person { id } sameAs { id } evidence { source { id } } } }
        }
        named: node(id: "person:synthetic-placeholder-city-dcs-example") { ... on Person { canonical { id } records { id occupancies { id } } } }
      }`);
      expect(res.body.errors).toBeUndefined();
      const { placeholder, named } = res.body.data;
      const records = [{ id: "person:synthetic-placeholder-city-dcs-2022-unnamed" }, { id: "person:synthetic-placeholder-city-dcs-example" }];
      expect(placeholder.canonical).toEqual({ id: "person:synthetic-placeholder-city-dcs-example", name: "Jo Example" });
      expect(placeholder.records).toEqual(records);
      expect(placeholder.identifications).toEqual([{
        person: { id: "person:synthetic-placeholder-city-dcs-2022-unnamed" }, sameAs: { id: "person:synthetic-placeholder-city-dcs-example" },
        evidence: [{ source: { id: "source:synthetic-placeholder-city-release-2022-06" } }],
      }]);
      expect(named.canonical).toEqual({ id: "person:synthetic-placeholder-city-dcs-example" });
      expect(named.records.flatMap((r: any) => r.occupancies.map((o: any) => o.id))).toEqual([
        "occupancy:synthetic-placeholder-city-dcs-2022-unnamed", "occupancy:synthetic-placeholder-city-dcs-example",
      ]);

      // The identification is exported with the person records and re-reads as imported.
      const out = kit.tempDir("csg-placeholder-export-");
      await exportAuthority(server.db, CITY, out);
      expect(readBundles([out]).bundle.identities).toEqual(readBundles([path.join(EXAMPLES, "synthetic-placeholder-city")]).bundle.identities);
    } finally {
      await server.close();
    }
  });
});
