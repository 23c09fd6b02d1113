/**
 * What the CLI prints and how it exits. Results go to stdout (one final line, or one JSON document with
 * --json); progress and errors go to stderr. --quiet leaves only errors and the final line.
 */
import path from "node:path";
import { CommanderError } from "commander";
import { ConfigError } from "../config.js";
import { AppError } from "../errors.js";
import { LocalNeo4jError } from "../localNeo4j/build.js";
import { BundleError } from "../bundles/readBundle.js";
type Progress = { done: number; total: number; step?: string; unit?: string };

export const EXIT = { OK: 0, UNEXPECTED: 1, USAGE: 2, INVALID_BUNDLE: 3, DATABASE_UNAVAILABLE: 4, SOME_FILES_FAILED: 5 } as const;

export const EXIT_CODES_HELP = `
Exit codes:
  0  success
  1  unexpected error
  2  usage error: unknown command or option, missing argument or --reason, unknown id, bad configuration
  3  invalid bundle: every problem is listed as "<file> <JSON path>: <reason>"
  4  database unavailable: NEO4J_URI unreachable or malformed, or the bundled Neo4j failed to start
  5  some files failed (reports): each is listed as "<file> (<where>): <reason>"; the others were read

Database: NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) if set; else, while \`npm start\` runs,
the bundled Neo4j it serves (published in DATA_DIR/neo4j/endpoint.json); else the bundled Neo4j in
DATA_DIR/neo4j, started for the command and stopped after it.`;

/** An error that carries its own exit code (e.g. references that could not be checked). */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: number) {
    super(message);
  }
}

export type OutputOptions = { quiet?: boolean; json?: boolean };
type Stream = { write(text: string): unknown; isTTY?: boolean };

export class Output {
  readonly quiet: boolean;
  readonly json: boolean;
  /** A progress bar line is open on the terminal and must be ended before anything else is printed. */
  private barOpen = false;
  constructor(options: OutputOptions, private readonly stdout: Stream = process.stdout, private readonly stderr: Stream = process.stderr) {
    this.quiet = options.quiet ?? false;
    this.json = options.json ?? false;
  }

  /** Detail lines before the result: human mode only. */
  detail(line: string): void {
    if (!this.quiet && !this.json) this.stdout.write(`${line}\n`);
  }

  /** The final result: one line, or the data as JSON. */
  result(line: string, data: Record<string, unknown>): void {
    this.stdout.write(this.json ? `${JSON.stringify({ ok: true, ...data }, null, 2)}\n` : `${line}\n`);
  }

  /** A progress bar on a terminal, periodic plain lines otherwise, nothing with --quiet. */
  progress(label: string, unit = "batches"): ((progress: Progress) => void) | undefined {
    if (this.quiet) return undefined;
    const err = this.stderr;
    if (err.isTTY) {
      return ({ done, total, step, unit: own }) => {
        const width = 30;
        const filled = Math.round((width * done) / Math.max(total, 1));
        err.write(`\r${own ? `${label} ${step}` : label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${own ?? unit}`);
        this.barOpen = done < total;
        if (!this.barOpen) err.write("\n");
      };
    }
    let lastTenth = -1;
    let lastAt = 0;
    let lastStage: string | undefined;
    return ({ done, total, step, unit: own }) => {
      // A new stage (a large import validates, writes nodes, then links) starts its own tenths.
      if (own && step !== lastStage) [lastStage, lastTenth] = [step, -1];
      const tenth = Math.floor((10 * done) / Math.max(total, 1));
      if (tenth > lastTenth || done === total || Date.now() - lastAt > 2_000) {
        err.write(`${own ? `${label} ${step}` : label}: ${done}/${total} ${own ?? unit} (${Math.round((100 * done) / Math.max(total, 1))}%)\n`);
        lastTenth = tenth;
        lastAt = Date.now();
      }
    };
  }

  /** One problem that does not end the command (a file that failed while the others go on): stderr, always. */
  problem(line: string): void {
    if (this.barOpen) this.stderr.write("\n");
    this.barOpen = false;
    this.stderr.write(`error: ${line}\n`);
  }

  /** Reports an error (every problem of an invalid bundle) and returns the exit code it means. */
  fail(error: unknown): number {
    const code = exitCodeFor(error);
    if (this.barOpen) this.stderr.write("\n");
    this.barOpen = false;
    const message = error instanceof Error ? error.message : String(error);
    const problems = error instanceof BundleError ? error.problems.map((p) => ({ ...p, file: displayPath(p.file) })) : undefined;
    if (problems) {
      this.stderr.write(`error: invalid bundle (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n`);
      for (const p of problems) this.stderr.write(`  ${p.file} ${p.path}: ${p.message}\n`);
    } else {
      this.stderr.write(`error: ${message.split("\n")[0]}\n`);
      if (code === EXIT.UNEXPECTED && !this.quiet && error instanceof Error && error.stack) {
        this.stderr.write(`${error.stack.split("\n").slice(1, 6).join("\n")}\n`);
      }
    }
    if (this.json) {
      const summary = problems ? `invalid bundle (${problems.length} problems)` : message.split("\n")[0];
      this.stdout.write(`${JSON.stringify({ ok: false, exitCode: code, error: summary, ...(problems ? { problems } : {}) }, null, 2)}\n`);
    }
    return code;
  }
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.code === "commander.helpDisplayed" || error.code === "commander.version" ? EXIT.OK : EXIT.USAGE;
  }
  if (error instanceof CliError) return error.exitCode;
  if (error instanceof BundleError) return EXIT.INVALID_BUNDLE;
  if (error instanceof LocalNeo4jError) return EXIT.DATABASE_UNAVAILABLE;
  if (error instanceof ConfigError) return /NEO4J_/.test(error.message) ? EXIT.DATABASE_UNAVAILABLE : EXIT.USAGE;
  if (error instanceof AppError) {
    if (error.code === "DATABASE_UNAVAILABLE") return EXIT.DATABASE_UNAVAILABLE;
    if (error.code === "BAD_USER_INPUT" || error.code === "NOT_FOUND") return EXIT.USAGE;
  }
  return EXIT.UNEXPECTED;
}

/** Paths under the working directory are shown relative to it, the rest as they are. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}
