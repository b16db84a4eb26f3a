/**
 * Parse numbers as Vietnamese reports write them ("1.234.567", "12,5", "1.234.567,5 đồng", "(1.234)") and as
 * English-locale exports write them ("1,234,567.5"). Pure functions, no Node or DOM APIs.
 *
 * Separator rules (the same in `vi_number` SQL, see electron/engine/import/sql-macros.ts):
 * - Both '.' and ',' present: the last one is the decimal separator, the other groups thousands
 *   ("1.234.567,5" and "1,234,567.5" are both 1234567.5). Groups must be well formed.
 * - The same separator twice or more: thousands ("1.234.567", "1,234,567"), in either style.
 * - One separator, the style's decimal mark (',' in vi, '.' in en): a decimal ("12,5" vi → 12.5).
 * - One separator, the style's thousands mark: thousands only when exactly three digits follow and the
 *   leading group is 1–3 digits not starting with 0; otherwise a decimal. So in vi "12.500" → 12500 but
 *   "12.5", "12.50", "1234.567" and "0.500" are decimals; in en "12,500" → 12500 but "12,5" → 12.5.
 *   `detectDecimalStyle` picks the style of a whole column so "12.500" next to "1,234.5" reads as 12.5.
 * - Spaces (also no-break and thin spaces) group thousands when every group after the first has three
 *   digits ("1 234 567", "1 234,5").
 * Signs: leading '-', '−' or '–', leading '+', or accounting parentheses "(1.234)" → -1234.
 * Units: a known unit before or after the number is dropped without changing the value ("12,5%" → 12.5,
 * percentage points; "VNĐ 1.000" → 1000). Scale words ("triệu", "tỷ", "nghìn", "k") are NOT applied: such
 * values are rejected with reason 'scale-word' rather than silently read a million times too small.
 */
import { foldVi } from './text';

/** Column-level number notation: 'vi' (1.234,5) or 'en' (1,234.5). */
export type DecimalStyle = 'vi' | 'en';

/** Why a value gave no number. 'blank' and 'placeholder' mean "not reported", the others are errors. */
export type ViNumberReason =
  'blank' | 'placeholder' | 'excel-error' | 'not-finite' | 'scale-word' | 'unknown-unit' | 'malformed';

/** Result of `parseViNumberDetailed`: a finite number, or null with the reason and a short English detail. */
export interface ViNumberResult {
  value: number | null;
  reason?: ViNumberReason;
  detail?: string;
}

/** Options for the number parsers. */
export interface ViNumberOptions {
  /** How to read a lone ambiguous separator ("12.500", "12,500"); default 'vi'. */
  style?: DecimalStyle;
}

/** Text that stands for "no value" in reports (compared after trimming and lower-casing). */
export const NUMBER_PLACEHOLDERS: readonly string[] = ['-', '–', '—', '−', 'x', 'n/a', 'na', '...', '…', '?'];

/**
 * Units dropped around a number: currency forms and the catalogue's units of measure (DATA.md). Compared
 * after `foldVi`, so "dong", "ĐỒNG" and "VNĐ"/"vnd" all match.
 */
export const NUMBER_UNITS: readonly string[] = [
  'đồng',
  'đ',
  '₫',
  'vnđ',
  'vnd',
  '%',
  'căn',
  'cây cầu',
  'cầu',
  'm',
  'km',
  'm2',
  'm²',
  'ha',
  'bộ',
  'hộ',
  'suất',
  'phần',
  'lượt',
  'học sinh',
  'ngày công',
  'lượt người',
  'người',
  'cây',
  'kg',
  'tấn',
  'hồ sơ',
  'phút',
  'giờ',
  'ngày',
  'sản phẩm',
];

/** Currency forms that may also precede the number ("VNĐ 1.000", "₫1.000"). */
export const NUMBER_PREFIX_UNITS: readonly string[] = ['vnđ', 'vnd', '₫', 'đ'];

/** Magnitude words that are never applied (see the module note). Compared after `foldVi`. */
const SCALE_WORDS: ReadonlySet<string> = new Set(
  ['nghìn', 'ngàn', 'triệu', 'tr', 'tỷ', 'tỉ', 'trăm', 'k'].map((w) => foldVi(w)),
);

