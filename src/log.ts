/** A tiny levelled logger to stderr; the level comes from Config. */
import type { LogLevel } from "./config.js";

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type Logger = Record<Exclude<LogLevel, "silent">, (message: string) => void>;

export function createLogger(level: LogLevel): Logger {
  const emit = (at: Exclude<LogLevel, "silent">) => (message: string) => {
    if (ORDER[at] >= ORDER[level]) process.stderr.write(`${at.toUpperCase().padEnd(5)} ${message}\n`);
  };
  return { debug: emit("debug"), info: emit("info"), warn: emit("warn"), error: emit("error") };
}
