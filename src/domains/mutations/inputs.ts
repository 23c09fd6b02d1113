/**
 * Mutation inputs. They mirror bundle records; the bundle schema (src/bundles/bundleSchema.ts) remains the
 * one definition of what is valid, so every input is checked by it before anything is written.
 */
import { Field, ID, InputType } from "type-graphql";
import { FindingKind, Grade, InspectionKind, InspectionStatus, OccupancyStatus, Polarity, SourceKind } from "../../graphql/enums.js";
import { PartialDateScalar } from "../../graphql/partialDate.js";

@InputType("EvidenceInput", { description: "A quote of at most about 25 words (30 enforced) from a source already in the graph." })
export class EvidenceInput {
  @Field(() => ID) source!: string;
  @Field(() => String) quote!: string;
  @Field(() => String, { nullable: true }) locator?: string | null;
}

@InputType("SourceInput")
export class SourceInput {
  @Field(() => ID, { nullable: true, description: 'Omit to derive "source:<slug of title>".' }) id?: string | null;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true, description: "Null when the document does not name its publisher." }) publisher?: string | null;
  @Field(() => PartialDateScalar, { nullable: true }) published?: string | null;
  @Field(() => String, { nullable: true }) publishedNote?: string | null;
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => SourceKind) kind!: string;
}

@InputType("FindingInput")
export class FindingInput {
  @Field(() => ID, { nullable: true, description: "Omit to generate one." }) id?: string | null;
  @Field(() => ID) inspection!: string;
  @Field(() => FindingKind) kind!: string;
  @Field(() => Polarity) polarity!: string;
  @Field(() => String, { description: "In your own words." }) summary!: string;
  @Field(() => [ID], { defaultValue: [] }) serviceAreas!: string[];
  @Field(() => [ID], { defaultValue: [] }) themes!: string[];
  @Field(() => [EvidenceInput]) evidence!: EvidenceInput[];
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType("OccupancyInput", { description: "Creates the occupancy, or replaces it when `id` exists." })
export class OccupancyInput {
  @Field(() => ID, { nullable: true, description: "Omit to generate one." }) id?: string | null;
  @Field(() => ID) person!: string;
  @Field(() => ID) post!: string;
  @Field(() => PartialDateScalar, { nullable: true }) start?: string | null;
  @Field(() => PartialDateScalar, { nullable: true }) end?: string | null;
  @Field(() => PartialDateScalar, { nullable: true, description: "Instead of start, when only a bound is known: it began before this." }) startBefore?: string | null;
  @Field(() => PartialDateScalar, { nullable: true, description: "Instead of start: it began after this." }) startAfter?: string | null;
  @Field(() => PartialDateScalar, { nullable: true, description: "Instead of end: it ended before this." }) endBefore?: string | null;
  @Field(() => PartialDateScalar, { nullable: true, description: "Instead of end: it lasted beyond this." }) endAfter?: string | null;
  @Field(() => OccupancyStatus, { defaultValue: "UNKNOWN" }) status!: string;
  @Field(() => [PartialDateScalar], { defaultValue: [] }) attestedOn!: string[];
  @Field(() => [EvidenceInput]) evidence!: EvidenceInput[];
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType("JudgementInput")
export class JudgementInput {
  @Field(() => ID, { description: "A JudgementArea id." }) area!: string;
  @Field(() => Grade) grade!: string;
  @Field(() => [EvidenceInput]) evidence!: EvidenceInput[];
}

@InputType("InspectionInput")
export class InspectionInput {
  @Field(() => ID, { nullable: true, description: "Omit to generate one." }) id?: string | null;
  @Field(() => InspectionKind) kind!: string;
  @Field(() => InspectionStatus, { defaultValue: "HELD" }) status!: string;
  @Field(() => ID) authority!: string;
  @Field(() => ID, { description: "The inspectorate, e.g. org:ofsted." }) by!: string;
  @Field(() => PartialDateScalar, { nullable: true }) start?: string | null;
  @Field(() => PartialDateScalar, { nullable: true }) end?: string | null;
  @Field(() => PartialDateScalar, { nullable: true }) published?: string | null;
  @Field(() => String, { nullable: true }) focus?: string | null;
  @Field(() => [EvidenceInput]) evidence!: EvidenceInput[];
  @Field(() => [JudgementInput], { defaultValue: [] }) judgements!: JudgementInput[];
}
