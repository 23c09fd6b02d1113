import { DateResolver } from "graphql-scalars";
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { checkId } from "../../graphql/ids.js";
import { accountability } from "./service.js";
import { AccountabilityAnswer } from "./types.js";

export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

@Resolver()
export class AccountabilityResolver {
  @Query(() => AccountabilityAnswer, {
    description: "Who was responsible for a service area of an authority on a day, up the managerial and political lines to the chief executive and the leader, with every candidate holder and how sure each is, and the bodies overseeing its improvement work then.",
  })
  accountability(
    @Arg("authority", () => ID) authority: string,
    @Arg("serviceArea", () => ID) serviceArea: string,
    @Arg("on", () => DateResolver, { description: "The day, YYYY-MM-DD." }) on: Date,
    @Ctx() ctx: Context,
  ) {
    checkId(authority, "Organisation");
    checkId(serviceArea, "ServiceArea");
    return accountability(ctx, authority, serviceArea, isoDay(on));
  }
}
