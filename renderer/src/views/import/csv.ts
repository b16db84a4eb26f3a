/**
 * CSV writing for downloads opened in Excel: UTF-8 with a BOM (so Excel reads Vietnamese letters),
 * CRLF line ends, RFC 4180 quoting, and formula neutralisation: a cell starting with = + - @ (or a tab
 * or carriage return) is prefixed with a single quote so a spreadsheet shows it as text instead of
 * running it (CSV injection).
 */

/** The byte order mark Excel needs to read the file as UTF-8. */
export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell value as safe text: null/undefined empty, formulas defused. */
export function neutralise(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? value : String(value);
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** One CSV field: neutralised, then quoted when it holds a comma, quote or line break. */
export function csvField(value: unknown): string {
  const s = neutralise(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows (the first usually the header) → CSV text, BOM first. */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return BOM + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A file name safe on every system, from a base name ("mo_hinh.xlsx" → "mo_hinh"). */
export function safeName(name: string): string {
  const base = name.replace(/\.[^.]+$/, '');
  const clean = [...base]
    .map((ch) => (ch.charCodeAt(0) < 32 || '<>:"/\\|?*'.includes(ch) ? '_' : ch))
    .join('')
    .trim();
  return clean.slice(0, 80) || 'import';
}
