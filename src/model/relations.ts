/**
 * Every relationship of the graph, declared once: which labels it joins, which bundle record states it
 * (the write side: validation, import, diff and export read this), and the field each end exposes in
 * GraphQL with its cardinality and order (the read side: generated resolvers and batched queries).
 * A compiler of whole selections can read the same table: label, type, direction, cardinality, field, sort.
 */
import { effectiveSortKey } from "./effectiveDates.js";
import type { Label } from "./labels.js";

/** A read-side field on one end of a relation. */
export type RelationField = {
  name: string;
  many: boolean;
  /** Only for `many: false`: whether the field may be null. */
  nullable: boolean;
  /** Cypher ORDER BY over `b`, the node at the far end (always ends with a unique key). */
  orderBy: string;
  description?: string;
};

export type Relation = {
  type: string;
  from: Label[];
  to: Label[];
  /**
   * What states the edge in a bundle: a record (its label, one end, and the field naming the other end),
   * or a relationship section (edges with properties of their own, see RELATIONSHIP_SECTIONS).
   */
  declaredBy: { label: Label; field: string } | { section: "responsibilities" | "accountabilities" | "neighbours" | "successions" | "deliveries" | "supports" | "identities" };
  /** Fields on the start nodes leading to the end nodes, per start label. */
  out?: Partial<Record<Label, RelationField>>;
  /** Fields on the end nodes leading back to the start nodes, per end label. */
  in?: Partial<Record<Label, RelationField>>;
};

/**
 * An inspection's place in time: its effective date (start, else end, else its report's publication, else its
 * sources'), at the middle of its partial range: a visit known only as "2024" after one in February 2024.
 */
export const inspectionDateKey = (v: string) => effectiveSortKey(v, "Inspection");

const INSPECTION_ORDER = `${inspectionDateKey("b")}, b.sequence, b.id`;
const byEffectiveDate = (label: Label) => `${effectiveSortKey("b", label)}, b.id`;

type FieldOptions = { orderBy?: string; description?: string };
const many = (name: string, options: FieldOptions = {}): RelationField => ({
  name, many: true, nullable: false, orderBy: options.orderBy ?? "b.id", description: options.description,
});
const one = (name: string, description?: string): RelationField => ({ name, many: false, nullable: false, orderBy: "b.id", description });
const optional = (name: string, description?: string): RelationField => ({ ...one(name, description), nullable: true });

