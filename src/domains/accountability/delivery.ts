/** Who delivers a council's children's services on a day (a trust, a partner council) and which of their posts run them. */
import type { Row } from "../../db/gateway.js";
import { withPartialDates } from "../../graphql/graphRead.js";
import { firstPerKey } from "../../model/collections.js";
import { mayCover } from "./certainty.js";

type Item = { id: string; props: Record<string, unknown>; holders?: Row[] };
export type DeliveryItem = Item & { dates: Record<string, unknown>; posts: Item[] };

/** The deliveries that may be in force on the day, one per provider (two spells may both touch a year asked). */
export function deliveriesOn(items: DeliveryItem[], on: string): DeliveryItem[] {
  const inForce = items.filter((item) => {
    const dates = withPartialDates(item.dates) as { start?: string | null; end?: string | null };
    return mayCover({ start: dates.start ?? null, end: dates.end ?? null }, on);
  });
  return firstPerKey(inForce, (item) => item.id);
}

/** A trust's posts all run the services; of a partner council, only its director of children's services does. */
export function providerPosts(item: DeliveryItem, ownPostIds: ReadonlySet<string> = new Set()): Item[] {
  return item.posts.filter((p) => !ownPostIds.has(p.id) && (item.props.kind !== "COUNCIL" || p.props.role === "DCS"));
}
