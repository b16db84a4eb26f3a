/**
 * Delimited text files (.csv, .tsv, .txt): preview and staging.
 *
 * Staging never parses rows in JS: UTF-8 files are read by DuckDB's `read_csv` in place; other encodings
 * are first stream-transcoded to a UTF-8 temp file. One quick byte-level pass (csv.ts `CsvScanner`)
 * counts records the way DuckDB splits them, so `_row` is the real line number where each record starts:
 * blank lines and quoted fields spanning several lines are accounted for. If DuckDB's record count ever
 * disagrees with the scan (malformed quoting), `_row` falls back to "header line + record offset" and a
 * ROW_NUMBERS_APPROXIMATE warning is returned.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import type { DuckDBConnection } from '@duckdb/node-api';
import { AtlasError } from '../../../../shared/errors';
import type { ImportProblem } from '../../../../shared/import-types';
import { CsvScanner, parseRecords, sniffDelimiter, type ScanResult, type TextRecord } from './csv';
import { buildHeaders, detectHeader, isColumnNumberingRow } from './header-detect';
import { PREVIEW_WINDOW } from './rows';
import {
  checkAborted,
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
import { canonicalEncoding, createLineDecoder, decodeSample, detectEncoding } from './text-decode';
import type { SourceInfo, SourceSheet } from './types';

/** Bytes read for the preview (encoding, delimiter and header detection, sample rows). */
const PREVIEW_BYTES = 1024 * 1024;
/** The most lines a user-chosen header row may be from the top. */
const MAX_HEADER_LINE = 100_000;
const CHUNK = 1024 * 1024;

async function readHead(file: string, bytes: number): Promise<{ buf: Buffer; size: number }> {
  const fh = await open(file, 'r');
  try {
    const size = (await fh.stat()).size;
    const buf = Buffer.alloc(Math.min(bytes, size));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return { buf: buf.subarray(0, bytesRead), size };
  } finally {
    await fh.close();
  }
}

/** Decoded text of the first `bytes` of the file, cut after the last complete line unless complete. */
function headText(buf: Buffer, encoding: string, complete: boolean): string {
  const text = decodeSample(buf, encoding);
  if (complete) return text;
  const cut = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return cut >= 0 ? text.slice(0, cut + 1) : text;
}

/** Decoded text full of control characters or replacement characters is binary data, not a table. */
function garbled(text: string): boolean {
  const sample = text.slice(0, 65536);
  // eslint-disable-next-line no-control-regex
  const bad = sample.match(/[\u0000-\u0008\u000e-\u001f\ufffd]|[\ud800-\udfff]/gu)?.length ?? 0;
  return bad > Math.max(2, sample.length * 0.02);
}

/** Previews a text file: encoding, delimiter, header, sample rows. */
export async function inspectText(
  file: string,
  opts: { encoding?: string; sampleRows: number },
): Promise<SourceInfo> {
  const { buf, size } = await readHead(file, PREVIEW_BYTES);
  const complete = size <= buf.length;
  const guess = opts.encoding
    ? { encoding: canonicalEncoding(opts.encoding), bom: 0 }
    : detectEncoding(buf, complete, file);
  const text = headText(buf, guess.encoding, complete);
  if (text.trim() === '') throw new AtlasError('FILE_EMPTY', 'The file holds no text', { file });
  if (guess.encoding.startsWith('utf-') && garbled(text)) {
    throw new AtlasError(
      'FILE_UNREADABLE',
      'The file is not text (binary content); it cannot be read as CSV',
      { file },
    );
  }
  const ext = path.extname(file).toLowerCase();
  const delimiter = sniffDelimiter(
    text,
    ext === '.tsv' || ext === '.txt' || guess.encoding.startsWith('utf-16') ? '\t' : undefined,
  );
  const records = parseRecords(
    text,
    delimiter,
    complete ? Number.MAX_SAFE_INTEGER : PREVIEW_WINDOW + opts.sampleRows * 3,
    complete,
  );
  const problems: ImportProblem[] = [];
  const sheet = previewSheet(path.basename(file), records, opts.sampleRows, complete);
  const info: SourceInfo = {
    file,
    format: 'csv',
    encoding: guess.encoding,
    delimiter,
    sheets: [sheet],
    problems,
  };
  if ('choices' in guess && guess.choices) {
    info.encodingChoices = guess.choices;
    problems.push({
      code: 'ENCODING_UNSURE',
      message: `The text encoding is uncertain (guessed ${guess.encoding}); check the sample and pick another if letters look wrong`,
      severity: 'warning',
    });
  }
  return info;
}

