import { Field, Int, ObjectType } from "type-graphql";
import { Node } from "../../graphql/node.js";

@ObjectType("ChangeCount")
export class ChangeCount {
  @Field(() => String, { description: 'What was counted, e.g. "Finding.CREATED".' }) key!: string;
  @Field(() => Int) count!: number;
}

@ObjectType("TouchedNode")
export class TouchedNode {
  @Field(() => String, { description: "CREATED or UPDATED." }) change!: string;
  @Field(() => Node) node!: unknown;
}

@ObjectType("ChangeSet", { implements: Node, description: "One change to the graph: who, when, why, how, and what it touched." })
export class ChangeSet extends Node {
  @Field(() => String, { description: "Who: the API key's name, or cli:<user>." }) actor!: string;
  @Field(() => String, { description: "The role they acted with." }) role!: string;
  @Field(() => String, { description: "Why, in their words (required for every change)." }) reason!: string;
  @Field(() => String, { description: "cli, graphql, or startup (the seeds loaded by npm start)." }) via!: string;
  @Field(() => String, { description: "The command or mutation." }) operation!: string;
  @Field(() => String, { description: "When, as an ISO date-time." }) at!: string;
  @Field(() => String, { nullable: true, description: "Why a large import was rolled back (the error, or that it was interrupted); null otherwise." })
  error!: string | null;
}