const FOLDED_UNITS: ReadonlySet<string> = new Set(NUMBER_UNITS.map((u) => foldVi(u)));
const FOLDED_PREFIX_UNITS: ReadonlySet<string> = new Set(NUMBER_PREFIX_UNITS.map((u) => foldVi(u)));

const EXCEL_ERRORS = /^#(?:n\/a|div\/0!|value!|ref!|name\?|num!|null!|getting_data|spill!|calc!)$/i;

/** Core shapes once sign and units are gone: digits with '.', ',' or spaces, or scientific notation. */
const SCIENTIFIC = /^\d+(?:[.,]\d+)?e[+-]?\d+$/i;
const SPACE_GROUPED = /^(\d{1,3}(?: \d{3})+)([.,][\d.,]*)?$/;

/**
 * Parse one value into a finite number or null (never NaN). Finite numbers pass through; blank text and the
 * placeholders "-", "–", "x", "N/A" give null. See the module note for separators, signs and units.
 */
export function parseViNumber(
  s: string | number | null | undefined,
  opts: ViNumberOptions = {},
): number | null {
  return parseViNumberDetailed(s, opts).value;
}

/**
 * Like `parseViNumber`, but says why a value gave no number so importers can report it: 'blank' (empty or
 * whitespace), 'placeholder' ("-", "x", "N/A"…), 'excel-error' ("#DIV/0!"), 'not-finite' (NaN/Infinity
 * input), 'scale-word' ("12 triệu"), 'unknown-unit' (words other than a known unit remain), 'malformed'.
 */
export function parseViNumberDetailed(
  s: string | number | null | undefined,
  opts: ViNumberOptions = {},
): ViNumberResult {
  if (s == null) return { value: null, reason: 'blank' };
  if (typeof s === 'number') {
    return Number.isFinite(s) ? { value: s === 0 ? 0 : s } : { value: null, reason: 'not-finite' };
  }
  const style = opts.style ?? 'vi';
  let t = s
    .normalize('NFC')
    .replace(/[\s\u00a0\u2007\u2009\u202f]+/g, ' ')
    .trim();
  if (t === '') return { value: null, reason: 'blank' };
  const lower = t.toLowerCase();
  if (NUMBER_PLACEHOLDERS.includes(lower)) return { value: null, reason: 'placeholder' };
  if (EXCEL_ERRORS.test(t)) return { value: null, reason: 'excel-error' };

  const unitless = stripUnits(t);
  if ('reason' in unitless) return unitless.reason;
  t = unitless.text;

  let negative = false;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    negative = true;
    const inner = stripUnits((paren[1] ?? '').trim());
    if ('reason' in inner) return inner.reason;
    t = inner.text;
  } else {
    const sign = /^([-−–+])\s*/.exec(t);
    if (sign) {
      negative = sign[1] !== '+';
      t = t.slice(sign[0].length);
    }
  }
  const canonical = canonicalNumber(t, style);
  if (canonical === null) return malformed(s);
  const v = Number(canonical);
  if (!Number.isFinite(v)) return { value: null, reason: 'not-finite', detail: `"${s}" is out of range` };
  return { value: negative ? 0 - v : v };
}

function malformed(s: string): ViNumberResult {
  return { value: null, reason: 'malformed', detail: `"${s}" is not a number` };
}

/** Remove one known unit before and/or after the number; report words that are not units. */
function stripUnits(t: string): { text: string } | { reason: ViNumberResult } {
  let text = t;
  const pre = /^([^\d\s()+\-−–.,]+)\s*(?=[\d(+\-−–.,])/u.exec(text);
  if (pre) {
    if (!FOLDED_PREFIX_UNITS.has(foldVi(pre[1]))) return { reason: wordReason(t, pre[1] ?? '') };
    text = text.slice(pre[0].length);
  }
  const squared = /(?<=[\d).,\s])m[2²]$/i.exec(text);
  if (squared) return { text: text.slice(0, squared.index).trim() };
  const parts = /^(.*[\d)])([^\d)]*)$/su.exec(text);
  const tail = parts?.[2]?.trim() ?? '';
  if (!parts || tail === '') return { text };
  if (!/[\p{L}%₫°]/u.test(tail)) return { reason: malformed(t) };
  if (!FOLDED_UNITS.has(foldVi(tail))) return { reason: wordReason(t, tail) };
  return { text: (parts[1] ?? '').trim() };
}

