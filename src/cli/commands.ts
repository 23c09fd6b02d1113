/** The CLI commands: each does its work through the bundle pipeline (src/bundles) and reports one result. */
import os from "node:os";
import path from "node:path";
import { checkReason } from "../audit/changeSets.js";
import { hashKey } from "../auth/apiKeys.js";
import { formatCounts } from "../boot.js";
import { exportAuthority } from "../bundles/exportBundle.js";
import { importBundles, knownIdsIn, recordsIn, type ImportResult } from "../bundles/importBundle.js";
import { importLarge, isLargeImport } from "../bundles/largeImport.js";
import { recoverInterruptedImport } from "../bundles/importJournal.js";
import { seedIfNeeded } from "../bundles/loadBundles.js";
import { foldAugments } from "../bundles/augment.js";
import { readBundles, recordCount } from "../bundles/readBundle.js";
import { validateBundle } from "../bundles/validateBundle.js";
import { countByLabel } from "../bundles/writeBundle.js";
import type { CliContext } from "./context.js";
import { CliError, displayPath, EXIT, exitCodeFor } from "./output.js";

export function defaultActor(): string {
  try {
    return `cli:${os.userInfo().username}`;
  } catch {
    return "cli:unknown";
  }
}

export async function seedCommand(ctx: CliContext, options: { force?: boolean }): Promise<void> {
  const db = await ctx.database();
  const loaded = await seedIfNeeded(db, ctx.config.seedsDir, options.force ?? false, { actor: defaultActor(), via: "cli" });
  if (!loaded) {
    ctx.out.result("Seeds already loaded; nothing to do (use --force to load them again).", { command: "seed", loaded: false });
    return;
  }
  ctx.out.detail(`Graph now holds: ${formatCounts(loaded.counts)}`);
  ctx.out.result(`Loaded seeds: ${loaded.records} records from ${loaded.files.length} files.`, {
    command: "seed", loaded: true, records: loaded.records, files: loaded.files, counts: loaded.counts,
  });
}

export async function importCommand(
  ctx: CliContext,
  paths: string[],
  options: { reason: string; actor?: string; dryRun?: boolean },
): Promise<void> {
  const reason = checkReason(options.reason);
  // A large bundle is read a few files at a time (bundles/largeImport.ts); a small one is checked whole first.
  const large = isLargeImport(paths, ctx.config.imports.largeBytes);
  if (!large) readBundles(paths); // shape problems are reported (exit 3) before any database is started
  const db = await ctx.database();
  const common = { actor: options.actor ?? defaultActor(), role: "admin", reason, dryRun: options.dryRun ?? false, onProgress: ctx.out.progress("import") };
  const log = (line: string) => ctx.out.detail(line);
  // A large import killed earlier holds the graph until an import rolls it back (importLarge does it itself).
  if (!large && !common.dryRun) await recoverInterruptedImport(db, ctx.config.imports.staleAfterSeconds, log);
  const result = large ? await importLarge(db, paths, { ...common, ...ctx.config.imports, log }) : await importBundles(db, paths, common);
  const { diff } = result;
  for (const [name, c] of Object.entries(diff.counts)) {
    const removed = (c.REMOVED ?? 0) > 0 ? `, ${c.REMOVED} removed` : "";
    ctx.out.detail(`  ${name.padEnd(16)} ${c.CREATED} created, ${c.UPDATED} updated, ${c.UNCHANGED} unchanged${removed}`);
  }
  listSome(ctx, [...diff.created, ...diff.relationships.created].map((id) => `  + ${id}`));
  listSome(ctx, [...diff.updated, ...diff.relationships.updated].map((id) => `  ~ ${id} (${diff.changes[id]?.join(", ")})`));
  listSome(ctx, diff.relationships.removed.map((name) => `  - ${name}`));
  ctx.out.result(importLine(result), {
    command: "import",
    dryRun: result.dryRun,
    written: result.written,
    changeSetId: result.changeSetId,
    files: result.files,
    records: result.records,
    batches: result.batches,
    counts: diff.counts,
    created: diff.created,
    updated: diff.updated,
    unchanged: diff.unchanged,
    changes: diff.changes,
    relationships: diff.relationships,
  });
}

/** Long lists are cut short in human output; --json has them whole. */
function listSome(ctx: CliContext, lines: string[], max = 25): void {
  for (const line of lines.slice(0, max)) ctx.out.detail(line);
  if (lines.length > max) ctx.out.detail(`  … and ${lines.length - max} more (--json lists them all)`);
}

