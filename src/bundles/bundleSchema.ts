/**
 * The seed/import bundle format: the single definition. A bundle is a folder of JSON files; each file
 * is an object holding any of the sections below, and the folder's files are merged section by section.
 * Validation of references across sections (and against other bundles already loaded) is done by
 * validateBundle.ts; this file checks shape, enums, dates and quote length. The shared parts are in
 * recordParts.ts, the relationship sections in relationshipRecords.ts.
 */
import { z } from "zod";
import { FindingKind, Grade, InspectionKind, InspectionStatus, InterventionKind, MeetingStatus, MembershipRole, OccupancyStatus, OrganisationKind, Polarity, PostRole, ReviewKind, SourceKind } from "../model/enums.js";
import { partialDate } from "../model/partialDates.js";
import { augments, bounds, claim, evidence, id, interval, ref, text } from "./recordParts.js";
import { accountability, delivery, identity, neighbour, responsibility, succession, support } from "./relationshipRecords.js";

export { evidence, MAX_QUOTE_WORDS } from "./recordParts.js";

export const source = z.object({
  id: id("source"),
  title: text(300),
  publisher: text(200).nullable(),
  published: partialDate.nullable(),
  publishedNote: text(500).optional(),
  // Only web addresses: a javascript: or data: URL in the graph would run in a front-end that links it.
  url: z.string().url().refine((url) => /^https?:\/\//i.test(url), "only http:// and https:// URLs are accepted").nullable().optional(),
  kind: SourceKind,
  /** File name of the text in ../shared/sources, used by the quote check; not part of the graph. */
  textFile: z.string().regex(/^[\w.-]+\.txt$/).optional(),
  /** A report read from a file: its path in the Ofsted corpus and the sha256 of its bytes. */
  file: z.string().regex(/^[\w./-]+\.pdf$/i, "must be a relative path to a PDF").optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "must be a sha256 in hex").optional(),
}).strict();

export const organisation = z.object({
  id: id("org"),
  name: text(200),
  kind: OrganisationKind,
  partOf: ref.optional(),
  description: text(500).optional(),
  /** A local authority's official codes and facts (from the authorities table). */
  onsCode: z.string().regex(/^E\d{8}$/, "must be an ONS code such as E06000030").optional(),
  laCode: z.string().regex(/^\d{3}$/, "must be a three-digit DfE LA code").optional(),
  ofstedUrn: z.string().regex(/^\d{5,8}$/, "must be an Ofsted URN").optional(),
  region: text(100).optional(),
  authorityType: z.enum(["Unitary Authority", "Metropolitan District", "London Borough", "County"]).optional(),
  population0to25: z.number().int().min(0).optional(),
  alsoKnownAs: z.array(text(200)).optional(),
  evidence: z.array(evidence).optional(),
}).strict();

export const post = z.object({
  id: id("post"),
  title: text(200),
  role: PostRole,
  portfolio: text(200).optional(),
  organisation: ref,
}).strict();

export const person = z.object({
  id: id("person"),
  name: text(200).nullable(),
  unnamed: z.boolean(),
  description: text(500),
}).strict().refine((p) => (p.name === null) === p.unnamed, {
  message: "an unnamed person has name null, a named one has a name",
  path: ["unnamed"],
});

export const occupancy = z.object({
  id: id("occupancy"),
  person: ref,
  post: ref,
  ...interval,
  ...bounds,
  status: OccupancyStatus,
  attestedOn: z.array(partialDate).default([]),
  ...claim,
}).strict();

export const membership = z.object({
  id: id("membership"),
  body: ref,
  member: ref,
  role: MembershipRole,
  ...interval,
  ...bounds,
  ...claim,
}).strict();

export const serviceArea = z.object({
  id: id("area"),
  name: text(200),
  description: text(500).optional(),
}).strict();

export const judgementArea = z.object({
  id: id("judgement-area"),
  code: z.string().regex(/^[A-Z_]+$/),
  label: text(300),
  framework: text(100),
  validFrom: partialDate.optional(),
  validTo: partialDate.optional(),
  covers: z.array(ref).default([]),
  note: text(500).optional(),
}).strict();

export const theme = z.object({
  id: id("theme"),
  label: text(100),
  description: text(500),
}).strict();

