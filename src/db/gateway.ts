/**
 * The only way to the database. Every query is a NamedQuery (Cypher text kept as a constant) run with
 * parameters, against the configured database, tagged with the app and query name in transaction
 * metadata, counted per operation, and returned as plain JS records.
 */
import neo4j, { type Driver, type ManagedTransaction, type SessionMode } from "neo4j-driver";
import { databaseUnavailable, timeLimitExceeded } from "../errors.js";
import { CircuitBreaker } from "./breaker.js";
import { toPlain, type Plain } from "./convert.js";

export type NamedQuery = { readonly name: string; readonly text: string };
export type Row = Record<string, Plain>;
export type Params = Record<string, unknown>;

/**
 * Counts the Cypher queries one operation (a GraphQL request, a CLI command) sends, and holds its time
 * limit: each query gets what is left of it as its transaction timeout, so Neo4j itself ends the work.
 */
export class QueryCounter {
  count = 0;
  readonly names: string[] = [];
  private deadline: { at: number; limitMs: number } | undefined;

  record(name: string): void {
    this.count += 1;
    this.names.push(name);
  }

  /** From now on, every query must finish within `limitMs` of now. */
  limitTime(limitMs: number): void {
    this.deadline = { at: Date.now() + limitMs, limitMs };
  }

  /** Milliseconds left, never throwing (undefined: no limit). */
  timeLeft(): number | undefined {
    return this.deadline ? this.deadline.at - Date.now() : undefined;
  }

  /** Milliseconds left (undefined: no limit); throws TIME_LIMIT_EXCEEDED once none are. */
  remainingMs(): number | undefined {
    const left = this.timeLeft();
    if (left !== undefined && left <= 0) throw timeLimitExceeded(this.deadline!.limitMs);
    return left;
  }

  /**
   * A write has committed: the rest of the operation must report it, so its reads are no longer cut short
   * (an answer of TIME_LIMIT_EXCEEDED would tell the client nothing was written, and invite a duplicate).
   */
  committed(): void {
    this.deadline = undefined;
  }

  /** Neo4j's "transaction timed out" as the operation's own time limit, when it has one. */
  timedOut(error: unknown): unknown {
    const code = (error as { code?: string })?.code ?? "";
    return this.deadline && code.includes("TransactionTimedOut") ? timeLimitExceeded(this.deadline.limitMs) : error;
  }
}

const APP_NAME = "children-services-graph";
const UNAVAILABLE_CODES = new Set(["ServiceUnavailable", "SessionExpired"]);

export function cypher(name: string, text: string): NamedQuery {
  return { name, text };
}

export class Database {
  /** Open while Neo4j is unreachable: queries then fail at once (see breaker.ts). */
  readonly breaker: CircuitBreaker;

  private constructor(
    private readonly driver: Driver,
    readonly database: string,
    log?: (message: string) => void,
  ) {
    this.breaker = new CircuitBreaker(() => this.reachable(), log);
  }

