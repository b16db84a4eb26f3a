/**
 * Delimited text, the JS side: a small RFC 4180 parser for the preview (first records only), delimiter
 * sniffing, and a byte-level scanner that mirrors DuckDB's record splitting so staged rows get their real
 * line numbers. The bulk parse is DuckDB's `read_csv` (see csv-stage.ts).
 *
 * Dialect (same as the DuckDB call): fields separated by one delimiter byte; a field that starts with '"'
 * is quoted until a '"' not followed by another '"' ('""' is a literal quote); LF, CRLF and lone CR end a
 * record outside quotes; a record with no byte other than line ends is blank and skipped (DuckDB does the
 * same); a whitespace-only record is kept.
 */
import { isUtf8 } from 'node:buffer';

/** Delimiters considered by the sniffer. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** One parsed record: its first line number (1-based) and cells ([] for a blank line). */
export interface TextRecord {
  line: number;
  /** Last physical line of the record (differs from `line` when a quoted field spans lines). */
  endLine: number;
  cells: string[];
}

/**
 * Parses the records of `text` (no BOM) up to `maxRecords` (blank lines count as records with no cells).
 * `complete` says the text is the whole file; otherwise a record cut by the end of the text is dropped.
 */
export function parseRecords(
  text: string,
  delimiter: string,
  maxRecords: number,
  complete: boolean,
): TextRecord[] {
  const out: TextRecord[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n && out.length < maxRecords) {
    const start = line;
    const cells: string[] = [];
    let field = '';
    let content = false;
    let ended = false;
    let inQuote = false;
    let fieldStart = true;
    for (; i < n; i++) {
      const ch = text.charCodeAt(i);
      if (inQuote) {
        if (ch === 34) {
          if (text.charCodeAt(i + 1) === 34) {
            field += '"';
            i++;
          } else inQuote = false;
        } else {
          if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) line++;
          field += text[i];
        }
        continue;
      }
      if (ch === 34 && fieldStart) {
        inQuote = true;
        fieldStart = false;
        content = true;
        continue;
      }
      if (text[i] === delimiter) {
        cells.push(field);
        field = '';
        fieldStart = true;
        content = true;
        continue;
      }
      if (ch === 10 || ch === 13) {
        if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
        i++;
        line++;
        ended = true;
        break;
      }
      field += text[i];
      fieldStart = false;
      content = true;
    }
    if (!ended && !complete) break;
    if (content) cells.push(field);
    out.push({ line: start, endLine: ended ? line - 1 : line, cells });
  }
  return out;
}

/**
 * Picks the delimiter among , ; TAB | whose quote-aware field count is most consistent (the count > 1
 * shared by most records; ties go to the larger count, then to `prefer`). ',' when none splits anything.
 */
