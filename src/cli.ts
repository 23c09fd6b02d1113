/** `npm run cli -- <command>`: seed, import, export, validate, stats. See `npm run cli -- --help`. */
import { runCli } from "./cli/program.js";

const code = await runCli(process.argv.slice(2));
process.exitCode = code;
// Everything is closed by now; should a stray handle keep the process alive, leave anyway (unref: never delays a clean exit).
setTimeout(() => process.exit(code), 10_000).unref();
