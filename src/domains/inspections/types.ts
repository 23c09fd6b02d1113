import { Field, Int, ObjectType } from "type-graphql";
import { DatePrecision, FindingKind, Grade, InspectionKind, InspectionStatus, Polarity, ReviewKind } from "../../graphql/enums.js";
import { Node } from "../../graphql/node.js";
import { PartialDateScalar } from "../../graphql/partialDate.js";
import { Claim } from "../sources/evidence.js";

type Precision = keyof typeof DatePrecision | null;

@ObjectType("Inspection", { implements: [Node, Claim], description: "An Ofsted inspection or visit, held or expected." })
export class Inspection extends Claim {
  @Field(() => InspectionKind)
  kind!: string;

  @Field(() => InspectionStatus)
  status!: string;

  @Field(() => PartialDateScalar, { nullable: true, description: "First day on site, only as precise as known." })
  start!: string | null;

  @Field(() => DatePrecision, { nullable: true })
  startPrecision!: Precision;

  @Field(() => PartialDateScalar, { nullable: true })
  end!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: "When the report or letter was published." })
  published!: string | null;

  @Field(() => String, { nullable: true })
  focus!: string | null;

  @Field(() => Int, { nullable: true, description: "Order among visits of a series (e.g. monitoring visit 1, 2, 3)." })
  sequence!: number | null;
}

@ObjectType("Review", {
  implements: [Node, Claim],
  description: "A review of a council's children's services that is not an Ofsted inspection (an independent or peer review, a safeguarding practice review, a commissioner's review), with findings of its own.",
})
export class Review extends Claim {
  @Field(() => ReviewKind)
  kind!: string;

  @Field(() => String)
  title!: string;

  @Field(() => PartialDateScalar, { nullable: true, description: "When the review began, only as precise as known." })
  start!: string | null;

  @Field(() => PartialDateScalar, { nullable: true })
  end!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: "When its report was published." })
  published!: string | null;

  @Field(() => String, { nullable: true, description: "What it looked at, in the project's words." })
  focus!: string | null;
}

@ObjectType("Judgement", { implements: [Node, Claim], description: "A grade given for one judgement area in one inspection." })
export class Judgement extends Claim {
  @Field(() => Grade)
  grade!: string;
}

@ObjectType("JudgementArea", { implements: Node, description: "A judgement area of an inspection framework version." })
export class JudgementArea extends Node {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  label!: string;

  @Field(() => String)
  framework!: string;

  @Field(() => PartialDateScalar, { nullable: true })
  validFrom!: string | null;

  @Field(() => PartialDateScalar, { nullable: true })
  validTo!: string | null;

  @Field(() => String, { nullable: true, description: "How the area maps across framework changes." })
  note!: string | null;
}

@ObjectType("Finding", { implements: [Node, Claim], description: "What an inspection found, in the project's own words, with a quote as evidence." })
export class Finding extends Claim {
  @Field(() => FindingKind)
  kind!: string;

  @Field(() => Polarity)
  polarity!: string;

  @Field(() => String)
  summary!: string;

  @Field(() => [String], {
    description: "How an extracted finding was classified: each cue that matched (empty for findings written by hand).",
  })
  cues!: string[];
}
