/** Which domain fetches a node of each label, for node(id). */
import type { Context } from "./context.js";
import type { Label } from "../seeding/labels.js";
import { sourceById } from "../domains/sources/loaders.js";

type Fetcher = (ctx: Context, id: string) => Promise<{ __typename: string } | null>;

export const NODE_FETCHERS: Partial<Record<Label, Fetcher>> = {
  Source: sourceById,
};
