/** What every loader gets: the staged sheet, its confirmed mapping and the import it belongs to. */
import type { BlankValueCount, TargetField } from '../../../../shared/import-types';
import type { Workspace } from '../../workspace/workspace';
import { raw, sql, type Sql } from '../../db/sql';

export interface LoadContext {
  ws: Workspace;
  importId: number;
  /** Import ids of earlier imports of the same source (file name + sheet + kind) to replace. */
  replaces: number[];
  file: string;
  sheet: string;
  /** Staging table: `_row INTEGER, c0 … c{n-1} VARCHAR`. */
  stg: string;
  columnCount: number;
  /** Mapped source column per target (`c3`), for single-column targets. */
  col: Partial<Record<TargetField, string>>;
  /** Wide indicator files: value columns and their indicator codes. */
  valueCols: { col: string; indicator: string; header: string }[];
  /** Header text per staged column, for reject messages. */
  headers: string[];
  /** Unit default province when a file names none (the workspace's province, if known). */
  defaultProvince?: string | null;
}

export interface LoadResult {
  rowsIn: number;
  imported: number;
  rejected: number;
  skipped: number;
  unregisteredUnits: string[];
  unknownFields: string[];
  newIndicators: string[];
  /** Values sheets: value cells left blank (not reported), neither imported nor rejected. */
  valuesBlank?: number;
  /** Values sheets: blank cells per indicator, most first. */
  blankByIndicator?: BlankValueCount[];
  /**
   * Values sheets loaded straight from their prepared temp table (committed before the transaction): the
   * table, kept until the import ends, and the rows inserted from it (all of them), for the derived
   * rebuild to read instead (workspace/derived.ts DerivedSource).
   */
  insertedFrom?: { table: string; rows: number };
}

/**
 * `nullif(trim(cN), '')` for a mapped target, or NULL when unmapped. NUL characters are dropped: a text
 * file may carry them (XLSX cannot), and stored text must survive export to XML and display.
 */
export function textOf(ctx: LoadContext, t: TargetField): Sql {
  const c = ctx.col[t];
  // NUL characters are dropped; the replace runs only on the rare cell that has one (a third of the cost).
  return c
    ? raw(`nullif(trim(CASE WHEN contains(${c}, chr(0)) THEN replace(${c}, chr(0), '') ELSE ${c} END), '')`)
    : raw('CAST(NULL AS VARCHAR)');
}

/** Header text shown in a reject for a target (falls back to the target name). */
export function headerOf(ctx: LoadContext, t: TargetField): string {
  const c = ctx.col[t];
  const idx = c ? Number(c.slice(1)) : -1;
  return ctx.headers[idx] ?? t;
}

/**
 * Record rejects from a temp table holding `_row`, `reject_col`, `reject_reason`, `reject_value`
 * for rows whose `reject_reason` is not null. Returns how many were recorded.
 */
export async function recordRejects(ctx: LoadContext, table: string): Promise<number> {
  await ctx.ws.exec(sql`INSERT INTO import_rejects
    SELECT ${ctx.importId}, _row, reject_col, reject_reason, left(reject_value, 500)
    FROM ${raw(table)} WHERE reject_reason IS NOT NULL`);
  const r = await ctx.ws.rows<{ n: number }>(
    raw(`SELECT count(*)::INTEGER AS n FROM ${table} WHERE reject_reason IS NOT NULL`),
    ctx.ws.write,
  );
  return r[0]?.n ?? 0;
}

/** Count helper on the write connection. */
export async function count(ws: Workspace, q: Sql | string): Promise<number> {
  const r = await ws.rows<{ n: number }>(typeof q === 'string' ? raw(q) : q, ws.write);
  return Number(r[0]?.n ?? 0);
}

/** The replaced-imports list as an SQL list literal of integers (engine-generated numbers). */
export function idList(ids: number[]): Sql {
  return raw(ids.length ? `(${ids.map((i) => Math.trunc(i)).join(', ')})` : '(NULL)');
}
