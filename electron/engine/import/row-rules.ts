/**
 * Which staged rows are not data: blank rows, totals rows ("Tổng cộng", "Cộng", "Tổng"), column-number
 * rows ("(1) (2) (3)" under a header) and signature/notes rows at the bottom ("Người lập biểu",
 * "TM. BAN DÂN VẬN", "Ghi chú: …"). They are skipped and counted, never rejected.
 */
import { raw, type Sql } from '../db/sql';
import { SEARCH_FOLD_SQL } from '../query/filter';

const filled = (c: string) => `(CASE WHEN nullif(trim(${c}), '') IS NULL THEN 0 ELSE 1 END)`;

/** Up to this many columns the filled-cell count is a sum of CASE terms; wider sheets use one list. */
const SUM_MAX_COLUMNS = 64;

/**
 * SQL count of the filled cells among `cols`. A plain `+` chain is about twice as fast as a list_filter
 * over a per-row list (measured on 1.1M rows), but its depth grows with the column count and a
 * 1,000-column sheet would exceed DuckDB's expression depth: wide sheets (rare, and short) use the list.
 */
function filledCount(cols: readonly string[]): string {
  if (cols.length === 0) return '0';
  if (cols.length <= SUM_MAX_COLUMNS) return cols.map(filled).join(' + ');
  return `len(list_filter([${cols.join(', ')}], lambda x: nullif(trim(x), '') IS NOT NULL))`;
}

/** SQL boolean: the staged row (columns c0..c{n-1}) is not data; `keyCol` is the row's identifier column. */
export function nonDataRow(columnCount: number, keyCol: string, nameCol: string | null): Sql {
  const cols = Array.from({ length: columnCount }, (_, i) => `c${i}`);
  const totalRe = `'^\\s*(tong cong|tong so|cong|tong)\\s*[:.]?\\s*$|^\\s*tong cong\\b'`;
  // A totals label starts with T or C once spaces are skipped (Tổng…, Cộng): most cells are ruled out by
  // that anchored test before the costly folding. CASE, not AND, so the order is kept.
  const isTotal = (c: string) =>
    `(CASE WHEN regexp_matches(coalesce(${c}, ''), '^\\s*[TtCc]') THEN regexp_matches(${SEARCH_FOLD_SQL(c)}, ${totalRe}) ELSE false END)`;
  const key = `nullif(trim(${keyCol}), '')`;
  // A totals label anywhere in the first cells, on a row whose identifier is blank or itself the label.
  const anyTotal = `(${key} IS NULL OR ${isTotal(keyCol)}) AND (${cols.slice(0, 4).map(isTotal).join(' OR ') || 'FALSE'})`;
  const numberRow = nameCol
    ? `(regexp_matches(coalesce(${keyCol}, ''), '^\\s*\\(?\\d{1,3}\\)?\\s*$') AND regexp_matches(coalesce(${nameCol}, ''), '^\\s*\\(?\\d{1,3}\\)?\\s*$'))`
    : 'FALSE';
  const nameBlank = nameCol ? `nullif(trim(${nameCol}), '') IS NULL` : 'FALSE';
  // Signature and notes rows: at most two filled cells and no identifier, or no name beside it.
  const full = `((${filledCount(cols)}) = 0 OR (${anyTotal}) OR ${numberRow} OR ((${filledCount(cols)}) <= 2 AND (${key} IS NULL OR ${nameBlank})))`;
  // Fast path for the typical data row, decided without trimming, folding or a regex: an identifier that
  // starts with an ASCII letter other than T/C cannot be a totals label or a column number, and with a name
  // beside it the row is not a signature row either. Every other row takes the full test. On a 1.1M-row
  // values file this takes the classification from 1.7 s to about 0.2 s of CPU.
  // Not on wide sheets: inside a CASE branch DuckDB gives every column reference of the list form its own
  // 2,048-row vector, and a 16,384-column sheet (one cell at XFD) ran out of memory.
  if (columnCount > SUM_MAX_COLUMNS) return raw(full);
  const a = `ascii(${keyCol})`;
  const letterKey = `((${a} BETWEEN 65 AND 90 OR ${a} BETWEEN 97 AND 122) AND ${a} NOT IN (67, 84, 99, 116))`;
  return raw(`(CASE WHEN ${letterKey} AND NOT (${nameBlank}) THEN FALSE ELSE ${full} END)`);
}
