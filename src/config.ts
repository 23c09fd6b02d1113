/**
 * The one place that reads process.env. Everything else receives a Config.
 * Invalid values fail at start with a message naming the variable.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** The folder holding package.json: src/ from TypeScript, dist/src/ once compiled. */
export const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}

const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const optionalNonEmpty = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const envSchema = z.object({
  NEO4J_URI: optionalNonEmpty.pipe(
    z.string().regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/, "must be a bolt:// or neo4j:// URI").optional(),
  ),
  NEO4J_USER: z.string().min(1).default("neo4j"),
  NEO4J_PASSWORD: z.string().default(""),
  NEO4J_DATABASE: z.string().regex(/^[A-Za-z][A-Za-z0-9.-]{2,62}$/, "must be a valid Neo4j database name").default("neo4j"),
  /** Bolt port for the bundled Neo4j when NEO4J_URI is unset; 0 picks a free port. */
  NEO4J_LOCAL_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** The bundled Neo4j's JVM heap and page cache (the store's cache), e.g. "768m", "2g". */
  NEO4J_LOCAL_HEAP: z.string().regex(/^\d+[mg]$/, 'must be a size such as "768m" or "2g"').default("768m"),
  NEO4J_LOCAL_PAGECACHE: z.string().regex(/^\d+[mg]$/, 'must be a size such as "128m" or "2g"').default("128m"),
  NEO4J_CONNECT_RETRIES: z.coerce.number().int().min(0).max(60).default(10),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default("127.0.0.1"),
  /** Proxies in front of the API (a load balancer: 1) whose X-Forwarded-For is trusted for the client's address. */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** Abuse controls: GraphQL requests per minute per key (or per address without one), and requests with an unknown key per address. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(1200),
  AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),
  /** Slow clients: time to send the headers, and the whole request. */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(10_000),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(30_000),
  DATA_DIR: z.string().min(1).default(path.join(PROJECT_ROOT, ".data")),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  SEEDS_DIR: z.string().min(1).default(path.join(PROJECT_ROOT, "seeds")),
  /** The explorer web app's build (`npm run build:web` writes it; `npm start` builds it when missing or stale). */
  WEB_DIR: z.string().min(1).default(path.join(PROJECT_ROOT, "web", "dist")),
  /** Ofsted's reports and the authorities table (see ../shared/ofsted/README.md). */
  OFSTED_DIR: z.string().min(1).default(path.resolve(PROJECT_ROOT, "..", "shared", "ofsted")),
  /** Per-operation limits: enforced on every GraphQL request. */
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(1).max(50).default(10),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).max(500).default(30),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(10).max(100000).default(2000),
  // List fields multiply cost by their `first` or the most items the database says they can hold (see src/graphql/cost.ts).
  GRAPHQL_MAX_COST: z.coerce.number().int().min(1).max(10000000).default(200_000),
  /** How often the list sizes behind the cost estimate are re-read from the database. */
  GRAPHQL_LIST_SIZES_REFRESH_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** Time limits per operation (queries, mutations): past it the request ends and Neo4j ends its transaction. */
  GRAPHQL_TIME_LIMIT_MS: z.coerce.number().int().min(10).max(600_000).default(10_000),
  GRAPHQL_MUTATION_TIME_LIMIT_MS: z.coerce.number().int().min(10).max(3_600_000).default(120_000),
  /** The largest response body sent; a larger result is replaced by RESPONSE_TOO_LARGE. */
  GRAPHQL_MAX_RESPONSE_BYTES: z.coerce.number().int().min(1_000).max(1_000_000_000).default(10_000_000),
  /**
   * API keys for writes (and reads, if READS_REQUIRE_KEY): comma-separated "name:role:sha256hex" entries.
   * Only hashes are configured; `npm run cli -- hash-key <key>` prints one.
   */
  API_KEYS: z
    .string()
    .default("")
    .transform((value, ctx) => {
      const entries = value.split(",").map((s) => s.trim()).filter(Boolean);
      const keys: ApiKey[] = [];
      for (const entry of entries) {
        const match = /^([A-Za-z0-9._@-]{1,64}):(reader|editor|admin):([0-9a-f]{64})$/.exec(entry);
        if (!match) {
          ctx.addIssue({ code: "custom", message: `entry "${entry.slice(0, 20)}…" must be name:role:sha256hex with role reader, editor or admin` });
          return z.NEVER;
        }
        keys.push({ name: match[1]!, role: match[2] as Role, sha256: match[3]! });
      }
      if (new Set(keys.map((k) => k.sha256)).size !== keys.length) {
        ctx.addIssue({ code: "custom", message: "two entries share one key" });
        return z.NEVER;
      }
      return keys;
    }),
  READS_REQUIRE_KEY: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
  GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().min(1).max(500).default(50),
  /** Imports of bundles larger than this (bytes of JSON) write part by part with a journal (bundles/largeImport.ts). */
  IMPORT_LARGE_BYTES: z.coerce.number().int().min(0).max(1e12).default(16 * 1024 * 1024),
  /** Records per part of a large import: each part is one transaction. */
  IMPORT_PART_RECORDS: z.coerce.number().int().min(1).max(1_000_000).default(20_000),
  /** A large import showing no progress for this long is taken as interrupted and rolled back by the next import. */
  IMPORT_STALE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
});

