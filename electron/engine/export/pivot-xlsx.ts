/**
 * A pivot grid as an XLSX workbook (exceljs): sheet 1 holds the grid with frozen header rows and row
 * header columns, merged cells for row groups, subtotal and total rows in bold and numbers formatted per
 * value (unit as a number-format suffix, shares as percentages); sheet 2 ("Bộ lọc" / "Filters") notes the
 * filters, the data's period range and the source. Text that a spreadsheet would run as a formula is
 * neutralised with a leading apostrophe.
 */
import { loadExcelJS } from '../lazy-libs';
import type { FormatLocale } from '../../../shared/format';
import { safeText } from '../../../shared/cell-safety';
import { rowGroupSpans, type PivotGrid } from '../../../shared/pivot-grid';
import type { PivotSpec } from '../../../shared/pivot-spec';
import { valueUnit, type IndicatorInfo } from '../../../shared/pivot-text';

/** What the second sheet notes. */
export interface XlsxNotes {
  title: string;
  filtersText: string;
  dataRange: string;
  source: string;
  exported: string;
}

const SHEET_NAMES = {
  vi: {
    data: 'Bảng tổng hợp',
    notes: 'Bộ lọc',
    title: 'Tiêu đề',
    filters: 'Bộ lọc',
    range: 'Dữ liệu',
    source: 'Nguồn',
    exported: 'Xuất lúc',
  },
  en: {
    data: 'Pivot',
    notes: 'Filters',
    title: 'Title',
    filters: 'Filters',
    range: 'Data',
    source: 'Source',
    exported: 'Exported',
  },
} as const;

/** An Excel number format showing the unit after the number ('#,##0.## "đồng"'), or a percentage. */
function numFmt(unit: string): string {
  if (unit === '%') return '0.0%';
  const base = '#,##0.##';
  return unit ? `${base} "${unit.replace(/"/g, '')}"` : base;
}

/** Build the workbook bytes. */
export async function pivotXlsx(
  grid: PivotGrid,
  spec: PivotSpec,
  indicators: readonly IndicatorInfo[],
  locale: FormatLocale,
  notes: XlsxNotes,
): Promise<Uint8Array> {
  const names = SHEET_NAMES[locale];
  const Excel = await loadExcelJS();
  const wb = new Excel.Workbook();
  wb.creator = 'DVK Atlas';
  const ws = wb.addWorksheet(names.data, {
    views: [{ state: 'frozen', xSplit: grid.rowHeaderCount, ySplit: grid.headers.length }],
  });
  const H = grid.headers.length;
  const lead = grid.rowHeaderCount;
  grid.headers.forEach((h) => {
    const row = ws.addRow(h.map(safeText));
    row.font = { bold: true };
    row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  const fmts = grid.columns.map((c) => {
    const v = spec.values[c.value];
    return v ? numFmt(valueUnit(v, indicators, locale)) : '#,##0.##';
  });
  for (const r of grid.rows) {
    const row = ws.addRow([
      ...Array.from({ length: lead }, (_, i) => safeText(r.labels[i] ?? '')),
      ...r.cells.map((x) => (x === null || !Number.isFinite(x) ? null : x)),
    ]);
    fmts.forEach((f, j) => (row.getCell(lead + j + 1).numFmt = f));
    if (r.kind !== 'detail') row.font = { bold: true };
  }
  // Merge equal column-header labels across a column group, and row groups down their rows.
  for (let h = 0; h < H - 1; h++) {
    let start = 0;
    const cells = grid.headers[h] ?? [];
    for (let j = 1; j <= grid.columns.length; j++) {
      const same =
        j < grid.columns.length &&
        cells[lead + j] === cells[lead + start] &&
        JSON.stringify(grid.columns[j]?.keys.slice(0, h + 1)) ===
          JSON.stringify(grid.columns[start]?.keys.slice(0, h + 1)) &&
        grid.columns[j]?.level === grid.columns[start]?.level;
      if (!same) {
        if (j - 1 > start) ws.mergeCells(h + 1, lead + start + 1, h + 1, lead + j);
        start = j;
      }
    }
  }
  for (let c = 0; c < lead - 1; c++) {
    for (const s of rowGroupSpans(grid, c)) {
      ws.mergeCells(H + s.start + 1, c + 1, H + s.end + 1, c + 1);
      ws.getCell(H + s.start + 1, c + 1).alignment = { vertical: 'top' };
    }
  }
  for (let c = 1; c <= lead + grid.columns.length; c++) ws.getColumn(c).width = c <= lead ? 28 : 16;

  const ns = wb.addWorksheet(names.notes);
  ns.addRows([
    [names.title, safeText(notes.title)],
    [names.filters, safeText(notes.filtersText)],
    [names.range, safeText(notes.dataRange)],
    [names.source, safeText(notes.source)],
    [names.exported, notes.exported],
  ]);
  ns.getColumn(1).width = 16;
  ns.getColumn(2).width = 80;
  ns.getColumn(1).font = { bold: true };
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