export const inspection = z.object({
  id: id("inspection"),
  kind: InspectionKind,
  status: InspectionStatus,
  authority: ref,
  by: ref,
  ...interval,
  published: partialDate.optional(),
  focus: text(500).optional(),
  sequence: z.number().int().positive().optional(),
  /** The lead inspector named by the report. */
  leadInspector: ref.optional(),
  ...claim,
  ...augments,
}).strict();

export const judgement = z.object({
  id: id("judgement"),
  inspection: ref,
  area: ref,
  grade: Grade,
  ...claim,
  ...augments,
}).strict();

/** Where a finding comes from: exactly one of an inspection, a review or a meeting. */
const FINDING_ORIGINS = ["inspection", "review", "meeting"] as const;

export const finding = z.object({
  id: id("finding"),
  inspection: ref.optional(),
  review: ref.optional(),
  meeting: ref.optional(),
  kind: FindingKind,
  polarity: Polarity,
  summary: text(500),
  serviceAreas: z.array(ref).default([]),
  themes: z.array(ref).default([]),
  /** How an extracted finding was classified: the cues that matched, e.g. "theme:early-help: early help". */
  cues: z.array(text(200)).optional(),
  ...claim,
  ...augments,
}).strict().superRefine((record, ctx) => {
  const named = FINDING_ORIGINS.filter((field) => record[field] !== undefined);
  if (named.length !== 1) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: named.length === 0 ? ["inspection"] : [named[1]!],
      message: named.length === 0
        ? "a finding needs where it comes from: an inspection, a review or a meeting"
        : `a finding comes from one event only, not both ${named.join(" and ")}`,
    });
  }
});

/**
 * A review of a council's children's services that is not an Ofsted inspection (an independent or peer
 * review, a safeguarding practice review, a commissioner's review), with findings of its own.
 */
export const review = z.object({
  id: id("review"),
  kind: ReviewKind,
  title: text(300),
  authority: ref,
  by: z.array(ref).default([]),
  commissionedBy: z.array(ref).default([]),
  start: partialDate.optional(),
  end: partialDate.optional(),
  published: partialDate.optional(),
  focus: text(500).optional(),
  ...claim,
}).strict();

export const intervention = z.object({
  id: id("intervention"),
  kind: InterventionKind,
  issued: partialDate.optional(),
  lifted: partialDate.optional(),
  issuedBy: ref,
  to: ref,
  follows: z.array(ref).default([]),
  overseenBy: z.array(ref).default([]),
  /** Posts it created: a commissioner, a trust's chair or chief executive. */
  posts: z.array(ref).default([]),
  requires: text(500).optional(),
  ...claim,
}).strict();

export const meeting = z.object({
  id: id("meeting"),
  body: ref,
  date: partialDate,
  /** Left out when no source says whether it took place: never HELD on the strength of an announcement. */
  status: MeetingStatus.optional(),
  purpose: text(500),
  considered: z.array(ref).default([]),
  ...claim,
}).strict();

export const statement = z.object({
  id: id("statement"),
  by: ref,
  quote: text(400),
  date: partialDate.optional(),
  about: z.array(ref).default([]),
  ...claim,
}).strict();

/** One file of a bundle; every section optional. */
export const bundleFile = z.object({
  sources: z.array(source).optional(),
  organisations: z.array(organisation).optional(),
  posts: z.array(post).optional(),
  people: z.array(person).optional(),
  occupancies: z.array(occupancy).optional(),
  memberships: z.array(membership).optional(),
  serviceAreas: z.array(serviceArea).optional(),
  judgementAreas: z.array(judgementArea).optional(),
  themes: z.array(theme).optional(),
  inspections: z.array(inspection).optional(),
  judgements: z.array(judgement).optional(),
  findings: z.array(finding).optional(),
  interventions: z.array(intervention).optional(),
  meetings: z.array(meeting).optional(),
  statements: z.array(statement).optional(),
  reviews: z.array(review).optional(),
  responsibilities: z.array(responsibility).optional(),
  accountabilities: z.array(accountability).optional(),
  neighbours: z.array(neighbour).optional(),
  successions: z.array(succession).optional(),
  deliveries: z.array(delivery).optional(),
  supports: z.array(support).optional(),
  identities: z.array(identity).optional(),
}).strict();

export type BundleFile = z.infer<typeof bundleFile>;
export type Bundle = { [K in keyof BundleFile]-?: NonNullable<BundleFile[K]> };
export const BUNDLE_SECTIONS = Object.keys(bundleFile.shape) as (keyof Bundle)[];
