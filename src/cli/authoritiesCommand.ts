/** `authorities [--csv] [--out]`: writes the authorities table as a bundle (seeds/authorities is this command's output). */
import fs from "node:fs";
import path from "node:path";
import { authoritiesBundle } from "../ingest/authoritiesBundle.js";
import type { CliContext } from "./context.js";
import { CliError, displayPath, EXIT } from "./output.js";

export async function authoritiesCommand(ctx: CliContext, options: { csv?: string; out?: string }): Promise<void> {
  const csv = options.csv ?? path.join(ctx.config.ofstedDir, "authorities.csv");
  let bundle;
  try {
    bundle = authoritiesBundle(csv);
  } catch (error) {
    throw new CliError(`cannot read the authorities table ${displayPath(csv)}: ${(error as Error).message.split("\n")[0]}`, EXIT.USAGE);
  }
  const outDir = options.out ?? path.join(ctx.config.seedsDir, "authorities");
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, "authorities.json");
  fs.writeFileSync(file, `${JSON.stringify(bundle, null, 2)}\n`);
  ctx.out.result(
    `Wrote ${displayPath(file)}: ${bundle.organisations.length} authorities, ${bundle.neighbours.length} neighbour links, ${bundle.successions.length} successions.`,
    { command: "authorities", file: displayPath(file), organisations: bundle.organisations.length, neighbours: bundle.neighbours.length, successions: bundle.successions.length },
  );
}
