import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame } from '../../../shared/wire';
import { buildPivotGrid, neutraliseText, rowGroupSpans, type PivotRecord } from '../../../shared/pivot-grid';
import { PIVOT_OTHERS, PIVOT_TOO_LARGE, type PivotSpec } from '../../../shared/pivot-spec';
import { exportGridText } from '../../../shared/pivot-text';

const spec: PivotSpec = {
  kind: 'pivot',
  rows: ['field', 'status'],
  columns: ['period'],
  grain: 'year',
  values: [{ measure: { type: 'count_models' } }],
};
const rec = (r: (string | null)[], c: (string | null)[], grp: number, v: number): PivotRecord => ({
  rowKeys: r,
  rowLabels: r.map(() => null),
  colKeys: c,
  colLabels: [null],
  grp,
  values: [v],
});
// grp bits: field = 1, status = 2, period = 4.
const records: PivotRecord[] = [
  rec([null, null], [null], 7, 10),
  rec([null, null], ['2024-01-01'], 3, 6),
  rec([null, null], ['2023-01-01'], 3, 4),
  rec(['A', null], [null], 6, 7),
  rec(['A', null], ['2024-01-01'], 2, 4),
  rec(['A', null], ['2023-01-01'], 2, 3),
  rec(['A', 'x'], ['2024-01-01'], 0, 4),
  rec(['A', 'x'], ['2023-01-01'], 0, 3),
  rec(['A', 'x'], [null], 4, 7),
  rec([PIVOT_OTHERS, null], [null], 6, 2),
  rec([PIVOT_OTHERS, null], ['2023-01-01'], 2, 1),
  rec([PIVOT_OTHERS, null], ['2024-01-01'], 2, 1),
  rec([PIVOT_OTHERS, null], [null], 4, 1),
];

describe('pivot grid', () => {
  const grid = buildPivotGrid(spec, records, exportGridText(spec, [], 'vi'));

  it('columns run chronologically with the total last, and header rows name dimensions and values', () => {
    expect(grid.columns.map((c) => c.labels[0])).toEqual(['2023', '2024', 'Tổng cộng']);
    expect(grid.headers).toEqual([
      ['', 'Kỳ', '2023', '2024', 'Tổng cộng'],
      ['Lĩnh vực', 'Tình trạng', 'Số mô hình', 'Số mô hình', 'Số mô hình'],
    ]);
  });

  it('rows keep the engine pre-order with the grand total moved last; Others and missing keys are named', () => {
    expect(grid.rows.map((r) => [r.kind, ...r.labels, ...r.cells])).toEqual([
      ['subtotal', 'A', 'Tổng', 3, 4, 7],
      ['detail', 'A', 'x', 3, 4, 7],
      ['subtotal', 'Khác', 'Tổng', 1, 1, 2],
      ['detail', 'Khác', '(Không rõ)', null, null, 1],
      ['grand', 'Tổng cộng', '', 4, 6, 10],
    ]);
    expect(rowGroupSpans(grid, 0)).toEqual([
      { start: 0, end: 1 },
      { start: 2, end: 3 },
    ]);
  });

  it('a too-large marker becomes a cell count and no grid', () => {
    const g = buildPivotGrid(
      spec,
      [rec([null, null], [null], PIVOT_TOO_LARGE, 987_654)],
      exportGridText(spec, [], 'en'),
    );
    expect(g.tooLarge).toBe(987_654);
    expect(g.rows).toEqual([]);
  });

  it('text that a spreadsheet would run is neutralised, other text is kept', () => {
    expect(['=1+1', '+84', '-x', '@a', 'An sinh'].map(neutraliseText)).toEqual([
      "'=1+1",
      "'+84",
      "'-x",
      "'@a",
      'An sinh',
    ]);
  });

  it('an exported file travels in a binary frame and comes back as the same bytes', () => {
    const bytes = new Uint8Array([1, 2, 3, 250]);
    const frame = encodeFrame({ id: 3, ok: true, result: { bytes, fileName: 'a.xlsx', mime: 'x' } });
    expect(frame).toBeInstanceOf(Uint8Array);
    expect(decodeFrame(frame)).toEqual({ id: 3, ok: true, result: { bytes, fileName: 'a.xlsx', mime: 'x' } });
  });
});
