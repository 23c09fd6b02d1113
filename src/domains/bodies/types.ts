import { Field, Int, ObjectType } from "type-graphql";
import { DatePrecision, InterventionKind, MeetingStatus, MembershipRole, OrganisationKind } from "../../graphql/enums.js";
import { Node } from "../../graphql/node.js";
import { PartialDateScalar } from "../../graphql/partialDate.js";
import { BoundedClaim, RelationshipClaim } from "../people/types.js";
import { Claim, Evidence } from "../sources/evidence.js";

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

  @Field(() => String, { nullable: true, description: "A local authority's ONS code (e.g. E06000030)." })
  onsCode!: string | null;

  @Field(() => String, { nullable: true, description: "A local authority's three-digit DfE code." })
  laCode!: string | null;

  @Field(() => String, { nullable: true, description: "Ofsted's unique reference number for the authority." })
  ofstedUrn!: string | null;

  @Field(() => String, { nullable: true, description: "The English region of a local authority." })
  region!: string | null;

  @Field(() => String, { nullable: true, description: "Unitary Authority, Metropolitan District, London Borough or County; null where unknown." })
  authorityType!: string | null;

  @Field(() => Int, { nullable: true, description: "Residents aged 0 to 25 (ONS), for a local authority." })
  population0to25!: number | null;
}

@ObjectType("StatisticalNeighbour", { description: "One of an authority's ten statistical neighbours (DfE), rank 1 the nearest." })
export class StatisticalNeighbour {
  @Field(() => Int)
  rank!: number;

  @Field(() => [Evidence])
  evidence!: Evidence[];

  authorityId!: string;
}

@ObjectType("Succession", { description: "A former authority whose children's services passed to a successor." })
export class Succession {
  predecessorId!: string;

  successorId!: string;

  @Field(() => PartialDateScalar, { nullable: true, description: "When the successor took over, as precisely as the source gives it." })
  start!: string | null;

  @Field(() => [Evidence])
  evidence!: Evidence[];
}

@ObjectType("ServiceDelivery", {
  implements: RelationshipClaim,
  description: "A body delivering a council's children's services for it over a period: a children's trust, or another council in a strategic partnership.",
})
export class ServiceDelivery extends RelationshipClaim {
  authorityId!: string;

  providerId!: string;
}

@ObjectType("ImprovementSupport", {
  implements: RelationshipClaim,
  description: "Support for a council's improvement over a period: an improvement partner council, DfE-funded support.",
})
export class ImprovementSupport extends RelationshipClaim {
  supportedId!: string;

  supporterId!: string;

  @Field(() => String, { nullable: true, description: "What the support is." })
  description!: string | null;
}

@ObjectType("Membership", { implements: [Node, Claim, BoundedClaim], description: "A person's or organisation's seat on a body." })
export class Membership extends BoundedClaim {
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

  @Field(() => MeetingStatus, {
    nullable: true,
    description: "HELD when a source reports the meeting took place, ANNOUNCED when sources only say it will; null when they do not say. Only HELD meetings count as oversight done.",
  })
  status!: string | null;
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
