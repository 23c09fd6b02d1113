import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import type { GraphObject } from "../../graphql/graphRead.js";
import { Node } from "../../graphql/node.js";
import { Evidence } from "../sources/evidence.js";

export const HopDirection = { FORWARD: "FORWARD", BACKWARD: "BACKWARD" } as const;
export type HopDirection = keyof typeof HopDirection;
registerEnumType(HopDirection, {
  name: "HopDirection",
  description: "FORWARD when the relationship points from the hop's `from` to its `to`, BACKWARD when it points from `to` to `from`.",
});

@ObjectType("Hop", { description: "One relationship of a path, with the evidence for it." })
export class Hop {
  @Field(() => Node)
  from!: GraphObject;

  @Field(() => Node)
  to!: GraphObject;

  @Field(() => String, { description: "The relationship type, e.g. HOLDS, OF, IN, FOUND." })
  type!: string;

  @Field(() => HopDirection)
  direction!: HopDirection;

  @Field(() => [Evidence], {
    description:
      "Evidence for the hop: the quotes supporting the claim (occupancy, inspection, finding, …) that asserts it, or those kept " +
      "on a responsibility or accountability; empty for structural links such as a post IN its organisation.",
  })
  evidence!: Evidence[];

  @Field(() => Boolean, { description: "True when the link is inferred rather than stated (see the claim's or relationship's inferredFrom)." })
  inferred!: boolean;

  /** The claim whose evidence backs this hop, when there is one. */
  claim!: { label: string; id: string } | null;
}

@ObjectType("Path", { description: "A shortest path between two entities, never through a source document." })
export class Path {
  @Field(() => Int, { description: "The number of hops." })
  length!: number;

  @Field(() => [Node], { description: "The entities along the path, from the first asked for to the second." })
  nodes!: GraphObject[];

  @Field(() => [Hop])
  hops!: Hop[];
}
