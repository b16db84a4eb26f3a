/**
 * Column type inference from sample cells as text: numbers are what `parseViNumber` reads (so the
 * preview agrees with the importer); dates and periods are recognised by shape, since the preview must
 * tell a date from a month, which `parsePeriod` does not.
 */
import type { SheetPreview, TargetField } from '../import-types';
import { cleanText, foldVi } from '../text';
import { NUMBER_PLACEHOLDERS, parseViNumber } from '../vi-number';

/** The inferred type of one column, as the preview shows it. */
export type ColumnType = SheetPreview['types'][number];

type CellShape = 'blank' | 'number' | 'year' | 'serial' | 'date' | 'period' | 'text';

/** Share of non-blank cells that must agree for a column to get a non-text type. */
export const TYPE_AGREEMENT = 0.8;

const BLANKS = new Set(['', '--', '.', ...NUMBER_PLACEHOLDERS]);

/**
 * True when the text is a number the importer will read (`parseViNumber`: Vietnamese notation
 * "1.234.567", "12,5", machine notation, a known unit such as "đồng", "%", "căn"); placeholders are not.
 */
export function looksNumeric(text: string): boolean {
  return parseViNumber(text) !== null;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2100) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** True for dd/mm/yyyy (also "-" or "." separated) and ISO yyyy-mm-dd, with an optional time. */
export function looksDate(text: string): boolean {
  const t = cleanText(text);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t);
  if (dmy) return validDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  const iso =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return false;
}

const MONTH = '(?:0?[1-9]|1[0-2])';
const YEAR = '(?:19|20)\\d{2}';
const PERIOD_PATTERNS: readonly RegExp[] = [
  new RegExp(`^${YEAR}-${MONTH}$`), // 2025-03
  new RegExp(`^${MONTH}[/.-]${YEAR}$`), // 03/2025
  new RegExp(`^(?:thang|t)\\s*${MONTH}\\s*(?:[/.-]|nam)\\s*${YEAR}$`), // Tháng 3/2025, T3/2025, tháng 3 năm 2025
  new RegExp(`^(?:quy|q)\\s*(?:[1-4]|i{1,3}|iv)\\s*(?:[/.-]|nam)?\\s*${YEAR}$`), // Quý I/2025, Q1/2025, Q1 2025
  new RegExp(`^${YEAR}\\s*[/-]?\\s*q[1-4]$`), // 2025-Q1
  new RegExp(`^nam\\s*${YEAR}$`), // Năm 2025
];

/** True for report periods: "2025-03", "03/2025", "Tháng 3/2025", "Quý I/2025", "Q1/2025", "2025-Q1". */
export function looksPeriod(text: string): boolean {
  const t = foldVi(text);
  return PERIOD_PATTERNS.some((re) => re.test(t));
}

function shape(cell: string): CellShape {
  const t = cleanText(cell);
  if (BLANKS.has(t.toLowerCase())) return 'blank';
  if (/^(?:19|20)\d{2}$/.test(t)) return 'year';
  if (looksDate(t)) return 'date';
  if (looksPeriod(t)) return 'period';
  if (/^\d{5}$/.test(t) && Number(t) <= 80000) return 'serial';
  if (looksNumeric(t)) return 'number';
  return 'text';
}

/** Targets whose values are identifiers: shown as text even when they are all digits (leading zeros). */
const ID_TARGETS: ReadonlySet<TargetField> = new Set(['model_id', 'unit_code', 'replicated_from']);

/**
 * Infers a column's type from its sample cells. Blank-like cells ("", "-", "—") are ignored; 'empty'
 * when nothing remains. A type wins when at least 80 % of the other cells have it, else 'text'.
 * Numbers include Vietnamese notation; years and Excel-serial-like integers (10000..80000) read as
 * 'date' only when the target says date (start_date), years as 'period' when it says period.
 * Identifier targets (model_id, unit_code, replicated_from) are always 'text': codes keep leading zeros.
 */
export function inferColumnType(cells: readonly string[], target?: TargetField | null): ColumnType {
  const shapes = cells.map(shape).filter((s) => s !== 'blank');
  if (shapes.length === 0) return 'empty';
  if (target && ID_TARGETS.has(target)) return 'text';
  const count = (pred: (s: CellShape) => boolean) => shapes.filter(pred).length / shapes.length;
  const dateTarget = target === 'start_date';
  const periodTarget = target === 'period';

  if (
    dateTarget &&
    count((s) => s === 'date' || s === 'year' || s === 'serial' || s === 'period') >= TYPE_AGREEMENT
  ) {
    return 'date';
  }
  if (periodTarget && count((s) => s === 'period' || s === 'year' || s === 'date') >= TYPE_AGREEMENT) {
    return count((s) => s === 'date') >= TYPE_AGREEMENT ? 'date' : 'period';
  }
  if (count((s) => s === 'number' || s === 'year' || s === 'serial') >= TYPE_AGREEMENT) return 'number';
  if (count((s) => s === 'date') >= TYPE_AGREEMENT) return 'date';
  if (count((s) => s === 'period' || s === 'date') >= TYPE_AGREEMENT) return 'period';
  return 'text';
}
