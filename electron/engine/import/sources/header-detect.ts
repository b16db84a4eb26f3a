/**
 * Header-row detection over a small matrix of cell strings (the first rows of a sheet or text file).
 *
 * Rule (see `detectHeader`): scanning the first 30 rows top-down, the header is the first row (or pair of
 * rows) that is wide compared with the table, made of short labels rather than numbers, dates or sentences,
 * is not a report title ("ỦY BAN NHÂN DÂN…", "BÁO CÁO…", "CỘNG HÒA…"), and has data below it. Two-row
 * headers are recognised by a group cell in the upper row followed by empty cells (a horizontal merge)
 * above a run of labels in the lower row.
 */
import { cleanText } from '../../../../shared/text';

/** The detected header: `headerRow` is the 1-based index of the last header row in the matrix. */
export interface HeaderGuess {
  headerRow: number;
  headerRows: 1 | 2;
  headers: string[];
}

/** How many rows from the top may hold the header. */
export const HEADER_SCAN_ROWS = 30;
/** How many rows below the header are looked at to find the table width and confirm data follows. */
const DATA_LOOKAHEAD = 20;
/** Fraction of the table's width a header row (or pair) must fill. */
const MIN_FILL = 0.6;
/** Fraction of a header row's cells that must be short labels. */
const MIN_LABELS = 0.6;

type Kind = 'empty' | 'number' | 'date' | 'label' | 'long' | 'title';

const NUMBER_RE = /^[-+(]?\s*\d[\d.,\s]*\)?\s*(%|đ|đồng|vnđ|vnd)?$/iu;
const DATE_RE = /^(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}([ T].*)?)$/u;
const TITLE_RE =
  /^(ủy ban|uỷ ban|ubnd|cộng hòa|cộng hoà|độc lập|báo cáo|biểu|phụ lục|mẫu số|kèm theo|đảng bộ|đảng cộng sản|mặt trận|ban chỉ đạo|số:|thành phố .*, ngày|.*ngày \d+ tháng \d+)/iu;

function wordCount(s: string): number {
  return s.split(' ').filter((w) => w !== '').length;
}

/** Classifies one cell for header scoring. Exported for tests. */
export function cellKind(raw: string | null | undefined): Kind {
  const s = cleanText(raw);
  if (s === '') return 'empty';
  if (NUMBER_RE.test(s)) return 'number';
  if (DATE_RE.test(s)) return 'date';
  if (TITLE_RE.test(s)) return 'title';
  if (s.length > 80 || wordCount(s) > 12) return 'long';
  return 'label';
}

interface RowStats {
  kinds: Kind[];
  nonEmpty: number;
  labels: number;
  titles: number;
  longs: number;
  /** Index of the last non-empty cell + 1. */
  width: number;
}

function stats(row: readonly string[] | undefined): RowStats {
  const kinds: Kind[] = [];
  let nonEmpty = 0;
  let labels = 0;
  let titles = 0;
  let longs = 0;
  let width = 0;
  if (row) {
    for (let c = 0; c < row.length; c++) {
      const k = cellKind(row[c]);
      kinds.push(k);
      if (k === 'empty') continue;
      nonEmpty++;
      width = c + 1;
      if (k === 'label') labels++;
      else if (k === 'title') titles++;
      else if (k === 'long') longs++;
    }
  }
  return { kinds, nonEmpty, labels, titles, longs, width };
}

const filled = (s: RowStats, c: number): boolean => (s.kinds[c] ?? 'empty') !== 'empty';

/** True when some non-empty row follows `index` within the look-ahead, or the matrix ends (header only). */
function dataFollows(all: RowStats[], index: number): boolean {
  let sawAny = false;
  for (let j = index + 1; j < all.length && j <= index + 10; j++) {
    sawAny = true;
    const s = all[j];
    if (s && s.nonEmpty > 0) return true;
  }
  // Nothing after the candidate at all: a header-only table is still a header.
  return !sawAny;
}

/**
 * Group runs of a two-row header: an upper cell with a value followed by empty upper cells, above a run of
 * lower labels. Returns for each column the upper group text, or undefined when the column is not in a
 * run of at least two columns.
 */
function groupRuns(
  upper: readonly string[],
  u: RowStats,
  l: RowStats,
  width: number,
): (string | undefined)[] {
  const out: (string | undefined)[] = new Array<string | undefined>(width).fill(undefined);
  let c = 0;
  while (c < width) {
    if (filled(u, c) && filled(l, c)) {
      let end = c + 1;
      while (end < width && !filled(u, end) && filled(l, end)) end++;
      if (end - c >= 2) {
        const group = cleanText(upper[c]);
        for (let k = c; k < end; k++) out[k] = group;
      }
      c = end;
    } else c++;
  }
  return out;
}

