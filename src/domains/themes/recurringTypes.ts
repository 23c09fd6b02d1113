import { Field, Int, ObjectType } from "type-graphql";
import { Polarity } from "../../graphql/enums.js";
import { PartialDateScalar } from "../../graphql/partialDate.js";
import { Finding, Inspection } from "../inspections/types.js";
import { Theme } from "./types.js";

@ObjectType("ThemeOccurrence", { description: "One finding that raised a theme, in one inspection." })
export class ThemeOccurrence {
  @Field(() => Inspection) inspection!: unknown;
  @Field(() => Finding, { description: "With its service areas, summary and evidence (quote and source)." })
  finding!: unknown;
  @Field(() => PartialDateScalar, { nullable: true, description: "The inspection's effective date (its start, else its end, else its report's publication), as precise as known." })
  date!: string | null;
  @Field(() => Polarity) polarity!: string;
}

@ObjectType("RecurringTheme", { description: "A theme raised in several inspections, with every occurrence." })
export class RecurringTheme {
  @Field(() => Theme) theme!: unknown;
  @Field(() => Int, { description: "Distinct inspections or visits that raised it." }) inspectionCount!: number;
  @Field(() => Int) findingCount!: number;
  @Field(() => [ThemeOccurrence], { description: "Oldest first." }) occurrences!: ThemeOccurrence[];
}

@ObjectType("ThemeSpan", { description: "When a theme was first and last raised within the range." })
export class ThemeSpan {
  @Field(() => Theme) theme!: unknown;
  @Field(() => Inspection) firstSeen!: unknown;
  @Field(() => Inspection) lastSeen!: unknown;
  @Field(() => Int) inspectionCount!: number;
}

@ObjectType("RecurringThemes")
export class RecurringThemes {
  @Field(() => [RecurringTheme], { description: "Most recurrent first (by inspections, then findings)." })
  themes!: RecurringTheme[];
  @Field(() => Inspection, { nullable: true, description: "The latest inspection in the range that raised any theme: the reference for the two lists below." })
  latestInspection!: unknown;
  @Field(() => [ThemeSpan], { description: "Raised earlier in the range but not by the latest inspection (a monitoring visit's narrow focus can explain an absence)." })
  stoppedRecurring!: ThemeSpan[];
  @Field(() => [ThemeSpan], { description: "Raised by the latest inspection and by none before it in the range." })
  newlyAppeared!: ThemeSpan[];
}
