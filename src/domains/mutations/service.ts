/**
 * Whole-record mutations go through the import pipeline as a one-record bundle: the same validation
 * (shape, enums, dates, quotes, every reference), the same idempotent write, and the ChangeSet in the
 * same transaction. Nothing is written unless all of it is valid.
 */
import { randomUUID } from "node:crypto";
import { checkReason } from "../../audit/changeSets.js";
import type { Principal } from "../../auth/apiKeys.js";
import { badInput } from "../../errors.js";
import type { DbSession } from "../../db/session.js";
import { fetchNode, NODE_BY_IDS } from "../../graphql/graphRead.js";
import type { BundleFile } from "../../bundles/bundleSchema.js";
import { importLoaded, type ImportResult } from "../../bundles/importBundle.js";
import type { Label } from "../../model/labels.js";
import { BundleError, bundleFromValue } from "../../bundles/readBundle.js";

export type Written = { result: ImportResult; changeSet: unknown };

/** Validates and writes a bundle value as the (already authorised) caller; bundle problems become BAD_USER_INPUT listing each. */
export async function writeAs(
  session: DbSession,
  principal: Principal,
  reasonText: string,
  operation: string,
  value: unknown,
  dryRun = false,
): Promise<Written> {
  const reason = checkReason(reasonText);
  try {
    const loaded = bundleFromValue(value, operation);
    const result = await importLoaded(session.db, loaded, { actor: principal.name, role: principal.role, reason, dryRun, via: "graphql", operation });
    return { result, changeSet: result.changeSetId ? await fetchNode(session, result.changeSetId, "ChangeSet") : null };
  } catch (error) {
    if (error instanceof BundleError) {
      throw badInput(`Invalid input: ${error.problems.map((p) => `${p.path.replace(/^\$\.\w+\[0\]\.?/, "") || "input"}: ${p.message}`).join("; ")}`, {
        problems: error.problems.map(({ path, message }) => ({ path, message })),
      });
    }
    throw error;
  }
}

/** The entity as it now stands (not a copy cached earlier in this request). */
export async function current(session: DbSession, label: Label, id: string) {
  session.loaders.byId(NODE_BY_IDS[label]).clear(id);
  return fetchNode(session, id, label);
}

export const slug = (text: string) =>
  text.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "untitled";

/** A fresh id under a prefix, readable from its context (e.g. finding:swindon-ilacs-2023-07-3f9a1c2e). */
export const newId = (prefix: string, context: string) => `${prefix}:${slug(context)}-${randomUUID().slice(0, 8)}`;

/** Drops null and undefined fields, which the bundle schema treats as absent. */
export function compact<T extends Record<string, unknown>>(record: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null && v !== undefined));
}

export const evidenceRecords = (evidence: { source: string; quote: string; locator?: string | null }[]) =>
  evidence.map((e) => compact({ source: e.source, quote: e.quote, locator: e.locator }));

export type { BundleFile };