export type Role = "reader" | "editor" | "admin";
export type ApiKey = { name: string; role: Role; sha256: string };

export type Config = {
  neo4j: {
    uri: string | undefined;
    user: string;
    password: string;
    database: string;
    connectRetries: number;
    localPort: number;
    localMemory: { heap: string; pageCache: string };
  };
  http: { port: number; host: string; trustProxy: number; rateLimitPerMinute: number; authFailuresPerMinute: number; headersTimeoutMs: number; requestTimeoutMs: number };
  dataDir: string;
  seedsDir: string;
  webDir: string;
  ofstedDir: string;
  logLevel: LogLevel;
  production: boolean;
  introspection: boolean;
  limits: {
    maxDepth: number;
    maxAliases: number;
    maxTokens: number;
    maxCost: number;
    maxDirectives: number;
    listSizesRefreshMs: number;
    timeLimitMs: number;
    mutationTimeLimitMs: number;
    maxResponseBytes: number;
  };
  auth: { apiKeys: ApiKey[]; readsRequireKey: boolean };
  imports: { largeBytes: number; partRecords: number; staleAfterSeconds: number };
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parse an environment (process.env by default) into a Config, or throw ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
  }
  const e = parsed.data;
  return {
    neo4j: {
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      connectRetries: e.NEO4J_CONNECT_RETRIES,
      localPort: e.NEO4J_LOCAL_PORT,
      localMemory: { heap: e.NEO4J_LOCAL_HEAP, pageCache: e.NEO4J_LOCAL_PAGECACHE },
    },
    http: {
      port: e.PORT,
      host: e.HOST,
      trustProxy: e.TRUST_PROXY,
      rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
      authFailuresPerMinute: e.AUTH_FAILURES_PER_MINUTE,
      headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
    },
    dataDir: path.resolve(e.DATA_DIR),
    seedsDir: path.resolve(e.SEEDS_DIR),
    webDir: path.resolve(e.WEB_DIR),
    ofstedDir: path.resolve(e.OFSTED_DIR),
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === "production",
    introspection: e.NODE_ENV !== "production",
    limits: {
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      maxCost: e.GRAPHQL_MAX_COST,
      maxDirectives: e.GRAPHQL_MAX_DIRECTIVES,
      listSizesRefreshMs: e.GRAPHQL_LIST_SIZES_REFRESH_SECONDS * 1000,
      timeLimitMs: e.GRAPHQL_TIME_LIMIT_MS,
      mutationTimeLimitMs: e.GRAPHQL_MUTATION_TIME_LIMIT_MS,
      maxResponseBytes: e.GRAPHQL_MAX_RESPONSE_BYTES,
    },
    auth: {
      apiKeys: e.API_KEYS,
      readsRequireKey: e.READS_REQUIRE_KEY,
    },
    imports: { largeBytes: e.IMPORT_LARGE_BYTES, partRecords: e.IMPORT_PART_RECORDS, staleAfterSeconds: e.IMPORT_STALE_SECONDS },
  };
}
