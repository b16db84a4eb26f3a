/**
 * XLSX reading: our zip reader opens only the parts needed (workbook, relationships, shared strings,
 * styles, then one worksheet as a stream). exceljs's streaming WorkbookReader parses the workbook,
 * relationships, shared strings and styles; worksheet rows go through our own streaming parser
 * (sheet-xml.ts), because exceljs's WorksheetReader drops all but the last run of rich inline strings,
 * fails on cells without an `r` attribute and is about 5× slower. The workbook DOM is never built, a
 * preview stops after the first rows, nothing is unpacked to disk, and text is decoded with a streaming
 * UTF-8 decoder (exceljs decodes each chunk on its own, which garbles a letter split across two chunks).
 */
import path from 'node:path';
import type { Readable } from 'node:stream';
import { loadExcelJS } from '../../lazy-libs';
import { AtlasError } from '../../../../shared/errors';
import type { ImportProblem } from '../../../../shared/import-types';
import { dateText, excelSerialToDate, isDateFormat, numberText, textOrNull } from './cells';
import { checkAborted, type SourceRow } from './staging';
import { SheetXmlParser, type RawCell } from './sheet-xml';
import { ZipFile } from './zip';

interface Rel {
  Id: string;
  Target: string;
  Type?: string;
}
/** The parts of exceljs's WorkbookReader we drive by hand (stable in exceljs 4.x). */
interface InternalWorkbookReader {
  _parseRels(stream: Readable): Promise<void>;
  _parseWorkbook(stream: Readable): Promise<void>;
  _parseSharedStrings(stream: Readable): AsyncGenerator<unknown>;
  _parseStyles(stream: Readable): Promise<void>;
  workbookRels?: Rel[];
  model?: { sheets?: { name: string; id: number; rId: string; state?: string }[] };
  properties?: { model?: { date1904?: boolean } };
  sharedStrings?: unknown[];
  styles?: { getStyleModel(id: number): { numFmt?: string } | null | undefined };
}

/** One worksheet of the workbook, in workbook order. */
export interface XlsxSheetRef {
  name: string;
  /** Path of the worksheet part inside the zip. */
  part: string;
  hidden: boolean;
}

/** Options for reading the rows of one sheet. */
export interface XlsxRowOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Problems found while reading (formulas without cached values) are pushed here. */
  problems: ImportProblem[];
  /** Applied to every text cell (legacy-encoding repair), before NFC. */
  transform?: (s: string) => string;
}

const OFFICE_DOC = /\/officeDocument$/;

