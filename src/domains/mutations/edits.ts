/** The small edits: tag or untag a theme, end an occupancy. Each validates fully, then writes with its ChangeSet. */
import { changeSetParams, importInProgress, lockEntity, recordChangeSet, refuseDuringImport, type ChangeRecord } from "../../audit/changeSets.js";
import type { Principal } from "../../auth/apiKeys.js";
import { partialToNeo4j, plainToPartial } from "../../model/partialDates.js";
import type { Database, QueryCounter, Transaction } from "../../db/gateway.js";
import { badInput, notFound } from "../../errors.js";
import { evidence as evidenceSchema } from "../../bundles/bundleSchema.js";
import { endsBeforeStart, partialDate, partialRange } from "../../model/partialDates.js";
import type { EvidenceInput } from "./inputs.js";
import { OCCUPANCY_FOR_END, SET_OCCUPANCY_END, SET_THEME_TAG } from "./queries.js";

export type EditResult = { changeSetId: string | null };
type Who = { principal: Principal; reason: string };

/** Tags (or untags) a finding with a theme; a no-op when it already is (or is not), with no ChangeSet. */
export async function setThemeTag(db: Database, who: Who, finding: string, theme: string, tagged: boolean, counter?: QueryCounter): Promise<EditResult> {
  const operation = `${tagged ? "tagTheme" : "untagTheme"} ${finding} ${theme}`;
  const change = changeSetParams(updateOf(who, operation, "Finding", finding));
  const [state] = await db.writeStatement(SET_THEME_TAG, { ...change, finding, theme, tagged }, counter);
  if (state?.importing) throw importInProgress(state.importing as string);
  if (!state?.findingFound) throw notFound(`No Finding with id "${finding}"`);
  if (!state.themeFound) throw notFound(`No Theme with id "${theme}"`);
  return { changeSetId: (state.changeSetId as string | null) ?? null };
}

/** Records when an occupancy ended, with the evidence for it. */
export async function endOccupancy(db: Database, who: Who, occupancy: string, end: string, evidence: EvidenceInput[], counter?: QueryCounter): Promise<EditResult> {
  if (!partialDate.safeParse(end).success) throw badInput(`end "${end}" is not a partial date`, { argument: "end" });
  if (evidence.length === 0) throw badInput("At least one piece of evidence is required", { argument: "evidence" });
  evidence.forEach((item, i) => {
    const parsed = evidenceSchema.safeParse({ ...item, locator: item.locator ?? undefined });
    if (!parsed.success) throw badInput(`evidence[${i}]: ${parsed.error.issues.map((x) => `${x.path.join(".")} ${x.message}`).join("; ")}`, { argument: "evidence" });
  });
  return db.writeTransaction("mutations.endOccupancy", async (tx) => {
    await lockEntity(tx, "Occupancy", occupancy);
    await refuseDuringImport(tx);
    const sources = [...new Set(evidence.map((e) => e.source))];
    const [state] = await tx.run(OCCUPANCY_FOR_END, { occupancy, sources });
    if (!state?.found) throw notFound(`No Occupancy with id "${occupancy}"`);
    const missing = sources.filter((s) => !(state.sources as string[]).includes(s));
    if (missing.length > 0) throw badInput(`Unknown source ${missing.join(", ")}`, { argument: "evidence" });
    const start = plainToPartial(state.start as string | null, state.startPrecision as string | null);
    if (start && endsBeforeStart(start, end)) throw badInput(`end ${end} is before start ${start}`, { argument: "end" });
    checkEndWithinBounds(end, state.bounds as (string | null)[], state.boundPrecisions as (string | null)[]);
    const existingEnd = plainToPartial(state.end as string | null, state.endPrecision as string | null);
    const known = new Set(state.evidenceKeys as string[]);
    if (existingEnd === end && evidence.every((e) => known.has(`${e.source}\n${e.quote.trim()}`))) return { changeSetId: null };
    const { date, precision } = partialToNeo4j(end);
    await tx.run(SET_OCCUPANCY_END, {
      occupancy,
      end: date,
      precision,
      evidence: evidence.map((e) => ({ source: e.source, quote: e.quote.trim(), locator: e.locator ?? null })),
    });
    return { changeSetId: await recordUpdate(tx, who, `endOccupancy ${occupancy}`, "Occupancy", occupancy) };
  }, counter);
}

/** The ChangeSet of an edit that updated one node. */
function updateOf(who: Who, operation: string, label: string, id: string): ChangeRecord {
  return {
    via: "graphql",
    operation,
    actor: who.principal.name,
    role: who.principal.role,
    reason: who.reason,
    summary: { [`${label}.updated`]: 1 },
    touched: [{ id, change: "UPDATED" }],
  };
}

function recordUpdate(tx: Transaction, who: Who, operation: string, label: string, id: string): Promise<string> {
  return recordChangeSet(tx, updateOf(who, operation, label, id));
}

/** An end must fall where the occupancy's bounds allow: after its startAfter and endAfter, before its endBefore. */
function checkEndWithinBounds(end: string, bounds: (string | null)[], precisions: (string | null)[]): void {
  const [startAfter, endAfter, endBefore] = bounds.map((b, i) => plainToPartial(b, precisions[i] ?? null));
  const [first, last] = partialRange(end);
  if (startAfter && last <= partialRange(startAfter)[1]) throw badInput(`end ${end} is not after startAfter ${startAfter}`, { argument: "end" });
  if (endAfter && last <= partialRange(endAfter)[1]) throw badInput(`end ${end} is not after endAfter ${endAfter}`, { argument: "end" });
  if (endBefore && first >= partialRange(endBefore)[0]) throw badInput(`end ${end} is not before endBefore ${endBefore}`, { argument: "end" });
}
