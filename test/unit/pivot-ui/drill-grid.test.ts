import { describe, expect, it } from 'vitest';
import {
  HEAT_RAMP,
  pivotChartData,
  pivotChartOption,
} from '../../../renderer/src/charts/options/pivot-chart';
import { lightTheme } from '../../../renderer/src/charts/theme';
import { cellKeys, drillFilter } from '../../../renderer/src/views/pivot/drill';
import {
  heatLevel,
  heatRanges,
  shownLabels,
  visibleRows,
  groupId,
} from '../../../renderer/src/views/pivot/grid-model';
import { buildPivotGrid, type PivotRecord } from '../../../shared/pivot-grid';
import { PIVOT_OTHERS, type PivotSpec } from '../../../shared/pivot-spec';
import { exportGridText } from '../../../shared/pivot-text';

const spec: PivotSpec = {
  kind: 'pivot',
  rows: ['field', 'sponsor'],
  columns: ['period'],
  grain: 'quarter',
  values: [{ measure: { type: 'count_models' } }],
};
const rec = (r: (string | null)[], c: string | null, grp: number, v: number): PivotRecord => ({
  rowKeys: r,
  rowLabels: [null, null],
  colKeys: [c],
  colLabels: [null],
  grp,
  values: [v],
});
const grid = buildPivotGrid(
  spec,
  [
    rec([null, null], null, 7, 9),
    rec(['A', null], null, 6, 5),
    rec(['A', null], '2024-04-01', 2, 5),
    rec(['A', 'x'], '2024-04-01', 0, 2),
    rec(['A', 'y'], '2024-04-01', 0, 3),
    rec(['B', null], null, 6, 4),
    rec(['B', null], '2024-01-01', 2, 4),
    rec(['B', 'x'], '2024-01-01', 0, 4),
  ],
  exportGridText(spec, [], 'vi'),
);

describe('drill-through', () => {
  it("a detail cell's keys narrow the global filter, a quarter becomes its month range inside the current one", () => {
    const row = grid.rows[1];
    const col = grid.columns[1];
    if (!row || !col) throw new Error('grid');
    const keys = cellKeys(spec, row.keys, row.level, col.keys, col.level);
    expect(keys).toEqual([
      { dim: 'field', key: 'A' },
      { dim: 'sponsor', key: 'x' },
      { dim: 'period', key: '2024-04-01' },
    ]);
    expect(drillFilter({ statuses: ['S'], period: { from: '2024-05' } }, keys, 'quarter')).toEqual({
      statuses: ['S'],
      fields: ['A'],
      sponsors: ['x'],
      period: { from: '2024-05', to: '2024-06' },
    });
  });

  it('a year key spans twelve months; Others and missing keys cannot be drilled', () => {
    expect(drillFilter({}, [{ dim: 'period', key: '2023-01-01' }], 'year')).toEqual({
      period: { from: '2023-01', to: '2023-12' },
    });
    expect(drillFilter({}, [{ dim: 'field', key: PIVOT_OTHERS }])).toBeNull();
    expect(drillFilter({}, [{ dim: 'unit', key: null }])).toBeNull();
  });

  it('start-year and indicator keys narrow the models; the current period stays', () => {
    const keys = cellKeys(
      {
        kind: 'pivot',
        rows: ['start_year'],
        columns: ['indicator'],
        values: [{ measure: { type: 'count_models' } }],
      },
      ['2021'],
      1,
      ['beneficiaries'],
      1,
    );
    expect(drillFilter({ startYears: ['2020', '2021'], period: { from: '2024-01' } }, keys)).toEqual({
      startYears: ['2021'],
      indicators: ['beneficiaries'],
      period: { from: '2024-01' },
    });
    expect(drillFilter({}, [{ dim: 'start_year', key: null }])).toBeNull();
    expect(drillFilter({}, [{ dim: 'indicator', key: PIVOT_OTHERS }])).toBeNull();
  });
});

describe('grid on screen', () => {
  it('a collapsed group shows only its subtotal row', () => {
    const head = grid.rows[0];
    if (!head) throw new Error('grid');
    const rows = visibleRows(grid, new Set([groupId(head)]));
    expect(rows.map((r) => r.labels.join('/'))).toEqual(['A/Tổng', 'B/Tổng', 'B/x', 'Tổng cộng/']);
  });

  it("a group's name prints once, at its first row", () => {
    expect(shownLabels(grid.rows, 1)).toEqual(['', 'x']);
    expect(shownLabels(grid.rows, 2)).toEqual(['', 'y']);
  });

  it('heat shading spans each detail column from its smallest to its largest detail value', () => {
    const ranges = heatRanges(grid);
    const q2 = grid.columns.findIndex((c) => c.keys[0] === '2024-04-01');
    expect(ranges[q2]).toEqual({ min: 2, max: 3 });
    expect(heatLevel(3, ranges[q2])).toBe(1);
    expect(heatLevel(null, ranges[q2])).toBeNull();
  });
});

describe('pivot chart', () => {
  it('draws one category per detail row and one series per period, totals left out', () => {
    const data = pivotChartData(grid);
    expect(data.categories).toEqual(['A · x', 'A · y', 'B · x']);
    expect(data.series.map((s) => s.name)).toEqual(['Quý I/2024', 'Quý II/2024']);
    expect(data.series[1]?.values).toEqual([2, 3, null]);
    const option = pivotChartOption(data, 'stacked', lightTheme, String, String);
    const series = option.series as { type: string; stack?: string }[];
    expect(series.every((s) => s.type === 'bar' && s.stack === 'all')).toBe(true);
    const line = pivotChartOption(data, 'line', lightTheme, String, String).series as { type: string }[];
    expect(line.map((s) => s.type)).toEqual(['line', 'line']);
  });

  it('draws a heat map cell per detail row and column with a colour-blind-safe ramp, gaps left empty', () => {
    const data = pivotChartData(grid);
    const option = pivotChartOption(data, 'heatmap', lightTheme, String, String);
    const [series] = option.series as { type: string; data: [number, number, number][] }[];
    expect(series?.type).toBe('heatmap');
    // Column x, row y, value: the missing B · x cell in Quý II is not drawn as zero.
    expect(series?.data).toContainEqual([1, 1, 3]);
    expect(series?.data.some(([x, y]) => x === 1 && y === 2)).toBe(false);
    const vm = option.visualMap as { min: number; max: number; inRange: { color: string[] } };
    expect(vm.min).toBe(Math.min(...(series?.data.map((c) => c[2]) ?? [])));
    expect(vm.inRange.color).toEqual([...HEAT_RAMP]);
    expect((option.yAxis as { data: string[] }).data).toEqual(['A · x', 'A · y', 'B · x']);
  });
});