function importLine(result: ImportResult): string {
  const { diff } = result;
  const rels = diff.relationships;
  const tally = `${diff.created.length} created, ${diff.updated.length} updated, ${diff.unchanged.length} unchanged` +
    `; relationships ${rels.created.length} created, ${rels.updated.length} updated, ${rels.unchanged.length} unchanged` +
    (rels.removed.length > 0 ? `, ${rels.removed.length} removed` : "");
  if (result.dryRun) return `Dry run of ${result.records} records: would be ${tally}. Nothing written.`;
  if (!result.written) return `Nothing to import: all ${result.records} records are unchanged. Nothing written.`;
  return `Imported ${result.records} records: ${tally}. Change set ${result.changeSetId}.`;
}

export async function exportCommand(ctx: CliContext, authorityId: string, options: { out?: string }): Promise<void> {
  const slug = authorityId.slice(authorityId.indexOf(":") + 1);
  const outDir = path.resolve(options.out ?? path.join("export", slug));
  const db = await ctx.database();
  const result = await exportAuthority(db, authorityId, outDir);
  for (const file of result.files) ctx.out.detail(`  ${displayPath(file)}`);
  ctx.out.result(`Exported ${authorityId}: ${result.records} records in ${result.files.length} files to ${outDir}.`, {
    command: "export", authorityId, outDir, files: result.files, records: result.records,
  });
}

/**
 * Shape and references. References to ids outside the bundle are looked up in the database, which is
 * opened only then; if it cannot be reached the bundle is not called invalid, but the command exits 4
 * naming the references it could not check.
 */
export async function validateCommand(ctx: CliContext, paths: string[]): Promise<void> {
  const loaded = readBundles(paths);
  await foldAugments(loaded, async (ids) => {
    try {
      return await recordsIn(await ctx.database())(ids);
    } catch (error) {
      if (exitCodeFor(error) !== EXIT.DATABASE_UNAVAILABLE) throw error;
      const reason = (error as Error).message.split("\n")[0]!;
      throw new CliError(`Records that augment ${ids.join(", ")} are not in the bundle, and the graph could not be read (${reason})`, EXIT.DATABASE_UNAVAILABLE);
    }
  });
  let checked = 0;
  let unchecked: string[] = [];
  let unavailable = "";
  await validateBundle(loaded, async (ids) => {
    try {
      const found = await knownIdsIn(await ctx.database())(ids);
      checked = ids.length;
      return found;
    } catch (error) {
      if (exitCodeFor(error) !== EXIT.DATABASE_UNAVAILABLE) throw error;
      unchecked = ids;
      unavailable = (error as Error).message.split("\n")[0]!;
      return new Set(ids); // assume they exist, so the remaining problems are the bundle's own
    }
  });
  const records = recordCount(loaded.bundle);
  if (unchecked.length > 0) {
    throw new CliError(
      `The bundle is valid in itself, but ${unchecked.length} reference(s) to ids outside it could not be checked ` +
        `(${unavailable}): ${unchecked.join(", ")}`,
      EXIT.DATABASE_UNAVAILABLE,
    );
  }
  const where = checked > 0 ? ` (${checked} references resolved against the database)` : " (all references resolved within the bundle)";
  ctx.out.result(`Valid: ${records} records in ${loaded.files.length} files${where}.`, {
    command: "validate", valid: true, records, files: loaded.files, referencesCheckedInDatabase: checked,
  });
}

export async function statsCommand(ctx: CliContext): Promise<void> {
  const counts = await countByLabel(await ctx.database());
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  for (const [label, n] of Object.entries(counts)) ctx.out.detail(`  ${label.padEnd(14)} ${n}`);
  ctx.out.result(`${total} nodes: ${formatCounts(counts)}`, { command: "stats", counts, total });
}

/** Prints the SHA-256 of an API key, for API_KEYS ("name:role:sha256"); needs no database. */
export async function hashKeyCommand(ctx: CliContext, key: string, options: { name?: string; role?: string }): Promise<void> {
  if (key.length < 16) throw new CliError("an API key should be at least 16 characters", EXIT.USAGE);
  if (options.role && !["reader", "editor", "admin"].includes(options.role)) throw new CliError("--role must be reader, editor or admin", EXIT.USAGE);
  const sha256 = hashKey(key);
  const entry = options.name && options.role ? `${options.name}:${options.role}:${sha256}` : sha256;
  ctx.out.result(entry, { command: "hash-key", sha256, entry });
}
