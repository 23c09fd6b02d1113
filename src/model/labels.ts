/** The graph's node labels, and the id prefix that names each (ids look like "person:jim-robbins"). */
export const LABEL_BY_PREFIX = {
  source: "Source",
  org: "Organisation",
  post: "Post",
  person: "Person",
  occupancy: "Occupancy",
  membership: "Membership",
  area: "ServiceArea",
  "judgement-area": "JudgementArea",
  theme: "Theme",
  inspection: "Inspection",
  judgement: "Judgement",
  finding: "Finding",
  intervention: "Intervention",
  meeting: "Meeting",
  statement: "Statement",
  review: "Review",
  changeset: "ChangeSet",
} as const;

export type Label = (typeof LABEL_BY_PREFIX)[keyof typeof LABEL_BY_PREFIX];
export const LABELS = Object.values(LABEL_BY_PREFIX) as Label[];

/** Labels whose nodes are claims drawn from the sources and so must carry SUPPORTED_BY evidence. */
export const CLAIM_LABELS: Label[] = [
  "Occupancy", "Membership", "Inspection", "Judgement", "Finding", "Intervention", "Meeting", "Statement", "Review",
];

export function labelOf(id: string): Label | undefined {
  const prefix = id.slice(0, id.indexOf(":"));
  return (LABEL_BY_PREFIX as Record<string, Label>)[prefix];
}

/**
 * The body of a `CALL (<idVar>) { … }` subquery that finds the node with that id whatever its label,
 * returning it as `n`: one index seek per label (an unlabelled MATCH would scan every node).
 */
export function nodeByAnyLabel(idVar: string): string {
  return LABELS.map((label) => `MATCH (n:${label} {id: ${idVar}}) RETURN n`).join("\n    UNION\n    ");
}
