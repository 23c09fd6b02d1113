import { Field, ObjectType } from "type-graphql";
import { Node } from "../../graphql/node.js";

@ObjectType("Theme", { implements: Node, description: "A recurring subject of findings, from a small controlled vocabulary." })
export class Theme extends Node {
  @Field(() => String)
  label!: string;

  @Field(() => String)
  description!: string;
}

@ObjectType("ServiceArea", { implements: Node, description: "A part of children's services (help and protection, children in care, care leavers, …)." })
export class ServiceArea extends Node {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;
}
