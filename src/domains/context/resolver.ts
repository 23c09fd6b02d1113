import { DateResolver } from "graphql-scalars";
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { checkId } from "../../graphql/ids.js";
import { isoDay } from "../accountability/resolver.js";
import { authorityContext } from "./service.js";
import { AuthorityContext } from "./types.js";

@Resolver()
export class AuthorityContextResolver {
  @Query(() => AuthorityContext, { description: "The context card for a council as of a day (today when omitted)." })
  authorityContext(
    @Arg("authority", () => ID) authority: string,
    @Arg("on", () => DateResolver, { nullable: true, description: "The day, YYYY-MM-DD; today when omitted." }) on: Date | null,
    @Ctx() ctx: Context,
  ) {
    checkId(authority, "Organisation");
    return authorityContext(ctx, authority, isoDay(on ?? new Date()));
  }
}
