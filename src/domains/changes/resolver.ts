import { DateTimeResolver } from "graphql-scalars";
import { Arg, Ctx, Extensions, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { badInput } from "../../errors.js";
import { MAX_PAGE } from "../../graphql/connections.js";
import type { Context } from "../../graphql/context.js";
import { loadAll, primeObject, type GraphObject } from "../../graphql/graphRead.js";
import { checkId } from "../../graphql/ids.js";
import type { Label } from "../../model/labels.js";
import { CHANGE_TOUCHED, CHANGES } from "./queries.js";
import { ChangeCount, ChangeSet, TouchedNode } from "./types.js";

const MAX_CHANGES = MAX_PAGE;

@Resolver(() => ChangeSet)
export class ChangeSetResolver {
  // Who changed what (key names, roles, file paths, OS users) is for those who may change it.
  @Extensions({ role: "editor" })
  @Query(() => [ChangeSet], { description: "The audit trail, newest first: every import and mutation since a time, or touching one entity (editor)." })
  changes(
    @Arg("since", () => DateTimeResolver, { nullable: true }) since: Date | null,
    @Arg("entity", () => ID, { nullable: true }) entity: string | null,
    @Arg("first", () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: Context,
  ) {
    if (entity != null) checkId(entity);
    if (first < 1 || first > MAX_CHANGES) throw badInput(`first must be between 1 and ${MAX_CHANGES}`, { argument: "first" });
    return loadAll(ctx, CHANGES, "ChangeSet", { since: since ? since.toISOString() : null, entity: entity ?? null, first });
  }

  @FieldResolver(() => String, {
    description: "COMMITTED. A large import, written part by part, is IN_PROGRESS while it runs, ROLLING_BACK while what it wrote is put back, and ROLLED_BACK when it failed or was interrupted (see error): then it changed nothing and touched nothing.",
  })
  status(@Root() change: GraphObject): string {
    return (change.status as string | undefined) ?? "COMMITTED";
  }

  @FieldResolver(() => [ChangeCount], { description: "Counts of what changed, by label and kind." })
  summary(@Root() change: GraphObject): ChangeCount[] {
    const summary = JSON.parse(String(change.summary ?? "{}")) as Record<string, number>;
    return Object.entries(summary).map(([key, count]) => ({ key, count }));
  }

  @FieldResolver(() => [TouchedNode], { description: "Each node created or updated." })
  async touched(@Root() change: GraphObject, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.related(CHANGE_TOUCHED).load(change.id);
    return rows.map((row) => ({ change: row.change as string, node: primeObject(ctx, row.label as Label, row.id as string, row.props) }));
  }
}