function tableWidth(all: RowStats[], from: number, to: number): { maxNonEmpty: number; maxWidth: number } {
  let maxNonEmpty = 0;
  let maxWidth = 0;
  for (let j = from; j < to && j < all.length; j++) {
    const s = all[j];
    if (!s) continue;
    if (s.nonEmpty > maxNonEmpty) maxNonEmpty = s.nonEmpty;
    if (s.width > maxWidth) maxWidth = s.width;
  }
  return { maxNonEmpty, maxWidth };
}

/**
 * Builds the header names for a given header position: one name per column up to `width`. With two rows,
 * columns under a group cell merged over several columns are named 'Group / Name'; otherwise the lower
 * name is used, or the upper one where the lower cell is empty (a vertical merge). Names are cleaned
 * (NFC, whitespace collapsed, line breaks inside a cell become spaces).
 */
export function buildHeaders(
  rows: readonly (readonly string[])[],
  headerRow: number,
  headerRows: 1 | 2,
  width?: number,
): string[] {
  const lower = rows[headerRow - 1] ?? [];
  const upper = headerRows === 2 ? (rows[headerRow - 2] ?? []) : [];
  const ls = stats(lower);
  const us = stats(upper);
  const w = Math.max(width ?? 0, ls.width, us.width);
  const groups = headerRows === 2 ? groupRuns(upper, us, ls, w) : [];
  const headers: string[] = [];
  for (let c = 0; c < w; c++) {
    const name = cleanText(lower[c]);
    const group = groups[c];
    if (group !== undefined && group !== '' && name !== '') headers.push(`${group} / ${name}`);
    else if (name !== '') headers.push(name);
    else headers.push(headerRows === 2 ? cleanText(upper[c]) : '');
  }
  return headers;
}

/** Width of the data region below a header: the widest of the header and the next rows. */
function dataWidth(all: RowStats[], headerIndex: number, headerWidth: number): number {
  return Math.max(headerWidth, tableWidth(all, headerIndex + 1, headerIndex + 1 + DATA_LOOKAHEAD).maxWidth);
}

function isPairHeader(all: RowStats[], upper: readonly string[], i: number, minFill: number): boolean {
  const u = all[i];
  const l = all[i + 1];
  if (!u || !l || u.nonEmpty === 0 || l.nonEmpty === 0) return false;
  if (u.titles > 0 || l.titles > 0 || u.longs > 0 || l.longs > 0) return false;
  const width = Math.max(u.width, l.width);
  let union = 0;
  for (let c = 0; c < width; c++) if (filled(u, c) || filled(l, c)) union++;
  if (union < minFill) return false;
  if (l.labels < MIN_LABELS * l.nonEmpty || u.labels < MIN_LABELS * u.nonEmpty) return false;
  // Group cells are short.
  for (let c = 0; c < u.width; c++) if (filled(u, c) && wordCount(cleanText(upper[c])) > 8) return false;
  const groups = groupRuns(upper, u, l, width);
  const grouped = groups.filter((g) => g !== undefined).length;
  if (grouped === 0) return false;
  // One upper cell spanning the whole lower row is a title, not a group.
  if (u.nonEmpty === 1 && grouped >= l.nonEmpty) return false;
  if (!dataFollows(all, i + 1)) return false;
  // Evidence that the lower row is a header and not the first (text) data row: a vertical merge (upper
  // cell filled, lower empty), several groups, or numbers/dates below lower labels of a group.
  for (let c = 0; c < width; c++) if (filled(u, c) && !filled(l, c)) return true;
  let groupCount = 0;
  for (let c = 0; c < width; c++)
    if (groups[c] !== undefined && (c === 0 || groups[c - 1] === undefined || filled(u, c))) groupCount++;
  if (groupCount >= 2) return true;
  const below = nextNonEmpty(all, i + 1);
  if (!below) return false;
  for (let c = 0; c < width; c++) {
    const k = below.kinds[c];
    if (groups[c] !== undefined && l.kinds[c] === 'label' && (k === 'number' || k === 'date')) return true;
  }
  return false;
}

function nextNonEmpty(all: RowStats[], index: number): RowStats | undefined {
  for (let j = index + 1; j < all.length && j <= index + 5; j++) {
    const s = all[j];
    if (s && s.nonEmpty > 0) return s;
  }
  return undefined;
}

