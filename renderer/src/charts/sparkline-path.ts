/**
 * SVG geometry of a sparkline: an open path broken at missing values (a gap stays a gap, never a line
 * across it), plus dots for values with no neighbour (a line needs two points to be seen).
 */

/** Geometry of one sparkline in a width × height box. */
export interface SparklineGeometry {
  /** SVG path data; '' when there is no value. */
  d: string;
  /** Isolated values (no reported neighbour on either side). */
  dots: { x: number; y: number }[];
  /** The last non-null value's position (highlighted). */
  last: { x: number; y: number } | null;
}

/** Compute the sparkline for `values` (one per period, null = missing) with `pad` pixels of margin. */
export function sparklineGeometry(
  values: readonly (number | null)[],
  width: number,
  height: number,
  pad = 2,
): SparklineGeometry {
  const nums = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (nums.length === 0) return { d: '', dots: [], last: null };
  const min = Math.min(...nums);
  const max = Math.max(...nums);
  const n = values.length;
  const x = (i: number) => (n === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (n - 1));
  // A flat series sits mid-height rather than on an edge.
  const y = (v: number) => (max === min ? height / 2 : pad + ((max - v) * (height - 2 * pad)) / (max - min));
  const r = (v: number) => Math.round(v * 100) / 100;
  const parts: string[] = [];
  const dots: { x: number; y: number }[] = [];
  let last: { x: number; y: number } | null = null;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    const p = { x: r(x(i)), y: r(y(v)) };
    const prev = i > 0 ? values[i - 1] : null;
    const next = i < n - 1 ? values[i + 1] : null;
    const hasPrev = prev !== null && prev !== undefined && Number.isFinite(prev);
    const hasNext = next !== null && next !== undefined && Number.isFinite(next);
    parts.push(`${hasPrev ? 'L' : 'M'}${p.x} ${p.y}`);
    if (!hasPrev && !hasNext) dots.push(p);
    last = p;
  }
  return { d: parts.join(' '), dots, last };
}
