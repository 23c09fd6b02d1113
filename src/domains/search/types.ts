import { Field, Float, ObjectType, registerEnumType } from "type-graphql";
import type { GraphObject } from "../../graphql/graphRead.js";
import { Node } from "../../graphql/node.js";
import type { Label } from "../../model/labels.js";

/** What search can return: the labels the `search_text` full-text index covers (007_reviews.cypher). */
export const SearchType = {
  PERSON: "PERSON",
  ORGANISATION: "ORGANISATION",
  POST: "POST",
  FINDING: "FINDING",
  THEME: "THEME",
  SERVICE_AREA: "SERVICE_AREA",
  SOURCE: "SOURCE",
  STATEMENT: "STATEMENT",
  MEETING: "MEETING",
  REVIEW: "REVIEW",
} as const;
export type SearchType = keyof typeof SearchType;
registerEnumType(SearchType, { name: "SearchType", description: "A kind of entity that full-text search covers." });

export const LABEL_OF_SEARCH_TYPE: Record<SearchType, Label> = {
  PERSON: "Person",
  ORGANISATION: "Organisation",
  POST: "Post",
  FINDING: "Finding",
  THEME: "Theme",
  SERVICE_AREA: "ServiceArea",
  SOURCE: "Source",
  STATEMENT: "Statement",
  MEETING: "Meeting",
  REVIEW: "Review",
};

@ObjectType("SearchHit", { description: "One entity matching a full-text search, with where and how well it matched." })
export class SearchHit {
  @Field(() => Float, { description: "Relevance (Lucene score); hits come best first, ties by id." })
  score!: number;

  @Field(() => Node)
  node!: GraphObject;

  @Field(() => String, { description: "The matched text around the first hit of a query term, matched words (any inflection) marked **like this**." })
  snippet!: string;

  @Field(() => String, { description: "The property the snippet comes from (name, title, label, summary, description or publisher)." })
  field!: string;
}
