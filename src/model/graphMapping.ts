/**
 * How each bundle section becomes nodes and relationships: the label, the properties (dates as Neo4j
 * dates with a precision), and the edges the record owns. Validation and writing both read this table,
 * so a reference is checked exactly as it will be written.
 */
import { partialToNeo4j } from "./partialDates.js";
import type { Label } from "./labels.js";
import { RELATIONS } from "./relations.js";

/** The bundle sections that hold nodes, one label each (the bundle schema has a key for each). */
export type NodeSectionName =
  | "sources" | "serviceAreas" | "themes" | "judgementAreas" | "organisations" | "posts" | "people" | "occupancies"
  | "memberships" | "inspections" | "judgements" | "findings" | "interventions" | "meetings" | "statements" | "reviews";

export type EdgeSpec = {
  type: string;
  /** OUT: (record)-[type]->(target); IN: (target)-[type]->(record). */
  direction: "OUT" | "IN";
  field: string;
  allowed: Label[];
};

type AnyRecord = Record<string, unknown>;

export type NodeSection = {
  section: NodeSectionName;
  label: Label;
  edges: EdgeSpec[];
  props: (record: AnyRecord) => Record<string, unknown>;
};

/** Sections that are relationships with properties rather than nodes. */
export type RelationshipSection = {
  section: "responsibilities" | "accountabilities" | "neighbours" | "successions" | "deliveries" | "supports" | "identities";
  type: string;
  from: { field: string; allowed: Label[] };
  to: { field: string; allowed: Label[] };
  /** Identity of the relationship beyond its two ends (e.g. the accountability line). */
  key: string[];
  /** Properties of its own that are not part of its identity (e.g. a neighbour's rank). */
  props?: string[];
};


export function dateProps(record: AnyRecord, ...fields: string[]): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const field of fields) {
    const value = record[field] as string | undefined;
    const converted = value ? partialToNeo4j(value) : undefined;
    props[field] = converted?.date ?? null;
    props[`${field}Precision`] = converted?.precision ?? null;
  }
  return props;
}

/** Bounds on an interval's ends (occupancies and memberships): "before 2020", "after March 2021". */
export const BOUND_FIELDS = ["startBefore", "startAfter", "endBefore", "endAfter"] as const;

const claimProps = (r: AnyRecord) => ({
  inferred: (r.inferred as boolean | undefined) ?? false,
  inferredFrom: r.inferredFrom ?? null,
  note: r.note ?? null,
});

const SECTIONS: Omit<NodeSection, "edges">[] = [
  {
    section: "sources", label: "Source", props: (r) => ({
      title: r.title, publisher: r.publisher, kind: r.kind, url: r.url ?? null,
      publishedNote: r.publishedNote ?? null, textFile: r.textFile ?? null, file: r.file ?? null, sha256: r.sha256 ?? null,
      ...dateProps(r, "published"),
    }),
  },
  { section: "serviceAreas", label: "ServiceArea", props: (r) => ({ name: r.name, description: r.description ?? null }) },
  { section: "themes", label: "Theme", props: (r) => ({ label: r.label, description: r.description }) },
  {
    section: "judgementAreas", label: "JudgementArea",
    props: (r) => ({
      code: r.code, label: r.label, framework: r.framework, note: r.note ?? null, ...dateProps(r, "validFrom", "validTo"),
    }),
  },
  {
    section: "organisations", label: "Organisation",
    props: (r) => ({
      name: r.name, kind: r.kind, description: r.description ?? null, onsCode: r.onsCode ?? null, laCode: r.laCode ?? null,
      ofstedUrn: r.ofstedUrn ?? null, region: r.region ?? null, authorityType: r.authorityType ?? null,
      population0to25: r.population0to25 ?? null, alsoKnownAs: r.alsoKnownAs ?? null,
    }),
  },
  {
    section: "posts", label: "Post",
    props: (r) => ({ title: r.title, role: r.role, portfolio: r.portfolio ?? null }),
  },
  {
    section: "people", label: "Person", props: (r) => ({ name: r.name, unnamed: r.unnamed, description: r.description }),
  },
  {
    section: "occupancies", label: "Occupancy",
    props: (r) => {
      const attested = ((r.attestedOn as string[] | undefined) ?? []).map(partialToNeo4j);
      return {
        status: r.status, ...dateProps(r, "start", "end", ...BOUND_FIELDS), ...claimProps(r),
        attestedOn: attested.map((a) => a.date), attestedOnPrecision: attested.map((a) => a.precision),
      };
    },
  },
  {
    section: "memberships", label: "Membership",
    props: (r) => ({ role: r.role, ...dateProps(r, "start", "end", ...BOUND_FIELDS), ...claimProps(r) }),
  },
  {
    section: "inspections", label: "Inspection",
    props: (r) => ({
      kind: r.kind, status: r.status, focus: r.focus ?? null, sequence: r.sequence ?? null,
      ...dateProps(r, "start", "end", "published"), ...claimProps(r),
    }),
  },
  {
    section: "judgements", label: "Judgement",
    props: (r) => ({ grade: r.grade, ...claimProps(r) }),
  },
  {
    section: "findings", label: "Finding",
    props: (r) => ({ kind: r.kind, polarity: r.polarity, summary: r.summary, cues: r.cues ?? [], ...claimProps(r) }),
  },
  {
    section: "interventions", label: "Intervention",
    props: (r) => ({ kind: r.kind, requires: r.requires ?? null, ...dateProps(r, "issued", "lifted"), ...claimProps(r) }),
  },
  {
    section: "meetings", label: "Meeting",
    props: (r) => ({ purpose: r.purpose, status: r.status ?? null, ...dateProps(r, "date"), ...claimProps(r) }),
  },
  {
    section: "reviews", label: "Review",
    props: (r) => ({ kind: r.kind, title: r.title, focus: r.focus ?? null, ...dateProps(r, "start", "end", "published"), ...claimProps(r) }),
  },
  {
    section: "statements", label: "Statement",
    props: (r) => ({ quote: r.quote, ...dateProps(r, "date"), ...claimProps(r) }),
  },
];

