/**
 * A council whose children's services a trust delivers, with a commissioner and an improvement partner
 * (examples/bundles/synthetic-trust-county, fictional): imported, then asked over GraphQL and exported.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../../src/config.js";
import { exportAuthority } from "../../../src/bundles/exportBundle.js";
import { readBundles } from "../../../src/bundles/readBundle.js";
import { startTestServer } from "../../support/harness.js";
import { restoreAfterFile } from "../../support/restoring.js";
import { writePathKit } from "../../support/writePath.js";

const EXAMPLE = path.join(PROJECT_ROOT, "examples", "bundles", "synthetic-trust-county");
const COUNTY = "org:synthetic-county-council";
const kit = writePathKit();
restoreAfterFile(kit.tempDirs);

describe("a trust, a commissioner and an improvement partner", () => {
  it("import, and are answered as the sources state them", async () => {
    const server = await startTestServer();
    try {
      const report = await kit.importAs(server.db, [EXAMPLE]);
      expect(report.written).toBe(true);
      const res = await server.gql<any>(`{
        county: organisation(id: "${COUNTY}") {
          servicesDeliveredBy { provider { id kind } start end inferred evidence { quote } }
          supportedBy { supporter { id } description start end }
          interventions { id kind issued lifted issuedBy { id kind } }
        }
        trust: organisation(id: "org:synthetic-childrens-trust") {
          deliversServicesFor { authority { id } start } posts { title } statements { quote by { id } }
        }
        commissioner: post(id: "post:synthetic-county-commissioner") { createdBy { kind issuedBy { id } posts { id } } }
      }`);
      expect(res.body.errors).toBeUndefined();
      const { county, trust, commissioner } = res.body.data;
      expect(county.servicesDeliveredBy).toEqual([
        { provider: { id: "org:synthetic-childrens-trust", kind: "CHILDRENS_TRUST" }, start: "2019-04", end: null, inferred: false,
          evidence: [{ quote: "The trust has run the county's children's services since April 2019." }] },
      ]);
      expect(county.supportedBy).toEqual([{ supporter: { id: "org:synthetic-partner-council" }, description: "Improvement partner (sector-led support).", start: "2020", end: "2022-03" }]);
      expect(county.interventions.map((i: any) => [i.kind, i.issuedBy.id, i.issuedBy.kind]).sort()).toEqual([
        ["COMMISSIONER_APPOINTMENT", "org:secretary-of-state-for-education", "MINISTER"],
        ["SERVICES_REMOVED_TO_TRUST", "org:secretary-of-state-for-education", "MINISTER"],
      ]);
      expect(trust.deliversServicesFor).toEqual([{ authority: { id: COUNTY }, start: "2019-04" }]);
      expect(trust.posts.map((p: any) => p.title)).toEqual([
        "Chief Executive of Synthetic Children's Trust (fictional example)", "Director of Children's Services, Synthetic Children's Trust (fictional example)",
      ]);
      // A body's own statement, and the post an intervention created, with who appointed to it.
      expect(trust.statements).toEqual([{ quote: "Keeping children safe is our first priority.", by: { id: "org:synthetic-childrens-trust" } }]);
      expect(commissioner.createdBy).toEqual({
        kind: "COMMISSIONER_APPOINTMENT", issuedBy: { id: "org:secretary-of-state-for-education" }, posts: [{ id: "post:synthetic-county-commissioner" }],
      });

      // The context card: from April 2019 the trust delivers the services, and its posts follow the council's.
      const card = async (on: string) =>
        (await server.gql<any>(`{ authorityContext(authority: "${COUNTY}", on: "${on}") {
          deliveredBy { id } posts { post { id } certainty holders { person { id unnamed } } lastKnown { person { id unnamed } } } openInterventions { kind } } }`)).body.data.authorityContext;
      const in2020 = await card("2020-06-01");
      expect(in2020.deliveredBy).toEqual([{ id: "org:synthetic-childrens-trust" }]);
      expect(in2020.posts.map((p: any) => p.post.id)).toEqual([
        "post:synthetic-county-chief-executive", "post:synthetic-county-commissioner",
        "post:synthetic-childrens-trust-chief-executive", "post:synthetic-childrens-trust-dcs",
      ]);
      // Its chief executive took up post in April 2019 with no end stated: not certain in June 2020, but the last known.
      const trustChief = in2020.posts[2];
      expect(trustChief.certainty).toBe("UNKNOWN");
      expect(trustChief.lastKnown.person).toEqual({ id: "person:synthetic-trust-chief-executive-unnamed", unnamed: true });
      const in2018 = await card("2018-12-01");
      expect(in2018.deliveredBy).toEqual([]);
      expect(in2018.posts.map((p: any) => p.post.id)).toEqual(["post:synthetic-county-chief-executive", "post:synthetic-county-commissioner"]);
      expect(in2018.posts[1].holders).toEqual([{ person: { id: "person:synthetic-commissioner-a-example", unnamed: false } }]);
      expect(in2018.openInterventions).toEqual([{ kind: "COMMISSIONER_APPOINTMENT" }]);

      // The council's export carries who delivers and supports its services, and re-reads as it was imported.
      const out = kit.tempDir("csg-trust-export-");
      await exportAuthority(server.db, COUNTY, out);
      const exported = readBundles([out]).bundle;
      const source = readBundles([EXAMPLE]).bundle;
      expect(exported.deliveries).toEqual(source.deliveries);
      expect(exported.supports).toEqual(source.supports);
      expect(fs.existsSync(path.join(out, "organisations.json"))).toBe(true);
    } finally {
      await server.close();
    }
  });
});