export function sniffDelimiter(text: string, prefer?: string): string {
  let best = prefer ?? ',';
  let bestScore = 0;
  const order = prefer ? [prefer, ...DELIMITERS.filter((d) => d !== prefer)] : [...DELIMITERS];
  for (const d of order) {
    const counts = new Map<number, number>();
    for (const r of parseRecords(text, d, 100, false)) {
      if (r.cells.length > 1) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
    }
    let score = 0;
    for (const [fields, freq] of counts) score = Math.max(score, freq + Math.min(fields, 1000) * 0.001);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** What a full pass over a UTF-8 file found. */
export interface ScanResult {
  /** Non-blank records (DuckDB's row count for the file). */
  records: number;
  /** Widest record at or after `fromRecord` (fields). */
  maxFields: number;
  /** A quoted field spans lines (DuckDB then needs parallel=false with null_padding). */
  multiLine: boolean;
  /** Combining diacritics present (the text needs NFC normalisation). */
  combining: boolean;
  /** The bytes are valid UTF-8. */
  validUtf8: boolean;
  /**
   * Line-number breakpoints for records ≥ `fromRecord`: record k starts at line
   * `lines[j] + (k - recs[j])` for the last j with `recs[j] <= k`.
   */
  breakRecords: number[];
  breakLines: number[];
}

/**
 * A byte-level scanner over UTF-8 data, fed chunk by chunk. Counts non-blank records as DuckDB does and
 * records where their start lines stop following one another (blank lines, multi-line quoted fields).
 * `fromRecord` is the 0-based index (among non-blank records) of the first data record.
 */
export class CsvScanner {
  private inQuote = false;
  private pendingQuote = false;
  private fieldStart = true;
  private content = false;
  private prevCR = false;
  private fields = 1;
  private line = 1;
  private recStart = 1;
  private k = 0;
  private expectK = -1;
  private expectLine = 0;
  private carry: Buffer | undefined;
  readonly result: ScanResult = {
    records: 0,
    maxFields: 0,
    multiLine: false,
    combining: false,
    validUtf8: true,
    breakRecords: [],
    breakLines: [],
  };

  constructor(
    private readonly delimiter: number,
    private readonly fromRecord: number,
  ) {}

  private endRecord(): void {
    if (this.content) {
      const k = this.k++;
      if (k >= this.fromRecord) {
        if (this.fields > this.result.maxFields) this.result.maxFields = this.fields;
        if (k !== this.expectK || this.recStart !== this.expectLine) {
          this.result.breakRecords.push(k);
          this.result.breakLines.push(this.recStart);
        }
        this.expectK = k + 1;
        this.expectLine = this.recStart + 1;
      } else if (k === this.fromRecord - 1 && this.fields > this.result.maxFields) {
        // the header record also sizes the table
        this.result.maxFields = this.fields;
      }
    }
    this.fields = 1;
    this.fieldStart = true;
    this.content = false;
  }

  /** Feeds the next chunk of bytes. */
  write(chunk: Buffer): void {
    this.validate(chunk);
    const d = this.delimiter;
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      const b = chunk[i] as number;
      if (this.prevCR) {
        this.prevCR = false;
        if (b === 10) continue;
      }
      if (b === 0xcc || b === 0xcd) this.result.combining = true;
      if (this.inQuote) {
        if (this.pendingQuote) {
          this.pendingQuote = false;
          if (b === 34) continue;
          this.inQuote = false;
          // fall through: the byte after a closing quote is read unquoted
        } else {
          if (b === 34) this.pendingQuote = true;
          else if (b === 10 || b === 13) {
            this.line++;
            this.result.multiLine = true;
            if (b === 13) this.prevCR = true;
          }
          continue;
        }
      }
      if (b === 34 && this.fieldStart) {
        this.inQuote = true;
        this.fieldStart = false;
        this.content = true;
      } else if (b === d) {
        this.fields++;
        this.fieldStart = true;
        this.content = true;
      } else if (b === 10 || b === 13) {
        this.endRecord();
        this.line++;
        this.recStart = this.line;
        if (b === 13) this.prevCR = true;
      } else {
        this.fieldStart = false;
        this.content = true;
      }
    }
  }

  private validate(chunk: Buffer): void {
    if (!this.result.validUtf8) return;
    const data = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    let end = data.length;
    // keep an incomplete trailing sequence for the next chunk
    let k = 0;
    while (end > 0 && k < 4 && ((data[end - 1] ?? 0) & 0xc0) === 0x80) {
      end--;
      k++;
    }
    if (end > 0) {
      const lead = data[end - 1] ?? 0;
      const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
      end = need > k + 1 ? end - 1 : data.length;
    } else end = data.length;
    if (!isUtf8Slice(data, end)) this.result.validUtf8 = false;
    this.carry = end < data.length ? Buffer.from(data.subarray(end)) : undefined;
  }

  /** Ends the input; returns the result. */
  finish(): ScanResult {
    if (this.carry && this.carry.length) this.result.validUtf8 = false;
    this.endRecord();
    this.result.records = this.k;
    return this.result;
  }
}

function isUtf8Slice(data: Buffer, end: number): boolean {
  return isUtf8(data.subarray(0, end));
}