/** Decodes Excel's `_xHHHH_` escapes (control characters such as _x000D_; `_x005F_` is an underscore). */
export function unescapeOoxml(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function cellString(s: string, transform: ((s: string) => string) | undefined): string | null {
  return textOrNull(unescapeOoxml(transform ? transform(s) : s));
}

/** Spreadsheet column letters of a 1-based column number. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function resolvePart(baseDir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return path.posix.normalize(path.posix.join(baseDir, target));
}

/** An open XLSX workbook. */
export class XlsxWorkbook {
  private constructor(
    private readonly zip: ZipFile,
    private readonly reader: InternalWorkbookReader,
    readonly sheets: XlsxSheetRef[],
    private readonly date1904: boolean,
  ) {}

  private readonly dateStyles = new Map<number, boolean>();

  /**
   * Opens the workbook: central directory, workbook part, relationships, shared strings and styles.
   * Throws FILE_UNREADABLE (truncated/corrupt zip) or FILE_FORMAT_UNKNOWN (a zip that is no workbook).
   */
  static async open(file: string): Promise<XlsxWorkbook> {
    let zip: ZipFile;
    try {
      zip = await ZipFile.open(file);
    } catch (e) {
      throw new AtlasError(
        'FILE_UNREADABLE',
        `The workbook is damaged or incomplete (${(e as Error).message})`,
        { file },
      );
    }
    try {
      const ExcelJS = await loadExcelJS();
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
        sharedStrings: 'cache',
        hyperlinks: 'ignore',
        styles: 'cache',
        worksheets: 'emit',
      }) as unknown as InternalWorkbookReader;
      const text = async (name: string): Promise<Readable | undefined> => {
        const entry = zip.find(name);
        if (!entry) return undefined;
        const s = await zip.openStream(entry);
        s.setEncoding('utf8');
        return s;
      };
      // Locate the workbook part through the package relationships.
      let wbPart = 'xl/workbook.xml';
      const rootRels = await text('_rels/.rels');
      if (rootRels) {
        await reader._parseRels(rootRels);
        const office = (reader.workbookRels ?? []).find((r) => OFFICE_DOC.test(r.Type ?? ''));
        if (office) wbPart = resolvePart('', office.Target);
      }
      const wbStream = await text(wbPart);
      if (!wbStream) {
        throw new AtlasError('FILE_FORMAT_UNKNOWN', 'This zip file is not an Excel workbook', { file });
      }
      const dir = path.posix.dirname(wbPart);
      const relsPart = path.posix.join(dir, '_rels', `${path.posix.basename(wbPart)}.rels`);
      reader.workbookRels = [];
      const wbRels = await text(relsPart);
      if (wbRels) await reader._parseRels(wbRels);
      await reader._parseWorkbook(wbStream);
      const rels = reader.workbookRels ?? [];
      const relOf = (suffix: string): string | undefined => {
        const r = rels.find((x) => (x.Type ?? '').endsWith(suffix));
        return r ? resolvePart(dir, r.Target) : undefined;
      };
      const ss = await text(relOf('/sharedStrings') ?? path.posix.join(dir, 'sharedStrings.xml'));
      if (ss) {
        for await (const _ of reader._parseSharedStrings(ss)) {
          // cache mode: fills reader.sharedStrings
        }
      }
      const st = await text(relOf('/styles') ?? path.posix.join(dir, 'styles.xml'));
      if (st) await reader._parseStyles(st);
      const sheets: XlsxSheetRef[] = [];
      for (const s of reader.model?.sheets ?? []) {
        const rel = rels.find((r) => r.Id === s.rId);
        if (!rel || !(rel.Type ?? '/worksheet').endsWith('/worksheet')) continue;
        sheets.push({
          name: (s.name ?? '').normalize('NFC'),
          part: resolvePart(dir, rel.Target),
          hidden: !!s.state && s.state !== 'visible',
        });
      }
      const date1904 = !!reader.properties?.model?.date1904;
      return new XlsxWorkbook(zip, reader, sheets, date1904);
    } catch (e) {
      if (e instanceof AtlasError) throw e;
      throw new AtlasError('FILE_UNREADABLE', `The workbook cannot be read (${(e as Error).message})`, {
        file,
      });
    }
  }

  /**
   * The rows of one sheet as text cells, streamed. Rows that are absent from the file (never touched
   * in Excel) are not yielded; row numbers are Excel's. Stops reading when the consumer stops.
   */
  async *rows(sheet: XlsxSheetRef, opts: XlsxRowOptions): AsyncGenerator<SourceRow> {
    const entry = this.zip.find(sheet.part);
    if (!entry)
      throw new AtlasError('FILE_UNREADABLE', `Sheet "${sheet.name}" is missing from the workbook`, {
        sheet: sheet.name,
      });
    let done = 0;
    const onBytes = opts.onProgress
      ? (n: number): void => {
          done += n;
          opts.onProgress?.(done, entry.compressedSize);
        }
      : undefined;
    let stream: Readable;
    try {
      stream = await this.zip.openStream(entry, onBytes);
    } catch (e) {
      throw new AtlasError(
        'FILE_UNREADABLE',
        `Sheet "${sheet.name}" cannot be read (${(e as Error).message})`,
        { sheet: sheet.name },
      );
    }
    stream.setEncoding('utf8');
    let noValue = 0;
    let noValueAt: { row: number; column: string } | undefined;
    let lastRow = 0;
    let n = 0;
    let pending: SourceRow[] = [];
    const parser = new SheetXmlParser((raw) => {
      const cells: (string | null)[] = [];
      for (const c of raw.cells) {
        const v = this.cellText(c, opts.transform);
        if (v === undefined) {
          noValue++;
          noValueAt ??= { row: raw.row, column: columnLetter(c.col) };
          continue;
        }
        if (v === null) continue;
        while (cells.length < c.col - 1) cells.push(null);
        cells[c.col - 1] = v;
      }
      lastRow = raw.row;
      pending.push({ row: raw.row, cells });
    });
    try {
      for await (const chunk of stream) {
        parser.write(chunk as string);
        if (pending.length) {
          const batch = pending;
          pending = [];
          for (const r of batch) {
            if ((++n & 1023) === 0) checkAborted(opts.signal, { sheet: sheet.name });
            yield r;
          }
        }
      }
      parser.end();
      for (const r of pending) yield r;
    } catch (e) {
      if (e instanceof AtlasError) throw e;
      throw new AtlasError(
        'FILE_UNREADABLE',
        `Sheet "${sheet.name}" is damaged near row ${lastRow + 1} (${(e as Error).message})`,
        { sheet: sheet.name, row: lastRow + 1 },
      );
    } finally {
      stream.destroy();
      if (noValue > 0) {
        opts.problems.push({
          code: 'FORMULA_NO_VALUE',
          message: `${noValue} formula cell(s) have no saved result (open and save the file in Excel to compute them); read as blank`,
          severity: 'warning',
          ...(noValueAt ? { row: noValueAt.row, column: noValueAt.column } : {}),
        });
      }
    }
  }

  /** Whether cells of style `s` display dates (cached per style). */
  private isDateStyle(s: number): boolean {
    let d = this.dateStyles.get(s);
    if (d === undefined) {
      d = isDateFormat(this.reader.styles?.getStyleModel(s)?.numFmt);
      this.dateStyles.set(s, d);
    }
    return d;
  }

  /**
   * Staging text of a raw cell: numbers as String(n) (dates by their number format), shared/inline
   * strings (rich text joined, `_xHHHH_` escapes decoded), booleans 'TRUE'/'FALSE', errors null;
   * undefined = a formula without a cached result.
   */
  private cellText(c: RawCell, transform?: (s: string) => string): string | null | undefined {
    const missing = c.f ? undefined : null;
    switch (c.t) {
      case 's': {
        if (c.v === undefined) return missing;
        const ss = sharedStringText(this.reader.sharedStrings?.[Number(c.v)]);
        return ss === null ? null : cellString(ss, transform);
      }
      case 'inlineStr':
        return c.is !== undefined
          ? cellString(c.is, transform)
          : c.v !== undefined
            ? cellString(c.v, transform)
            : missing;
      case 'str':
        return c.v !== undefined ? cellString(c.v, transform) : missing;
      case 'b':
        return c.v === undefined ? missing : Number(c.v) !== 0 ? 'TRUE' : 'FALSE';
      case 'e':
        return null;
      case 'd': {
        if (c.v === undefined) return missing;
        // ISO 8601 without a zone is wall-clock time: read it as UTC like Excel serials.
        const zoned = /^\d{4}-\d\d-\d\d$|[zZ]$|[+-]\d\d:?\d\d$/.test(c.v);
        const d = new Date(zoned ? c.v : `${c.v}Z`);
        return Number.isFinite(d.getTime()) ? dateText(d) : cellString(c.v, transform);
      }
      default: {
        if (c.v === undefined || c.v === '') return missing;
        const x = Number(c.v);
        if (!Number.isFinite(x)) return null;
        return c.s && this.isDateStyle(c.s) ? dateText(excelSerialToDate(x, this.date1904)) : numberText(x);
      }
    }
  }
}

/** Plain text of a cached shared string: a string, or exceljs's `{ richText: [{ text }] }` runs joined. */
export function sharedStringText(ss: unknown): string | null {
  if (typeof ss === 'string') return ss;
  if (ss !== null && typeof ss === 'object' && Array.isArray((ss as { richText?: unknown }).richText)) {
    return (ss as { richText: { text?: unknown }[] }).richText
      .map((p) => (typeof p.text === 'string' ? p.text : ''))
      .join('');
  }
  return null;
}
