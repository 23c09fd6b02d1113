import { Field, ObjectType } from "type-graphql";
import { registerEnumType } from "type-graphql";
import { Grade } from "../../graphql/enums.js";
import { PartialDateScalar } from "../../graphql/partialDate.js";
import { Inspection, Judgement, JudgementArea } from "./types.js";

export const GradeChange = { FIRST: "FIRST", PREVIOUS_UNKNOWN: "PREVIOUS_UNKNOWN", IMPROVED: "IMPROVED", DECLINED: "DECLINED", UNCHANGED: "UNCHANGED" } as const;
registerEnumType(GradeChange, {
  name: "GradeChange",
  description: "How a grade compares with the previous grade in the same series.",
  valuesConfig: {
    FIRST: { description: "The first grade known, and no earlier inspection of a grading kind is known." },
    PREVIOUS_UNKNOWN: { description: "The first grade in the graph, but earlier inspections of a grading kind are known with no grade in the graph (the series' earlierUngraded)." },
  },
});

@ObjectType("GradePoint", { description: "One grade in a series, with the change from the previous one." })
export class GradePoint {
  @Field(() => Inspection) inspection!: unknown;
  @Field(() => Judgement, { description: "With its evidence." }) judgement!: unknown;
  @Field(() => JudgementArea, { description: "The framework's judgement area actually graded." }) judgementArea!: unknown;
  @Field(() => PartialDateScalar, { nullable: true, description: "The inspection's effective date (start, else end, else its report's publication)." }) date!: string | null;
  @Field(() => Grade) grade!: string;
  @Field(() => Grade, { nullable: true }) previousGrade!: string | null;
  @Field(() => GradeChange) change!: string;
  @Field(() => String, { nullable: true, description: "Set when the graded area was wider than this series' service area (framework change)." })
  mapping!: string | null;
}

@ObjectType("GradeSeries", { description: "Grades over time for one judgement area of the framework now in force." })
export class GradeSeries {
  @Field(() => JudgementArea, { description: "The current framework's area; its `covers` lists the service areas." })
  judgementArea!: unknown;
  @Field(() => String) label!: string;
  @Field(() => [GradePoint], { description: "Oldest first; never empty (an area the authority was never graded in has no series)." }) points!: GradePoint[];
  @Field(() => [Inspection], { description: "Held inspections of a grading kind before the first point with no grade for this series in the graph, oldest first: the grades before the first point are unknown, not absent." })
  earlierUngraded!: unknown[];
}
