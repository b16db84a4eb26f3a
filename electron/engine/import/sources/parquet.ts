/**
 * Parquet files, read by DuckDB's built-in `read_parquet`. Column names are the header (header row 0),
 * `_row` = record number (first record = 1). Values are cast to text the way the other readers write
 * them: integral doubles without '.0', midnight timestamps as 'YYYY-MM-DD', text NFC.
 */
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { AtlasError } from '../../../../shared/errors';
import {
  dropQuietly,
  isSafePath,
  makeTempDir,
  quoteIdent,
  quotePath,
  runCancellable,
  stagingColumns,
  type StageCommon,
  type StageResult,
} from './staging';
import type { SourceInfo } from './types';

interface ParquetColumn {
  name: string;
  type: string;
}

/** SQL turning one column into staging text. */
export function textExpr(col: string, type: string): string {
  const c = quoteIdent(col);
  const t = type.toUpperCase();
  if (t === 'DOUBLE' || t === 'FLOAT' || t === 'REAL') {
    return `CASE WHEN isfinite(${c}) AND ${c} = trunc(${c}) AND abs(${c}) < 1e15 THEN CAST(CAST(${c} AS BIGINT) AS VARCHAR) WHEN isfinite(${c}) THEN CAST(${c} AS VARCHAR) END`;
  }
  if (t.startsWith('TIMESTAMP') && !t.includes('TIME ZONE')) {
    return `CASE WHEN CAST(${c} AS TIMESTAMP) = date_trunc('day', CAST(${c} AS TIMESTAMP)) THEN strftime(CAST(${c} AS TIMESTAMP), '%Y-%m-%d') ELSE strftime(CAST(${c} AS TIMESTAMP), '%Y-%m-%d %H:%M:%S') END`;
  }
  if (t === 'VARCHAR') return `nfc_normalize(${c})`;
  return `CAST(${c} AS VARCHAR)`;
}

/** A private in-memory DuckDB for previews (inspectFile has no workspace connection). */
async function withScratchDb<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    threads: '2',
  });
  const conn = await instance.connect();
  try {
    return await fn(conn);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** Runs `fn` with a path DuckDB reads literally: the file itself, or a temp copy when its name is unsafe. */
async function withSafePath<T>(
  file: string,
  tempDir: string | undefined,
  fn: (p: string) => Promise<T>,
): Promise<T> {
  if (isSafePath(file)) return fn(file);
  const tmp = await makeTempDir(tempDir);
  try {
    const copy = tmp.file('.parquet');
    await copyFile(file, copy);
    return await fn(copy);
  } finally {
    await tmp.cleanup();
  }
}

async function describe(conn: DuckDBConnection, p: string): Promise<ParquetColumn[]> {
  const r = await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${quotePath(p)})`);
  return r.getRowObjects().map((o) => ({ name: String(o['column_name']), type: String(o['column_type']) }));
}

/** Previews a Parquet file (schema, row count from metadata, first rows). */
export async function inspectParquet(file: string, sampleRows: number): Promise<SourceInfo> {
  try {
    return await withSafePath(file, undefined, (p) =>
      withScratchDb(async (conn) => {
        const cols = await describe(conn, p);
        const count = await conn.runAndReadAll(`SELECT count(*)::BIGINT FROM read_parquet(${quotePath(p)})`);
        const sel = cols.map((c) => textExpr(c.name, c.type)).join(', ');
        const sample = cols.length
          ? (
              await conn.runAndReadAll(
                `SELECT ${sel} FROM read_parquet(${quotePath(p)}) LIMIT ${Math.max(0, Math.floor(sampleRows))}`,
              )
            ).getRows()
          : [];
        return {
          file,
          format: 'parquet' as const,
          sheets: [
            {
              sheet: path.basename(file),
              headerRow: 0,
              headerRows: 1 as const,
              headers: cols.map((c) => c.name.normalize('NFC')),
              sampleRows: sample.map((r) => r.map((v) => (v == null ? '' : String(v)))),
              rowCount: Number(count.getRows()[0]?.[0] ?? 0),
              problems: [],
            },
          ],
          problems: [],
        };
      }),
    );
  } catch (e) {
    if (e instanceof AtlasError) throw e;
    throw new AtlasError('FILE_UNREADABLE', `The Parquet file cannot be read: ${(e as Error).message}`, {
      file,
    });
  }
}

/** Stages a Parquet file with DuckDB: `_row` = file row number + 1. */
export async function stageParquet(
  conn: DuckDBConnection,
  file: string,
  opts: StageCommon & { file: string },
): Promise<StageResult> {
  try {
    return await withSafePath(file, opts.tempDir, async (p) => {
      const cols = await describe(conn, p);
      const names = stagingColumns(cols.length);
      const sel = cols.map((c, i) => `${textExpr(c.name, c.type)} AS ${names[i]}`).join(', ');
      await runCancellable(
        conn,
        `CREATE OR REPLACE TEMP TABLE ${quoteIdent(opts.table)} AS SELECT (file_row_number + 1)::INTEGER AS _row${sel ? ', ' + sel : ''} ` +
          `FROM read_parquet(${quotePath(p)}, file_row_number=true) ORDER BY file_row_number`,
        opts.signal,
        opts.onProgress ? (pct) => opts.onProgress?.(pct, 100) : undefined,
      );
      const n = await conn.runAndReadAll(`SELECT count(*)::INTEGER FROM ${quoteIdent(opts.table)}`);
      return {
        table: opts.table,
        columns: cols.map((c) => c.name.normalize('NFC')),
        rowCount: Number(n.getRows()[0]?.[0] ?? 0),
        problems: [],
      };
    });
  } catch (e) {
    await dropQuietly(conn, opts.table);
    if (e instanceof AtlasError) throw e;
    throw new AtlasError('FILE_UNREADABLE', `The Parquet file cannot be read: ${(e as Error).message}`, {
      file: opts.file,
    });
  }
}
