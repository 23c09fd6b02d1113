/** Relay node(id) / nodes(ids): the id's prefix names its type; each domain fetches its own. */
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { Context } from "./context.js";
import { checkId } from "./ids.js";
import { Node } from "./node.js";
import { fetchNode as fetchById } from "./graphRead.js";
import { badInput } from "../errors.js";
import { requireRole } from "../auth/apiKeys.js";

const MAX_NODES = 100;

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any entity by its id; null when there is none." })
  node(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return fetchNode(ctx, id);
  }

  @Query(() => [Node], { nullable: "items", description: `Several entities by id (at most ${MAX_NODES}), in the order asked; null for each missing one.` })
  nodes(@Arg("ids", () => [ID]) ids: string[], @Ctx() ctx: Context) {
    if (ids.length > MAX_NODES) throw badInput(`nodes accepts at most ${MAX_NODES} ids`, { argument: "ids" });
    return Promise.all(ids.map((id) => fetchNode(ctx, id)));
  }
}

function fetchNode(ctx: Context, id: string) {
  checkId(id);
  // The audit trail is an editor's to read, however it is reached.
  if (id.startsWith("changeset:")) requireRole(ctx.credentials, "editor");
  return fetchById(ctx, id);
}