export const RELATIONS: Relation[] = [
  {
    type: "COVERS", from: ["JudgementArea"], to: ["ServiceArea"], declaredBy: { label: "JudgementArea", field: "covers" },
    out: { JudgementArea: many("covers", { orderBy: "b.name, b.id" }) },
    in: {
      ServiceArea: many("judgementAreas", {
        orderBy: "b.validFrom, b.code, b.id", description: "Judgement areas, across framework versions, that cover this service area.",
      }),
    },
  },
  {
    type: "PART_OF", from: ["Organisation"], to: ["Organisation"], declaredBy: { label: "Organisation", field: "partOf" },
    out: { Organisation: optional("partOf", "The council a body belongs to.") },
    in: { Organisation: many("parts", { orderBy: "b.kind, b.name, b.id", description: "Bodies that are part of this one." }) },
  },
  {
    type: "IN", from: ["Post"], to: ["Organisation"], declaredBy: { label: "Post", field: "organisation" },
    out: { Post: optional("organisation") },
    in: { Organisation: many("posts", { orderBy: "b.title, b.id" }) },
  },
  {
    type: "HOLDS", from: ["Person"], to: ["Occupancy"], declaredBy: { label: "Occupancy", field: "person" },
    out: { Person: many("occupancies", { orderBy: byEffectiveDate("Occupancy"), description: "Posts this person held, with dates and evidence." }) },
    in: { Occupancy: one("person") },
  },
  {
    type: "OF", from: ["Occupancy"], to: ["Post"], declaredBy: { label: "Occupancy", field: "post" },
    out: { Occupancy: one("post") },
    in: { Post: many("occupancies", { orderBy: byEffectiveDate("Occupancy"), description: "Everyone known to have held this post." }) },
  },
  {
    type: "HOLDS", from: ["Person", "Organisation"], to: ["Membership"], declaredBy: { label: "Membership", field: "member" },
    out: {
      Person: many("memberships", { orderBy: byEffectiveDate("Membership") }),
      Organisation: many("membershipsHeld", {
        description: "Seats this organisation holds on other bodies (e.g. DfE on an improvement board).",
      }),
    },
    in: { Membership: one("member", "A Person or an Organisation.") },
  },
  {
    type: "OF", from: ["Membership"], to: ["Organisation"], declaredBy: { label: "Membership", field: "body" },
    out: { Membership: one("body") },
    in: { Organisation: many("memberships", { orderBy: "b.role, b.id", description: "Who sits on this body." }) },
  },
  {
    type: "OF", from: ["Inspection"], to: ["Organisation"], declaredBy: { label: "Inspection", field: "authority" },
    out: { Inspection: optional("authority", "The council inspected.") },
    in: { Organisation: many("inspections", { orderBy: INSPECTION_ORDER, description: "Inspections of this council, oldest first." }) },
  },
  {
    type: "BY", from: ["Inspection"], to: ["Organisation"], declaredBy: { label: "Inspection", field: "by" },
    out: { Inspection: optional("by", "The inspectorate.") },
  },
  {
    type: "LED_BY", from: ["Inspection"], to: ["Person"], declaredBy: { label: "Inspection", field: "leadInspector" },
    out: { Inspection: optional("leadInspector", "The lead inspector the report names.") },
    in: { Person: many("inspectionsLed", { orderBy: INSPECTION_ORDER, description: "Inspections this person led, oldest first." }) },
  },
  {
    type: "JUDGED", from: ["Inspection"], to: ["Judgement"], declaredBy: { label: "Judgement", field: "inspection" },
    out: { Inspection: many("judgements") },
    in: { Judgement: one("inspection") },
  },
  {
    type: "ON", from: ["Judgement"], to: ["JudgementArea"], declaredBy: { label: "Judgement", field: "area" },
    out: { Judgement: one("area") },
  },
  {
    type: "FOUND", from: ["Inspection"], to: ["Finding"], declaredBy: { label: "Finding", field: "inspection" },
    out: { Inspection: many("findings", { orderBy: "b.kind, b.id" }) },
    in: { Finding: optional("inspection", "The inspection that found it; null for a finding of a review or a meeting.") },
  },
  {
    type: "FOUND", from: ["Review"], to: ["Finding"], declaredBy: { label: "Finding", field: "review" },
    out: { Review: many("findings", { orderBy: "b.kind, b.id" }) },
    in: { Finding: optional("review", "The review (not an inspection) that found it.") },
  },
  {
    type: "FOUND", from: ["Meeting"], to: ["Finding"], declaredBy: { label: "Finding", field: "meeting" },
    out: { Meeting: many("findings", { orderBy: "b.kind, b.id", description: "What the meeting concluded, as findings of its own." }) },
    in: { Finding: optional("meeting", "The meeting whose conclusion it is.") },
  },
  {
    type: "OF", from: ["Review"], to: ["Organisation"], declaredBy: { label: "Review", field: "authority" },
    out: { Review: optional("authority", "The council whose services were reviewed.") },
    in: { Organisation: many("reviews", { orderBy: byEffectiveDate("Review"), description: "Reviews of this council's services that are not Ofsted inspections, oldest first." }) },
  },
  {
    type: "BY", from: ["Review"], to: ["Organisation", "Person"], declaredBy: { label: "Review", field: "by" },
    out: { Review: many("by", { description: "Who carried out the review: reviewers (people) or bodies." }) },
  },
  {
    type: "COMMISSIONED", from: ["Organisation"], to: ["Review"], declaredBy: { label: "Review", field: "commissionedBy" },
    out: { Organisation: many("reviewsCommissioned", { description: "Reviews this body commissioned." }) },
    in: { Review: many("commissionedBy", { description: "Who commissioned the review (a council, the DfE, a partnership)." }) },
  },
  {
    type: "CONCERNS", from: ["Finding"], to: ["ServiceArea"], declaredBy: { label: "Finding", field: "serviceAreas" },
    out: { Finding: many("serviceAreas", { orderBy: "b.name, b.id" }) },
    in: { ServiceArea: many("findings") },
  },
  {
    type: "EXEMPLIFIES", from: ["Finding"], to: ["Theme"], declaredBy: { label: "Finding", field: "themes" },
    out: { Finding: many("themes", { orderBy: "b.label, b.id" }) },
    in: { Theme: many("findings") },
  },
  {
    type: "ISSUED_BY", from: ["Intervention"], to: ["Organisation"], declaredBy: { label: "Intervention", field: "issuedBy" },
    out: { Intervention: optional("issuedBy") },
  },
  {
    type: "TO", from: ["Intervention"], to: ["Organisation"], declaredBy: { label: "Intervention", field: "to" },
    out: { Intervention: optional("to") },
    in: { Organisation: many("interventions", { orderBy: byEffectiveDate("Intervention"), description: "Interventions made in this council." }) },
  },
  {
    type: "FOLLOWS", from: ["Intervention"], to: ["Inspection"], declaredBy: { label: "Intervention", field: "follows" },
    out: { Intervention: many("follows", { orderBy: INSPECTION_ORDER }) },
    in: { Inspection: many("interventions", { description: "Interventions that followed this inspection." }) },
  },
  {
    type: "CREATED", from: ["Intervention"], to: ["Post"], declaredBy: { label: "Intervention", field: "posts" },
    out: { Intervention: many("posts", { orderBy: "b.title, b.id", description: "Posts the intervention created (a commissioner, a trust's chair or chief executive); their holders were appointed under it." }) },
    in: { Post: optional("createdBy", "The intervention that created this post (and so who appointed to it: its issuer).") },
  },
  {
    type: "OVERSEES", from: ["Organisation"], to: ["Intervention"], declaredBy: { label: "Intervention", field: "overseenBy" },
    out: { Organisation: many("oversees", { description: "Interventions this body oversees." }) },
    in: { Intervention: many("overseenBy", { description: "Bodies overseeing the work the intervention requires." }) },
  },
  {
    type: "OF", from: ["Meeting"], to: ["Organisation"], declaredBy: { label: "Meeting", field: "body" },
    out: { Meeting: one("body") },
    in: { Organisation: many("meetings", { orderBy: byEffectiveDate("Meeting") }) },
  },
  {
    type: "CONSIDERED", from: ["Meeting"], to: ["Inspection", "Intervention"], declaredBy: { label: "Meeting", field: "considered" },
    out: { Meeting: many("considered", { description: "Inspections or interventions the meeting considered." }) },
    in: { Inspection: many("consideredAt", { orderBy: byEffectiveDate("Meeting"), description: "Meetings that considered this inspection." }) },
  },
  {
    type: "MADE", from: ["Person", "Organisation"], to: ["Statement"], declaredBy: { label: "Statement", field: "by" },
    out: {
      Person: many("statements", { orderBy: byEffectiveDate("Statement") }),
      Organisation: many("statements", { orderBy: byEffectiveDate("Statement"), description: "What the body (a political group, a trust, a council) said publicly." }),
    },
    in: { Statement: one("by", "Who made the statement: a Person, or an Organisation speaking as a body.") },
  },
  {
    type: "RESPONSIBLE_FOR", from: ["Post"], to: ["ServiceArea"], declaredBy: { section: "responsibilities" },
    in: { ServiceArea: many("responsiblePosts", { orderBy: "b.title, b.id", description: "Posts responsible for this area." }) },
  },
  {
    // Read by hand (people/identity.ts): the API answers with the record at the end of the SAME_AS chain.
    type: "SAME_AS", from: ["Person"], to: ["Person"], declaredBy: { section: "identities" },
  },
  {
    type: "ABOUT",
    from: ["Statement"],
    to: ["Inspection", "Intervention", "Review", "Organisation", "Meeting", "Finding", "Post", "Person", "ServiceArea"],
    declaredBy: { label: "Statement", field: "about" },
    out: { Statement: many("about", { description: "What the statement is about." }) },
  },
];

