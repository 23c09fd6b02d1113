/**
 * Responsibilities and accountabilities on import: a folder that carries the section states it in full
 * for the posts it defines (what it drops is removed); a file or folder without it leaves them alone; an
 * export, which defines other councils' posts it refers to, re-imports into the same graph unchanged.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cypher, type Database } from "../../../src/db/gateway.js";
import { exportAuthority } from "../../../src/bundles/exportBundle.js";
import { restoreAfterFile } from "../../support/restoring.js";
import { snapshot, snapshotOf } from "../../support/snapshot.js";
import { AUTHORITY, CHANGE_SET, swindonIds, SYNTHETIC, writePathKit } from "../../support/writePath.js";

let db: Database;
const { tempDirs, tempDir, importAs, syntheticCopy } = writePathKit();
restoreAfterFile(tempDirs, (connected) => (db = connected));

beforeAll(async () => {
  expect((await importAs(db, [SYNTHETIC])).written).toBe(true);
});

describe("relationship sections on import", () => {
  it("a relationship section the bundle carries is complete for its posts: what it no longer lists is removed", async () => {
    const DCS = "post:synthetic-borough-dcs";
    const LEAD_MEMBER = "post:synthetic-borough-lead-member-children";
    const dropped = [
      `${LEAD_MEMBER} -[RESPONSIBLE_FOR]-> area:children-in-care`,
      `${DCS} -[ACCOUNTABLE_TO MANAGERIAL]-> post:synthetic-borough-chief-executive`,
    ].sort();
    const { dir, edit } = syntheticCopy("csg-dropped-");
    edit("governance.json", (j) => {
      j.responsibilities = j.responsibilities.filter((r: any) => !(r.post === LEAD_MEMBER && r.serviceArea === "area:children-in-care"));
      j.accountabilities = j.accountabilities.filter((a: any) => !(a.post === DCS && a.line === "MANAGERIAL"));
    });
    const before = await snapshot(db);
    // The posts' file alone carries no relationship section, so it leaves their relationships alone.
    const postsOnly = await importAs(db, [path.join(dir, "people-and-posts.json")], { dryRun: true });
    expect(postsOnly.diff.relationships.removed).toEqual([]);
    // Nor does it when another folder of the same import carries the sections but defines no posts.
    const emptySections = tempDir("csg-empty-sections-");
    fs.writeFileSync(path.join(emptySections, "governance.json"), JSON.stringify({ responsibilities: [], accountabilities: [] }));
    const twoScopes = await importAs(db, [path.join(dir, "people-and-posts.json"), emptySections], { dryRun: true });
    expect(twoScopes.diff.relationships.removed).toEqual([]);

    const dry = await importAs(db, [dir], { dryRun: true });
    expect([...dry.diff.relationships.removed].sort()).toEqual(dropped);
    expect(dry.diff.counts.RESPONSIBLE_FOR).toEqual({ CREATED: 0, UPDATED: 0, UNCHANGED: 3, REMOVED: 1 });
    expect(await snapshot(db)).toEqual(before);

    const result = await importAs(db, [dir]);
    expect(result.written).toBe(true);
    expect([...result.diff.relationships.removed].sort()).toEqual(dropped);
    expect(result.diff.updated).toEqual([]);
    const [changeSet] = await db.read(CHANGE_SET, { id: result.changeSetId });
    expect(JSON.parse(changeSet!.summary as string)).toMatchObject({ relationshipsRemoved: 2, "RESPONSIBLE_FOR.removed": 1, "ACCOUNTABLE_TO.removed": 1 });
    expect((changeSet!.touched as { id: string }[]).map((t) => t.id).sort()).toEqual([DCS, LEAD_MEMBER]);
    const [left] = await db.read(cypher("test.leftRelationships", `
      UNWIND $posts AS id MATCH (p:Post {id: id})-[r:RESPONSIBLE_FOR|ACCOUNTABLE_TO]->(b)
      RETURN collect(p.id + ' ' + type(r) + ' ' + b.id) AS rels`), { posts: [DCS, LEAD_MEMBER] });
    expect([...(left!.rels as string[])].sort()).toEqual([
      `${DCS} RESPONSIBLE_FOR area:care-leavers`,
      `${DCS} RESPONSIBLE_FOR area:children-in-care`,
      `${DCS} RESPONSIBLE_FOR area:help-and-protection`,
      `${LEAD_MEMBER} ACCOUNTABLE_TO post:synthetic-borough-leader`,
    ]);

    expect((await importAs(db, [dir])).written).toBe(false);
    const restored = await importAs(db, [SYNTHETIC]);
    expect([...restored.diff.relationships.created].sort()).toEqual(dropped);
    expect(restored.diff.relationships.removed).toEqual([]);
  });
});

describe("relationship sections on export", () => {
  it("an export re-imported into the same graph changes nothing, though it defines another council's post", async () => {
    const crossing = `${"post:synthetic-borough-dcs"} -[ACCOUNTABLE_TO MANAGERIAL]-> post:swindon-chief-executive`;
    const { dir, edit } = syntheticCopy("csg-crossing-");
    edit("governance.json", (j) => {
      const line = j.accountabilities.find((a: any) => a.post === "post:synthetic-borough-dcs" && a.line === "MANAGERIAL");
      j.accountabilities.push({ ...line, to: "post:swindon-chief-executive", inferred: true, inferredFrom: "a test's own claim", note: "Test only." });
    });
    expect((await importAs(db, [dir])).diff.relationships.created).toEqual([crossing]);
    const swindonBefore = await snapshotOf(db, swindonIds);

    const outDir = tempDir("csg-export-crossing-");
    const exported = await exportAuthority(db, AUTHORITY, outDir);
    expect(exported.ids).toContain("post:swindon-chief-executive");
    const again = await importAs(db, [outDir]);
    expect(again.diff.relationships.removed).toEqual([]);
    expect(again.written).toBe(false);
    expect(await snapshotOf(db, swindonIds)).toEqual(swindonBefore);

    const restored = await importAs(db, [SYNTHETIC]);
    expect(restored.diff.relationships.removed).toEqual([crossing]);
  });
});
