/**
 * A pivot grid as a flat table for slides and presentation mode: the row header columns, then one
 * column per grid column named by its header path ("2024 / Số mô hình"). Numbers stay numbers.
 */
import type { PivotGrid } from '../../../../shared/pivot-grid';
import type { TableData } from '../types';

/** The flat table of `grid`. */
export function pivotTableData(grid: PivotGrid): TableData {
  const lead = grid.rowHeaderCount;
  const last = grid.headers[grid.headers.length - 1] ?? [];
  const name = (i: number) => {
    const parts = grid.headers.map((h) => h[i] ?? '').filter((p) => p !== '');
    return parts.filter((p, k) => parts.indexOf(p) === k).join(' / ');
  };
  return {
    columns: [
      ...Array.from({ length: lead }, (_, i) => ({ name: last[i] ?? name(i), kind: 'text' as const })),
      ...grid.columns.map((_, j) => ({ name: name(lead + j), kind: 'number' as const })),
    ],
    rows: grid.rows.map((r) => [
      ...Array.from({ length: lead }, (_, i) => r.labels[i] ?? ''),
      ...r.cells.map((x) => (x === null || !Number.isFinite(x) ? null : x)),
    ]),
  };
}
