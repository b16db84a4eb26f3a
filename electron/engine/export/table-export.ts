/**
 * 'export.table': any table the UI shows (the model list, a ranking, a shortlist…) as XLSX or CSV. The
 * renderer sends the columns and rows it displays; the engine writes the file so the renderer bundle
 * carries no spreadsheet writer. XLSX: bold frozen header row, auto filter, per-column number formats
 * with the unit, and a notes sheet (title, filters, data date, source). CSV: UTF-8 with a BOM, CRLF.
 * Text cells go through the shared formula-injection guard; numbers stay numbers.
 */
import { loadExcelJS } from '../lazy-libs';
import type { FileResult, Params } from '../../../shared/api';
import { safeCell, safeText } from '../../../shared/cell-safety';
import { exportFileName } from './pivot-export';

type TableParams = Params<'export.table'>;

const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
} as const;

const WORDS = {
  vi: {
    data: 'Dữ liệu',
    notes: 'Ghi chú',
    title: 'Tiêu đề',
    filters: 'Bộ lọc',
    date: 'Dữ liệu đến',
    source: 'Nguồn',
    exported: 'Xuất lúc',
  },
  en: {
    data: 'Data',
    notes: 'Notes',
    title: 'Title',
    filters: 'Filters',
    date: 'Data up to',
    source: 'Source',
    exported: 'Exported',
  },
} as const;

/** A number format with the unit after the number, or a percentage for '%'. */
function numFmt(unit: string | undefined): string {
  if (unit === '%') return '#,##0.0" %"';
  return unit ? `#,##0.## "${unit.replace(/"/g, '')}"` : '#,##0.##';
}

const csvQuote = (s: string): string => (/[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** One CSV field: numbers unformatted (dot decimal, no grouping), text neutralised and quoted. */
function csvField(v: string | number | null): string {
  const c = safeCell(v);
  if (c === null) return '';
  return typeof c === 'number' ? String(c) : csvQuote(c);
}

/** The CSV bytes of a table (header row, then rows; BOM first). */
export function tableCsv(p: Pick<TableParams, 'columns' | 'rows'>): Uint8Array {
  const lines = [p.columns.map((c) => csvField(c.name)).join(',')];
  for (const r of p.rows) lines.push(p.columns.map((_, j) => csvField(r[j] ?? null)).join(','));
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

/** The XLSX bytes of a table. */
export async function tableXlsx(p: TableParams): Promise<Uint8Array> {
  const w = WORDS[p.locale ?? 'vi'];
  const Excel = await loadExcelJS();
  const wb = new Excel.Workbook();
  wb.creator = 'DVK Atlas';
  const ws = wb.addWorksheet(w.data, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  const header = ws.addRow(p.columns.map((c) => safeText(c.unit ? `${c.name} (${c.unit})` : c.name)));
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1C5AA3' } };
  header.alignment = { vertical: 'middle', wrapText: true };
  for (const r of p.rows) {
    // A number in a text column is still written as a number (a negative stays a number).
    ws.addRow(p.columns.map((_, j) => safeCell(r[j] ?? null)));
  }
  p.columns.forEach((c, j) => {
    const col = ws.getColumn(j + 1);
    if (c.kind === 'number') col.numFmt = numFmt(c.unit);
    const longest = Math.max(c.name.length, ...p.rows.slice(0, 500).map((r) => String(r[j] ?? '').length));
    col.width = Math.min(60, Math.max(10, longest + 2));
  });
  if (p.columns.length > 0) {
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: p.columns.length } };
  }
  const ns = wb.addWorksheet(w.notes);
  ns.addRows([
    [w.title, safeText(p.title)],
    [w.filters, safeText(p.filtersText ?? '')],
    [w.date, safeText(p.dataDate ?? '')],
    [w.source, safeText(p.source ?? 'DVK Atlas')],
    [w.exported, new Date().toISOString().slice(0, 19).replace('T', ' ')],
  ]);
  ns.getColumn(1).width = 16;
  ns.getColumn(2).width = 80;
  ns.getColumn(1).font = { bold: true };
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

/** Export a table the UI shows as a file (bytes, name, MIME type); saving is the caller's job. */
export async function exportTable(p: TableParams): Promise<FileResult> {
  const fileName = exportFileName(p.title, p.format);
  if (p.format === 'csv') return { bytes: tableCsv(p), fileName, mime: MIME.csv };
  return { bytes: await tableXlsx(p), fileName, mime: MIME.xlsx };
}
