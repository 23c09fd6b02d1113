/**
 * How each bundle section becomes nodes and relationships: the label, the properties (dates as Neo4j
 * dates with a precision), and the edges the record owns. Validation and writing both read this table,
 * so a reference is checked exactly as it will be written.
 */
import { partialToNeo4j } from "../db/convert.js";
import type { Bundle } from "./bundleSchema.js";
import type { Label } from "./labels.js";

export type EdgeSpec = {
  type: string;
  /** OUT: (record)-[type]->(target); IN: (target)-[type]->(record). */
  direction: "OUT" | "IN";
  field: string;
  allowed: Label[];
};

type AnyRecord = Record<string, unknown>;

export type NodeSection = {
  section: keyof Bundle;
  label: Label;
  edges: EdgeSpec[];
  props: (record: AnyRecord) => Record<string, unknown>;
};

/** Sections that are relationships with properties rather than nodes. */
export type RelationshipSection = {
  section: "responsibilities" | "accountabilities";
  type: string;
  from: { field: string; allowed: Label[] };
  to: { field: string; allowed: Label[] };
  /** Identity of the relationship beyond its two ends (e.g. the accountability line). */
  key: string[];
};

const out = (type: string, field: string, ...allowed: Label[]): EdgeSpec => ({ type, direction: "OUT", field, allowed });
const into = (type: string, field: string, ...allowed: Label[]): EdgeSpec => ({ type, direction: "IN", field, allowed });

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

const claimProps = (r: AnyRecord) => ({
  inferred: (r.inferred as boolean | undefined) ?? false,
  inferredFrom: r.inferredFrom ?? null,
  note: r.note ?? null,
});

export const NODE_SECTIONS: NodeSection[] = [
  {
    section: "sources", label: "Source", edges: [],
    props: (r) => ({
      title: r.title, publisher: r.publisher, kind: r.kind, url: r.url ?? null,
      publishedNote: r.publishedNote ?? null, textFile: r.textFile ?? null, ...dateProps(r, "published"),
    }),
  },
  { section: "serviceAreas", label: "ServiceArea", edges: [], props: (r) => ({ name: r.name, description: r.description ?? null }) },
  { section: "themes", label: "Theme", edges: [], props: (r) => ({ label: r.label, description: r.description }) },
  {
    section: "judgementAreas", label: "JudgementArea", edges: [out("COVERS", "covers", "ServiceArea")],
    props: (r) => ({
      code: r.code, label: r.label, framework: r.framework, note: r.note ?? null, ...dateProps(r, "validFrom", "validTo"),
    }),
  },
  {
    section: "organisations", label: "Organisation", edges: [out("PART_OF", "partOf", "Organisation")],
    props: (r) => ({ name: r.name, kind: r.kind, description: r.description ?? null }),
  },
  {
    section: "posts", label: "Post", edges: [out("IN", "organisation", "Organisation")],
    props: (r) => ({ title: r.title, role: r.role, portfolio: r.portfolio ?? null }),
  },
  {
    section: "people", label: "Person", edges: [],
    props: (r) => ({ name: r.name, unnamed: r.unnamed, description: r.description }),
  },
  {
    section: "occupancies", label: "Occupancy",
    edges: [into("HOLDS", "person", "Person"), out("OF", "post", "Post")],
    props: (r) => {
      const attested = ((r.attestedOn as string[] | undefined) ?? []).map(partialToNeo4j);
      return {
        status: r.status, ...dateProps(r, "start", "end"), ...claimProps(r),
        attestedOn: attested.map((a) => a.date), attestedOnPrecision: attested.map((a) => a.precision),
      };
    },
  },
  {
    section: "memberships", label: "Membership",
    edges: [into("HOLDS", "member", "Person", "Organisation"), out("OF", "body", "Organisation")],
    props: (r) => ({ role: r.role, ...dateProps(r, "start", "end"), ...claimProps(r) }),
  },
  {
    section: "inspections", label: "Inspection",
    edges: [out("OF", "authority", "Organisation"), out("BY", "by", "Organisation")],
    props: (r) => ({
      kind: r.kind, status: r.status, focus: r.focus ?? null, sequence: r.sequence ?? null,
      ...dateProps(r, "start", "end", "published"), ...claimProps(r),
    }),
  },
  {
    section: "judgements", label: "Judgement",
    edges: [into("JUDGED", "inspection", "Inspection"), out("ON", "area", "JudgementArea")],
    props: (r) => ({ grade: r.grade, ...claimProps(r) }),
  },
  {
    section: "findings", label: "Finding",
    edges: [
      into("FOUND", "inspection", "Inspection"),
      out("CONCERNS", "serviceAreas", "ServiceArea"),
      out("EXEMPLIFIES", "themes", "Theme"),
    ],
    props: (r) => ({ kind: r.kind, polarity: r.polarity, summary: r.summary, ...claimProps(r) }),
  },
  {
    section: "interventions", label: "Intervention",
    edges: [
      out("ISSUED_BY", "issuedBy", "Organisation"),
      out("TO", "to", "Organisation"),
      out("FOLLOWS", "follows", "Inspection"),
      into("OVERSEES", "overseenBy", "Organisation"),
    ],
    props: (r) => ({ kind: r.kind, requires: r.requires ?? null, ...dateProps(r, "issued", "lifted"), ...claimProps(r) }),
  },
  {
    section: "meetings", label: "Meeting",
    edges: [out("OF", "body", "Organisation"), out("CONSIDERED", "considered", "Inspection", "Intervention")],
    props: (r) => ({ purpose: r.purpose, ...dateProps(r, "date"), ...claimProps(r) }),
  },
  {
    section: "statements", label: "Statement",
    edges: [
      into("MADE", "by", "Person"),
      out("ABOUT", "about", "Inspection", "Intervention", "Organisation", "Meeting", "Finding", "Post", "Person", "ServiceArea"),
    ],
    props: (r) => ({ quote: r.quote, ...dateProps(r, "date"), ...claimProps(r) }),
  },
];

