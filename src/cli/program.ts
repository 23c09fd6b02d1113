/** The command line: commander definitions, global options, and the mapping of every outcome to an exit code. */
import { Command, CommanderError } from "commander";
import { MAX_REASON, MIN_REASON } from "../audit/changeSets.js";
import { exportCommand, hashKeyCommand, importCommand, seedCommand, statsCommand, validateCommand } from "./commands.js";
import { CliContext } from "./context.js";
import { authoritiesCommand } from "./authoritiesCommand.js";
import { ingestCommand, type IngestCommandOptions } from "./ingestCommand.js";
import { qualityCommand, type QualityOptions } from "./qualityCommand.js";
import { reportsCommand } from "./reportsCommand.js";
import { EXIT_CODES_HELP, exitCodeFor, Output, type OutputOptions } from "./output.js";

export async function runCli(argv: string[]): Promise<number> {
  // `npm run cli -- x` passes a literal "--" first (package.json's script ends in one); it is not an argument.
  const args = argv[0] === "--" ? argv.slice(1) : argv;
  let ctx: CliContext | undefined;
  const program = buildProgram((command) => {
    ctx = new CliContext(new Output(command.optsWithGlobals<OutputOptions>()));
    return ctx;
  });
  try {
    await program.parseAsync(args, { from: "user" });
    return ctx?.exitCode ?? 0;
  } catch (error) {
    // Commander has already printed its usage error or the help asked for.
    if (error instanceof CommanderError) return exitCodeFor(error);
    return (ctx?.out ?? new Output({})).fail(error);
  } finally {
    await ctx?.close();
  }
}

function buildProgram(contextFor: (command: Command) => CliContext): Command {
  const program = new Command("npm run cli --")
    .description("Load, check and export the children's services graph.")
    .option("--quiet", "print only errors and the final one-line result")
    .option("--json", "print the result as JSON on stdout")
    .exitOverride()
    .showHelpAfterError("(add --help for usage)")
    .configureHelp({ showGlobalOptions: true })
    .addHelpText("afterAll", EXIT_CODES_HELP);

  const run = <A extends unknown[]>(work: (ctx: CliContext, ...args: A) => Promise<void>) =>
    async (...args: unknown[]) => {
      const command = args[args.length - 1] as Command;
      await work(contextFor(command), ...(args.slice(0, -1) as A));
    };

  program
    .command("seed")
    .description("load the seed bundles (seeds/) unless the graph already holds exactly these files")
    .option("--force", "load them again even if unchanged")
    .action(run((ctx, options: { force?: boolean }) => seedCommand(ctx, options)));

  program
    .command("import")
    .description("validate bundle folders/files and write what changed, with an audit ChangeSet, in one transaction")
    .argument("<path...>", "bundle folders or JSON files (merged, validated whole)")
    .requiredOption("--reason <text>", `why this change is made (${MIN_REASON}–${MAX_REASON} characters), kept in the ChangeSet`)
    .option("--actor <name>", "who makes the change (default: cli:<os user name>)")
    .option("--dry-run", "report what would be created, updated or left unchanged; write nothing")
    .action(run((ctx, paths: string[], options: { reason: string; actor?: string; dryRun?: boolean }) => importCommand(ctx, paths, options)));

  program
    .command("export")
    .description("write one authority's subgraph as a bundle folder that re-imports into an empty database")
    .argument("<authorityId>", 'the council\'s id, e.g. "org:swindon-borough-council"')
    .option("--out <dir>", "output folder (default: ./export/<slug of the id>)")
    .action(run((ctx, authorityId: string, options: { out?: string }) => exportCommand(ctx, authorityId, options)));

  program
    .command("validate")
    .description("check bundle shape and references; ids outside the bundle are looked up in the database only if needed")
    .argument("<path...>", "bundle folders or JSON files (merged, validated whole)")
    .action(run((ctx, paths: string[]) => validateCommand(ctx, paths)));

  program
    .command("reports")
    .description("read Ofsted report PDFs and print what each yields (family, kind, authority, dates, lead inspector, grades) and a table per family; writes nothing")
    .argument("<path...>", "PDF files or folders of them (searched recursively), e.g. ../shared/ofsted/reports")
    .option("--authorities <csv>", "the authorities table (default: OFSTED_DIR/authorities.csv)")
    .action(run((ctx, paths: string[], options: { authorities?: string }) => reportsCommand(ctx, paths, options)));

  program
    .command("ingest")
    .description("read Ofsted report PDFs into the graph (inspections, judgements, recommendations with quotes and locators), or into draft bundles with --out")
    .argument("<path...>", "PDF files or folders of them (searched recursively), e.g. ../shared/ofsted/reports")
    .option("--out <dir>", "write draft bundles (one file per authority) to this folder instead of importing; reconciled with the other seed folders")
    .option("--dry-run", "read, reconcile and diff against the graph; write nothing")
    .option("--reason <text>", "why, for the audit trail (default: Ingest Ofsted inspection reports (<paths>))")
    .option("--actor <name>", "who, for the audit trail (default: cli:<OS user>)")
    .option("--authorities <csv>", "the authorities table (default: OFSTED_DIR/authorities.csv)")
    .action(run((ctx, paths: string[], options: IngestCommandOptions) => ingestCommand(ctx, paths, options)));

  program
    .command("quality")
    .description("measure the national record's quality: ingest of the whole corpus (time, and per family dates, lead inspector and every grade), the sentence classifiers' precision and recall against the hand labels, and with --import the import time")
    .argument("[path...]", "reports to ingest (default: every report in OFSTED_DIR/reports)")
    .option("--labels <file>", "hand-labelled sentences (default: test/fixtures/classifier-labels.json)")
    .option("--import", "also time importing the seeds into a fresh throwaway bundled Neo4j (needs NEO4J_URI unset)")
    .option("--authorities <csv>", "the authorities table (default: OFSTED_DIR/authorities.csv)")
    .action(run((ctx, paths: string[], options: QualityOptions) => qualityCommand(ctx, paths, options)));

  program
    .command("authorities")
    .description("write the authorities table (codes, regions, statistical neighbours, successions) as a bundle; seeds/authorities is its output")
    .option("--csv <file>", "the authorities table (default: OFSTED_DIR/authorities.csv)")
    .option("--out <dir>", "output folder (default: SEEDS_DIR/authorities)")
    .action(run((ctx, options: { csv?: string; out?: string }) => authoritiesCommand(ctx, options)));

  program
    .command("stats")
    .description("count the graph's nodes by label")
    .action(run((ctx) => statsCommand(ctx)));

  program
    .command("hash-key")
    .description("print the SHA-256 of an API key for API_KEYS (the server stores only hashes)")
    .argument("<key>", "the secret key clients will send as `Authorization: Bearer <key>`")
    .option("--name <name>", "with --role, print the whole API_KEYS entry name:role:sha256")
    .option("--role <role>", "reader, editor or admin")
    .action(run((ctx, key: string, options: { name?: string; role?: string }) => hashKeyCommand(ctx, key, options)));

  return program;
}
