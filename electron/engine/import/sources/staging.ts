/**
 * The staging table and the plumbing every reader shares: SQL quoting, the `(_row, c0…cN)` table, a
 * row appender, cancellation (AbortSignal → AtlasError CANCELLED, DuckDB interrupt) and temp files.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { AtlasError, type ErrorDetails } from '../../../../shared/errors';
import type { ImportProblem } from '../../../../shared/import-types';

/** Result of staging one sheet. `columns[i]` is the header of staging column `c{i}`. */
export interface StageResult {
  table: string;
  /** Header text per staging column (same order as `c0…cN`); '' where the header cell is empty. */
  columns: string[];
  /** Data rows written (fully blank rows are not written). */
  rowCount: number;
  /** Non-fatal findings while staging (formulas without a cached value, cells beyond the last column…). */
  problems: ImportProblem[];
}

/** Options shared by every reader's stage step. */
export interface StageCommon {
  table: string;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Where transcoded temp files go (must be readable by DuckDB); default a fresh dir in os.tmpdir(). */
  tempDir?: string;
}

/** A SQL identifier in double quotes. */
export function quoteIdent(name: string): string {
  if (name.includes('\0')) throw new AtlasError('REQUEST_INVALID', 'Invalid table name');
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * A SQL string literal for a file path handed to a DuckDB table function (which takes no bound
 * parameters for its path). Refuses paths DuckDB would read as something else than one local file:
 * glob characters, URLs, control characters; callers copy such files to a safe temp name first.
 */
export function quotePath(p: string): string {
  if (!isSafePath(p)) throw new AtlasError('REQUEST_INVALID', 'Unsafe file path for DuckDB', { file: p });
  return `'${p.replaceAll("'", "''")}'`;
}

/** True when DuckDB would read `p` literally as one local file (absolute, no glob, no URL scheme). */
export function isSafePath(p: string): boolean {
  if (!path.isAbsolute(p)) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f*?[\]{}]/u.test(p)) return false;
  if (/^[a-z][a-z0-9+.-]+:\/\//iu.test(p)) return false;
  return true;
}

/** Staging column names c0…c{n-1}. */
export function stagingColumns(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `c${i}`);
}

/** `CREATE OR REPLACE TEMP TABLE "<table>" (_row INTEGER, c0 VARCHAR, …)`. */
export async function createStagingTable(
  conn: DuckDBConnection,
  table: string,
  ncols: number,
): Promise<void> {
  const cols = stagingColumns(ncols)
    .map((c) => `${c} VARCHAR`)
    .join(', ');
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ${quoteIdent(table)} (_row INTEGER${cols ? ', ' + cols : ''})`,
  );
}

/** Drops a table, ignoring errors (cleanup after a failure). */
export async function dropQuietly(conn: DuckDBConnection, table: string): Promise<void> {
  try {
    await conn.run(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
  } catch {
    // best effort
  }
}

/** Throws AtlasError CANCELLED when the signal has fired. */
export function checkAborted(signal: AbortSignal | undefined, details?: ErrorDetails): void {
  if (signal?.aborted) throw new AtlasError('CANCELLED', 'Import cancelled', details);
}

/**
 * Runs a DuckDB statement that honours `signal` (the connection is interrupted; the error becomes
 * CANCELLED) and reports DuckDB's own progress while it runs.
 */
export async function runCancellable(
  conn: DuckDBConnection,
  sqlText: string,
  signal?: AbortSignal,
  onPercent?: (pct: number) => void,
): Promise<void> {
  checkAborted(signal);
  const onAbort = (): void => conn.interrupt();
  signal?.addEventListener('abort', onAbort);
  const timer = onPercent
    ? setInterval(() => {
        try {
          const p = conn.progress.percentage;
          if (p >= 0) onPercent(p);
        } catch {
          // progress is best effort
        }
      }, 200)
    : undefined;
  try {
    await conn.run(sqlText);
  } catch (e) {
    if (signal?.aborted) throw new AtlasError('CANCELLED', 'Import cancelled');
    throw e;
  } finally {
    if (timer) clearInterval(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** A temp directory for transcoded copies, removed by `cleanup()`. Placed under `base` when given. */
export async function makeTempDir(
  base?: string,
): Promise<{ dir: string; file: (ext: string) => string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(base ?? os.tmpdir(), 'dvk-src-'));
  return {
    dir,
    file: (ext) => path.join(dir, `${randomUUID()}${ext}`),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** One source row: its 1-based row number as the user sees it, and its cells (null = blank). */
export interface SourceRow {
  row: number;
  cells: (string | null)[];
}

/**
 * Appends rows to a staging table with the DuckDB Appender: `_row`, then exactly `ncols` cells (missing
 * ones null; extra ones dropped and reported once).
 */
export class StagingWriter {
  private appender: DuckDBAppender | undefined;
  rowCount = 0;
  extraCells = 0;
  firstExtraRow: number | undefined;

  private constructor(
    readonly ncols: number,
    appender: DuckDBAppender,
  ) {
    this.appender = appender;
  }

  /** Creates (or replaces) the staging table with `ncols` text columns and opens an appender on it. */
  static async open(conn: DuckDBConnection, table: string, ncols: number): Promise<StagingWriter> {
    await createStagingTable(conn, table, ncols);
    return new StagingWriter(ncols, await conn.createAppender(table));
  }

  /** Appends one row unless it is fully blank. */
  write(row: number, cells: readonly (string | null)[]): void {
    const ap = this.appender;
    if (!ap) throw new AtlasError('INTERNAL', 'staging writer closed');
    let blank = true;
    for (const c of cells) {
      if (c !== null && c.trim() !== '') {
        blank = false;
        break;
      }
    }
    if (blank) return;
    if (cells.length > this.ncols) {
      for (let i = this.ncols; i < cells.length; i++) {
        if (cells[i] != null && cells[i] !== '') {
          this.extraCells++;
          this.firstExtraRow ??= row;
        }
      }
    }
    ap.appendInteger(row);
    for (let i = 0; i < this.ncols; i++) {
      const v = cells[i];
      if (v == null) ap.appendNull();
      else ap.appendVarchar(v);
    }
    ap.endRow();
    this.rowCount++;
  }

  /** Flushes and closes the appender. */
  close(): void {
    const ap = this.appender;
    this.appender = undefined;
    if (ap) {
      ap.flushSync();
      ap.closeSync();
    }
  }

  /** Closes without caring about errors (after a failure). */
  abandon(): void {
    const ap = this.appender;
    this.appender = undefined;
    try {
      ap?.closeSync();
    } catch {
      // the table is dropped next
    }
  }

  /** The "cells beyond the last column" warning, if any were dropped. */
  problems(): ImportProblem[] {
    if (!this.extraCells) return [];
    return [
      {
        code: 'CELLS_BEYOND_HEADER',
        message: `${this.extraCells} non-empty cell(s) to the right of the last column were ignored`,
        row: this.firstExtraRow,
        severity: 'warning',
      },
    ];
  }
}
