/**
 * A streaming parser for the `<sheetData>` of an XLSX worksheet part: rows of raw cells (reference, type,
 * style, value text, inline string, formula flag), fed with text chunks of any size. It replaces exceljs's
 * WorksheetReader, which drops all but the last run of a rich inline string, crashes on cells without an
 * `r` attribute and builds Row/Cell objects (about 5× slower). Only what the cells need is understood:
 * elements (any namespace prefix), attributes, character data with entities, CDATA, comments and
 * processing instructions; everything outside `<sheetData>` is skipped.
 */

/** One cell as stored: the caller turns it into text (shared strings, number formats). */
export interface RawCell {
  /** 1-based column. */
  col: number;
  /** The `t` attribute: 's', 'str', 'inlineStr', 'b', 'e', 'n', 'd' or undefined. */
  t: string | undefined;
  /** The `s` (style) attribute, 0 when absent. */
  s: number;
  /** Text of `<v>`, undefined when absent. */
  v: string | undefined;
  /** Text of an inline string `<is>` (all runs joined, phonetic runs skipped). */
  is: string | undefined;
  /** The cell has a formula (`<f>`). */
  f: boolean;
}

/** A row: Excel's 1-based number and its cells in document order. */
export interface RawRow {
  row: number;
  cells: RawCell[];
}

const ENTITY_RE = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes XML character references and the five predefined entities. */
export function decodeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY_RE, (_, e: string) => {
    if (e.charCodeAt(0) === 35) {
      const code = e.charCodeAt(1) === 120 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED[e] ?? '';
  });
}

/** Column number of a cell reference ('B12' → 2, 'XFD1' → 16384); 0 when it has no letters. */
export function refColumn(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  return col;
}

/** The attributes of a start tag (local names, values decoded), parsed by hand for speed. */
function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const n = tag.length;
  let i = 0;
  for (;;) {
    const eq = tag.indexOf('=', i);
    if (eq < 0) break;
    let k = eq + 1;
    while (
      k < n &&
      (tag.charCodeAt(k) === 32 ||
        tag.charCodeAt(k) === 9 ||
        tag.charCodeAt(k) === 10 ||
        tag.charCodeAt(k) === 13)
    )
      k++;
    const q = tag.charCodeAt(k);
    if (q !== 34 && q !== 39) break;
    const close = tag.indexOf(q === 34 ? '"' : "'", k + 1);
    if (close < 0) break;
    const name = tag.slice(i, eq).trim();
    out[name.slice(name.indexOf(':') + 1)] = decodeXml(tag.slice(k + 1, close));
    i = close + 1;
  }
  return out;
}

type Capture = 'none' | 'v' | 't';

/** Incremental parser; `write` text chunks, then `end`. Completed rows are handed to `onRow`. */
export class SheetXmlParser {
  private buf = '';
  private inSheetData = false;
  private row: RawRow | undefined;
  private lastRow = 0;
  private nextCol = 1;
  private cell: RawCell | undefined;
  private capture: Capture = 'none';
  private text = '';
  private inIs = false;
  private isText = '';
  private inPhonetic = false;
  private done = false;

  constructor(private readonly onRow: (row: RawRow) => void) {}

  /** Feeds the next piece of the document. */
  write(chunk: string): void {
    if (this.done) return;
    this.buf = this.buf.length ? this.buf + chunk : chunk;
    this.run(false);
  }

  /** Ends the document. */
  end(): void {
    this.run(true);
    if (this.row) this.emitRow();
    this.buf = '';
  }

