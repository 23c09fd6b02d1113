import { GraphQLJSONObject } from "graphql-scalars";
import { Arg, Ctx, Extensions, ID, Mutation, Resolver } from "type-graphql";
import { checkReason } from "../../audit/changeSets.js";
import { caller, type Context } from "../../graphql/context.js";
import { fetchNode } from "../../graphql/graphRead.js";
import { checkId } from "../../graphql/ids.js";
import { PartialDateScalar } from "../../graphql/partialDate.js";
import { badInput } from "../../errors.js";
import { endOccupancy, setThemeTag } from "./edits.js";
import { EvidenceInput, FindingInput, InspectionInput, OccupancyInput, SourceInput } from "./inputs.js";
import { FindingPayload, ImportReport, InspectionPayload, OccupancyPayload, SourcePayload } from "./payloads.js";
import { compact, current, earlierChangeSet, evidenceRecords, idempotencyOf, idFor, slug, writeAs } from "./service.js";
import type { Label } from "../../model/labels.js";

const REASON = { description: "Why: recorded in the audit trail (3–500 characters)." };
const KEY = {
  nullable: true,
  description:
    "Makes a retry safe: a second request with the same key (per API key) returns the first one's entity and ChangeSet and writes nothing; the same key with different input is a CONFLICT. 1–100 printable characters.",
};

@Resolver()
export class MutationResolver {
  @Extensions({ role: "editor" })
  @Mutation(() => SourcePayload, { description: "Adds a source document (editor)." })
  async addSource(
    @Arg("input", () => SourceInput) input: SourceInput,
    @Arg("reason", () => String, REASON) reason: string,
    @Ctx() ctx: Context,
    @Arg("idempotencyKey", () => String, KEY) idempotencyKey?: string | null,
  ) {
    const id = input.id ?? `source:${slug(input.title)}`;
    const idempotency = idempotencyOf(idempotencyKey, "addSource", input);
    const replay = await this.replay(ctx, "Source", id, idempotency);
    if (replay) return replay;
    if (!input.id && (await fetchNode(ctx, id, "Source"))) throw badInput(`A source "${id}" already exists; pass its id to update it`, { argument: "input.id" });
    // publisher and published must be present even when unknown (null), so they are set after compact().
    const record = { ...compact({ ...input }), id, publisher: input.publisher ?? null, published: input.published ?? null };
    const { changeSet } = await writeAs(ctx, caller(ctx), reason, `addSource ${id}`, { sources: [record] }, false, idempotency ?? undefined);
    return { entity: await current(ctx, "Source", id), changeSet };
  }

  @Extensions({ role: "editor" })
  @Mutation(() => FindingPayload, { description: "Adds (or, with an existing id, replaces) a finding with its evidence (editor)." })
  async addFinding(
    @Arg("input", () => FindingInput) input: FindingInput,
    @Arg("reason", () => String, REASON) reason: string,
    @Ctx() ctx: Context,
    @Arg("idempotencyKey", () => String, KEY) idempotencyKey?: string | null,
  ) {
    const idempotency = idempotencyOf(idempotencyKey, "addFinding", input);
    const id = input.id ?? idFor("finding", input.inspection.split(":")[1] ?? "finding", caller(ctx), idempotency);
    const replay = await this.replay(ctx, "Finding", id, idempotency);
    if (replay) return replay;
    const record = compact({ ...input, id, evidence: evidenceRecords(input.evidence) });
    const { changeSet } = await writeAs(ctx, caller(ctx), reason, `addFinding ${id}`, { findings: [record] }, false, idempotency ?? undefined);
    return { entity: await current(ctx, "Finding", id), changeSet };
  }

  @Extensions({ role: "editor" })
  @Mutation(() => FindingPayload, { description: "Tags a finding with a theme (editor); no change, no audit record, if it already is." })
  async tagTheme(@Arg("finding", () => ID) finding: string, @Arg("theme", () => ID) theme: string, @Arg("reason", () => String, REASON) reason: string, @Ctx() ctx: Context) {
    return this.tag(ctx, finding, theme, reason, true);
  }

  @Extensions({ role: "editor" })
  @Mutation(() => FindingPayload, { description: "Removes a theme from a finding (editor)." })
  async untagTheme(@Arg("finding", () => ID) finding: string, @Arg("theme", () => ID) theme: string, @Arg("reason", () => String, REASON) reason: string, @Ctx() ctx: Context) {
    return this.tag(ctx, finding, theme, reason, false);
  }

