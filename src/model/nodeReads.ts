/**
 * The plain root fields of the API, declared once per label: a lookup by id and an unfiltered list with its
 * order. Root fields with filters or arguments of their own (people, organisations, inspections, findings,
 * sources, the questions) are written by hand in their domains.
 */
import { effectiveSortKey } from "./effectiveDates.js";
import type { Label } from "./labels.js";

const byEffectiveDate = (label: Label) => `${effectiveSortKey("n", label)}, n.id`;

export type NodeRead = {
  label: Label;
  byId?: { name: string; description?: string };
  /**
   * `orderBy` is Cypher over `n` and ends with a unique key or a key the data keeps unique; `filter` is an
   * optional argument keeping the nodes whose property equals it (a GraphQL Boolean or one of the enums).
   */
  list?: { name: string; orderBy: string; description?: string; filter?: { arg: string; property: string; type: "Boolean" | "OrganisationKind" } };
};

export const NODE_READS: NodeRead[] = [
  {
    label: "Person",
    byId: { name: "person" },
    list: {
      name: "people",
      orderBy: "n.unnamed, n.name, n.id",
      description: "Everyone in the graph, named people first. `unnamed` filters to placeholders or to named people.",
      filter: { arg: "unnamed", property: "unnamed", type: "Boolean" },
    },
  },
  { label: "Post", byId: { name: "post" }, list: { name: "posts", orderBy: "n.title, n.id" } },
  {
    label: "Organisation",
    byId: { name: "organisation" },
    list: {
      name: "organisations",
      orderBy: "n.kind, n.name, n.id",
      description: "Councils, their bodies, departments and partners; optionally of one kind.",
      filter: { arg: "kind", property: "kind", type: "OrganisationKind" },
    },
  },
  { label: "Inspection", byId: { name: "inspection" } },
  { label: "Theme", byId: { name: "theme" }, list: { name: "themes", orderBy: "n.label", description: "The theme vocabulary, alphabetically." } },
  { label: "ServiceArea", byId: { name: "serviceArea" }, list: { name: "serviceAreas", orderBy: "n.name" } },
  {
    label: "JudgementArea",
    list: { name: "judgementAreas", orderBy: "n.validFrom, n.framework, n.code", description: "Judgement areas of every framework version." },
  },
  {
    label: "Meeting",
    list: { name: "meetings", orderBy: byEffectiveDate("Meeting"), description: "Meetings of cabinets, boards and committees, oldest first." },
  },
  { label: "Intervention", list: { name: "interventions", orderBy: byEffectiveDate("Intervention"), description: "Interventions, by effective date (issued, else lifted, else their sources' publication)." } },
  {
    label: "Review",
    byId: { name: "review" },
    list: { name: "reviews", orderBy: byEffectiveDate("Review"), description: "Reviews that are not Ofsted inspections (independent, peer, practice reviews), oldest first." },
  },
  {
    label: "Statement",
    list: { name: "statements", orderBy: byEffectiveDate("Statement"), description: "Public statements by people and bodies, oldest first (undated last)." },
  },
];