  private run(final: boolean): void {
    const buf = this.buf;
    const n = buf.length;
    let pos = 0;
    while (pos < n && !this.done) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) {
        if (this.capture !== 'none') this.text += buf.slice(pos);
        pos = n;
        break;
      }
      if (lt > pos && this.capture !== 'none') this.text += buf.slice(pos, lt);
      // The text before '<' is consumed even if the tag is still incomplete.
      pos = lt;
      const c1 = buf.charCodeAt(lt + 1);
      if (c1 === 33 /* ! */) {
        if (buf.startsWith('<![CDATA[', lt)) {
          const end = buf.indexOf(']]>', lt + 9);
          if (end < 0) break;
          if (this.capture !== 'none')
            this.text += buf
              .slice(lt + 9, end)
              .replace(/&/g, '&amp;')
              .replace(/</g, '&lt;');
          pos = end + 3;
          continue;
        }
        if (buf.startsWith('<!--', lt)) {
          const end = buf.indexOf('-->', lt + 4);
          if (end < 0) break;
          pos = end + 3;
          continue;
        }
        const end = buf.indexOf('>', lt);
        if (end < 0) break;
        pos = end + 1;
        continue;
      }
      if (c1 === 63 /* ? */) {
        const end = buf.indexOf('?>', lt);
        if (end < 0) break;
        pos = end + 2;
        continue;
      }
      const gt = this.tagEnd(buf, lt);
      if (gt < 0) break;
      this.tag(buf, lt, gt);
      pos = gt + 1;
    }
    if (final && pos < n && this.capture !== 'none') this.text += buf.slice(pos);
    this.buf = pos >= n ? '' : buf.slice(pos);
  }

  /** Index of the '>' closing the tag at `lt`, skipping quoted attribute values; -1 if not yet complete. */
  private tagEnd(buf: string, lt: number): number {
    const n = buf.length;
    for (let i = lt + 1; i < n; i++) {
      const c = buf.charCodeAt(i);
      if (c === 62) return i;
      if (c === 34 || c === 39) {
        const close = buf.indexOf(c === 34 ? '"' : "'", i + 1);
        if (close < 0) return -1;
        i = close;
      }
    }
    return -1;
  }

  private tag(buf: string, lt: number, gt: number): void {
    const closing = buf.charCodeAt(lt + 1) === 47; /* / */
    let i = closing ? lt + 2 : lt + 1;
    let j = i;
    while (j < gt) {
      const c = buf.charCodeAt(j);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) break;
      j++;
    }
    let name = buf.slice(i, j);
    const colon = name.indexOf(':');
    if (colon >= 0) name = name.slice(colon + 1);
    const selfClosing = !closing && buf.charCodeAt(gt - 1) === 47;
    i = j;
    if (closing) this.close(name);
    else {
      this.open(name, buf, i, gt);
      if (selfClosing) this.close(name);
    }
  }

  private open(name: string, buf: string, from: number, to: number): void {
    if (!this.inSheetData) {
      if (name === 'sheetData') this.inSheetData = true;
      return;
    }
    switch (name) {
      case 'row': {
        if (this.row) this.emitRow();
        const r = Number(attrs(buf.slice(from, to))['r']);
        const rowNo = Number.isInteger(r) && r > this.lastRow ? r : this.lastRow + 1;
        this.lastRow = rowNo;
        this.row = { row: rowNo, cells: [] };
        this.nextCol = 1;
        break;
      }
      case 'c': {
        if (!this.row) this.open('row', '', 0, 0);
        const a = attrs(buf.slice(from, to));
        const ref = a['r'];
        let col = ref ? refColumn(ref) : 0;
        if (col < 1) col = this.nextCol;
        this.nextCol = col + 1;
        const s = Number(a['s'] ?? 0);
        this.cell = {
          col,
          t: a['t'],
          s: Number.isFinite(s) ? s : 0,
          v: undefined,
          is: undefined,
          f: false,
        };
        break;
      }
      case 'v':
        if (this.cell) this.startCapture('v');
        break;
      case 'f':
        if (this.cell) this.cell.f = true;
        break;
      case 'is':
        if (this.cell) {
          this.inIs = true;
          this.isText = '';
        }
        break;
      case 'rPh':
        this.inPhonetic = true;
        break;
      case 't':
        if (this.inIs && !this.inPhonetic) this.startCapture('t');
        break;
      default:
        break;
    }
  }

  private startCapture(c: Capture): void {
    this.capture = c;
    this.text = '';
  }

  private close(name: string): void {
    if (!this.inSheetData) return;
    switch (name) {
      case 'sheetData':
        if (this.row) this.emitRow();
        this.inSheetData = false;
        this.done = true;
        break;
      case 'row':
        if (this.row) this.emitRow();
        break;
      case 'c':
        if (this.cell && this.row) this.row.cells.push(this.cell);
        this.cell = undefined;
        break;
      case 'v':
        if (this.cell && this.capture === 'v') this.cell.v = decodeXml(this.text);
        this.capture = 'none';
        break;
      case 't':
        if (this.capture === 't') this.isText += decodeXml(this.text);
        this.capture = 'none';
        break;
      case 'rPh':
        this.inPhonetic = false;
        break;
      case 'is':
        if (this.cell) this.cell.is = this.isText;
        this.inIs = false;
        break;
      default:
        break;
    }
  }

  private emitRow(): void {
    const row = this.row;
    this.row = undefined;
    this.cell = undefined;
    if (row) this.onRow(row);
  }
}
