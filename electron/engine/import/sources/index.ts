/**
 * Sources: turn any user file into (a) a cheap preview (`inspectFile`) and (b) a DuckDB staging table
 * (`stageSheet`) for the import pipeline.
 *
 * Staging contract: `CREATE OR REPLACE TEMP TABLE "<table>" (_row INTEGER, c0 VARCHAR, c1 VARCHAR, …)`, one
 * VARCHAR column per source column in header order, holding every non-blank row below the header
 * (totals, notes and signature rows included). `_row` is the row number the user sees: the Excel row, the
 * line where a text record starts, or the record number (1 = first) for Parquet/Arrow/JSON, whose header
 * is not a row (header row 0). Cell text: numbers as JS String(n); Excel dates 'YYYY-MM-DD' (with
 * ' HH:MM:SS' when there is a time of day); formulas → cached result (none → null + FORMULA_NO_VALUE
 * problem); rich text → plain text; error cells → null; Excel booleans 'TRUE'/'FALSE' (other formats
 * 'true'/'false'); all text NFC; blank cells null.
 */
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { AtlasError } from '../../../../shared/errors';
import type { ImportProblem } from '../../../../shared/import-types';
import { decodeTcvn3, decodeVni, detectLegacyVietnamese } from '../../../../shared/legacy-encoding';
import { arrowRows, arrowSheet, readArrow } from './arrow';
import { inspectText, stageText } from './csv-stage';
import { detectFormat } from './detect';
import { jsonKind, jsonRows, jsonSheet, jsonTable, readJson } from './json';
import { inspectParquet, stageParquet } from './parquet';
import { previewRows, stageRows, stageRecords, type HeaderChoice } from './rows';
import { checkAborted, type StageCommon, type StageResult, type SourceRow } from './staging';
import { canonicalEncoding } from './text-decode';
import type { SourceInfo, SourceSheet } from './types';
import { XlsWorkbook } from './xls';
import { XlsxWorkbook } from './xlsx';

export type { SourceInfo, SourceSheet } from './types';
export type { StageResult } from './staging';
export { detectHeader, buildHeaders } from './header-detect';

/** Options of `inspectFile`. */
export interface InspectOptions {
  /** Force a text encoding (text files; 'tcvn3'/'vni' also repair legacy-font text in workbooks). */
  encoding?: string;
  /** Data rows per sheet in the preview (default 20). */
  sampleRows?: number;
}

/** Options of `stageSheet`. */
export interface StageOptions extends StageCommon {
  /** 1-based last header row (Excel row / text line); default the detected one. */
  headerRow?: number;
  headerRows?: 1 | 2;
  encoding?: string;
}

