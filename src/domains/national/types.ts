import { Field, Float, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Grade } from "../../graphql/enums.js";
import { SortDirection } from "../../graphql/connections.js";
import { Finding, Inspection, Judgement } from "../inspections/types.js";
import { Theme } from "../themes/types.js";

/** The judgements a latest-grades row shows, by area across frameworks. */
export enum LatestArea {
  OVERALL = "OVERALL",
  LEADERS = "LEADERS",
  HELP_AND_PROTECTION = "HELP_AND_PROTECTION",
  CHILDREN_IN_CARE = "CHILDREN_IN_CARE",
  CARE_LEAVERS = "CARE_LEAVERS",
}
registerEnumType(LatestArea, {
  name: "LatestArea",
  description: "A judgement area as a latest-grades table shows it; before 2023 children in care and care leavers were one judgement, which stands for both.",
});

/** The fields of an authority row, then each latest-grades area (derived, so a new area is sortable at once). */
export const AuthorityOrderField = {
  NAME: "NAME",
  REGION: "REGION",
  AUTHORITY_TYPE: "AUTHORITY_TYPE",
  LATEST_INSPECTION: "LATEST_INSPECTION",
  ...LatestArea,
} as const;
export type AuthorityOrderField = (typeof AuthorityOrderField)[keyof typeof AuthorityOrderField];
registerEnumType(AuthorityOrderField, {
  name: "AuthorityOrderField",
  description: "What authorities are sorted by: a name, region or type, the date of the latest graded inspection, or one of its grades (best first when DESC; authorities without that grade last either way).",
});

@InputType("AuthorityOrder")
export class AuthorityOrder {
  @Field(() => AuthorityOrderField) field!: AuthorityOrderField;
  @Field(() => SortDirection, { defaultValue: "ASC" }) direction!: "ASC" | "DESC";
}

@ObjectType("LatestGrades", { description: "An authority's latest inspection with an overall judgement, and its grades." })
export class LatestGrades {
  @Field(() => Inspection) inspection!: object;
  @Field(() => Grade, { nullable: true }) overall!: string | null;
  @Field(() => Grade, { nullable: true }) leaders!: string | null;
  @Field(() => Grade, { nullable: true }) helpAndProtection!: string | null;
  @Field(() => Grade, { nullable: true, description: "Children in care; before 2023 the combined judgement with care leavers." })
  childrenInCare!: string | null;
  @Field(() => Grade, { nullable: true, description: "Care leavers; before 2023 the combined judgement with children in care." })
  careLeavers!: string | null;
  @Field(() => Boolean, { description: "True when children in care and care leavers were one judgement (ILACS 2018), shown in both columns." })
  combinedCareJudgement!: boolean;
  @Field(() => [Judgement], { description: "Every judgement of that inspection, with its area and evidence." })
  judgements!: object[];
}

@ObjectType("ThemeTally", { description: "A theme and the recommendations that raised it." })
export class ThemeTally {
  @Field(() => Theme) theme!: object;
  @Field(() => Int) count!: number;
  @Field(() => [Finding]) recommendations!: object[];
}

@ObjectType("ThemeYear", { description: "One theme in one year: how many authorities were told to improve it, of how many inspected." })
export class ThemeYear {
  @Field(() => Int, { description: "Year the inspections began." }) year!: number;
  @Field(() => Theme) theme!: object;
  @Field(() => Int, { description: "Authorities with at least one such finding on the theme that year." }) authorities!: number;
  @Field(() => Int, { description: "Authorities (of the same scope) with a graded inspection that year." }) inspectedAuthorities!: number;
  @Field(() => Float, { description: "authorities / inspectedAuthorities." }) share!: number;
  @Field(() => Int, { description: "How many findings." }) findingCount!: number;
  findingIds!: string[];
}