/** One read-side field with everything needed to load it: the owner label, the far labels and the pattern. */
export type RelationRead = RelationField & {
  owner: Label;
  type: string;
  /** OUT: (owner)-[type]->(far); IN: (owner)<-[type]-(far). */
  direction: "OUT" | "IN";
  far: Label[];
};

/** Every read-side field of the table, one entry per owner label and field name. */
export const RELATION_READS: RelationRead[] = RELATIONS.flatMap((relation) => [
  ...Object.entries(relation.out ?? {}).map(([owner, field]) => ({
    ...field!, owner: owner as Label, type: relation.type, direction: "OUT" as const, far: relation.to,
  })),
  ...Object.entries(relation.in ?? {}).map(([owner, field]) => ({
    ...field!, owner: owner as Label, type: relation.type, direction: "IN" as const, far: relation.from,
  })),
]);

/** The relationship pattern from the owner `a` to the far node `b`, e.g. `(a:Post)<-[:OF]-(b:Occupancy)`. */
export function relationPattern(read: Pick<RelationRead, "owner" | "type" | "direction" | "far">): string {
  const arrow = read.direction === "OUT" ? `-[:${read.type}]->` : `<-[:${read.type}]-`;
  return `(a:${read.owner})${arrow}(b:${read.far.join("|")})`;
}
