/**
 * 'export.pivot': run a pivot spec, shape it with the shared grid module (the same grid the UI shows)
 * and write it as XLSX or CSV bytes with a file name and MIME type; saving them is the caller's job.
 */
import { tableFromIPC } from 'apache-arrow';
import type { FileResult, Params } from '../../../shared/api';
import { AtlasError } from '../../../shared/errors';
import type { FormatLocale } from '../../../shared/format';
import { buildPivotGrid, readPivotRecords } from '../../../shared/pivot-grid';
import type { PivotSpec } from '../../../shared/pivot-spec';
import { exportGridText, type IndicatorInfo } from '../../../shared/pivot-text';
import type { Workspace } from '../workspace/workspace';
import { pivotCsv } from './pivot-csv';
import { pivotXlsx } from './pivot-xlsx';

/** Runs a spec to Arrow IPC bytes (the server's query path). */
export type RunPivot = (spec: PivotSpec) => Promise<{ arrow: Uint8Array }>;

const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
} as const;

const SOURCE = {
  vi: 'DVK Atlas — dữ liệu mô hình "Dân vận khéo" trong không gian làm việc',
  en: 'DVK Atlas — "Dân vận khéo" model data in the workspace',
} as const;

const NO_FILTER = { vi: 'Không lọc', en: 'No filter' } as const;

/** A file name from a title: letters, digits, dashes; date-stamped. */
export function exportFileName(title: string | undefined, format: 'xlsx' | 'csv', now = new Date()): string {
  const base =
    (title ?? '')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'pivot';
  return `${base}-${now.toISOString().slice(0, 10)}.${format}`;
}

/** Export a pivot. Throws EXPORT_FAILED (details.cells) when the pivot is over the cell cap. */
export async function exportPivot(
  ws: Workspace,
  params: Params<'export.pivot'>,
  run: RunPivot,
): Promise<FileResult> {
  const locale: FormatLocale = params.locale ?? 'vi';
  const spec = params.spec;
  const { arrow } = await run(spec);
  const table = tableFromIPC(arrow);
  const indicators = await ws.rows<IndicatorInfo>(`SELECT code, name_vi, name_en, unit FROM indicators`);
  const grid = buildPivotGrid(spec, readPivotRecords(spec, table), exportGridText(spec, indicators, locale));
  if (grid.tooLarge !== null) {
    throw new AtlasError(
      'EXPORT_FAILED',
      `The pivot would have ${grid.tooLarge} cells; add a filter or remove a dimension`,
      { cells: grid.tooLarge },
    );
  }
  const fileName = exportFileName(params.title, params.format);
  if (params.format === 'csv') return { bytes: pivotCsv(grid), fileName, mime: MIME.csv };
  const range = await ws.rows<{ f: string | null; l: string | null }>(
    `SELECT strftime(min(period_start), '%m/%Y') AS f, strftime(max(period_start), '%m/%Y') AS l FROM indicator_values`,
  );
  const bytes = await pivotXlsx(grid, spec, indicators, locale, {
    title: params.title ?? '',
    filtersText: params.filtersText || NO_FILTER[locale],
    dataRange: range[0]?.f ? `${range[0].f} – ${range[0].l ?? ''}` : '–',
    source: SOURCE[locale],
    exported: new Date().toISOString().slice(0, 19).replace('T', ' '),
  });
  return { bytes, fileName, mime: MIME.xlsx };
}
