/**
 * Display formatting for numbers, values with units, periods and dates in Vietnamese (vi-VN) and English
 * (en-US) using Intl. Pure functions, no Node or DOM APIs. Every formatter renders null, undefined, NaN and
 * unparseable input as "–" (EMPTY_VALUE).
 */
import type { PeriodGrain } from './vi-date';
import { parseViDate } from './vi-date';

/** The UI locales. 'vi' formats as vi-VN (1.234.567,5), 'en' as en-US (1,234,567.5). */
export type FormatLocale = 'vi' | 'en';

/** What formatters show for a missing value. */
export const EMPTY_VALUE = '–';

/** Options for `formatNumber`. */
export interface NumberFormatOptions {
  /** Default 'vi'. */
  locale?: FormatLocale;
  /** Most fraction digits shown (trailing zeros dropped); default 2. */
  maxFractionDigits?: number;
  /** Fewest fraction digits shown; default 0. */
  minFractionDigits?: number;
}

const INTL_LOCALE: Readonly<Record<FormatLocale, string>> = { vi: 'vi-VN', en: 'en-US' };
const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: FormatLocale, min: number, max: number): Intl.NumberFormat {
  const key = `${locale}|${min}|${max}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(INTL_LOCALE[locale], {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
      useGrouping: true,
    });
    formatters.set(key, f);
  }
  return f;
}

function isMissing(v: number | null | undefined): v is null | undefined {
  return v == null || !Number.isFinite(v);
}

/**
 * Format a number with the locale's grouping and decimal marks: vi "1.234.567", "12,5"; en "1,234,567",
 * "12.5". Rounds to `maxFractionDigits` (default 2); never shows "-0". Non-finite or null → "–".
 */
export function formatNumber(v: number | null | undefined, opts: NumberFormatOptions = {}): string {
  if (isMissing(v)) return EMPTY_VALUE;
  const max = clampDigits(opts.maxFractionDigits ?? 2);
  const min = Math.min(clampDigits(opts.minFractionDigits ?? 0), max);
  const out = numberFormat(opts.locale ?? 'vi', min, max).format(v);
  return /^-0(?:[.,]0*)?$/.test(out) ? out.slice(1) : out;
}

function clampDigits(n: number): number {
  return Math.max(0, Math.min(20, Math.trunc(n)));
}

/**
 * Format a value with its unit of measure: "1.234.567 đồng", "12,5%" (no space before % in either locale),
 * en "1,234,567 đồng". The unit is shown as given (translating catalogue units is the UI's job); an empty or
 * missing unit shows the number alone. Up to `maxFractionDigits` (default 2) decimals. Null → "–".
 */
export function formatValue(
  v: number | null | undefined,
  unit: string | null | undefined,
  locale: FormatLocale = 'vi',
  maxFractionDigits = 2,
): string {
  if (isMissing(v)) return EMPTY_VALUE;
  const n = formatNumber(v, { locale, maxFractionDigits });
  const u = (unit ?? '').trim();
  if (u === '') return n;
  if (u === '%') return `${n}%`;
  return `${n} ${u}`;
}

/** Compact scales, largest first: vi words, en suffixes. */
const COMPACT: readonly { size: number; vi: string; en: string }[] = [
  { size: 1e12, vi: 'nghìn tỷ', en: 'T' },
  { size: 1e9, vi: 'tỷ', en: 'B' },
  { size: 1e6, vi: 'triệu', en: 'M' },
  { size: 1e3, vi: 'nghìn', en: 'K' },
];

/**
 * Short form for large numbers: vi "1,2 tỷ", "3,4 triệu", "12,5 nghìn", "1.234 nghìn tỷ"; en "1.2B",
 * "3.4M", "12.5K". One decimal below 100 of the scale, none above; values that round up to the next scale
 * move to it (999.960 → "1 triệu"). Below 1,000 the number is shown as `formatNumber` with one decimal.
 * Null → "–".
 */
export function formatCompact(v: number | null | undefined, locale: FormatLocale = 'vi'): string {
  if (isMissing(v)) return EMPTY_VALUE;
  const abs = Math.abs(v);
  const sign = Math.sign(v);
  let idx = COMPACT.findIndex((s) => abs >= s.size);
  if (idx < 0) {
    const small = Math.round(abs * 10) / 10;
    if (small < 1000) return formatNumber(sign * small, { locale, maxFractionDigits: 1 });
    idx = COMPACT.length - 1;
  }
  let rounded = roundCompact(abs / (COMPACT[idx]?.size ?? 1));
  if (rounded >= 1000 && idx > 0) {
    idx--;
    rounded = roundCompact(abs / (COMPACT[idx]?.size ?? 1));
  }
  const scale = COMPACT[idx];
  const num = formatNumber(sign * rounded, { locale, maxFractionDigits: rounded < 100 ? 1 : 0 });
  if (!scale) return num;
  return locale === 'vi' ? `${num} ${scale.vi}` : `${num}${scale.en}`;
}

/** One decimal below 100, none from 100 up. */
function roundCompact(x: number): number {
  return x < 100 ? Math.round(x * 10) / 10 : Math.round(x);
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ROMAN = ['I', 'II', 'III', 'IV'];

/** Year, month and day of an ISO date ('YYYY-MM-DD', or 'YYYY-MM' for the first of the month), or null. */
function isoParts(iso: string | null | undefined): { y: number; m: number; d: number } | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso ?? '');
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = m[3] === undefined ? 1 : Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
  return { y, m: mo, d };
}

/**
 * Label a period from its first day: month vi "03/2025", en "Mar 2025"; quarter vi "Quý I/2025", en
 * "Q1 2025" (the quarter containing the date); year "2025". Malformed or missing dates → "–".
 */
export function formatPeriod(
  isoStart: string | null | undefined,
  grain: PeriodGrain,
  locale: FormatLocale = 'vi',
): string {
  const p = isoParts(isoStart);
  if (!p) return EMPTY_VALUE;
  switch (grain) {
    case 'year':
      return String(p.y);
    case 'quarter': {
      const q = Math.floor((p.m - 1) / 3);
      return locale === 'vi' ? `Quý ${ROMAN[q] ?? ''}/${p.y}` : `Q${q + 1} ${p.y}`;
    }
    case 'month':
      return locale === 'vi' ? `${pad2(p.m)}/${p.y}` : `${MONTHS_EN[p.m - 1] ?? ''} ${p.y}`;
  }
}

/**
 * Format a date: vi "15/03/2024", en "Mar 15, 2024". Takes an ISO date (a trailing time is ignored), a Date
 * (read as its calendar day, see `parseViDate`) or any text `parseViDate` understands. Otherwise "–".
 */
export function formatDate(value: string | Date | null | undefined, locale: FormatLocale = 'vi'): string {
  if (value == null) return EMPTY_VALUE;
  const p =
    typeof value === 'string'
      ? (isoParts(value) ?? isoParts(parseViDate(value)))
      : isoParts(parseViDate(value));
  if (!p) return EMPTY_VALUE;
  return locale === 'vi' ? `${pad2(p.d)}/${pad2(p.m)}/${p.y}` : `${MONTHS_EN[p.m - 1] ?? ''} ${p.d}, ${p.y}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