  /** Connects and verifies the server answers, retrying with backoff; throws DATABASE_UNAVAILABLE. */
  static async connect(options: {
    uri: string;
    user: string;
    password: string;
    database: string;
    retries: number;
    log?: (message: string) => void;
  }): Promise<Database> {
    const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      userAgent: APP_NAME,
      connectionAcquisitionTimeout: 10_000,
      connectionTimeout: 5_000,
      maxTransactionRetryTime: 5_000,
    });
    let lastError: unknown;
    for (let attempt = 0; attempt <= options.retries; attempt += 1) {
      try {
        await driver.verifyConnectivity({ database: options.database });
        return new Database(driver, options.database, options.log);
      } catch (error) {
        lastError = error;
        if (attempt < options.retries) {
          options.log?.(`Neo4j at ${options.uri} not answering yet (attempt ${attempt + 1}); retrying`);
          await sleep(Math.min(250 * 2 ** attempt, 2_000));
        }
      }
    }
    await driver.close();
    throw databaseUnavailable(
      `Neo4j at ${options.uri} is unavailable after ${options.retries + 1} attempts: ${(lastError as Error)?.message ?? lastError}`,
    );
  }

  /**
   * A read as one auto-commit statement (RUN and PULL, no BEGIN or COMMIT: a round trip less than a managed
   * transaction), retried on transient errors and, as it changes nothing, on a lost connection too.
   */
  async read(query: NamedQuery, params: Params = {}, counter?: QueryCounter): Promise<Row[]> {
    const rows = await this.statement(neo4j.session.READ, query, params, counter);
    // Neo4j checks timeouts every couple of seconds, so a short read may finish past the deadline: its answer
    // is late all the same (a read changed nothing, so refusing it is safe).
    counter?.remainingMs();
    return rows;
  }

  /** A write in a managed transaction (executeQuery): retried whole on transient errors. */
  async write(query: NamedQuery, params: Params = {}, counter?: QueryCounter): Promise<Row[]> {
    counter?.record(query.name);
    this.failFastWhenDown();
    const timeout = counter?.remainingMs();
    try {
      const result = await this.driver.executeQuery(query.text, withNulls(params), {
        database: this.database,
        routing: neo4j.routing.WRITE,
        transactionConfig: { metadata: { app: APP_NAME, query: query.name }, ...(timeout ? { timeout } : {}) },
      });
      counter?.committed();
      return rowsOf(result);
    } catch (error) {
      throw this.mapDriverError(error, counter);
    }
  }

  /**
   * Several writes in one transaction: all or nothing. `timeoutMs` overrides the server's default transaction
   * timeout (the bundled Neo4j's is 60 s) for work known to be long, such as loading every seed bundle.
   */
  async writeTransaction<T>(name: string, work: (tx: Transaction) => Promise<T>, counter?: QueryCounter, timeoutMs?: number): Promise<T> {
    this.failFastWhenDown();
    const left = counter?.remainingMs();
    const timeout = left === undefined ? timeoutMs : Math.min(left, timeoutMs ?? left);
    const session = this.session();
    try {
      const result = await session.executeWrite((managed) => work(new Transaction(managed, counter)), {
        metadata: { app: APP_NAME, operation: name },
        ...(timeout ? { timeout } : {}),
      });
      counter?.committed();
      return result;
    } catch (error) {
      throw this.mapDriverError(error, counter);
    } finally {
      await session.close();
    }
  }

  /**
   * One statement in a transaction of its own, which Neo4j commits as the statement ends (no commit round
   * trip from here): for an edit whose lock, check, change and ChangeSet fit in one statement, so the locks
   * it takes are held no longer than the statement. Retried like a managed transaction on transient errors.
   */
  async writeStatement(query: NamedQuery, params: Params = {}, counter?: QueryCounter): Promise<Row[]> {
    const rows = await this.statement(neo4j.session.WRITE, query, params, counter);
    counter?.committed();
    return rows;
  }

  /**
   * An auto-commit statement on a session sharing executeQuery's bookmarks (a read sees this process's writes,
   * on a cluster too), retried on transient errors with jittered backoff while the time limit allows; a read also
   * on a lost connection or server (the driver then routes to another), a write never (it may have committed).
   * Each statement sent is counted.
   */
  private async statement(mode: SessionMode, query: NamedQuery, params: Params, counter?: QueryCounter): Promise<Row[]> {
    for (let attempt = 0; ; attempt += 1) {
      this.failFastWhenDown();
      const timeout = counter?.remainingMs();
      const session = this.session(mode);
      try {
        counter?.record(query.name);
        const result = await session.run(query.text, withNulls(params), { metadata: { app: APP_NAME, query: query.name }, ...(timeout ? { timeout } : {}) });
        return rowsOf(result);
      } catch (error) {
        const backoff = attempt < 4 && retryable(error, mode) ? 50 * 2 ** attempt * (0.5 + Math.random()) : undefined;
        const left = counter?.timeLeft();
        if (backoff !== undefined && (left === undefined || left > backoff)) {
          await sleep(backoff);
          continue;
        }
        throw this.mapDriverError(error, counter);
      } finally {
        await session.close().catch(() => undefined);
      }
    }
  }

  /** The planner's plan for a query (EXPLAIN: nothing runs), for checks that queries use indexes. */
  async explain(query: NamedQuery, params: Params = {}): Promise<unknown> {
    const result = await this.driver.executeQuery(`EXPLAIN ${query.text}`, withNulls(params), {
      database: this.database,
      routing: neo4j.routing.READ,
    });
    return result.summary.plan;
  }

  /** Whether Neo4j answers: false at once while the breaker is open (the probe decides when it closes). */
  async ping(): Promise<boolean> {
    return !this.breaker.isOpen && (await this.reachable());
  }

  close(): Promise<void> {
    this.breaker.stop();
    return this.driver.close();
  }

  private async reachable(): Promise<boolean> {
    try {
      await this.driver.verifyConnectivity({ database: this.database });
      return true;
    } catch {
      return false;
    }
  }

  private failFastWhenDown(): void {
    if (this.breaker.isOpen) {
      throw databaseUnavailable("Neo4j is unavailable; try again shortly", this.breaker.retryAfterSeconds);
    }
  }

  /** A session sharing executeQuery's bookmarks, so a read right after a write sees it (causal consistency on a cluster). */
  private session(mode: SessionMode = neo4j.session.WRITE) {
    return this.driver.session({ database: this.database, defaultAccessMode: mode, bookmarkManager: this.driver.executeQueryBookmarkManager });
  }

  /** A driver error as clients see it: Neo4j's timeout as the operation's time limit, an outage as DATABASE_UNAVAILABLE. */
  private mapDriverError(driverError: unknown, counter?: QueryCounter): unknown {
    const error = counter ? counter.timedOut(driverError) : driverError;
    const code = (error as { code?: string })?.code;
    if (!code || !UNAVAILABLE_CODES.has(code)) return error;
    this.breaker.trip((error as Error).message.split("\n")[0]!.slice(0, 200));
    return databaseUnavailable(`Neo4j is unavailable: ${(error as Error).message}`, this.breaker.retryAfterSeconds);
  }
}