  @Extensions({ role: "editor" })
  @Mutation(() => OccupancyPayload, { description: "Records who held a post and when (editor): creates it, or replaces it when the id exists." })
  async recordOccupancy(
    @Arg("input", () => OccupancyInput) input: OccupancyInput,
    @Arg("reason", () => String, REASON) reason: string,
    @Ctx() ctx: Context,
    @Arg("idempotencyKey", () => String, KEY) idempotencyKey?: string | null,
  ) {
    const idempotency = idempotencyOf(idempotencyKey, "recordOccupancy", input);
    const id = input.id ?? idFor("occupancy", `${input.person.split(":")[1]}-${input.post.split(":")[1]}`, caller(ctx), idempotency);
    const replay = await this.replay(ctx, "Occupancy", id, idempotency);
    if (replay) return replay;
    const record = compact({ ...input, id, evidence: evidenceRecords(input.evidence) });
    const { changeSet } = await writeAs(ctx, caller(ctx), reason, `recordOccupancy ${id}`, { occupancies: [record] }, false, idempotency ?? undefined);
    return { entity: await current(ctx, "Occupancy", id), changeSet };
  }

  @Extensions({ role: "editor" })
  @Mutation(() => OccupancyPayload, { description: "Records when an occupancy ended, with the evidence for it (editor)." })
  async endOccupancy(
    @Arg("occupancy", () => ID) occupancy: string,
    @Arg("end", () => PartialDateScalar) end: string,
    @Arg("evidence", () => [EvidenceInput]) evidence: EvidenceInput[],
    @Arg("reason", () => String, REASON) reason: string,
    @Ctx() ctx: Context,
  ) {
    const principal = caller(ctx);
    checkId(occupancy, "Occupancy");
    const { changeSetId } = await endOccupancy(ctx.db, { principal, reason: checkReason(reason) }, occupancy, end, evidence, ctx.counter);
    return { entity: await current(ctx, "Occupancy", occupancy), changeSet: changeSetId ? await fetchNode(ctx, changeSetId, "ChangeSet") : null };
  }

  @Extensions({ role: "editor" })
  @Mutation(() => InspectionPayload, { description: "Records an inspection with its judgements (editor)." })
  async recordInspection(
    @Arg("input", () => InspectionInput) input: InspectionInput,
    @Arg("reason", () => String, REASON) reason: string,
    @Ctx() ctx: Context,
    @Arg("idempotencyKey", () => String, KEY) idempotencyKey?: string | null,
  ) {
    const idempotency = idempotencyOf(idempotencyKey, "recordInspection", input);
    const id = input.id ?? idFor("inspection", `${input.authority.split(":")[1]}-${input.kind}-${input.start ?? ""}`, caller(ctx), idempotency);
    const replay = await this.replay(ctx, "Inspection", id, idempotency);
    if (replay) return replay;
    const { judgements, ...inspection } = input;
    const bundle = {
      inspections: [compact({ ...inspection, id, evidence: evidenceRecords(input.evidence) })],
      judgements: judgements.map((j) => ({
        id: `judgement:${id.split(":")[1]}-${j.area.split(":")[1] ?? "area"}`,
        inspection: id,
        area: j.area,
        grade: j.grade,
        evidence: evidenceRecords(j.evidence),
      })),
    };
    const { changeSet } = await writeAs(ctx, caller(ctx), reason, `recordInspection ${id}`, bundle, false, idempotency ?? undefined);
    return { entity: await current(ctx, "Inspection", id), changeSet };
  }

  @Extensions({ role: "admin" })
  @Mutation(() => ImportReport, { description: "Imports a whole bundle (admin): validated whole, written in one transaction with its audit record." })
  async importBundle(
    @Arg("bundle", () => GraphQLJSONObject, { description: "A bundle file's content: { sources: [...], findings: [...], … }." }) bundle: Record<string, unknown>,
    @Arg("reason", () => String, REASON) reason: string,
    @Arg("dryRun", () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Ctx() ctx: Context,
  ) {
    const { result, changeSet } = await writeAs(ctx, caller(ctx), reason, "importBundle", bundle, dryRun);
    return {
      dryRun: result.dryRun,
      written: result.written,
      records: result.records,
      created: result.diff.created,
      updated: result.diff.updated,
      unchanged: result.diff.unchanged.length,
      relationships: { ...result.diff.relationships, unchanged: result.diff.relationships.unchanged.length },
      changeSet,
    };
  }

  /** A retry of a keyed create that already happened: its entity and its ChangeSet, nothing written. */
  private async replay(ctx: Context, label: Label, id: string, idempotency: ReturnType<typeof idempotencyOf>) {
    const earlier = await earlierChangeSet(ctx, caller(ctx), idempotency);
    if (!earlier) return null;
    return { entity: await current(ctx, label, id), changeSet: await fetchNode(ctx, earlier, "ChangeSet") };
  }

  private async tag(ctx: Context, finding: string, theme: string, reason: string, tagged: boolean) {
    const principal = caller(ctx);
    checkId(finding, "Finding");
    checkId(theme, "Theme");
    const { changeSetId } = await setThemeTag(ctx.db, { principal, reason: checkReason(reason) }, finding, theme, tagged, ctx.counter);
    return { entity: await current(ctx, "Finding", finding), changeSet: changeSetId ? await fetchNode(ctx, changeSetId, "ChangeSet") : null };
  }
}
