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
  /** Each text known whole (no digest that could collide and let texts in past the limit), with its query made once. */
  private readonly known = new Map<string, NamedQuery>();
  private chars = 0;
  /** `maxChars`: the texts kept in all, so a few hundred very large selections cannot pin much memory either. */
  constructor(readonly limit: number, readonly maxChars = 5_000_000) {}

  /** The query named by a hash of its text (so each variant is told apart), or null when one more is too many. */
  named(name: string, text: string): NamedQuery | null {
    let query = this.known.get(text);
    if (!query) {
      if (this.known.size >= this.limit || this.chars + text.length > this.maxChars) return null;
      query = fixedCypher(name, text);
      this.known.set(text, query);
      this.chars += text.length;
    }
    return query;
  }
}
export const VARIANTS = new QueryVariants(500);