/** A transaction handle that keeps the gateway's rules (named queries, counting, conversion). */
export class Transaction {
  constructor(
    private readonly tx: ManagedTransaction,
    private readonly counter?: QueryCounter,
  ) {}

  async run(query: NamedQuery, params: Params = {}): Promise<Row[]> {
    // Neo4j checks a transaction's timeout only every few seconds: past the operation's limit, no further
    // statement is sent, and the throw rolls the transaction back.
    this.counter?.remainingMs();
    this.counter?.record(query.name);
    const result = await this.tx.run(query.text, withNulls(params));
    return rowsOf(result);
  }
}

/** A result's records as plain rows (driver values converted once, here). */
function rowsOf(result: { records: { toObject(): unknown }[] }): Row[] {
  return result.records.map((record) => toPlain(record.toObject()) as Row);
}

/** An omitted optional argument arrives as undefined; Cypher needs it as an explicit null. */
function withNulls(params: Params): Params {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, value === undefined ? null : value]));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Whether to send a failed statement again: a transient error (not Neo4j running out of transaction memory,
 * which a retry under the same load would only repeat), and for a read a lost connection or server too.
 */
function retryable(error: unknown, mode: SessionMode): boolean {
  const code = (error as { code?: string })?.code ?? "";
  if (code.includes("MemoryPoolOutOfMemoryError")) return false;
  if (UNAVAILABLE_CODES.has(code)) return mode === neo4j.session.READ;
  return neo4j.isRetryableError(error as Error);
}
