import { Arg, Ctx, ID, Info, Query, Resolver } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import { selects } from "../../graphql/compiledReads.js";
import type { Context } from "../../graphql/context.js";
import { DateResolver } from "graphql-scalars";
import { badInput } from "../../errors.js";
import { checkId } from "../../graphql/ids.js";
import { PartialDateScalar } from "../../graphql/partialDate.js";
import { accountability } from "./service.js";
import { AccountabilityAnswer } from "./types.js";

export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The time asked: `on` (a day) or `asOf` (a day, month or year), not both; `fallback` when neither (else an error). */
export function whenAsked(on: Date | null, asOf: string | null, fallback: string | null): string {
  if (on && asOf) throw badInput("Give on (a day) or asOf (a day, month or year), not both", { argument: "asOf" });
  const asked = asOf ?? (on ? isoDay(on) : fallback);
  if (!asked) throw badInput("Give on (a day, YYYY-MM-DD) or asOf (YYYY, YYYY-MM or YYYY-MM-DD)", { argument: "on" });
  return asked;
}

@Resolver()
export class AccountabilityResolver {
  @Query(() => AccountabilityAnswer, {
    description: "Who was responsible for a service area of an authority on a day (or during a month or year), up the managerial and political lines to the chief executive and the leader, with every candidate holder and how sure each is, and the bodies overseeing its improvement work then.",
  })
  accountability(
    @Arg("authority", () => ID) authority: string,
    @Arg("serviceArea", () => ID) serviceArea: string,
    @Arg("on", () => DateResolver, { nullable: true, description: "The day, YYYY-MM-DD (or give asOf)." }) on: Date | null,
    @Arg("asOf", () => PartialDateScalar, { nullable: true, description: "A day (YYYY-MM-DD), or a month (YYYY-MM) or year (YYYY) asked as a whole: holders in post at any time in it. Give on or asOf." }) asOf: string | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    checkId(authority, "Organisation");
    checkId(serviceArea, "ServiceArea");
    // The overseeing bodies (three subqueries, members and meetings) are read only when asked for.
    return accountability(ctx, authority, serviceArea, whenAsked(on, asOf, null), selects(info, "oversight"));
  }
}
