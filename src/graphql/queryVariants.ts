/** A bound on the query texts compiled from client selections (compiledReads.ts), and how such texts are named. */
import { createHash } from "node:crypto";
import { cypher, type NamedQuery } from "../db/gateway.js";

/** A query whose text depends on the selection, named by a short hash of its text, so each variant is told apart. */
export const fixedCypher = (name: string, text: string) => cypher(`${name}.${createHash("sha1").update(text).digest("hex").slice(0, 8)}`, text);

/**
 * The query texts compiled from selections that this process has sent, each a plan in Neo4j's query cache (1,000
 * by default): beyond `limit` distinct texts a new selection gets null, and its caller a fixed query instead, so
 * clients varying their selections cannot make Neo4j plan without end or evict the plans everyone uses.
 */
export class QueryVariants {
  private readonly seen = new Set<string>();
  constructor(readonly limit: number) {}

  /** The query named by a hash of its text (so each variant is told apart), or null when one more is too many. */
  named(name: string, text: string): NamedQuery | null {
    // Known by the whole digest: the name's short hash could be made to collide, and let texts in past the limit.
    const digest = createHash("sha256").update(text).digest("base64");
    if (!this.seen.has(digest)) {
      if (this.seen.size >= this.limit) return null;
      this.seen.add(digest);
    }
    return fixedCypher(name, text);
  }
}
export const VARIANTS = new QueryVariants(500);
