import { Field, ObjectType } from "type-graphql";
import { Node } from "../../graphql/node.js";
import { PartialDateScalar } from "../../graphql/partialDate.js";
import { DatePrecision, SourceKind } from "../../graphql/enums.js";

@ObjectType("Source", { implements: Node, description: "A document the graph's facts are drawn from." })
export class Source extends Node {
  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true, description: "Null when the document does not name its publisher." })
  publisher!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: "Publication date, only as precise as known." })
  published!: string | null;

  @Field(() => DatePrecision, { nullable: true })
  publishedPrecision!: keyof typeof DatePrecision | null;

  @Field(() => String, { nullable: true, description: "How the publication date was established, when not stated." })
  publishedNote!: string | null;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => SourceKind)
  kind!: keyof typeof SourceKind;

  @Field(() => String, { nullable: true, description: "For a report read from a file: its path in the Ofsted corpus (../shared/ofsted)." })
  file!: string | null;

  @Field(() => String, { nullable: true, description: "For a report read from a file: the sha256 of its bytes." })
  sha256!: string | null;
}
