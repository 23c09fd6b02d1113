/**
 * Cypher and Lucene for full-text search. User text never reaches Lucene's query syntax: it is cut into
 * words, every special character is escaped and operator words are lowercased, so each word is a plain
 * term; the only operator we produce ourselves is a trailing `*` on a plain word (prefix search).
 * The index uses the English analyzer (004_fulltext_english.cypher): Lucene stems plain words at query
 * time as it did when indexing, so "drift" matches "drifting".
 */
import { cypher } from "../../db/gateway.js";
import type { Label } from "../../model/labels.js";
import { englishTerm } from "./stem.js";

/** The text properties of the `search_text` index, in the order a snippet prefers them. */
export const SEARCH_FIELDS = ["name", "title", "label", "summary", "description", "publisher", "quote", "purpose", "focus"] as const;

// Type filtering happens before ORDER BY/LIMIT, so asking for one type never loses its hits to others.
// `$labels` null means every type.
const TYPE_FILTER = "($labels IS NULL OR any(label IN labels(node) WHERE label IN $labels))";

/**
 * What belongs to an authority (bound to `auth`) besides itself and its bodies (organisations, read first as
 * `bodies`), kind by kind: their posts, holders, members and meetings, its reviews, its inspections' and
 * reviews' findings (and the themes, service areas and sources behind them), its meetings' findings,
 * statements by its post holders or about it, its bodies, inspections or reviews. Each pattern starts from
 * the authority (`a`) or one of its bodies (`o`) and binds `x`, of the kind named.
 */
const OWNED: [kind: Label, from: "a" | "o", pattern: string][] = [
  ["Post", "o", "(x:Post)-[:IN]->(o)"],
  ["Person", "o", "(x:Person)-[:HOLDS]->(:Occupancy)-[:OF]->(:Post)-[:IN]->(o)"],
  ["Person", "o", "(x:Person)-[:HOLDS]->(:Membership)-[:OF]->(o)"],
  ["Meeting", "o", "(x:Meeting)-[:OF]->(o)"],
  ["Review", "a", "(x:Review)-[:OF]->(a)"],
  ["Finding", "a", "(a)<-[:OF]-(:Inspection|Review)-[:FOUND]->(x:Finding)"],
  ["Finding", "o", "(o)<-[:OF]-(:Meeting)-[:FOUND]->(x:Finding)"],
  ["Theme", "a", "(a)<-[:OF]-(:Inspection|Review)-[:FOUND]->(:Finding)-[:EXEMPLIFIES]->(x:Theme)"],
  ["ServiceArea", "a", "(a)<-[:OF]-(:Inspection|Review)-[:FOUND]->(:Finding)-[:CONCERNS]->(x:ServiceArea)"],
  ["Source", "a", "(a)<-[:OF]-(:Inspection|Review)-[:SUPPORTED_BY]->(x:Source)"],
  ["Statement", "o", "(x:Statement)-[:ABOUT]->(o)"],
  ["Statement", "a", "(x:Statement)-[:ABOUT]->(:Inspection|Review)-[:OF]->(a)"],
  ["Statement", "o", "(x:Statement)<-[:MADE]-(:Person)-[:HOLDS]->(:Occupancy)-[:OF]->(:Post)-[:IN]->(o)"],
];

/**
 * The list `owned` of what belongs to the authority, of the kinds asked for (`$labels`; a kind not asked for
 * is not walked). Read once per search (a few hundred nodes): Neo4j tests a hit against a list by hashing it,
 * where testing each of thousands of hits by its own patterns costs a walk per hit.
 */
export const OWNED_BY_AUTHORITY = `WITH auth, [auth] + COLLECT { MATCH (o:Organisation)-[:PART_OF*1..3]->(auth) RETURN DISTINCT o } AS bodies
   WITH CASE WHEN $labels IS NULL OR 'Organisation' IN $labels THEN bodies ELSE [] END + COLLECT {
       ${OWNED.map(([kind, from, pattern]) => {
         const start = from === "a" ? "[auth]" : "bodies";
         return `UNWIND CASE WHEN $labels IS NULL OR '${kind}' IN $labels THEN ${start} ELSE [] END AS ${from} MATCH ${pattern} RETURN x`;
       }).join("\n       UNION ")}
     } AS owned`;

const HIT_COLUMNS = "node.id AS id, labels(node)[0] AS label, properties(node) AS props, score";

/** What follows the index's hits in a full ranking: best first, ties broken by id. */
const RANKED = `RETURN ${HIT_COLUMNS}
   ORDER BY score DESC, id
   LIMIT toInteger($first)`;

/** Every hit of what belongs to `$authority` (see OWNED_BY_AUTHORITY), best first, ties by id. */
export const SEARCH_IN_AUTHORITY = cypher(
  "search.inAuthority",
  `MATCH (auth:Organisation {id: $authority})
   ${OWNED_BY_AUTHORITY}
   CALL db.index.fulltext.queryNodes('search_text', $query) YIELD node, score
   // \`owned\` holds only the kinds asked for: no type filter again here.
   WHERE node IN owned
   ${RANKED}`,
);

