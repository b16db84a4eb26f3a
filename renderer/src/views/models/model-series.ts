/**
 * A model's reported values shaped for sparklines: one series per indicator on a shared month axis
 * (the model's first to last reported month), with null for months it did not report.
 */
import { monthIndex, monthsBetween, toMonth } from '../../format/months';

/** One reported value. */
export interface ValueRow {
  code: string;
  /** 'YYYY-MM' or an ISO date of the period's first day. */
  period: string;
  value: number | null;
}

/** One indicator's series. */
export interface IndicatorSeries {
  code: string;
  /** Aligned with `months`; null where nothing was reported. */
  values: (number | null)[];
  latest: { month: string; value: number } | null;
  /** Months missing between this indicator's own first and last report. */
  gaps: number;
}

/** Series per indicator, in the order first seen, on the shared month axis. */
export function seriesByIndicator(rows: readonly ValueRow[]): {
  months: string[];
  series: IndicatorSeries[];
} {
  const byCode = new Map<string, Map<string, number | null>>();
  let first: string | null = null;
  let last: string | null = null;
  for (const r of rows) {
    const m = toMonth(r.period);
    if (!m) continue;
    let map = byCode.get(r.code);
    if (!map) byCode.set(r.code, (map = new Map()));
    map.set(m, r.value);
    if (first === null || m < first) first = m;
    if (last === null || m > last) last = m;
  }
  const months = first && last ? monthsBetween(first, last) : [];
  const series: IndicatorSeries[] = [];
  for (const [code, map] of byCode) {
    const values = months.map((m) => {
      const v = map.get(m);
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    });
    const reported = [...map.entries()]
      .filter(([, v]) => typeof v === 'number' && Number.isFinite(v))
      .map(([m]) => m)
      .sort();
    const own0 = reported[0];
    const own1 = reported[reported.length - 1];
    const span = own0 && own1 ? monthIndex(own1) - monthIndex(own0) + 1 : 0;
    const lastMonth = own1 ?? null;
    const lastValue = lastMonth ? map.get(lastMonth) : null;
    series.push({
      code,
      values,
      latest: lastMonth && typeof lastValue === 'number' ? { month: lastMonth, value: lastValue } : null,
      gaps: Math.max(0, span - reported.length),
    });
  }
  return { months, series };
}

/** One row of a field_band result: the field's median and 90th percentile for a period. */
export interface BandRow {
  indicator: string;
  /** 'YYYY-MM-DD' of the month's first day. */
  period: string;
  p50: number | null;
  p90: number | null;
  p10: number | null;
}

/** A field band on the model's month axis: median and top decile (P90, or P10 where lower is better). */
export interface MonthBand {
  p50: (number | null)[];
  top: (number | null)[];
}

/**
 * The field band per indicator aligned on the model's month axis (null where the field has nothing).
 * `lowerIsBetter(code)` picks P10 as the top decile instead of P90.
 */
export function bandOnMonths(
  rows: readonly BandRow[],
  months: readonly string[],
  lowerIsBetter: (code: string) => boolean = () => false,
): Map<string, MonthBand> {
  const pos = new Map(months.map((m, i) => [m, i]));
  const out = new Map<string, MonthBand>();
  for (const r of rows) {
    const m = toMonth(r.period);
    const i = m === null ? undefined : pos.get(m);
    if (i === undefined) continue;
    let b = out.get(r.indicator);
    if (!b) out.set(r.indicator, (b = { p50: months.map(() => null), top: months.map(() => null) }));
    b.p50[i] = r.p50;
    b.top[i] = lowerIsBetter(r.indicator) ? r.p10 : r.p90;
  }
  return out;
}
