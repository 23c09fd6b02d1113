import { Field, Int, ObjectType, type ClassType } from "type-graphql";
import { Finding, Inspection } from "../inspections/types.js";
import { Occupancy } from "../people/types.js";
import { Source } from "../sources/types.js";
import { ChangeSet } from "../changes/types.js";

/** A mutation's answer: the entity as it now stands, and the audit record (null when nothing changed). */
function payloadOf<T extends object>(type: ClassType<T>, field: string) {
  @ObjectType(`${type.name}Payload`)
  class Payload {
    @Field(() => type, { name: field }) entity!: T;
    @Field(() => ChangeSet, { nullable: true, description: "Null when the graph already said exactly this." }) changeSet!: unknown;
  }
  return Payload;
}

export const SourcePayload = payloadOf(Source, "source");
export const FindingPayload = payloadOf(Finding, "finding");
export const OccupancyPayload = payloadOf(Occupancy, "occupancy");
export const InspectionPayload = payloadOf(Inspection, "inspection");

@ObjectType("RelationshipChanges", { description: 'Responsibilities and accountabilities, named "post:a -[ACCOUNTABLE_TO MANAGERIAL]-> post:b".' })
export class RelationshipChanges {
  @Field(() => [String]) created!: string[];
  @Field(() => [String]) updated!: string[];
  @Field(() => Int) unchanged!: number;
  @Field(() => [String], { description: "From the bundle's posts, no longer listed by a relationship section the bundle carries." })
  removed!: string[];
}

@ObjectType("ImportReport", { description: "What an import created, updated, removed or left alone." })
export class ImportReport {
  @Field(() => Boolean) dryRun!: boolean;
  @Field(() => Boolean, { description: "False for a dry run, or when nothing would change." }) written!: boolean;
  @Field(() => Int) records!: number;
  @Field(() => [String], { description: "Ids of the nodes created." }) created!: string[];
  @Field(() => [String], { description: "Ids of the nodes updated." }) updated!: string[];
  @Field(() => Int) unchanged!: number;
  @Field(() => RelationshipChanges) relationships!: RelationshipChanges;
  @Field(() => ChangeSet, { nullable: true }) changeSet!: unknown;
}
