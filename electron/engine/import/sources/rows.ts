/**
 * Preview and staging for readers that yield rows (XLSX, XLS, and the header-less Arrow/JSON tables):
 * the preview reads only the first rows, staging streams every row below the header into the Appender.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { AtlasError } from '../../../../shared/errors';
import type { ImportProblem } from '../../../../shared/import-types';
import { buildHeaders, detectHeader, HEADER_SCAN_ROWS, isColumnNumberingRow } from './header-detect';
import { checkAborted, dropQuietly, StagingWriter, type SourceRow, type StageResult } from './staging';
import type { SourceSheet } from './types';

/** Rows read into the header-detection window (header within the first 30, plus look-ahead). */
export const PREVIEW_WINDOW = HEADER_SCAN_ROWS + 25;
/** Data rows buffered before the staging table is created, to size it to the widest early row. */
const WIDTH_BUFFER_ROWS = 500;

/** Index of the last non-blank cell + 1. */
export function rowWidth(cells: readonly (string | null)[]): number {
  for (let i = cells.length - 1; i >= 0; i--) {
    const c = cells[i];
    if (c != null && c.trim() !== '') return i + 1;
  }
  return 0;
}

const asText = (cells: readonly (string | null)[]): string[] => cells.map((c) => c ?? '');

/**
 * Builds a sheet preview from the first rows of a row source, stopping early once the header and
 * `sampleRows` data rows are known. `rowCount` is set when the whole sheet was read.
 */
export async function previewRows(
  sheet: string,
  rows: AsyncIterable<SourceRow>,
  sampleRows: number,
  problems: ImportProblem[],
): Promise<SourceSheet> {
  const window: string[][] = [];
  let base: number | undefined;
  const after: SourceRow[] = [];
  let ended = true;
  let afterCount = 0;
  for await (const r of rows) {
    if (base === undefined) {
      if (rowWidth(r.cells) === 0) continue;
      base = r.row;
    }
    const idx = r.row - base;
    if (idx < PREVIEW_WINDOW) {
      window[idx] = asText(r.cells);
    } else {
      if (rowWidth(r.cells) === 0) continue;
      after.push(r);
      afterCount++;
      if (afterCount >= sampleRows + 1) {
        ended = false;
        break;
      }
    }
  }
  for (let i = 0; i < window.length; i++) window[i] ??= [];
  const first = base ?? 1;
  const guess = detectHeader(window);
  if (!guess) {
    return {
      sheet,
      headerRow: 0,
      headerRows: 1,
      headers: [],
      sampleRows: [],
      problems: [
        ...problems,
        {
          code: 'IMPORT_NO_HEADER',
          message:
            base === undefined
              ? `Sheet "${sheet}" is empty`
              : `No header row found in the first ${HEADER_SCAN_ROWS} rows of "${sheet}"`,
          severity: 'error',
        },
      ],
    };
  }
  const headerRow = first + guess.headerRow - 1;
  const data: SourceRow[] = [];
  for (let i = guess.headerRow; i < window.length; i++) {
    const cells = window[i] ?? [];
    if (rowWidth(cells) > 0) data.push({ row: first + i, cells });
  }
  data.push(...after);
  const width = guess.headers.length;
  const sample = data.slice(0, sampleRows).map((r) => {
    const out = asText(r.cells).slice(0, width);
    while (out.length < width) out.push('');
    return out;
  });
  const sheetProblems = [...problems];
  const firstData = data[0];
  if (firstData && firstData.row === headerRow + 1 && isColumnNumberingRow(asText(firstData.cells))) {
    sheetProblems.push({
      code: 'COLUMN_NUMBERING_ROW',
      message: 'The row below the header numbers the columns ((1), (2)…); it is not data',
      row: firstData.row,
      severity: 'info',
    });
  }
  const out: SourceSheet = {
    sheet,
    headerRow,
    headerRows: guess.headerRows,
    headers: guess.headers,
    sampleRows: sample,
    problems: sheetProblems,
  };
  if (ended) out.rowCount = data.length;
  return out;
}

/** Where the header is: the 1-based last header row and how many rows it spans. */
export interface HeaderChoice {
  headerRow: number;
  headerRows: 1 | 2;
}

/**
 * Streams a row source into a new staging table: rows up to `headerRow` give the header names, every
 * non-blank row below is appended with its row number.
 */
export async function stageRows(
  conn: DuckDBConnection,
  rows: AsyncIterable<SourceRow>,
  header: HeaderChoice,
  opts: { table: string; signal?: AbortSignal; file: string; sheet: string },
  problems: ImportProblem[],
): Promise<StageResult> {
  const { headerRow, headerRows } = header;
  if (!(headerRow >= 1)) {
    throw new AtlasError('IMPORT_NO_HEADER', `No header row in "${opts.sheet}"`, {
      file: opts.file,
      sheet: opts.sheet,
    });
  }
  const headerMatrix: string[][] = [];
  const buffer: SourceRow[] = [];
  let writer: StagingWriter | undefined;
  let headers: string[] = [];
  const openWriter = async (): Promise<StagingWriter> => {
    for (let i = 0; i < headerRow; i++) headerMatrix[i] ??= [];
    let width = 0;
    for (let i = Math.max(0, headerRow - headerRows); i < headerRow; i++)
      width = Math.max(width, rowWidth(headerMatrix[i] ?? []));
    for (const r of buffer) width = Math.max(width, rowWidth(r.cells));
    headers = buildHeaders(headerMatrix, headerRow, headerRows, width);
    const w = await StagingWriter.open(conn, opts.table, headers.length);
    for (const r of buffer) w.write(r.row, r.cells);
    buffer.length = 0;
    return w;
  };
  try {
    let n = 0;
    for await (const r of rows) {
      if ((++n & 1023) === 0) checkAborted(opts.signal, { file: opts.file, sheet: opts.sheet });
      if (r.row <= headerRow) {
        headerMatrix[r.row - 1] = asText(r.cells);
        continue;
      }
      if (writer) writer.write(r.row, r.cells);
      else if (rowWidth(r.cells) > 0) {
        buffer.push(r);
        if (buffer.length >= WIDTH_BUFFER_ROWS) writer = await openWriter();
      }
    }
    checkAborted(opts.signal, { file: opts.file, sheet: opts.sheet });
    writer ??= await openWriter();
    writer.close();
    return {
      table: opts.table,
      columns: headers,
      rowCount: writer.rowCount,
      problems: [...problems, ...writer.problems()],
    };
  } catch (e) {
    writer?.abandon();
    await dropQuietly(conn, opts.table);
    throw e;
  }
}

/**
 * Stages a header-less table whose column names are known (Arrow, JSON): `_row` is the 1-based record
 * number (header row 0).
 */
export async function stageRecords(
  conn: DuckDBConnection,
  headers: string[],
  rows: AsyncIterable<SourceRow> | Iterable<SourceRow>,
  opts: { table: string; signal?: AbortSignal; file: string; sheet: string },
): Promise<StageResult> {
  const writer = await StagingWriter.open(conn, opts.table, headers.length);
  try {
    let n = 0;
    for await (const r of rows) {
      if ((++n & 1023) === 0) checkAborted(opts.signal, { file: opts.file, sheet: opts.sheet });
      writer.write(r.row, r.cells);
    }
    checkAborted(opts.signal, { file: opts.file, sheet: opts.sheet });
    writer.close();
    return { table: opts.table, columns: headers, rowCount: writer.rowCount, problems: writer.problems() };
  } catch (e) {
    writer.abandon();
    await dropQuietly(conn, opts.table);
    throw e;
  }
}