/**
 * The edges a record states, from the relation table: a record of the declaring label names the other end
 * in its field (OUT when the record is the relation's start, IN when it is the end).
 */
function edgesOf(label: Label): EdgeSpec[] {
  return RELATIONS.flatMap((relation) => {
    const declared = relation.declaredBy;
    if (!("label" in declared) || declared.label !== label) return [];
    const outgoing = relation.from.includes(label);
    return [{ type: relation.type, direction: outgoing ? "OUT" : "IN", field: declared.field, allowed: outgoing ? relation.to : relation.from }];
  });
}

export const NODE_SECTIONS: NodeSection[] = SECTIONS.map((section) => ({ ...section, edges: edgesOf(section.label) }));

export const RELATIONSHIP_SECTIONS: RelationshipSection[] = [
  {
    section: "responsibilities", type: "RESPONSIBLE_FOR",
    from: { field: "post", allowed: ["Post"] }, to: { field: "serviceArea", allowed: ["ServiceArea"] }, key: [],
  },
  {
    section: "accountabilities", type: "ACCOUNTABLE_TO",
    from: { field: "post", allowed: ["Post"] }, to: { field: "to", allowed: ["Post", "Organisation"] }, key: ["line"],
  },
  {
    section: "neighbours", type: "STATISTICAL_NEIGHBOUR",
    from: { field: "authority", allowed: ["Organisation"] }, to: { field: "neighbour", allowed: ["Organisation"] }, key: [], props: ["rank"],
  },
  {
    section: "successions", type: "SUCCEEDED_BY",
    from: { field: "predecessor", allowed: ["Organisation"] }, to: { field: "successor", allowed: ["Organisation"] }, key: [],
  },
  {
    // From the council: its bundle states in full who delivers its services.
    section: "deliveries", type: "SERVICES_DELIVERED_BY",
    from: { field: "authority", allowed: ["Organisation"] }, to: { field: "provider", allowed: ["Organisation"] }, key: [],
  },
  {
    section: "supports", type: "SUPPORTED_IN_IMPROVEMENT_BY",
    from: { field: "supported", allowed: ["Organisation"] }, to: { field: "supporter", allowed: ["Organisation"] }, key: [], props: ["description"],
  },
  {
    // From the record identified (an unnamed placeholder, or a second record of one person) to the one it is.
    section: "identities", type: "SAME_AS",
    from: { field: "person", allowed: ["Person"] }, to: { field: "sameAs", allowed: ["Person"] }, key: [],
  },
];

/** Per relationship section, the nodes (posts) whose relationships of that kind an import states in full. */
export type RelationshipOwners = Map<RelationshipSection, { label: Label; id: string }[]>;

/** The ids a record's field names: a single id, a list, or nothing. */
export function targetsOf(record: AnyRecord, field: string): string[] {
  const value = record[field];
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? (value as string[]) : [value as string];
}
