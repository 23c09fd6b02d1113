/**
 * The statutory lines stand in when no responsibility the sources state is in force on the day, not only when
 * none is stated at all: a copy of the synthetic borough whose every responsibility begins in May 2022, asked
 * about a day before and a day after.
 */
import { describe, expect, it } from "vitest";
import { useTestServer } from "../../support/harness.js";
import { restoreAfterFile } from "../../support/restoring.js";
import { writePathKit } from "../../support/writePath.js";

const kit = writePathKit();
restoreAfterFile(kit.tempDirs);
const server = useTestServer();
const BOROUGH = "org:synthetic-borough-council";

/** The answer on the day, and the queries it took. */
async function ask(on: string): Promise<{ accountability: any; queries: string[] }> {
  const res = await server.gql<{ accountability: unknown }>(
    `{ accountability(authority: "${BOROUGH}", serviceArea: "area:help-and-protection", on: "${on}") {
      basis posts { level post { id } } steps { level inferred from { id } to { id } } } }`,
    undefined,
    { "x-debug-query-count": "1" },
  );
  expect(res.body.errors).toBeUndefined();
  return { accountability: res.body.data!.accountability, queries: (res.body.extensions as { queries: string[] }).queries };
}

describe("accountability when the stated responsibilities are not yet in force", () => {
  it("answers from statute, with the authority's own posts, before they begin; from the sources after", async () => {
    const copy = kit.syntheticCopy("dated-responsibilities-");
    copy.edit("governance.json", (json) => {
      for (const r of json.responsibilities) r.start = "2022-05-19";
    });
    expect((await kit.importAs(server.db, [copy.dir])).written).toBe(true);

    const { accountability: before, queries } = await ask("2021-01-01");
    // The authority's own posts are read only now, in a second query: the stated responsibilities are not in force.
    expect(queries).toEqual(["accountability.chains.withoutOversight", "accountability.authorityPosts"]);
    expect(before.basis).toBe("STATUTE");
    expect(before.posts.filter((p: any) => p.level === 0).map((p: any) => p.post.id)).toContain("post:synthetic-borough-dcs");
    expect(before.posts.filter((p: any) => p.level === 1).map((p: any) => p.post.id)).toContain("post:synthetic-borough-chief-executive");
    expect(before.steps).toContainEqual({ level: 1, inferred: true, from: { id: "post:synthetic-borough-dcs" }, to: { id: "post:synthetic-borough-chief-executive" } });
    expect(before.steps.every((step: any) => step.inferred)).toBe(true);

    const { accountability: after, queries: afterQueries } = await ask("2023-01-01");
    expect(after.basis).toBe("SOURCES");
    expect(afterQueries).toEqual(["accountability.chains.withoutOversight"]);
    expect(after.posts.filter((p: any) => p.level === 0).map((p: any) => p.post.id)).toContain("post:synthetic-borough-dcs");
  });
});
