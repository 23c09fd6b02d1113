/**
 * The unnamed post holders a report describes, as records: the authority's post (director of children's
 * services or chief executive), a placeholder person marked unnamed, and an occupancy starting when the
 * report says (at its precision), attested on the last day of the inspection (unless it starts later), with the report's words as
 * evidence. Ids come from the authority, the post and the start, so two reports describing one holder give
 * one occupancy with both reports' evidence (merged when the drafts are merged).
 */
import type { BundleFile } from "../bundles/bundleSchema.js";
import type { PostHolderMention } from "./postHolders.js";

type Records<K extends keyof BundleFile> = NonNullable<BundleFile[K]>;
export type HolderRecords = { posts: Records<"posts">; people: Records<"people">; occupancies: Records<"occupancies"> };
type Evidence = { source: string; quote: string; locator: string };

const POST: Record<PostHolderMention["role"], { key: string; title: (authority: string) => string; what: string }> = {
  DCS: { key: "dcs", title: () => "Director of Children's Services", what: "director of children's services" },
  CHIEF_EXECUTIVE: { key: "chief-executive", title: (authority) => `Chief Executive of ${authority}`, what: "chief executive" },
};

export function draftHolders(
  mentions: PostHolderMention[],
  authority: { id: string; name: string },
  report: { attestedOn: string | undefined; described: string },
  evidence: (text: string, locator: string) => Evidence,
): HolderRecords {
  const slug = authority.id.slice("org:".length);
  const records: HolderRecords = { posts: [], people: [], occupancies: [] };
  for (const mention of mentions) {
    const post = POST[mention.role];
    const postId = `post:${slug}-${post.key}`;
    if (!records.posts.some((p) => p.id === postId)) records.posts.push({ id: postId, title: post.title(authority.name), role: mention.role, organisation: authority.id });
    const key = `${slug}-${post.key}-from-${mention.since}`;
    const status = mention.status === "UNKNOWN" ? "" : `${mention.status.toLowerCase()} `;
    records.people.push({
      id: `person:${key}`,
      name: null,
      unnamed: true,
      description: `The ${status}${post.what} of ${authority.name} in post from ${mention.since}, described but not named in ${report.described}.`,
    });
    records.occupancies.push({
      id: `occupancy:${key}`,
      person: `person:${key}`,
      post: postId,
      start: mention.since,
      status: mention.status,
      // A holder due to start after the inspection ("who takes up post in September 2015") is not attested by it.
      attestedOn: report.attestedOn && report.attestedOn.slice(0, mention.since.length) >= mention.since ? [report.attestedOn] : [],
      evidence: [evidence(mention.text, `page ${mention.page}`)],
      note: "The holder is not named in the report: a placeholder person until a source names them.",
    });
  }
  return records;
}
