/**
 * A circuit breaker for the database: the first sign that Neo4j is unreachable (a query failing as
 * unavailable, or the background probe failing) opens it, and from then on every query fails at once
 * with DATABASE_UNAVAILABLE and a retry hint instead of waiting on connection timeouts. A probe retries the
 * connection with backoff (0.5 s doubling to 5 s) and closes the breaker when Neo4j answers. The outage
 * and the recovery are each reported once.
 */
export type Probe = () => Promise<boolean>;

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 5_000;
/** While Neo4j is up, how often it is checked, so an outage is noticed before a request meets it. */
export const WATCH_INTERVAL_MS = 2_000;

export class CircuitBreaker {
  private openSince: number | null = null;
  private retryMs = FIRST_RETRY_MS;
  private nextProbeAt = 0;
  private timer: NodeJS.Timeout | null = null;
  private probing = false;
  private stopped = false;

  constructor(
    private readonly probe: Probe,
    private readonly report: (message: string) => void = () => {},
  ) {}

  get isOpen(): boolean {
    return this.openSince !== null;
  }

  /** Seconds a client should wait before trying again (at least 1). */
  get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.nextProbeAt - Date.now()) / 1000));
  }

  /** Starts the background watch (the server does; a one-shot CLI need not). */
  watch(): void {
    this.schedule(WATCH_INTERVAL_MS);
  }

  /** Neo4j was found unreachable: open (once) and probe for its return. */
  trip(reason: string): void {
    if (this.stopped || this.openSince !== null) return;
    this.openSince = Date.now();
    this.retryMs = FIRST_RETRY_MS;
    this.report(`Neo4j is unavailable (${reason}); requests fail fast with DATABASE_UNAVAILABLE until it answers again`);
    this.schedule(this.retryMs);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.nextProbeAt = Date.now() + delayMs;
    this.timer = setTimeout(() => void this.check(), delayMs);
    this.timer.unref();
  }

  private async check(): Promise<void> {
    if (this.probing || this.stopped) return;
    this.probing = true;
    let up = false;
    try {
      up = await this.probe();
    } catch {
      up = false;
    } finally {
      this.probing = false;
    }
    if (this.stopped) return;
    if (up && this.openSince !== null) {
      this.report(`Neo4j is available again after ${((Date.now() - this.openSince) / 1000).toFixed(1)} s`);
      this.openSince = null;
    } else if (!up && this.openSince === null) {
      this.trip("the health probe got no answer");
      return;
    } else if (!up) {
      this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
      this.schedule(this.retryMs);
      return;
    }
    this.schedule(WATCH_INTERVAL_MS);
  }
}
