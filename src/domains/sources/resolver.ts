import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { checkId } from "../../graphql/ids.js";
import { allSources, sourceById } from "./loaders.js";
import { SourceKind } from "../../graphql/enums.js";
import { Source } from "./types.js";

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => [Source], { description: "Every source document, oldest first; optionally of one kind (e.g. NEWS, REPORT)." })
  sources(@Arg("kind", () => SourceKind, { nullable: true }) kind: string | null, @Ctx() ctx: Context) {
    return allSources(ctx, kind ?? null);
  }

  @Query(() => Source, { nullable: true, description: "One source by id; null when there is none." })
  source(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    checkId(id, "Source");
    return sourceById(ctx, id);
  }
}
