/**
 * Cell values → staging text: numbers as JS `String(n)`, dates as 'YYYY-MM-DD' (plus ' HH:MM:SS' when the
 * value has a time of day), text NFC, blanks as null.
 */

/** Text of a number, or null for NaN/±Infinity. */
export function numberText(n: number): string | null {
  return Number.isFinite(n) ? String(n) : null;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * 'YYYY-MM-DD' of a Date read in UTC (Excel serials carry no zone; readers build UTC dates), with
 * ' HH:MM:SS' appended when the time of day is not midnight. Null for an invalid date.
 */
export function dateText(d: Date): string | null {
  const t = d.getTime();
  if (!Number.isFinite(t)) return null;
  const y = d.getUTCFullYear();
  const ys = y >= 0 && y <= 9999 ? String(y).padStart(4, '0') : String(y);
  const day = `${ys}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? day : `${day} ${pad2(h)}:${pad2(m)}:${pad2(s)}`;
}

/** Excel serial day number → Date (UTC), for the 1900 or 1904 date system. */
export function excelSerialToDate(serial: number, date1904 = false): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000));
}

/**
 * Whether an Excel number format displays a date or time: after removing quoted text, [bracketed] parts
 * and escaped/padding characters, a y/m/d/h/s letter remains.
 */
export function isDateFormat(fmt: string | undefined | null): boolean {
  if (!fmt) return false;
  // Drop [colour/locale] parts, "quoted text", \x escaped and _x/*x padding characters first.
  const f = fmt
    .replace(/\[[^\]]*\]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/[\\_*]./g, '');
  return /[ymdhsb]/i.test(f.replace(/General/gi, ''));
}

/** NFC text, or null when empty. Whitespace is kept as is (the importer trims). */
export function textOrNull(s: string): string | null {
  if (s === '') return null;
  return s.normalize('NFC');
}
