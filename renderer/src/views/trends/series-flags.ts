/**
 * Data-quality flags on one series, computed from the series' own history (no engine call): the points a
 * reader should distrust before comparing.
 * - `jump`: a sudden jump — the value's robust z-score (0.6745 · (x − median) ÷ MAD over the series'
 *   non-missing values, Iglewicz & Hoaglin) is above `JUMP_Z`. Robust statistics so the jump itself does
 *   not hide in an inflated standard deviation. A series with MAD 0 (mostly constant) flags nothing here.
 *   In seasonal periods (Tết and the month before it) a peak is expected, so the bar is `SEASONAL_JUMP_Z`:
 *   with the plain bar every Tết peak of a steady series was marked suspicious.
 * - `flat`: part of a run of at least `FLAT_RUN` consecutive reported periods with the identical non-zero
 *   value (reports copied forward month after month). Missing periods break a run.
 */

/** Robust z-score above which a value is a sudden jump. */
export const JUMP_Z = 3.5;
/** Robust z-score above which a value in a seasonal period is a sudden jump (a 50× spike still is). */
export const SEASONAL_JUMP_Z = 3 * JUMP_Z;
/** Shortest run of identical values flagged as flat. */
export const FLAT_RUN = 6;

export type FlagKind = 'jump' | 'flat';

/** One flagged point: its index on the period axis. */
export interface SeriesFlag {
  index: number;
  kind: FlagKind;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * The flags of one series (values aligned with the period axis, null = not reported); `seasonal` holds the
 * axis indices where a peak is expected (see `seasonalIndices` in trends-data.ts).
 */
export function seriesFlags(
  values: readonly (number | null)[],
  seasonal: ReadonlySet<number> = new Set(),
): SeriesFlag[] {
  const flags: SeriesFlag[] = [];
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length >= 4) {
    const med = median(present);
    const mad = median(present.map((v) => Math.abs(v - med)));
    if (mad > 0) {
      values.forEach((v, i) => {
        const bar = seasonal.has(i) ? SEASONAL_JUMP_Z : JUMP_Z;
        if (v !== null && Math.abs((0.6745 * (v - med)) / mad) > bar) flags.push({ index: i, kind: 'jump' });
      });
    }
  }
  let start = 0;
  for (let i = 1; i <= values.length; i++) {
    const prev = values[i - 1];
    const same = i < values.length && prev !== null && prev !== undefined && values[i] === prev;
    if (!same) {
      const v = values[start];
      if (i - start >= FLAT_RUN && v !== null && v !== undefined && v !== 0) {
        for (let j = start; j < i; j++)
          if (!flags.some((f) => f.index === j)) flags.push({ index: j, kind: 'flat' });
      }
      start = i;
    }
  }
  return flags.sort((a, b) => a.index - b.index);
}