/**
 * Every hit, best first, ties broken by id (Lucene's own order among equal scores follows each store's index
 * segments, so it could differ between cluster members). `$floor`, when set, skips hits scoring below it:
 * the caller knows the page cannot reach them (see hits.ts).
 */
export const SEARCH = cypher(
  "search.fullText",
  `CALL db.index.fulltext.queryNodes('search_text', $query) YIELD node, score
   WHERE ($floor IS NULL OR score >= $floor) AND ${TYPE_FILTER}
   ${RANKED}`,
);

/**
 * The same page from the index's `$window` best hits only (Lucene keeps just those, and Neo4j reads just those
 * nodes), as one row: the page, how many hits the index gave (`fetched`) and the lowest score among them
 * (`floor`). Hits outside the window score at most `floor`, from which hits.ts tells whether this page is the
 * whole answer's.
 */
export const SEARCH_TOP = cypher(
  "search.top",
  `CALL db.index.fulltext.queryNodes('search_text', $query, {limit: toInteger($window)}) YIELD node, score
   WITH collect({node: node, score: score}) AS hits, min(score) AS floor
   RETURN size(hits) AS fetched, floor, COLLECT {
     UNWIND hits AS hit
     WITH hit.node AS node, hit.score AS score
     WHERE ${TYPE_FILTER}
     WITH node, score ORDER BY score DESC, node.id LIMIT toInteger($first)
     RETURN {id: node.id, label: labels(node)[0], props: properties(node), score: score}
   } AS page`,
);

/** A word of the user's text as Lucene will get it, and its tokens (for marking the snippet). */
export type SearchTerm = { lucene: string; tokens: string[]; prefix: boolean };

// Every character the classic Lucene query parser treats specially (&& and || are escaped per character).
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
const OPERATOR_WORDS = new Set(["AND", "OR", "NOT"]);
// Roughly what the standard tokenizer keeps as one token: letters and digits, with inner apostrophes.
// Lucene's tokenizer (Unicode word breaks) keeps "don't", "R:Vue", "e.g" and "37,121" whole: letters joined by
// ' ’ : or ., decimal digits joined by , ; . or ' ("17½" is "17": ½ is no digit to it). So do we, so a snippet marks exactly what the index matched.
export const TOKEN = /[\p{L}\p{Nd}]+(?:(?:(?<=\p{L})[:.'’](?=\p{L})|(?<=\p{Nd})[,;.'’](?=\p{Nd}))[\p{L}\p{Nd}]+)*/gu;
// A prefix search only on a plain word of at least two letters or digits (no leading or inner wildcards).
const PREFIX_WORD = /^([\p{L}\p{N}]{2,})\*$/u;
// With the text's length limit, keeps the Lucene query under its 1024-clause limit (each term is
// searched over nine fields; a hyphenated word is several terms, a prefix word two).
export const MAX_WORDS = 50;

export function escapeLucene(word: string): string {
  return word.replace(LUCENE_SPECIAL, "\\$&");
}

/**
 * The user's words as plain Lucene terms: specials escaped, AND/OR/NOT lowercased (Lucene only reads
 * them as operators in capitals). Words that analyse to nothing are dropped: those with no letter or
 * digit ("*", "(", "\\") and English stop words ("the", "and"). A trailing `*` on a plain word is kept,
 * unescaped, as a prefix search. Prefixes skip the analyzer, so they are lowercased here and match the
 * index's stems ("inspect*" finds "inspections"); the word itself is searched too, stemmed, so a whole
 * word with a star ("inspections*") still finds its own forms although no stem starts with it.
 */
export function parseTerms(text: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const word of text.split(/\s+/).slice(0, MAX_WORDS)) {
    const prefix = PREFIX_WORD.exec(word);
    if (prefix) {
      const start = prefix[1]!.toLowerCase();
      terms.push({ lucene: `${escapeLucene(start)}* ${escapeLucene(start)}`, tokens: [start], prefix: true });
      continue;
    }
    const tokens = (word.match(TOKEN) ?? []).map((t) => t.toLowerCase());
    if (tokens.every((token) => englishTerm(token) === null)) continue;
    // AND/OR/NOT are stop words too, but the query's safety does not rest on the stop list.
    const plain = OPERATOR_WORDS.has(word) ? word.toLowerCase() : word;
    terms.push({ lucene: escapeLucene(plain), tokens, prefix: false });
  }
  return terms;
}

/** Words joined by spaces: Lucene's default OR, so hits matching more of the words score higher. */
export function luceneQuery(terms: SearchTerm[]): string {
  return terms.map((term) => term.lucene).join(" ");
}
