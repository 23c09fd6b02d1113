/**
 * What reconciliation compares a report against: the inspections already recorded for the authorities
 * concerned, with their judgements and findings — from the graph (ingest into a database) or from bundle
 * folders (ingest to a folder, e.g. the seeds the national bundle is generated beside).
 */
import type { Bundle } from "../bundles/bundleSchema.js";
import { readRecords } from "../bundles/exportBundle.js";
import { readBundles } from "../bundles/readBundle.js";
import { cypher, type Database } from "../db/gateway.js";
import type { Known } from "./reconcile.js";

const RECORDED_IDS = cypher("ingest.recordedInspections", `
  MATCH (i:Inspection)-[:OF]->(o:Organisation) WHERE o.id IN $authorities
  RETURN i.id AS id
  UNION
  MATCH (o:Organisation)<-[:OF]-(:Inspection)-[:JUDGED|FOUND]->(x) WHERE o.id IN $authorities
  RETURN x.id AS id
  UNION
  MATCH (p:Post)-[:IN]->(o:Organisation) WHERE o.id IN $authorities
  RETURN p.id AS id`);

export async function knownInGraph(db: Database, authorities: string[]): Promise<Known> {
  const ids = (await db.read(RECORDED_IDS, { authorities })).map((row) => row.id as string);
  const records = [...(await readRecords((query, params) => db.read(query, params), ids)).values()];
  const of = (prefix: string) => records.filter((r) => String(r.id).startsWith(prefix));
  return {
    inspections: of("inspection:") as Bundle["inspections"],
    judgements: of("judgement:") as Bundle["judgements"],
    findings: of("finding:") as Bundle["findings"],
    posts: of("post:") as Bundle["posts"],
  };
}

export function knownInFolders(folders: string[]): Known {
  if (folders.length === 0) return { inspections: [], judgements: [], findings: [], posts: [] };
  const { bundle } = readBundles(folders);
  const recorded = <T extends { augments?: true }>(records: T[]) => records.filter((r) => r.augments !== true);
  return { inspections: recorded(bundle.inspections), judgements: recorded(bundle.judgements), findings: recorded(bundle.findings), posts: bundle.posts };
}
