/**
 * The Trends view's model: its settings, the SeriesSpec they ask for, and the long-format result shaped
 * into chart panels. Pure (no React), so it is unit-testable.
 */
import {
  SERIES_ALL,
  SERIES_OTHERS,
  type SeriesRow,
  type SeriesSpec,
  type SeriesSplitBy,
  type SeriesTransform,
} from '../../../../shared/series-spec';
import type { Filter } from '../../../../shared/specs';
import { tetPeriods } from '../../../../shared/tet';
import { seriesFlags } from './series-flags';

export type SplitChoice = 'none' | SeriesSplitBy | 'models';
export type TransformChoice =
  'none' | 'cumulative' | 'ma3' | 'ma6' | 'ma12' | 'yoy' | 'yoy_abs' | 'per10k' | 'index';
export type Grain = 'month' | 'quarter' | 'year';

export const SPLIT_CHOICES: readonly SplitChoice[] = [
  'none',
  'field',
  'sponsor',
  'unit',
  'unit_type',
  'status',
  'models',
];
export const TRANSFORM_CHOICES: readonly TransformChoice[] = [
  'none',
  'cumulative',
  'ma3',
  'ma6',
  'ma12',
  'yoy',
  'yoy_abs',
  'per10k',
  'index',
];
/** Transforms that sum values: not offered for averages. */
export const ADDITIVE_CHOICES: readonly TransformChoice[] = ['cumulative', 'per10k'];

/** Everything the Trends toolbar sets. */
export interface TrendsSettings {
  indicators: string[];
  split: SplitChoice;
  topN: number;
  modelIds: string[];
  grain: Grain;
  transform: TransformChoice;
  kind: 'line' | 'area' | 'bar';
  multiples: 'indicator' | 'series';
  sharedY: boolean;
  flags: boolean;
  tet: boolean;
}

export const DEFAULT_SETTINGS: TrendsSettings = {
  indicators: ['funds_mobilized_vnd'],
  split: 'none',
  topN: 5,
  modelIds: [],
  grain: 'month',
  transform: 'none',
  kind: 'line',
  multiples: 'indicator',
  sharedY: false,
  flags: true,
  tet: true,
};

function transformOf(c: TransformChoice): SeriesTransform {
  switch (c) {
    case 'ma3':
      return { type: 'moving_average', window: 3 };
    case 'ma6':
      return { type: 'moving_average', window: 6 };
    case 'ma12':
      return { type: 'moving_average', window: 12 };
    case 'yoy_abs':
      return { type: 'yoy' };
    default:
      return { type: c };
  }
}

/**
 * The spec for the settings under the global filter, WITHOUT its period: the chart always shows the whole
 * history and shades the filtered period, so the user can brush again wider or elsewhere.
 */
export function trendsSpec(s: TrendsSettings, filter: Filter): SeriesSpec | null {
  if (s.indicators.length === 0) return null;
  if (s.split === 'models' && s.modelIds.length === 0) return null;
  const { period: _period, ...rest } = filter;
  return {
    kind: 'series',
    indicators: s.indicators.slice(0, 8),
    grain: s.grain,
    ...(s.split === 'models'
      ? { modelIds: s.modelIds.slice(0, 10) }
      : s.split !== 'none'
        ? { split: { by: s.split, topN: s.topN } }
        : {}),
    transform: transformOf(s.transform),
    filter: rest,
  };
}

/** First month ('YYYY-MM') of a period key and its last month. */
export function periodMonths(period: string, grain: Grain): { first: string; last: string } {
  const y = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7));
  const span = grain === 'year' ? 12 : grain === 'quarter' ? 3 : 1;
  const lastM = m + span - 1;
  const ym = (yy: number, mm: number) => `${yy}-${String(mm).padStart(2, '0')}`;
  return { first: ym(y, m), last: ym(y + Math.floor((lastM - 1) / 12), ((lastM - 1) % 12) + 1) };
}

/** The global period (months) as axis indices [first, last] on `periods`; null without a period filter. */
export function selectedRange(
  periods: readonly string[],
  grain: Grain,
  f: Filter['period'],
): [number, number] | null {
  if (!f?.from && !f?.to) return null;
  const idx = periods.map((p, i) => ({ i, ...periodMonths(p, grain) }));
  const inside = idx.filter((x) => (!f.from || x.last >= f.from) && (!f.to || x.first <= f.to));
  const a = inside[0];
  const b = inside[inside.length - 1];
  return a && b ? [a.i, b.i] : null;
}

/** The months a brush over axis indices [a, b] covers. */
export function brushPeriod(
  periods: readonly string[],
  grain: Grain,
  [a, b]: [number, number],
): { from: string; to: string } | null {
  const pa = periods[Math.max(0, Math.min(a, periods.length - 1))];
  const pb = periods[Math.max(0, Math.min(b, periods.length - 1))];
  if (!pa || !pb) return null;
  return { from: periodMonths(pa, grain).first, to: periodMonths(pb, grain).last };
}

/** One line: a (series, indicator) pair on the axis. */
export interface ShapedLine {
  series: string | null;
  label: string | null;
  indicator: string;
  values: (number | null)[];
  raws: (number | null)[];
  flags: { index: number; kind: 'jump' | 'flat' }[];
}

/** The result on its period axis, one line per (series, indicator), in result order. */
export function shapeSeries(
  rows: readonly SeriesRow[],
  useDelta: boolean,
  withFlags: boolean,
  grain: Grain = 'month',
): {
  periods: string[];
  lines: ShapedLine[];
} {
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const pos = new Map(periods.map((p, i) => [p, i]));
  const lines = new Map<string, ShapedLine>();
  for (const r of rows) {
    const id = `${r.series ?? '\u0000'}\u0001${r.indicator}`;
    let l = lines.get(id);
    if (!l) {
      l = {
        series: r.series,
        label: r.label,
        indicator: r.indicator,
        values: periods.map(() => null),
        raws: periods.map(() => null),
        flags: [],
      };
      lines.set(id, l);
    }
    const i = pos.get(r.period) as number;
    l.values[i] = useDelta ? r.delta : r.value;
    l.raws[i] = r.raw;
  }
  const out = [...lines.values()];
  const seasonal = seasonalIndices(periods, grain);
  if (withFlags)
    for (const l of out) l.flags = seriesFlags(l.raws, seasonal).filter((f) => l.values[f.index] !== null);
  return { periods, lines: out };
}

/** Axis indices of Tết periods on `periods`. */
export function tetIndices(periods: readonly string[], grain: Grain): number[] {
  if (grain === 'year') return [];
  const pos = new Map(periods.map((p, i) => [p, i]));
  return tetPeriods(grain).flatMap((t) => (pos.has(t.period) ? [pos.get(t.period) as number] : []));
}

/**
 * Axis indices where a peak is expected: the Tết period, and at month grain the month before it too
 * (gifts, meals and funds peak in the run-up). Jump markers there need a much larger deviation.
 */
export function seasonalIndices(periods: readonly string[], grain: Grain): Set<number> {
  const out = new Set<number>();
  for (const i of tetIndices(periods, grain)) {
    out.add(i);
    if (grain === 'month' && i > 0) out.add(i - 1);
  }
  return out;
}

/** True for the two special series keys the UI names itself. */
export const isOthers = (s: string | null) => s === SERIES_OTHERS;
export const isAll = (s: string | null) => s === SERIES_ALL;
