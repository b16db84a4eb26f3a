/**
 * Text columns passed to DuckDB as list parameters (one bound value per column instead of one
 * statement per row). The client infers a list's element type from its first element, so a list
 * starting with null would lose its strings: nulls travel as a marker that `unmarked` turns back.
 */
import { listValue, type DuckDBListValue } from '@duckdb/node-api';

/** Stands for SQL NULL inside a text list (`chr(1)`); a control character no imported cell text keeps. */
const NULL_MARK = '\u0001';

/** A list parameter of text values (nulls marked). */
export function textList(xs: readonly (string | null)[]): DuckDBListValue {
  return listValue(xs.map((x) => x ?? NULL_MARK));
}

/** `nullif(col, marker) AS col, …` for engine-chosen column names of an unnested text list. */
export function unmarked(cols: readonly string[]): string {
  return cols.map((c) => `nullif(${c}, chr(1)) AS ${c}`).join(', ');
}
