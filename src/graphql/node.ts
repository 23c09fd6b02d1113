/** The Relay Node interface: every entity has a global, stable string id ("person:jim-robbins"). */
import { Field, ID, InterfaceType } from "type-graphql";

@InterfaceType("Node", {
  description: "An object with a stable id; fetch any of them with node(id).",
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID)
  id!: string;
}
