/**
 * Parse dates and reporting periods as Vietnamese exports write them: "15/03/2024", "2024-03-15", Excel
 * serial numbers, "03/2024", "Tháng 3/2024", "ngày 15 tháng 3 năm 2024", "Quý I/2025", "Q1/2025", "2025"… Pure
 * functions, no Node or DOM APIs. Day-first always: "03/04/2024" is 3 April; "03/15/2024" is rejected.
 */
import { cleanText, foldVi } from './text';

/** The grain of a reporting period. */
export type PeriodGrain = 'month' | 'quarter' | 'year';

/** A reporting period: its first day (ISO 'YYYY-MM-DD') and grain. */
export interface Period {
  start: string;
  grain: PeriodGrain;
}

/** Years accepted in text dates and periods. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const DAY_MS = 86_400_000;
/** Day 0 of Excel's 1900 date system as used for serials ≥ 61 (absorbs the fictitious 1900-02-29). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Excel serials accepted as dates by `parseViDate`/`parsePeriod`: 1990-01-01 … 2100-12-31. */
export const EXCEL_SERIAL_MIN = (Date.UTC(1990, 0, 1) - EXCEL_EPOCH_MS) / DAY_MS;
export const EXCEL_SERIAL_MAX = (Date.UTC(2100, 11, 31) - EXCEL_EPOCH_MS) / DAY_MS;

interface Parts {
  y: number;
  m?: number;
  d?: number;
  q?: number;
}