const DEFAULT_SAMPLE = 20;
/** Characters a Windows-1252 decode can produce: only such text can be legacy-font mojibake. */
const NOT_1252 =
  // eslint-disable-next-line no-control-regex
  /[^\u0000-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/u;

/** A cell transform repairing legacy-font text (cells with real Unicode letters are left alone). */
function legacyTransform(encoding: string | undefined): ((s: string) => string) | undefined {
  if (encoding !== 'tcvn3' && encoding !== 'vni') return undefined;
  const decode = encoding === 'tcvn3' ? (s: string) => decodeTcvn3(s) : decodeVni;
  return (s) => (NOT_1252.test(s) ? s : decode(s));
}

/**
 * The encoding a user picked for a workbook: 'tcvn3'/'vni' repair legacy-font text, 'unicode' (or any
 * Unicode name) means the text is already right and detection is skipped.
 */
function workbookEncoding(name: string): string {
  if (/^unicode$/i.test(name.trim())) return 'unicode';
  const enc = canonicalEncoding(name);
  return enc === 'tcvn3' || enc === 'vni' ? enc : 'unicode';
}

/** The preview cells that could be legacy-font text (no character outside Windows-1252), one per line. */
function previewText(sheets: SourceSheet[]): string {
  const parts: string[] = [];
  for (const s of sheets) {
    for (const cell of [...s.headers, ...s.sampleRows.flat()]) if (!NOT_1252.test(cell)) parts.push(cell);
  }
  return parts.join('\n');
}

function sheetOrder(hidden: boolean, problems: ImportProblem[]): void {
  if (hidden)
    problems.push({
      code: 'SHEET_HIDDEN',
      message: 'This sheet is hidden in the workbook',
      severity: 'info',
    });
}

async function inspectWorkbook(
  file: string,
  format: 'xlsx' | 'xls',
  opts: InspectOptions,
  sampleRows: number,
): Promise<SourceInfo> {
  const forced = opts.encoding ? workbookEncoding(opts.encoding) : undefined;
  const run = async (transform?: (s: string) => string): Promise<SourceSheet[]> => {
    const out: SourceSheet[] = [];
    if (format === 'xlsx') {
      const wb = await XlsxWorkbook.open(file);
      for (const s of wb.sheets) {
        const problems: ImportProblem[] = [];
        sheetOrder(s.hidden, problems);
        const rows = wb.rows(s, transform ? { problems, transform } : { problems });
        out.push(await previewRows(s.name, rows, sampleRows, problems));
      }
    } else {
      const wb = await XlsWorkbook.open(file);
      for (const s of wb.sheets) {
        const problems: ImportProblem[] = [];
        sheetOrder(s.hidden, problems);
        out.push(
          await previewRows(s.name, toAsync(wb.rows(s.name, problems, transform)), sampleRows, problems),
        );
      }
    }
    return out;
  };
  const info: SourceInfo = { file, format, sheets: [], problems: [] };
  const forcedTransform = legacyTransform(forced);
  if (forced) {
    info.sheets = await run(forcedTransform);
    info.encoding = forced;
    return info;
  }
  info.sheets = await run();
  if (info.sheets.length === 0)
    info.problems.push({ code: 'NO_SHEETS', message: 'The workbook has no worksheets', severity: 'error' });
  const legacy = detectLegacyVietnamese(previewText(info.sheets));
  if (legacy.encoding) {
    info.sheets = await run(legacyTransform(legacy.encoding));
    info.encoding = legacy.encoding;
    info.encodingChoices = [legacy.encoding, ...legacy.alternatives, 'unicode'];
    info.problems.push({
      code: 'LEGACY_ENCODING',
      message: `Text typed in a legacy Vietnamese font (${legacy.encoding.toUpperCase()}) was converted to Unicode; check the sample`,
      severity: 'warning',
    });
  }
  return info;
}

async function* toAsync<T>(it: Iterable<T>): AsyncGenerator<T> {
  yield* it;
}

/**
 * Reads a file cheaply: format (from its bytes), encoding and delimiter for text, and per sheet the
 * header row, header names, the first data rows and problems. GeoJSON/TopoJSON return no sheets.
 * Throws AtlasError FILE_NOT_FOUND, FILE_EMPTY, FILE_UNREADABLE, FILE_FORMAT_UNKNOWN, FILE_XLS_UNSUPPORTED.
 * A sheet without a header carries an IMPORT_NO_HEADER problem (the other sheets are still listed).
 */
export async function inspectFile(file: string, opts: InspectOptions = {}): Promise<SourceInfo> {
  const abs = path.resolve(file);
  return withDetails(inspectResolved(abs, opts), abs);
}

async function inspectResolved(abs: string, opts: InspectOptions): Promise<SourceInfo> {
  const sampleRows = Math.max(0, Math.floor(opts.sampleRows ?? DEFAULT_SAMPLE));
  const { format, size } = await detectFormat(abs);
  switch (format) {
    case 'xlsx':
    case 'xls':
      return inspectWorkbook(abs, format, opts, sampleRows);
    case 'csv':
      return inspectText(abs, opts.encoding ? { encoding: opts.encoding, sampleRows } : { sampleRows });
    case 'parquet':
      return inspectParquet(abs, sampleRows);
    case 'arrow': {
      const table = await readArrow(abs);
      return { file: abs, format, sheets: [arrowSheet(path.basename(abs), table, sampleRows)], problems: [] };
    }
    case 'geojson':
    case 'topojson':
      return { file: abs, format, sheets: [], problems: [] };
    case 'json': {
      const doc = await readJson(abs, size);
      const kind = jsonKind(doc);
      if (kind !== 'table') return { file: abs, format: kind, sheets: [], problems: [] };
      return {
        file: abs,
        format,
        sheets: [jsonSheet(path.basename(abs), jsonTable(doc, abs), sampleRows)],
        problems: [],
      };
    }
    default:
      throw new AtlasError('FILE_FORMAT_UNKNOWN', 'Unknown file format', { file: abs });
  }
}

function headerChoice(
  sheet: SourceSheet | undefined,
  opts: StageOptions,
  file: string,
  name: string,
): HeaderChoice {
  const headerRow = opts.headerRow ?? sheet?.headerRow ?? 0;
  const headerRows = opts.headerRows ?? sheet?.headerRows ?? 1;
  if (!(headerRow >= 1)) {
    throw new AtlasError('IMPORT_NO_HEADER', `No header row found in "${name}": choose the header row`, {
      file,
      sheet: name,
    });
  }
  return { headerRow, headerRows };
}

/**
 * Stages one sheet of a file (as inspected) into a new temp table `opts.table` with columns
 * `_row INTEGER, c0…cN VARCHAR` (see the module note). `path` may be a copy of the inspected file.
 * Returns the table, the header per staging column (`columns[i]` names `c{i}`), the rows written and
 * non-fatal problems. Honours `opts.signal` (AtlasError CANCELLED; the table is dropped).
 */
export async function stageSheet(
  conn: DuckDBConnection,
  file: string,
  info: SourceInfo,
  sheet: string,
  opts: StageOptions,
): Promise<StageResult> {
  const abs = path.resolve(file);
  checkAborted(opts.signal, { file: abs, sheet });
  await detectFormat(abs); // existence, emptiness
  const exact = info.sheets.find((s) => s.sheet === sheet);
  const sheetInfo =
    exact ??
    (info.format !== 'xlsx' && info.format !== 'xls' && info.sheets.length === 1
      ? info.sheets[0]
      : undefined);
  const common = { table: opts.table, file: abs, sheet, ...(opts.signal ? { signal: opts.signal } : {}) };
  switch (info.format) {
    case 'csv': {
      const h = headerChoice(sheetInfo, opts, abs, sheet);
      return stageText(conn, abs, {
        ...common,
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
        ...(opts.tempDir ? { tempDir: opts.tempDir } : {}),
        headerRow: h.headerRow,
        headerRows: h.headerRows,
        encoding: opts.encoding ?? info.encoding ?? 'utf-8',
        delimiter: info.delimiter ?? ',',
      });
    }
    case 'xlsx': {
      const wb = await XlsxWorkbook.open(abs);
      const ref = wb.sheets.find((s) => s.name === sheet);
      if (!ref)
        throw new AtlasError('REQUEST_INVALID', `The workbook has no sheet "${sheet}"`, { file: abs, sheet });
      const h = headerChoice(sheetInfo, opts, abs, sheet);
      const problems: ImportProblem[] = [];
      const transform = legacyTransform(opts.encoding ? workbookEncoding(opts.encoding) : info.encoding);
      const rows = wb.rows(ref, {
        problems,
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
        ...(transform ? { transform } : {}),
      });
      return withDetails(stageRows(conn, rows, h, common, problems), abs, sheet);
    }
    case 'xls': {
      const wb = await XlsWorkbook.open(abs);
      if (!wb.sheets.some((s) => s.name === sheet))
        throw new AtlasError('REQUEST_INVALID', `The workbook has no sheet "${sheet}"`, { file: abs, sheet });
      const h = headerChoice(sheetInfo, opts, abs, sheet);
      const problems: ImportProblem[] = [];
      const transform = legacyTransform(opts.encoding ? workbookEncoding(opts.encoding) : info.encoding);
      return withDetails(
        stageRows(conn, toAsync(wb.rows(sheet, problems, transform)), h, common, problems),
        abs,
        sheet,
      );
    }
    case 'parquet':
      return stageParquet(conn, abs, {
        ...common,
        ...(opts.tempDir ? { tempDir: opts.tempDir } : {}),
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      });
    case 'arrow': {
      const table = await readArrow(abs);
      const headers = table.schema.fields.map((f) => f.name.normalize('NFC'));
      return stageRecords(
        conn,
        headers,
        withProgress(arrowRows(table), table.numRows, opts.onProgress),
        common,
      );
    }
    case 'json': {
      const doc = await readJson(abs, (await detectFormat(abs)).size);
      const t = jsonTable(doc, abs);
      return stageRecords(
        conn,
        t.headers.map((h) => h.normalize('NFC')),
        withProgress(jsonRows(t), t.records.length, opts.onProgress),
        common,
      );
    }
    default:
      throw new AtlasError('REQUEST_INVALID', `${info.format} files hold no table to stage`, { file: abs });
  }
}

function* withProgress(
  rows: Iterable<SourceRow>,
  total: number,
  onProgress?: (done: number, total: number) => void,
): Generator<SourceRow> {
  let n = 0;
  for (const r of rows) {
    yield r;
    if (onProgress && (++n & 4095) === 0) onProgress(n, total);
  }
  onProgress?.(total, total);
}

/** Adds `file` (and `sheet`) to the details of errors thrown by the readers; unknown errors → FILE_UNREADABLE. */
async function withDetails<T>(p: Promise<T>, file: string, sheet?: string): Promise<T> {
  try {
    return await p;
  } catch (e) {
    const where = sheet === undefined ? { file } : { file, sheet };
    if (e instanceof AtlasError) {
      if (e.details?.file && (sheet === undefined || e.details.sheet)) throw e;
      throw new AtlasError(e.code, e.message, {
        ...where,
        ...e.details,
        ...(e.details?.file ? {} : { file }),
      });
    }
    throw new AtlasError('FILE_UNREADABLE', `Cannot read the file: ${(e as Error).message}`, where);
  }
}
