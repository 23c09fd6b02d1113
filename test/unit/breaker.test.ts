import { afterEach, describe, expect, it, vi } from "vitest";
import { CircuitBreaker, WATCH_INTERVAL_MS } from "../../src/db/breaker.js";

describe("the database circuit breaker", () => {
  afterEach(() => vi.useRealTimers());

  it("opens on the first failure, probes with backoff, closes when the database answers, reporting each once", async () => {
    vi.useFakeTimers();
    let up = false;
    const probes: number[] = [];
    const reports: string[] = [];
    const breaker = new CircuitBreaker(async () => (probes.push(Date.now()), up), (m) => reports.push(m));
    breaker.trip("connection refused");
    breaker.trip("connection refused again");
    expect(breaker.isOpen).toBe(true);
    expect(reports).toEqual([expect.stringContaining("Neo4j is unavailable (connection refused)")]);
    expect(breaker.retryAfterSeconds).toBe(1);
    // Probes at 0.5 s, then 1 s, 2 s, 4 s, 5 s apart.
    await vi.advanceTimersByTimeAsync(500 + 1_000 + 2_000 + 4_000 + 5_000);
    expect(probes.map((t, i) => t - (probes[i - 1] ?? probes[0]! - 500))).toEqual([500, 1_000, 2_000, 4_000, 5_000]);
    expect(breaker.isOpen).toBe(true);
    expect(breaker.retryAfterSeconds).toBe(5);
    up = true;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(breaker.isOpen).toBe(false);
    expect(reports).toHaveLength(2);
    expect(reports[1]).toMatch(/Neo4j is available again after \d+\.\d s/);
    breaker.stop();
  });

  it("watching, notices an outage before any request does", async () => {
    vi.useFakeTimers();
    let up = true;
    const reports: string[] = [];
    const breaker = new CircuitBreaker(async () => up, (m) => reports.push(m));
    breaker.watch();
    await vi.advanceTimersByTimeAsync(WATCH_INTERVAL_MS * 3);
    expect(breaker.isOpen).toBe(false);
    up = false;
    await vi.advanceTimersByTimeAsync(WATCH_INTERVAL_MS);
    expect(breaker.isOpen).toBe(true);
    expect(reports).toEqual([expect.stringContaining("the health probe got no answer")]);
    breaker.stop();
    up = true;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(breaker.isOpen).toBe(true); // stopped: no more probes
  });
});
