/**
 * Number, value, period and date formatting for the UI, in the user's language: a thin layer over
 * shared/format.ts that picks the digits the UI wants (whole numbers for large values, a decimal or two
 * for small ones) and keeps compact figures in full below 10,000, where the scale word adds nothing.
 */
import {
  formatCompact as sharedCompact,
  formatDate as sharedDate,
  formatNumber as sharedNumber,
  formatPeriod as sharedPeriod,
  formatValue as sharedValue,
  EMPTY_VALUE,
} from '../../../shared/format';

/** Languages the UI speaks. */
export type UiLang = 'vi' | 'en';

/** The Intl locale of a UI language (the same as shared/format.ts uses). */
export function intlLocale(lang: UiLang): string {
  return lang === 'vi' ? 'vi-VN' : 'en-US';
}

const isNum = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** Fraction digits that keep small values readable and large ones whole. */
function autoDigits(v: number): number {
  const a = Math.abs(v);
  if (a === 0 || a >= 1000) return 0;
  return a < 10 ? 2 : 1;
}

/** "1.234.567" (vi) / "1,234,567" (en); '–' for null or NaN. `digits` caps the fraction digits. */
export function formatNumber(v: number | null | undefined, lang: UiLang, digits?: number): string {
  if (!isNum(v)) return EMPTY_VALUE;
  return sharedNumber(v, { locale: lang, maxFractionDigits: digits ?? autoDigits(v) });
}

/** A value with its unit of measure: "1.234.567 đồng", "12,5%". '–' for null or NaN. */
export function formatValue(
  v: number | null | undefined,
  unit: string | null | undefined,
  lang: UiLang,
): string {
  if (!isNum(v)) return EMPTY_VALUE;
  return sharedValue(v, unit, lang, autoDigits(v));
}

/**
 * A short value for tiles and axes: "1,2 tỷ đồng", "35,4 triệu", "4.321 hộ" (vi); "1.2B VND" (en).
 * Below 10,000 the number is written in full.
 */
export function formatCompact(
  v: number | null | undefined,
  unit: string | null | undefined,
  lang: UiLang,
): string {
  if (!isNum(v)) return EMPTY_VALUE;
  if (Math.abs(v) < 10_000) return formatValue(v, unit, lang);
  const n = sharedCompact(v, lang);
  if (!unit) return n;
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}

/** A month: "03/2024" (vi), "Mar 2024" (en), from 'YYYY-MM' or the ISO date of its first day. */
export function formatPeriod(period: string, lang: UiLang): string {
  return sharedPeriod(period, 'month', lang);
}

/**
 * A date: "01/03/2024" (vi), "Mar 1, 2024" (en). Takes epoch milliseconds (Arrow DateDay, midnight UTC),
 * a Date or ISO text; '–' for null.
 */
export function formatDate(v: number | Date | string | null | undefined, lang: UiLang): string {
  if (v === null || v === undefined) return EMPTY_VALUE;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return EMPTY_VALUE;
    // Read the UTC calendar day: a local-time reading shifts the day west of Greenwich.
    return sharedDate(new Date(v).toISOString().slice(0, 10), lang);
  }
  return sharedDate(v, lang);
}

/** A share of a whole as a percent ("62%", "4,5%": one decimal below 10%). */
export function formatPercent(ratio: number | null | undefined, lang: UiLang): string {
  if (!isNum(ratio)) return EMPTY_VALUE;
  const digits = Math.abs(ratio) < 0.1 ? 1 : 0;
  return new Intl.NumberFormat(intlLocale(lang), { style: 'percent', maximumFractionDigits: digits }).format(
    ratio,
  );
}
