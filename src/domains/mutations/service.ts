/**
 * Whole-record mutations go through the import pipeline as a one-record bundle: the same validation
 * (shape, enums, dates, quotes, every reference), the same idempotent write, and the ChangeSet in the
 * same transaction. Nothing is written unless all of it is valid.
 */
import { createHash, randomUUID } from "node:crypto";
import { changeSetForKey, checkIdempotencyKey, checkReason, type Idempotency } from "../../audit/changeSets.js";
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
  idempotency?: Idempotency,
): Promise<Written> {
  const reason = checkReason(reasonText);
  try {
    const loaded = bundleFromValue(value, operation);
    const result = await importLoaded(session.db, loaded, { actor: principal.name, role: principal.role, reason, dryRun, via: "graphql", operation, idempotency, counter: session.counter });
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

/**
 * A create the client may retry: its key (per actor) and a digest of the mutation and its input, so a retry
 * is recognised and the same key with other input refused (CONFLICT). Null without a key.
 */
export function idempotencyOf(key: string | null | undefined, mutation: string, input: unknown): Idempotency | null {
  const checked = checkIdempotencyKey(key);
  if (!checked) return null;
  return { key: checked, request: createHash("sha256").update(JSON.stringify([mutation, input])).digest("hex") };
}

/** The ChangeSet of an earlier request with this key, read before the write (the write checks again under its lock). */
export function earlierChangeSet(session: DbSession, principal: Principal, idempotency: Idempotency | null): Promise<string | null> {
  if (!idempotency) return Promise.resolve(null);
  return changeSetForKey((query, params) => session.db.read(query, params, session.counter), principal.name, idempotency);
}

/** A new id that a retry with the same idempotency key gets again (random without a key). */
export function idFor(prefix: string, context: string, principal: Principal, idempotency: Idempotency | null): string {
  if (!idempotency) return newId(prefix, context);
  return `${prefix}:${slug(context)}-${createHash("sha256").update(`${principal.name}\n${idempotency.key}`).digest("hex").slice(0, 8)}`;
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
