/**
 * How long each list field can really be, from the database's own counts: per relation read, the largest
 * number of neighbours any owner has (a degree lookup per node, no far-end scan); per label, its node count
 * (from the count store) and the most evidence any node of it has. The cost rule multiplies by these rather
 * than by a guess, so `{ themes { findings { themes { findings { id } } } } }` is costed at what it would
 * really return. Refreshed at start and then periodically: estimates, but never from a stale guess of zero.
 */
import { cypher, type Database } from "../db/gateway.js";
import { MAX_PAGE } from "./connections.js";
import { LABELS } from "../model/labels.js";
import { RELATION_READS } from "../model/relations.js";

/**
 * Keys: "Owner.field" (largest degree), "count:Label", "evidence:Label", "years" (span of inspection years),
 * "themeFindingsAtAuthority" (the most findings of one theme at one authority).
 */
export type SizeLookup = (key: string) => number | undefined;

const degree = (type: string, direction: "OUT" | "IN") => (direction === "OUT" ? `(a)-[:${type}]->()` : `(a)<-[:${type}]-()`);

/** One query for every figure: each part is a degree or count lookup, so the whole is cheap even on a large graph. */
function sizesQuery() {
  const parts = [
    ...RELATION_READS.filter((read) => read.many).map(
      (read) => `MATCH (a:${read.owner}) RETURN '${read.owner}.${read.name}' AS key, max(COUNT { ${degree(read.type, read.direction)} }) AS size`,
    ),
    ...LABELS.map((label) => `MATCH (a:${label}) RETURN 'count:${label}' AS key, count(a) AS size`),
    ...LABELS.map((label) => `MATCH (a:${label}) RETURN 'evidence:${label}' AS key, max(COUNT { (a)-[:SUPPORTED_BY]->() }) AS size`),
    `MATCH (a:ChangeSet) RETURN 'ChangeSet.touched' AS key, max(COUNT { ${degree("TOUCHED", "OUT")} }) AS size`,
    // One theme at one authority (recurring themes, recommendation tallies): a grouping, not a degree lookup.
    `MATCH (o:Organisation)<-[:OF]-(:Inspection)-[:FOUND]->(:Finding)-[:EXEMPLIFIES]->(t:Theme) WITH o, t, count(*) AS n
     RETURN 'themeFindingsAtAuthority' AS key, max(n) AS size`,
    `MATCH (a:Inspection) WHERE a.start IS NOT NULL RETURN 'years' AS key, max(a.start.year) - min(a.start.year) + 1 AS size`,
  ];
  return cypher("limits.listSizes", `CALL { ${parts.join(" UNION ALL ")} } RETURN key, coalesce(size, 0) AS size`);
}

const SIZES = sizesQuery();
const RETRY_MS = 5_000;

export class ListSizes {
  private sizes = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  /** When the figures were last read (null: never, and every list is costed as the largest page). */
  refreshedAt: Date | null = null;

  constructor(private readonly db: Database, private readonly log?: (message: string) => void) {}

  readonly lookup: SizeLookup = (key) => {
    if (this.refreshedAt) return this.sizes.get(key);
    // Never read: every list is costed as the largest page, so nothing heavy passes unmeasured (fail closed),
    // and the figures are read again, at most every RETRY_MS.
    if (Date.now() >= this.nextTry) {
      this.nextTry = Date.now() + RETRY_MS;
      void this.refresh();
    }
    return MAX_PAGE;
  };

  private nextTry = 0;

  /** Reads the figures; on failure keeps the last ones (a database outage must not loosen or break the limit). */
  async refresh(): Promise<void> {
    try {
      const rows = await this.db.read(SIZES);
      this.sizes = new Map(rows.map((row) => [row.key as string, Number(row.size)]));
      this.refreshedAt = new Date();
    } catch (error) {
      this.log?.(`List sizes for the cost limit not refreshed (keeping the last ones): ${(error as Error).message.split("\n")[0]}`);
    }
  }

  /** Refreshes every `intervalMs` (never keeping the process alive). */
  watch(intervalMs: number): void {
    this.stop();
    this.timer = setInterval(() => void this.refresh(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
