/**
 * Writes under contention: WRITERS clients each tag and untag a theme on findings of their own (every pair
 * leaves the graph as it was, and is audited as the bench's), while READERS clients ask a context card, all
 * closed-loop for DURATION_MS. Prints write and read latency percentiles and throughput.
 */
import { performance } from "node:perf_hooks";

const WRITERS = 20;
const READERS = 20;
const DURATION_MS = 15_000;

type Post = (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => Promise<{ errors?: unknown[]; data?: any }>;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const summary = (label: string, times: number[], seconds: number) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `${label.padEnd(7)} ${String(sorted.length).padStart(6)} done  ${(sorted.length / seconds).toFixed(1).padStart(7)}/s  p50 ${percentile(sorted, 50).toFixed(0).padStart(5)} ms  p95 ${percentile(sorted, 95).toFixed(0).padStart(5)} ms  p99 ${percentile(sorted, 99).toFixed(0).padStart(5)} ms`;
};

export async function runContention(post: Post, editorHeaders: Record<string, string>): Promise<string[]> {
  const { findings } = (await post(`{ findings(kind: RECOMMENDATION, theme: "theme:plan-quality") { id themes { id } } }`)).data;
  const THEME = "theme:life-story-and-identity";
  const own = (findings as { id: string; themes: { id: string }[] }[]).filter((f) => !f.themes.some((t) => t.id === THEME)).slice(0, WRITERS);
  if (own.length < WRITERS) throw new Error(`Need ${WRITERS} findings without ${THEME}; found ${own.length}`);
  const writes: number[] = [];
  const reads: number[] = [];
  const failures: string[] = [];
  const deadline = performance.now() + DURATION_MS;
  const TAG = `mutation ($f: ID!, $t: ID!, $on: Boolean!) {
    tag: tagTheme(finding: $f, theme: $t, reason: "npm run bench: write contention") @include(if: $on) { changeSet { id } }
    untag: untagTheme(finding: $f, theme: $t, reason: "npm run bench: write contention") @skip(if: $on) { changeSet { id } } }`;
  const writer = async (finding: string) => {
    let on = true;
    while (performance.now() < deadline) {
      const started = performance.now();
      const body = await post(TAG, { f: finding, t: THEME, on }, editorHeaders);
      if (body.errors) failures.push(JSON.stringify(body.errors).slice(0, 200));
      writes.push(performance.now() - started);
      on = !on;
    }
    if (!on) await post(TAG, { f: finding, t: THEME, on: false }, editorHeaders); // leave it untagged, as found
  };
  const reader = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      const body = await post(`{ authorityContext(authority: "org:swindon-borough-council", on: "2024-10-01") { posts { post { id } holders { person { id } } } latestJudgements { grade } } }`);
      if (body.errors) failures.push(JSON.stringify(body.errors).slice(0, 200));
      reads.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all([...own.map((f) => writer(f.id)), ...Array.from({ length: READERS }, reader)]);
  const seconds = (performance.now() - started) / 1000;
  return [
    `Write contention: ${WRITERS} writers (tag/untag, each on its own finding) and ${READERS} readers (a context card), closed loop for ${DURATION_MS / 1000} s`,
    summary("writes", writes, seconds),
    summary("reads", reads, seconds),
    failures.length ? `${failures.length} failed requests, e.g. ${failures[0]}` : "No failed requests.",
  ];
}
