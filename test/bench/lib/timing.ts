/** Repeated timings: warm-ups, then runs until the count is reached or the time budget is spent. */

export interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

export interface TimingPlan {
  warmups: number;
  runs: number;
  /** Stop early once this many ms were spent on runs (0 = never) … */
  budgetMs: number;
  /** … but only after at least this many runs. */
  minRuns: number;
}

/** Nearest-rank percentile of ascending `sorted`. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export function summarise(ms: readonly number[]): Timing {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), runs: s.length };
}

/** Time `fn` per `plan`; a slow first warm-up (> 1 s) cuts the remaining warm-ups. */
export async function time(fn: () => Promise<unknown>, plan: TimingPlan): Promise<Timing> {
  for (let i = 0; i < plan.warmups; i++) {
    const t0 = performance.now();
    await fn();
    if (performance.now() - t0 > 1000) break;
  }
  const ms: number[] = [];
  let spent = 0;
  while (ms.length < plan.runs) {
    const t0 = performance.now();
    await fn();
    const d = performance.now() - t0;
    ms.push(d);
    spent += d;
    if (plan.budgetMs > 0 && spent > plan.budgetMs && ms.length >= plan.minRuns) break;
  }
  return summarise(ms);
}
