import { Field, InterfaceType, ObjectType } from "type-graphql";
import { AccountabilityLine, DatePrecision, OccupancyStatus, PostRole } from "../../graphql/enums.js";
import { Node } from "../../graphql/node.js";
import { PartialDateScalar } from "../../graphql/partialDate.js";
import { Claim, Evidence } from "../sources/evidence.js";

type Precision = keyof typeof DatePrecision | null;

@ObjectType("Person", {
  implements: Node,
  description: "A person record; an unnamed one is a placeholder, one person unless a source identifies it with another record (see `canonical`, `records`, `identifications`).",
})
export class Person extends Node {
  @Field(() => String, { nullable: true, description: "Null when the sources do not name them." })
  name!: string | null;

  @Field(() => Boolean)
  unnamed!: boolean;

  @Field(() => String, { description: "Who this is, in the project's words (for unnamed people, how the sources refer to them)." })
  description!: string;
}

@ObjectType("Post", { implements: Node, description: "A post in an organisation, which exists with or without a holder." })
export class Post extends Node {
  @Field(() => String)
  title!: string;

  @Field(() => PostRole)
  role!: string;

  @Field(() => String, { nullable: true })
  portfolio!: string | null;
}

/** Bounds for an end known only as "before 2020" or "after March 2021": shared by occupancies and memberships. */
@InterfaceType("BoundedClaim", {
  implements: [Node, Claim],
  description: "A claim over a period whose ends may be known only as bounds, exclusive of the whole partial date: startBefore \"2020\" means it began in 2019 or earlier.",
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class BoundedClaim extends Claim {
  @Field(() => PartialDateScalar, { nullable: true, description: "When the start is not known: it was before this (e.g. \"in post before 2020\")." })
  startBefore!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: "When the start is not known: it was after this." })
  startAfter!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: "When the end is not known: it was before this." })
  endBefore!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: "When the end is not known: it was after this (e.g. \"still in post after March 2021\")." })
  endAfter!: string | null;
}

@ObjectType("Occupancy", { implements: [Node, Claim, BoundedClaim], description: "A person holding a post, with dates only as precise as known (or bounds)." })
export class Occupancy extends BoundedClaim {
  @Field(() => PartialDateScalar, { nullable: true })
  start!: string | null;

  @Field(() => DatePrecision, { nullable: true })
  startPrecision!: Precision;

  @Field(() => PartialDateScalar, { nullable: true })
  end!: string | null;

  @Field(() => DatePrecision, { nullable: true })
  endPrecision!: Precision;

  @Field(() => OccupancyStatus)
  status!: string;

  @Field(() => [PartialDateScalar], { description: "Dates on which a source shows the person in post." })
  attestedOn!: string[];
}

@ObjectType("Statement", { implements: [Node, Claim], description: "Something a named person said publicly." })
export class Statement extends Claim {
  @Field(() => String)
  quote!: string;

  @Field(() => PartialDateScalar, { nullable: true })
  date!: string | null;
}

/** What responsibilities and accountability lines share: dates, whether inferred, and evidence. */
@InterfaceType("RelationshipClaim", {
  description: "A relationship between posts, bodies or areas (a responsibility, an accountability line, who delivers or supports a council's services), with its dates, whether it is inferred, and its evidence.",
  resolveType: (value: { toId?: string; providerId?: string; supporterId?: string; sameAsId?: string }) =>
    value.providerId ? "ServiceDelivery" : value.supporterId ? "ImprovementSupport" : value.sameAsId ? "Identification"
      : value.toId ? "Accountability" : "Responsibility",
})
export abstract class RelationshipClaim {
  @Field(() => PartialDateScalar, { nullable: true })
  start!: string | null;

  @Field(() => PartialDateScalar, { nullable: true })
  end!: string | null;

  @Field(() => Boolean)
  inferred!: boolean;

  @Field(() => String, { nullable: true })
  inferredFrom!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => [Evidence])
  evidence!: Evidence[];
}

@ObjectType("Responsibility", { implements: RelationshipClaim, description: "A post's responsibility for a service area." })
export class Responsibility extends RelationshipClaim {
  serviceAreaId!: string;
}

@ObjectType("Accountability", { implements: RelationshipClaim, description: "A post's line of accountability to another post or a body." })
export class Accountability extends RelationshipClaim {
  toId!: string;

  @Field(() => AccountabilityLine)
  line!: string;
}

@ObjectType("Identification", {
  implements: RelationshipClaim,
  description: "A sourced statement that two person records are one person: an unnamed placeholder later named, or one person recorded from two sources. The API answers with `sameAs`'s chain end (`Person.canonical`).",
})
export class Identification extends RelationshipClaim {
  personId!: string;
  sameAsId!: string;
}
