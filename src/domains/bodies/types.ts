import { Field, ObjectType } from "type-graphql";
import { DatePrecision, InterventionKind, MembershipRole, OrganisationKind } from "../../graphql/enums.js";
import { Node } from "../../graphql/node.js";
import { PartialDateScalar } from "../../graphql/partialDate.js";
import { Claim } from "../sources/evidence.js";

@ObjectType("Organisation", {
  implements: Node,
  description: "A council, one of its bodies (cabinet, improvement board, scrutiny committee, directorate), a government department, the inspectorate or a partner.",
})
export class Organisation extends Node {
  @Field(() => String)
  name!: string;

  @Field(() => OrganisationKind)
  kind!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;
}

@ObjectType("Membership", { implements: [Node, Claim], description: "A person's or organisation's seat on a body." })
export class Membership extends Claim {
  @Field(() => MembershipRole)
  role!: string;

  @Field(() => PartialDateScalar, { nullable: true })
  start!: string | null;

  @Field(() => PartialDateScalar, { nullable: true })
  end!: string | null;
}

@ObjectType("Meeting", { implements: [Node, Claim], description: "A meeting of a body and what it considered." })
export class Meeting extends Claim {
  @Field(() => PartialDateScalar)
  date!: string;

  @Field(() => DatePrecision)
  datePrecision!: string;

  @Field(() => String)
  purpose!: string;
}

@ObjectType("Intervention", { implements: [Node, Claim], description: "A government intervention, e.g. a statutory improvement notice." })
export class Intervention extends Claim {
  @Field(() => InterventionKind)
  kind!: string;

  @Field(() => PartialDateScalar, { nullable: true })
  issued!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: "Null while the intervention is open (or when its end is unknown)." })
  lifted!: string | null;

  @Field(() => String, { nullable: true, description: "What it requires, in the project's words." })
  requires!: string | null;
}