function isSingleHeader(all: RowStats[], i: number, minFill: number, minLabels: number): boolean {
  const s = all[i];
  if (!s || s.nonEmpty < minFill) return false;
  if (s.titles > 0 || s.longs > 0) return false;
  if (s.labels < minLabels * s.nonEmpty || s.labels === 0) return false;
  return dataFollows(all, i);
}

/**
 * Finds the header row in the first rows of a sheet.
 *
 * Scanning rows 1–30 top-down, returns the first that is either
 * - the upper row of a two-row header: together the two rows fill ≥ 60 % of the table's width (the widest
 *   row count in the first 50 rows), both are ≥ 60 % short labels, neither holds a title or a sentence,
 *   and the upper row has at least one group cell followed by empty cells above a run of ≥ 2 lower labels
 *   (a single upper cell spanning the whole row is a title, not a group), with evidence that the lower
 *   row is not the first text data row: a vertical merge (upper filled, lower empty), two or more groups,
 *   or numbers/dates in the next row below a group's labels; or
 * - a single header row: ≥ 2 non-empty cells and ≥ 60 % of the table's width, ≥ 60 % short labels (not
 *   numbers, dates, titles or sentences over 12 words / 80 characters);
 * and that has a non-empty row within the next 10 rows (or is the last row given). If none qualifies, the
 * first row with ≥ 50 % of the width and at least one label is taken (headers made of years or periods);
 * if still none, `null` (e.g. a sheet holding only a title).
 */
export function detectHeader(rows: readonly (readonly string[])[]): HeaderGuess | null {
  const all = rows.map((r) => stats(r));
  const scan = Math.min(all.length, HEADER_SCAN_ROWS);
  const { maxNonEmpty } = tableWidth(all, 0, scan + DATA_LOOKAHEAD);
  if (maxNonEmpty === 0) return null;
  const singleColumn = maxNonEmpty === 1;
  const minFill = singleColumn ? 1 : Math.max(2, Math.ceil(MIN_FILL * maxNonEmpty));

  for (let i = 0; i < scan; i++) {
    const s = all[i];
    if (!s || s.nonEmpty === 0) continue;
    if (!singleColumn && i + 1 < all.length && isPairHeader(all, rows[i] ?? [], i, minFill)) {
      const u = all[i];
      const l = all[i + 1];
      const w = dataWidth(all, i + 1, Math.max(u?.width ?? 0, l?.width ?? 0));
      return { headerRow: i + 2, headerRows: 2, headers: buildHeaders(rows, i + 2, 2, w) };
    }
    if (isSingleHeader(all, i, minFill, MIN_LABELS) && (!singleColumn || singleColumnOk(all, i))) {
      return {
        headerRow: i + 1,
        headerRows: 1,
        headers: buildHeaders(rows, i + 1, 1, dataWidth(all, i, s.width)),
      };
    }
  }
  if (singleColumn) return null;
  const relaxed = Math.max(2, Math.ceil(0.5 * maxNonEmpty));
  for (let i = 0; i < scan; i++) {
    const s = all[i];
    if (s && isSingleHeader(all, i, relaxed, 0)) {
      return {
        headerRow: i + 1,
        headerRows: 1,
        headers: buildHeaders(rows, i + 1, 1, dataWidth(all, i, s.width)),
      };
    }
  }
  return null;
}

/** A one-column table: the header must be followed by actual rows, and the rows must not all be labels-as-titles. */
function singleColumnOk(all: RowStats[], i: number): boolean {
  for (let j = i + 1; j < all.length; j++) if ((all[j]?.nonEmpty ?? 0) > 0) return true;
  return false;
}

/**
 * A "column numbering" row right below the header ("(1) (2) (3)…", "1 2 3…", "A B 1 2…"), common in
 * Vietnamese report templates. Returns true when most cells are such markers in increasing order.
 */
export function isColumnNumberingRow(row: readonly string[]): boolean {
  const cells = row.map((c) => cleanText(c)).filter((c) => c !== '');
  if (cells.length < 3) return false;
  let numbered = 0;
  let last = 0;
  for (const c of cells) {
    const m = /^\(?(\d{1,3})\)?$/u.exec(c);
    if (m) {
      const n = Number(m[1]);
      if (n > last) {
        numbered++;
        last = n;
      }
    } else if (/^\(?[A-Z]\)?$/u.test(c)) numbered++;
  }
  return numbered >= 0.8 * cells.length && last >= 2;
}