function previewSheet(
  name: string,
  records: TextRecord[],
  sampleRows: number,
  complete: boolean,
): SourceSheet {
  const window = records.slice(0, PREVIEW_WINDOW).map((r) => r.cells);
  const guess = detectHeader(window);
  if (!guess) {
    return {
      sheet: name,
      headerRow: 0,
      headerRows: 1,
      headers: [],
      sampleRows: [],
      problems: [
        { code: 'IMPORT_NO_HEADER', message: 'No header row found in the first 30 lines', severity: 'error' },
      ],
    };
  }
  const headerRec = records[guess.headerRow - 1];
  const width = guess.headers.length;
  const data = records.slice(guess.headerRow).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const problems: ImportProblem[] = [];
  const first = data[0];
  if (first && headerRec && first.line === headerRec.endLine + 1 && isColumnNumberingRow(first.cells)) {
    problems.push({
      code: 'COLUMN_NUMBERING_ROW',
      message: 'The row below the header numbers the columns; it is not data',
      row: first.line,
      severity: 'info',
    });
  }
  const sheet: SourceSheet = {
    sheet: name,
    headerRow: headerRec?.line ?? guess.headerRow,
    headerRows: guess.headerRows,
    headers: guess.headers,
    sampleRows: data.slice(0, sampleRows).map((r) => {
      const out = r.cells.slice(0, width);
      while (out.length < width) out.push('');
      return out;
    }),
    problems,
  };
  if (complete) sheet.rowCount = data.length;
  return sheet;
}

/** Options for staging a text file. */
export interface TextStageOptions extends StageCommon {
  headerRow: number;
  headerRows: 1 | 2;
  encoding: string;
  delimiter: string;
  file: string;
}

/** Streams `file` through the decoder into a UTF-8 temp file (line structure unchanged, BOM dropped). */
async function transcode(
  file: string,
  encoding: string,
  dest: string,
  size: number,
  signal: AbortSignal | undefined,
  progress: (done: number) => void,
): Promise<void> {
  const dec = createLineDecoder(encoding);
  const out = createWriteStream(dest);
  const write = async (s: string): Promise<void> => {
    if (s && !out.write(s, 'utf8')) await once(out, 'drain');
  };
  try {
    let done = 0;
    for await (const chunk of createReadStream(file, { highWaterMark: CHUNK })) {
      checkAborted(signal, { file });
      done += (chunk as Buffer).length;
      await write(dec.write(chunk as Buffer));
      progress(Math.min(done, size));
    }
    await write(dec.end());
  } finally {
    out.end();
    await once(out, 'close');
  }
}

