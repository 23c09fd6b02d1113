/** Figures the reliability suite prints: one labelled JSON line each, easy to read and to grep from CI logs. */

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

export function printFigures(name: string, figures: Record<string, unknown>): void {
  console.log(`reliability figures, ${name}: ${JSON.stringify(figures)}`);
}
