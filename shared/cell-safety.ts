/**
 * Spreadsheet formula injection ("CSV injection"): a text cell that starts with `=`, `+`, `-`, `@`, a
 * tab or a carriage return may be run as a formula when Excel or LibreOffice opens the exported file.
 * Every exporter (XLSX, CSV, PPTX tables) passes its text cells through `safeText`; numbers never go
 * through it, so a negative number stays a number and not the text "'-5".
 */

/** The characters that make a spreadsheet treat a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** True when `s` would be read as a formula by a spreadsheet. */
export function isFormulaLike(s: string): boolean {
  return FORMULA_START.test(s);
}

/** `s` made inert: a leading apostrophe when it would run as a formula, otherwise unchanged. */
export function safeText(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** One exported cell: numbers (finite) stay numbers, null/NaN become empty, text is neutralised. */
export function safeCell(v: string | number | null | undefined): string | number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v === null || v === undefined) return null;
  return safeText(v);
}