export const RELATIONSHIP_SECTIONS: RelationshipSection[] = [
  {
    section: "responsibilities", type: "RESPONSIBLE_FOR",
    from: { field: "post", allowed: ["Post"] }, to: { field: "serviceArea", allowed: ["ServiceArea"] }, key: [],
  },
  {
    section: "accountabilities", type: "ACCOUNTABLE_TO",
    from: { field: "post", allowed: ["Post"] }, to: { field: "to", allowed: ["Post", "Organisation"] }, key: ["line"],
  },
];

/** Per relationship section, the nodes (posts) whose relationships of that kind an import states in full. */
export type RelationshipOwners = Map<RelationshipSection, { label: Label; id: string }[]>;

/**
 * A scope (one folder, file or mutation value) that carries a relationship section, even empty, states it
 * in full for the nodes it defines of the section's owner labels (its posts): what the import no longer
 * lists for them is removed. A scope without the section (a single file, a one-record mutation) leaves
 * the relationships of its posts alone, whatever other folders of the same import carry.
 */
export function relationshipOwners(scopes: { carried: ReadonlySet<keyof Bundle>; bundle: Bundle }[]): RelationshipOwners {
  const owners: RelationshipOwners = new Map(RELATIONSHIP_SECTIONS.map((spec) => [spec, []]));
  for (const { carried, bundle } of scopes) {
    for (const spec of RELATIONSHIP_SECTIONS.filter((s) => carried.has(s.section))) {
      for (const node of NODE_SECTIONS.filter((n) => spec.from.allowed.includes(n.label))) {
        const records = bundle[node.section] as unknown as { id: string }[];
        owners.get(spec)!.push(...records.map((record) => ({ label: node.label, id: record.id })));
      }
    }
  }
  return owners;
}

/** The ids a record's field names: a single id, a list, or nothing. */
export function targetsOf(record: AnyRecord, field: string): string[] {
  const value = record[field];
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? (value as string[]) : [value as string];
}
