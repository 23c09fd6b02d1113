/** `authorities [--csv] [--out]`: writes the authorities table as a bundle (seeds/authorities is this command's output). */
import fs from "node:fs";
import path from "node:path";
import { authoritiesBundle } from "../ingest/authoritiesBundle.js";
import type { CliContext } from "./context.js";
import { CliError, displayPath, EXIT } from "./output.js";

/** `read` applied to the authorities table (`csv`, or OFSTED_DIR's); a table that cannot be read is a usage error, one line. */
export function fromAuthoritiesTable<T>(ctx: CliContext, csv: string | undefined, read: (file: string) => T): T {
  const file = csv ?? path.join(ctx.config.ofstedDir, "authorities.csv");
  try {
    return read(file);
  } catch (error) {
    throw new CliError(`cannot read the authorities table ${displayPath(file)}: ${(error as Error).message.split("\n")[0]}`, EXIT.USAGE);
  }
}

export async function authoritiesCommand(ctx: CliContext, options: { csv?: string; out?: string }): Promise<void> {
  const bundle = fromAuthoritiesTable(ctx, options.csv, authoritiesBundle);
  const outDir = options.out ?? path.join(ctx.config.seedsDir, "authorities");
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, "authorities.json");
  fs.writeFileSync(file, `${JSON.stringify(bundle, null, 2)}\n`);
  ctx.out.result(
    `Wrote ${displayPath(file)}: ${bundle.organisations.length} authorities, ${bundle.neighbours.length} neighbour links, ${bundle.successions.length} successions.`,
    { command: "authorities", file: displayPath(file), organisations: bundle.organisations.length, neighbours: bundle.neighbours.length, successions: bundle.successions.length },
  );
}