function wordReason(original: string, words: string): ViNumberResult {
  const first = words.split(' ')[0] ?? '';
  if (SCALE_WORDS.has(foldVi(first))) {
    return {
      value: null,
      reason: 'scale-word',
      detail: `"${original}" uses a scale word ("${first}"): scale words are not applied, write the number`,
    };
  }
  return { value: null, reason: 'unknown-unit', detail: `"${original}" has text that is not a known unit` };
}

/**
 * The number as a JS-parsable string ("-" excluded, it is handled by the caller), or null when malformed.
 * `core` holds only the number: digits, separators, spaces.
 */
function canonicalNumber(core: string, style: DecimalStyle): string | null {
  let c = core;
  if (SCIENTIFIC.test(c)) return c.replace(',', '.');
  if (c.includes(' ')) {
    const m = SPACE_GROUPED.exec(c);
    if (!m) return null;
    c = (m[1] ?? '').replace(/ /g, '') + (m[2] ?? '');
  }
  if (!/^[\d.,]*\d[\d.,]*$/.test(c)) return null;
  const dots = count(c, '.');
  const commas = count(c, ',');
  if (dots > 0 && commas > 0) {
    const dec = c.lastIndexOf('.') > c.lastIndexOf(',') ? '.' : ',';
    const thou = dec === '.' ? ',' : '.';
    const at = c.lastIndexOf(dec);
    const int = c.slice(0, at);
    const frac = c.slice(at + 1);
    if (count(c, dec) !== 1 || !isGrouped(int, thou, 1) || !/^\d+$/.test(frac)) return null;
    return `${int.split(thou).join('')}.${frac}`;
  }
  if (dots === 0 && commas === 0) return c;
  const sep = dots > 0 ? '.' : ',';
  if (count(c, sep) >= 2) return isGrouped(c, sep, 2) ? c.split(sep).join('') : null;
  const decimalMark = style === 'vi' ? ',' : '.';
  if (sep !== decimalMark && isGrouped(c, sep, 1)) return c.replace(sep, '');
  const [int = '', frac = ''] = c.split(sep);
  if (!/^\d*$/.test(int) || !/^\d+$/.test(frac)) return null;
  return `${int === '' ? '0' : int}.${frac}`;
}

/** "1.234.567" with `sep` '.': a 1–3 digit leading group not starting with 0, then `min`+ groups of three. */
function isGrouped(s: string, sep: string, min: number): boolean {
  const groups = s.split(sep);
  if (groups.length < min + 1) return false;
  const [first = '', ...rest] = groups;
  return /^[1-9]\d{0,2}$/.test(first) && rest.every((g) => /^\d{3}$/.test(g));
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/**
 * Decide a column's notation from its values: 'en' when its unambiguous values use '.' as the decimal mark
 * ("1,234.5", "1,234,567", "12.5"), else 'vi' (the default, also for ties and columns with no evidence).
 * Values that fit both readings ("12.500", "1,000") count only a quarter vote each, towards the reading
 * that takes the lone separator as thousands: a column of only "1,000"/"25,000" reads as en thousands.
 * Non-string samples are ignored.
 */
export function detectDecimalStyle(samples: readonly (string | number | null | undefined)[]): DecimalStyle {
  let vi = 0;
  let en = 0;
  for (const raw of samples) {
    if (typeof raw !== 'string') continue;
    const core = raw
      .replace(/[\s\u00a0\u2007\u2009\u202f]+/g, '')
      .replace(/^[^\d.,]+|[^\d.,]+$/g, '')
      .replace(/^[-−–+(]+|\)$/g, '');
    if (!/^[\d.,]*\d[\d.,]*$/.test(core)) continue;
    const dots = count(core, '.');
    const commas = count(core, ',');
    if (dots > 0 && commas > 0) {
      if (core.lastIndexOf('.') > core.lastIndexOf(',')) en++;
      else vi++;
    } else if (dots >= 2) vi++;
    else if (commas >= 2) en++;
    else if (dots === 1) {
      if (isGrouped(core, '.', 1)) vi += 0.25;
      else en++;
    } else if (commas === 1) {
      if (isGrouped(core, ',', 1)) en += 0.25;
      else vi++;
    }
  }
  return en > vi ? 'en' : 'vi';
}
