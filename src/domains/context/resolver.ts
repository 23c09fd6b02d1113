import { Arg, Ctx, ID, Info, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { checkId } from "../../graphql/ids.js";
import { DateResolver } from "graphql-scalars";
import { PartialDateScalar } from "../../graphql/partialDate.js";
import { isoDay, whenAsked } from "../accountability/resolver.js";
import { authorityContext, CARD_FIELDS } from "./service.js";
import { projectionAt, selects } from "../../graphql/compiledReads.js";
import type { GraphQLResolveInfo } from "graphql";
import { AuthorityContext } from "./types.js";

@Resolver()
export class AuthorityContextResolver {
  @Query(() => AuthorityContext, { description: "The context card for a council as of a day, month or year (today when omitted)." })
  authorityContext(
    @Arg("authority", () => ID) authority: string,
    @Arg("on", () => DateResolver, { nullable: true, description: "The day, YYYY-MM-DD; today when neither on nor asOf is given." }) on: Date | null,
    @Arg("asOf", () => PartialDateScalar, { nullable: true, description: "A day (YYYY-MM-DD), month (YYYY-MM) or year (YYYY): for a month or year, holders in post at any time in it and inspections begun by its end." }) asOf: string | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    checkId(authority, "Organisation");
    // The inspections, judgements and findings with the stored fields the client selects. Their relations are
    // left to the loaders: the query reads every inspection of the authority, the card shows three.
    const only = { relations: false };
    return authorityContext(ctx, authority, whenAsked(on, asOf, isoDay(new Date())), {
      inspection: projectionAt(info, "Inspection", [["latestJudgedInspection"], ["latestVisit"], ["nextExpectedInspection"]], CARD_FIELDS.inspection, only),
      judgement: projectionAt(info, "Judgement", [["latestJudgements"]], CARD_FIELDS.judgement, only),
      finding: selects(info, "latestFindings") ? projectionAt(info, "Finding", [["latestFindings"]], CARD_FIELDS.finding, only) : null,
    }, { oversight: selects(info, "oversight"), interventions: selects(info, "openInterventions"), bodies: selects(info, "bodies") });
  }
}