/**
 * Convert an Excel serial (1900 date system) to ISO 'YYYY-MM-DD'; the fraction (time of day) is dropped.
 * Handles the 1900 leap-year bug: serial 60 is Excel's fictitious 1900-02-29 and gives null, serials 1–59 are
 * 1900-01-01…1900-02-28, serials ≥ 61 count from 1899-12-30. Null for serials < 1 or non-finite input.
 */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const whole = Math.floor(serial);
  if (whole === 60) return null;
  const days = whole < 60 ? whole + 1 : whole;
  const dt = new Date(EXCEL_EPOCH_MS + days * DAY_MS);
  return iso(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/**
 * Parse a date to ISO 'YYYY-MM-DD', or null. Accepts: dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy (also
 * two-digit years: 00–69 → 20xx, 70–99 → 19xx), yyyy-mm-dd (also with '/' or '.', and with a trailing time),
 * yyyymmdd, "ngày 15 tháng 3 năm 2024", "15-Mar-2024"; Excel serials (numbers or digit strings) between
 * 1990-01-01 and 2100-12-31; Date objects. Coarser values give their first day: "03/2024", "2024-03",
 * "Tháng 3/2024", "tháng 03 năm 2024", "T3/2024", "Mar 2024" → the 1st of the month, "Quý I/2024" → the
 * quarter's first day, "2024" or the number 2024 → 1 January. Impossible dates ("31/02/2024") and years
 * outside 1900–2100 give null. Case and diacritics are ignored.
 *
 * A Date object is read as a calendar date: rounded to the nearest UTC midnight, which recovers the intended
 * day whether the reader built it at UTC or at local midnight (any time zone within ±12 h).
 */
export function parseViDate(s: string | number | Date | null | undefined): string | null {
  const p = parseParts(s);
  if (!p) return null;
  const m = p.m ?? (p.q !== undefined ? (p.q - 1) * 3 + 1 : 1);
  return iso(p.y, m, p.d ?? 1);
}

/**
 * Parse a reporting period: month ("2025-03", "03/2025", "3/2025", "Tháng 3/2025", "T3/2025", "tháng 03 năm
 * 2025"), quarter ("Quý I/2025", "Quý 1/2025", "Q1/2025", "Q1 2025", "2025-Q1", Roman I–IV or digits 1–4) or
 * year ("2025", "Năm 2025"). Full dates, Excel serials and Date objects give the month containing them.
 * Case- and diacritics-insensitive. Null when nothing fits.
 */
export function parsePeriod(s: string | number | Date | null | undefined): Period | null {
  const p = parseParts(s);
  if (!p) return null;
  if (p.m !== undefined) return { start: iso(p.y, p.m, 1), grain: 'month' };
  if (p.q !== undefined) return { start: iso(p.y, (p.q - 1) * 3 + 1, 1), grain: 'quarter' };
  return { start: iso(p.y, 1, 1), grain: 'year' };
}

function parseParts(s: string | number | Date | null | undefined): Parts | null {
  if (s == null) return null;
  if (s instanceof Date) return fromDate(s);
  if (typeof s === 'number') return fromNumber(s);
  return fromText(s);
}

function fromDate(dt: Date): Parts | null {
  const t = dt.getTime();
  if (!Number.isFinite(t)) return null;
  const r = new Date(Math.round(t / DAY_MS) * DAY_MS);
  return valid(r.getUTCFullYear(), r.getUTCMonth() + 1, r.getUTCDate());
}

function fromNumber(n: number): Parts | null {
  if (!Number.isFinite(n)) return null;
  if (Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR) return { y: n };
  if (Number.isInteger(n) && n >= 19_000_101 && n <= 21_001_231) {
    return valid(Math.floor(n / 10_000), Math.floor(n / 100) % 100, n % 100);
  }
  if (n >= EXCEL_SERIAL_MIN && n < EXCEL_SERIAL_MAX + 1) {
    const text = excelSerialToIso(n);
    return text ? fromIso(text) : null;
  }
  return null;
}

function fromIso(text: string): Parts | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? valid(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

const ROMAN: Readonly<Record<string, number>> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
};
const MONTHS_EN = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Separator between month/quarter and year: '/', '-', '.', spaces, or "năm". */
const SEP = String.raw`(?:\s*[-/.]\s*|\s+nam\s+|\s+)`;
const QUARTER = String.raw`(iv|i{1,3}|[1-4])`;

const PATTERNS: readonly (readonly [RegExp, (m: RegExpExecArray) => Parts | null])[] = [
  [/^(\d{4})$/, (m) => year(m[1])],
  [/^nam (\d{4})$/, (m) => year(m[1])],
  [/^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/, (m) => valid(Number(m[1]), Number(m[3]), Number(m[4]))],
  [/^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/, (m) => valid(fullYear(m[4]), Number(m[3]), Number(m[1]))],
  [/^(\d{4})[-/.](\d{1,2})$/, (m) => month(Number(m[1]), Number(m[2]))],
  [/^(\d{1,2})[-/.](\d{4})$/, (m) => month(Number(m[2]), Number(m[1]))],
  [/^(\d{4})(\d{2})(\d{2})$/, (m) => valid(Number(m[1]), Number(m[2]), Number(m[3]))],
  [/^(\d{5})(?:\.\d+)?$/, (m) => serial(m[0])],
  [
    new RegExp(String.raw`^(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})${SEP}(\d{4})$`),
    (m) => valid(Number(m[3]), Number(m[2]), Number(m[1])),
  ],
  [
    new RegExp(String.raw`^(?:thang|t)\s*\.?\s*(\d{1,2})${SEP}(\d{4})$`),
    (m) => month(Number(m[2]), Number(m[1])),
  ],
  [new RegExp(String.raw`^(?:quy|q)\s*\.?\s*${QUARTER}${SEP}(\d{4})$`), (m) => quarter(m[2], m[1])],
  [new RegExp(String.raw`^(\d{4})\s*[-/ ]?\s*(?:quy|q)\s*\.?\s*${QUARTER}$`), (m) => quarter(m[1], m[2])],
  [
    /^(\d{1,2})[- ]([a-z]{3,9})\.?[- ,]+(\d{4}|\d{2})$/,
    (m) => valid(fullYear(m[3]), monthName(m[2]), Number(m[1])),
  ],
  [/^([a-z]{3,9})\.?[- ]+(\d{1,2}),?\s+(\d{4})$/, (m) => valid(Number(m[3]), monthName(m[1]), Number(m[2]))],
  [/^([a-z]{3,9})\.?[- ]+(\d{4}|\d{2})$/, (m) => month(fullYear(m[2]), monthName(m[1]))],
];

function fromText(raw: string): Parts | null {
  let t = foldVi(cleanText(raw)).replace(/\s*,\s*$/, '');
  t = t.replace(
    /(?:t|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:am|pm|sa|ch)?\s*(?:z|[+-]\d{2}:?\d{2})?$/,
    '',
  );
  t = t.replace(/^ngay\s+(?=\d{1,2}[-/.])/, '');
  for (const [re, build] of PATTERNS) {
    const m = re.exec(t);
    if (m) return build(m);
  }
  return null;
}

function year(y: string | undefined): Parts | null {
  const n = Number(y);
  return n >= MIN_YEAR && n <= MAX_YEAR ? { y: n } : null;
}

function month(y: number, m: number): Parts | null {
  return y >= MIN_YEAR && y <= MAX_YEAR && m >= 1 && m <= 12 ? { y, m } : null;
}

function quarter(y: string | undefined, q: string | undefined): Parts | null {
  const n = ROMAN[q ?? ''];
  const p = year(y);
  return p && n !== undefined ? { y: p.y, q: n } : null;
}

function serial(text: string): Parts | null {
  const n = Number(text);
  if (!(n >= EXCEL_SERIAL_MIN && n < EXCEL_SERIAL_MAX + 1)) return null;
  const out = excelSerialToIso(n);
  return out ? fromIso(out) : null;
}

function monthName(name: string | undefined): number {
  const i = MONTHS_EN.indexOf((name ?? '').slice(0, 3));
  if (i < 0) return 0;
  const full =
    [
      'january',
      'february',
      'march',
      'april',
      'may',
      'june',
      'july',
      'august',
      'september',
      'october',
      'november',
      'december',
    ][i] ?? '';
  return name === MONTHS_EN[i] || full.startsWith(name ?? '') || name === 'sept' ? i + 1 : 0;
}

function fullYear(y: string | undefined): number {
  const n = Number(y);
  if ((y ?? '').length !== 2) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

function valid(y: number, m: number, d: number): Parts | null {
  if (!Number.isInteger(y) || y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return null;
  if (d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

/** Days in month `m` (1–12) of year `y`, Gregorian. */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