async function scanFile(
  src: string,
  delimiter: string,
  fromRecord: number,
  signal: AbortSignal | undefined,
  progress: (done: number) => void,
): Promise<ScanResult> {
  const scanner = new CsvScanner(delimiter.charCodeAt(0), fromRecord);
  let first = true;
  let done = 0;
  for await (const raw of createReadStream(src, { highWaterMark: CHUNK })) {
    checkAborted(signal, { file: src });
    let chunk = raw as Buffer;
    done += chunk.length;
    if (first) {
      first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    scanner.write(chunk);
    progress(done);
  }
  return scanner.finish();
}

/** Header records from the top of the file: the record holding line `headerRow`, and its index. */
async function readHeader(
  file: string,
  encoding: string,
  delimiter: string,
  headerRow: number,
): Promise<{ records: TextRecord[]; index: number }> {
  if (headerRow > MAX_HEADER_LINE)
    throw new AtlasError('REQUEST_INVALID', `Header row ${headerRow} is too far down`, { file });
  let bytes = PREVIEW_BYTES;
  for (;;) {
    const { buf, size } = await readHead(file, bytes);
    const complete = size <= buf.length;
    const text = headText(buf, encoding, complete);
    const records = parseRecords(text, delimiter, headerRow + 1, complete);
    const index = records.findIndex((r) => r.line <= headerRow && headerRow <= r.endLine);
    if (index >= 0) return { records, index };
    if (complete)
      throw new AtlasError('IMPORT_NO_HEADER', `The file has no line ${headerRow}`, { file, row: headerRow });
    bytes *= 4;
  }
}

/**
 * Stages a text file into `(_row, c0…)`: every non-blank record after the header record, `_row` = the
 * line number where the record starts.
 */
export async function stageText(
  conn: DuckDBConnection,
  file: string,
  opts: TextStageOptions,
): Promise<StageResult> {
  const problems: ImportProblem[] = [];
  const details = { file: opts.file };
  if (!(opts.headerRow >= 1))
    throw new AtlasError('IMPORT_NO_HEADER', 'No header row chosen for this file', details);
  const encoding = canonicalEncoding(opts.encoding);
  const delimiter = opts.delimiter;
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new AtlasError('REQUEST_INVALID', `Unsupported delimiter ${JSON.stringify(delimiter)}`, details);
  }
  const { records, index } = await readHeader(file, encoding, delimiter, opts.headerRow);
  const headerRec = records[index] as TextRecord;
  const headerK = records.slice(0, index + 1).filter((r) => r.cells.length > 0).length;
  const { size } = await stat(file);

  const tmp = await makeTempDir(opts.tempDir);
  const raw = `${opts.table}__raw`;
  const bp = `${opts.table}__bp`;
  try {
    const phases = encoding === 'utf-8' && isSafePath(file) ? 2 : 3;
    let phase = 0;
    const report = (done: number, total: number): void =>
      opts.onProgress?.(Math.round(((phase + done / Math.max(1, total)) / phases) * 1000), 1000);
    let src = file;
    if (phases === 3) {
      src = tmp.file('.csv');
      await transcode(file, encoding, src, size, opts.signal, (d) => report(d, size));
      phase++;
    }
    const headerRows = opts.headerRows;
    const matrix = records.slice(0, index + 1).map((r) => r.cells);
    const headerWidth = Math.max(
      1,
      ...matrix.slice(Math.max(0, index + 1 - headerRows)).map((r) => r.length),
    );
    const q = (s: string): string => `'${s.replaceAll("'", "''")}'`;
    const readSql = (from: string, ncols: number, parallel: boolean): string => {
      const colSpec = stagingColumns(ncols)
        .map((c) => `'${c}': 'VARCHAR'`)
        .join(', ');
      return (
        `CREATE OR REPLACE TEMP TABLE ${quoteIdent(raw)} AS SELECT * FROM read_csv(${quotePath(from)}, delim=${q(delimiter)}, ` +
        `header=false, auto_detect=false, all_varchar=true, quote='"', escape='"', null_padding=true, strict_mode=false, ` +
        `parallel=${parallel ? 'true' : 'false'}, columns={${colSpec}})`
      );
    };
    // DuckDB reads the file (as wide as the header, in parallel) while the JS scan counts its records: the
    // usual file, with no row wider than its header and no line break inside a quoted cell, is then read
    // once. Otherwise the read is redone below with what the scan found.
    const speculation: { ncols: number; src: string } = { ncols: headerWidth, src };
    const speculative = runCancellable(conn, readSql(src, headerWidth, true), opts.signal).then(
      () => true,
      () => false,
    );
    let scan: ScanResult;
    try {
      scan = await scanFile(src, delimiter, headerK, opts.signal, (d) => report(d, size));
    } finally {
      await speculative;
    }
    if (!scan.validUtf8) {
      // Bytes that are not UTF-8 further down: replace them (U+FFFD) rather than fail in DuckDB.
      problems.push({
        code: 'INVALID_UTF8',
        message:
          'Some bytes are not valid UTF-8 and were replaced; if letters look wrong, choose another encoding',
        severity: 'warning',
      });
      src = tmp.file('.csv');
      await transcode(file, 'utf-8', src, size, opts.signal, (d) => report(d, size));
      scan = await scanFile(src, delimiter, headerK, opts.signal, (d) => report(d, size));
    }
    phase++;

    const ncols = Math.max(headerWidth, scan.maxFields);
    const headers = buildHeaders(matrix, index + 1, headerRows, ncols);
    const cols = stagingColumns(ncols);
    const reusable =
      (await speculative) && !scan.multiLine && ncols === speculation.ncols && src === speculation.src;
    if (!reusable)
      await runCancellable(conn, readSql(src, ncols, !scan.multiLine), opts.signal, (pct) =>
        report(pct, 100),
      );
    const countRes = await conn.runAndReadAll(`SELECT count(*)::BIGINT FROM ${quoteIdent(raw)}`);
    const duckCount = Number(countRes.getRows()[0]?.[0] ?? -1);
    let rowExpr: string;
    let join = '';
    const firstLine = headerRec.endLine + 1;
    if (duckCount !== scan.records) {
      problems.push({
        code: 'ROW_NUMBERS_APPROXIMATE',
        message: 'Irregular quoting: row numbers in messages may be off by a few lines',
        severity: 'warning',
      });
      rowExpr = `r.k - ${headerK} + ${firstLine}`;
    } else if (scan.breakRecords.length <= 1) {
      rowExpr = `r.k - ${scan.breakRecords[0] ?? headerK} + ${scan.breakLines[0] ?? firstLine}`;
    } else {
      await conn.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(bp)} (k BIGINT, line BIGINT)`);
      const ap = await conn.createAppender(bp);
      for (let i = 0; i < scan.breakRecords.length; i++) {
        ap.appendBigInt(BigInt(scan.breakRecords[i] as number));
        ap.appendBigInt(BigInt(scan.breakLines[i] as number));
        ap.endRow();
      }
      ap.flushSync();
      ap.closeSync();
      join = ` ASOF JOIN ${quoteIdent(bp)} b ON r.k >= b.k`;
      rowExpr = `b.line + (r.k - b.k)`;
    }
    const sel = cols.map((c) => (scan.combining ? `nfc_normalize(r.${c}) AS ${c}` : `r.${c}`)).join(', ');
    const notBlank = `COALESCE(${cols.map((c) => `NULLIF(trim(r.${c}), '')`).join(', ')}) IS NOT NULL`;
    checkAborted(opts.signal, details);
    await runCancellable(
      conn,
      `CREATE OR REPLACE TEMP TABLE ${quoteIdent(opts.table)} AS SELECT (${rowExpr})::INTEGER AS _row, ${sel} ` +
        `FROM (SELECT rowid AS k, * FROM ${quoteIdent(raw)}) r${join} WHERE r.k >= ${headerK} AND ${notBlank}${join ? ' ORDER BY r.k' : ''}`,
      opts.signal,
    );
    const n = await conn.runAndReadAll(`SELECT count(*)::INTEGER FROM ${quoteIdent(opts.table)}`);
    opts.onProgress?.(1000, 1000);
    while (headers.length < ncols) headers.push('');
    return { table: opts.table, columns: headers, rowCount: Number(n.getRows()[0]?.[0] ?? 0), problems };
  } catch (e) {
    await dropQuietly(conn, opts.table);
    if (e instanceof AtlasError) throw e;
    throw new AtlasError('FILE_UNREADABLE', `The text file cannot be read: ${(e as Error).message}`, details);
  } finally {
    await dropQuietly(conn, raw);
    await dropQuietly(conn, bp);
    await tmp.cleanup();
  }
}
