/**
 * Rejected rows of one import: loaded with 'import.rejects' (an Arrow table: row, column, reason,
 * value), kept as plain rows (a few thousand at most per import), and written out as CSV.
 */
import { toCsv } from './csv';
import { rejectText, type Translate } from './reject-reasons';

/** One rejected row. */
export interface RejectRow {
  /** 1-based row as the user sees it in the file. */
  row: number | null;
  column: string | null;
  reason: string;
  value: string | null;
}

/** Rows decoded from the engine's table (row objects from `toRows`); malformed fields become null. */
export function toRejectRows(records: readonly Record<string, unknown>[]): RejectRow[] {
  return records.map((r) => ({
    row: typeof r.row === 'number' && Number.isFinite(r.row) ? r.row : null,
    column: typeof r.column === 'string' ? r.column : null,
    reason: typeof r.reason === 'string' ? r.reason : '',
    value: r.value === null || r.value === undefined ? null : String(r.value),
  }));
}

/** The rejects as CSV text (BOM, translated header and reasons, the raw reason code kept too). */
export function rejectsCsv(rows: readonly RejectRow[], t: Translate): string {
  const header = [
    t('import.rejects.row'),
    t('import.rejects.column'),
    t('import.rejects.reason'),
    t('import.rejects.code'),
    t('import.rejects.value'),
  ];
  return toCsv([header, ...rows.map((r) => [r.row, r.column, rejectText(r.reason, t), r.reason, r.value])]);
}

/** One page of rows (0-based page index), clamped to what exists. */
export function pageOf<T>(
  rows: readonly T[],
  page: number,
  size: number,
): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const p = Math.min(pages - 1, Math.max(0, Math.trunc(page)));
  return { rows: rows.slice(p * size, p * size + size), page: p, pages };
}
