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
