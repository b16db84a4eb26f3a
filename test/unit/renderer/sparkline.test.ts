import { describe, expect, it } from 'vitest';
import { sparklineGeometry } from '../../../renderer/src/charts/sparkline-path';
import { seriesByIndicator } from '../../../renderer/src/views/models/model-series';

describe('sparkline geometry', () => {
  it('breaks the line at a missing month instead of bridging it', () => {
    const g = sparklineGeometry([1, 2, null, 3, 4], 100, 20, 0);
    expect(g.d).toBe('M0 20 L25 13.33 M75 6.67 L100 0');
    expect(g.dots).toEqual([]);
    expect(g.last).toEqual({ x: 100, y: 0 });
  });

  it('marks a value with no neighbour as a dot', () => {
    const g = sparklineGeometry([null, 5, null, 1, 2], 40, 10, 0);
    expect(g.dots).toEqual([{ x: 10, y: 0 }]);
  });

  it('draws a flat series at mid height and nothing for no values', () => {
    expect(sparklineGeometry([3, 3], 10, 8, 0).d).toBe('M0 4 L10 4');
    expect(sparklineGeometry([null, null], 10, 8)).toEqual({ d: '', dots: [], last: null });
  });
});

describe('a model’s values as series', () => {
  const rows = [
    { code: 'funds_mobilized_vnd', period: '2024-01-01', value: 100 },
    { code: 'funds_mobilized_vnd', period: '2024-04-01', value: 400 },
    { code: 'beneficiaries', period: '2024-02-01', value: 20 },
    { code: 'beneficiaries', period: '2024-03-01', value: null },
  ];

  it('puts every indicator on the model’s first-to-last month axis with nulls for gaps', () => {
    const { months, series } = seriesByIndicator(rows);
    expect(months).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    expect(series.find((s) => s.code === 'funds_mobilized_vnd')?.values).toEqual([100, null, null, 400]);
    expect(series.find((s) => s.code === 'beneficiaries')?.values).toEqual([null, 20, null, null]);
  });

  it('counts the missing months inside each indicator’s own reporting span and finds its latest value', () => {
    const { series } = seriesByIndicator(rows);
    const funds = series.find((s) => s.code === 'funds_mobilized_vnd');
    expect(funds?.gaps).toBe(2);
    expect(funds?.latest).toEqual({ month: '2024-04', value: 400 });
    const ben = series.find((s) => s.code === 'beneficiaries');
    expect(ben?.gaps).toBe(0);
    expect(ben?.latest).toEqual({ month: '2024-02', value: 20 });
  });
});
