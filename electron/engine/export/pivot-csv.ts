/**
 * A pivot grid as CSV: UTF-8 with a BOM (so Excel reads Vietnamese text), header rows then data rows,
 * numbers unformatted (a dot decimal point, no grouping) so any tool can read them back, and text cells
 * that a spreadsheet would run as a formula neutralised with a leading apostrophe.
 */
import { safeText } from '../../../shared/cell-safety';
import type { PivotGrid } from '../../../shared/pivot-grid';

const quote = (s: string): string => (/[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const text = (s: string): string => quote(safeText(s));
const number = (v: number | null): string => (v === null || !Number.isFinite(v) ? '' : String(v));

/** The CSV bytes of `grid` (CRLF line ends, BOM first). */
export function pivotCsv(grid: PivotGrid): Uint8Array {
  const lines: string[] = grid.headers.map((h) => h.map(text).join(','));
  for (const r of grid.rows) {
    const lead = Array.from({ length: grid.rowHeaderCount }, (_, i) => text(r.labels[i] ?? ''));
    lines.push([...lead, ...r.cells.map(number)].join(','));
  }
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}
