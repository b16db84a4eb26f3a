/** The Trends view's pure model: spec building, brush ↔ period mapping, settings in the URL, shaping. */
import { describe, expect, it } from 'vitest';
import { SeriesSpecSchema, type SeriesRow } from '../../../shared/series-spec';
import { parseHash, formatHash } from '../../../renderer/src/state/url-hash';
import {
  brushPeriod,
  DEFAULT_SETTINGS,
  selectedRange,
  shapeSeries,
  tetIndices,
  trendsSpec,
} from '../../../renderer/src/views/trends/trends-data';
import {
  formatTrendsSettings,
  parseTrendsSettings,
} from '../../../renderer/src/views/trends/trends-settings';

describe('the Trends spec', () => {
  it('drops the global period (the chart shows all of history) and keeps every other filter', () => {
    const spec = trendsSpec(
      { ...DEFAULT_SETTINGS, split: 'field', topN: 4, transform: 'ma6' },
      { fields: ['An sinh xã hội'], period: { from: '2024-01', to: '2024-06' } },
    );
    expect(spec).toEqual({
      kind: 'series',
      indicators: ['funds_mobilized_vnd'],
      grain: 'month',
      split: { by: 'field', topN: 4 },
      transform: { type: 'moving_average', window: 6 },
      filter: { fields: ['An sinh xã hội'] },
    });
    expect(SeriesSpecSchema.safeParse(spec).success).toBe(true);
  });

  it('asks for models side by side, and for nothing without model ids', () => {
    expect(trendsSpec({ ...DEFAULT_SETTINGS, split: 'models' }, {})).toBeNull();
    const spec = trendsSpec(
      { ...DEFAULT_SETTINGS, split: 'models', modelIds: ['A', 'B'], transform: 'yoy_abs' },
      {},
    );
    expect(spec).toMatchObject({ modelIds: ['A', 'B'], transform: { type: 'yoy' } });
  });
});

describe('brush and period', () => {
  const quarters = ['2023-10-01', '2024-01-01', '2024-04-01', '2024-07-01'];
  it('maps a brush over axis indices to whole months of the covered periods', () => {
    expect(brushPeriod(quarters, 'quarter', [1, 2])).toEqual({ from: '2024-01', to: '2024-06' });
    expect(brushPeriod(['2023-01-01', '2024-01-01'], 'year', [0, 1])).toEqual({
      from: '2023-01',
      to: '2024-12',
    });
    expect(brushPeriod(['2024-11-01', '2024-12-01', '2025-01-01'], 'month', [1, 2])).toEqual({
      from: '2024-12',
      to: '2025-01',
    });
  });

  it('shades the periods that overlap the global period, and round-trips with the brush', () => {
    expect(selectedRange(quarters, 'quarter', { from: '2024-02', to: '2024-05' })).toEqual([1, 2]);
    expect(selectedRange(quarters, 'quarter', undefined)).toBeNull();
    expect(selectedRange(quarters, 'quarter', { from: '2030-01' })).toBeNull();
    const p = brushPeriod(quarters, 'quarter', [0, 3]);
    expect(selectedRange(quarters, 'quarter', p ?? undefined)).toEqual([0, 3]);
  });

  it('finds Tết months and quarters on the axis', () => {
    expect(tetIndices(['2024-01-01', '2024-02-01', '2024-03-01'], 'month')).toEqual([1]);
    expect(tetIndices(quarters, 'quarter')).toEqual([1]);
    expect(tetIndices(['2024-01-01'], 'year')).toEqual([]);
  });
});

describe('settings in the URL hash', () => {
  it('round-trip through #/trends and fall back to defaults on garbage', () => {
    const s = {
      ...DEFAULT_SETTINGS,
      indicators: ['participants', 'satisfaction_pct'],
      split: 'unit' as const,
      grain: 'year' as const,
    };
    const hash = formatHash({
      view: 'trends',
      filter: {},
      modelSort: null,
      selectedModel: null,
      trends: formatTrendsSettings(s),
    });
    const back = parseHash(hash);
    expect(parseTrendsSettings(back.trends ?? null)).toEqual(s);
    expect(parseTrendsSettings('{"indicators":["DROP TABLE"],"split":"nope","topN":1e9}')).toEqual(
      DEFAULT_SETTINGS,
    );
    expect(parseTrendsSettings('not json')).toBeNull();
  });
});

describe('shaping a series result', () => {
  it('puts each (series, indicator) on the shared period axis and keeps gaps as null', () => {
    const row = (series: string, period: string, value: number | null): SeriesRow => ({
      series,
      label: null,
      indicator: 'x',
      period,
      raw: value,
      value,
      delta: value === null ? null : 1,
      n: value === null ? 0 : 1,
    });
    const { periods, lines } = shapeSeries(
      [
        row('a', '2024-01-01', 1),
        row('a', '2024-02-01', null),
        row('b', '2024-01-01', 3),
        row('b', '2024-02-01', 4),
      ],
      false,
      true,
    );
    expect(periods).toEqual(['2024-01-01', '2024-02-01']);
    expect(lines.map((l) => l.values)).toEqual([
      [1, null],
      [3, 4],
    ]);
    expect(shapeSeries([row('a', '2024-01-01', 5)], true, false).lines[0]?.values).toEqual([1]);
  });
});
