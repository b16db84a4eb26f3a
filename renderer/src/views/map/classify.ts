/**
 * Classification of unit values for the choropleth: class breaks by quantiles, equal intervals or natural
 * breaks (Jenks, computed optimally with ckmeans), and the class of a value. Pure; tested in Node.
 */
import { ckmeans, quantileSorted } from 'simple-statistics';

export const CLASS_METHODS = ['quantile', 'equal', 'jenks'] as const;
export type ClassMethod = (typeof CLASS_METHODS)[number];

/**
 * Class breaks: ascending, first = min and last = max of the values, at most `k` classes (fewer when the
 * values have fewer distinct levels; one class when they are all equal; none without values; natural breaks
 * may end with a class [max, max] when the maximum stands alone). With
 * `symmetric`, equal intervals span −m…m (m = the largest |value|) so a diverging palette centres on 0.
 */
export function classBreaks(
  values: readonly number[],
  k: number,
  method: ClassMethod,
  symmetric = false,
): number[] {
  const xs = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (xs.length === 0) return [];
  const min = xs[0] as number;
  const max = xs[xs.length - 1] as number;
  if (min === max) return [min, max];
  let b: number[];
  if (method === 'equal') {
    const m = Math.max(Math.abs(min), Math.abs(max));
    const [lo, hi] = symmetric && min < 0 && max > 0 ? [-m, m] : [min, max];
    b = Array.from({ length: k + 1 }, (_, i) => lo + ((hi - lo) * i) / k);
  } else if (method === 'quantile') {
    b = Array.from({ length: k + 1 }, (_, i) => quantileSorted(xs, i / k));
  } else {
    // Cluster starts are distinct; a last cluster holding only the maximum is a class [max, max].
    const clusters = ckmeans(xs, Math.min(k, new Set(xs).size));
    return [...clusters.map((c) => c[0] as number), max];
  }
  return b.filter((x, i) => i === 0 || x > (b[i - 1] as number));
}

/** Index of the class of `v` (classes are [b0, b1), [b1, b2) … [b(n-1), bn]); null outside or without value. */
export function classOf(v: number | null, breaks: readonly number[]): number | null {
  if (v === null || !Number.isFinite(v) || breaks.length < 2) return null;
  const n = breaks.length - 1;
  if (v < (breaks[0] as number) || v > (breaks[n] as number)) return null;
  for (let i = 0; i < n - 1; i++) if (v < (breaks[i + 1] as number)) return i;
  return n - 1;
}
