import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { badInput, notFound } from "../../errors.js";
import type { Context } from "../../graphql/context.js";
import { NODE_BY_IDS, rowToObject } from "../../graphql/graphRead.js";
import { checkId } from "../../graphql/ids.js";
import type { Label } from "../../model/labels.js";
import { searchHits } from "./hits.js";
import { luceneQuery, parseTerms } from "./queries.js";
import { snippetOf } from "./snippet.js";
import { LABEL_OF_SEARCH_TYPE, SearchHit, SearchType } from "./types.js";

const MAX_TEXT = 200;
const MAX_FIRST = 50;
const DEFAULT_FIRST = 10;

@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      `Full-text search over people, organisations, posts, findings, themes, service areas, sources, statements (their quotes), meetings (their purposes) and reviews (their titles and focus). ` +
      `Words are plain terms (any word may match; more matches rank higher) matched by English stem, so drift finds drifting; ` +
      `stop words (the, and, of…) are ignored. End a word with * for a prefix search. ` +
      `text: 1–${MAX_TEXT} characters; first: 1–${MAX_FIRST}.`,
  })
  async search(
    @Arg("text", () => String) text: string,
    @Arg("types", () => [SearchType], { nullable: true, description: "Only these kinds of entity; omit for all." })
    types: SearchType[] | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: DEFAULT_FIRST }) first: number | null,
    @Ctx() ctx: Context,
    @Arg("authority", () => ID, {
      nullable: true,
      description:
        "Only what belongs to this authority: itself and its bodies, their posts, holders, members and meetings, its reviews, its inspections' and reviews' findings and the themes, service areas and sources behind them, its meetings' findings, statements by its post holders or about it, its bodies, inspections or reviews. NOT_FOUND for an unknown authority.",
    })
    authority?: string | null,
  ): Promise<SearchHit[]> {
    const trimmed = text.trim();
    if (trimmed.length < 1 || trimmed.length > MAX_TEXT) {
      throw badInput(`text must be 1 to ${MAX_TEXT} characters after trimming (got ${trimmed.length})`, { argument: "text" });
    }
    const limit = first ?? DEFAULT_FIRST;
    if (limit < 1 || limit > MAX_FIRST) throw badInput(`first must be between 1 and ${MAX_FIRST} (got ${limit})`, { argument: "first" });
    if (types && types.length === 0) throw badInput("types must name at least one type; omit it to search all", { argument: "types" });

    if (authority != null) checkId(authority, "Organisation");
    const terms = parseTerms(trimmed);
    const labels = types ? [...new Set(types.map((t) => LABEL_OF_SEARCH_TYPE[t]))] : null;
    // Nothing searchable (only punctuation or stop words): no hits, and no search to send.
    const rows = terms.length === 0 ? [] : await searchHits(ctx, { query: luceneQuery(terms), labels, first: limit, authority: authority ?? null });
    // An unknown authority has no hits: whether it exists is asked only then (a query less for every answer with hits).
    if (authority != null && rows.length === 0 && !(await ctx.loaders.byId(NODE_BY_IDS.Organisation).load(authority))) {
      throw notFound(`No Organisation with id "${authority}"`, { argument: "authority" });
    }
    return rows.map((row) => {
      const label = row.label as Label;
      // The hit carries the node's properties: later lookups of it by id cost no query.
      ctx.loaders.byId(NODE_BY_IDS[label]).prime(row.id as string, { id: row.id as string, props: row.props ?? {} });
      const props = row.props as Record<string, unknown>;
      return { score: row.score as number, node: rowToObject(label, row), ...snippetOf(props, terms) };
    });
  }
}
