/** Month arithmetic on 'YYYY-MM' strings (UTC-free: plain year/month integers). */

const MONTH = /^(\d{4})-(\d{2})/;

/** 'YYYY-MM' of a 'YYYY-MM' or 'YYYY-MM-DD' string; null when it is neither. */
export function toMonth(s: string): string | null {
  const m = MONTH.exec(s);
  return m ? `${m[1]}-${m[2]}` : null;
}

/** Months since year 0 (for differences and ordering). */
export function monthIndex(ym: string): number {
  const m = MONTH.exec(ym);
  if (!m) return Number.NaN;
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

/** The 'YYYY-MM' of a month index. */
export function monthOfIndex(i: number): string {
  const y = Math.floor(i / 12);
  const m = (i % 12) + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/** Every month from `from` to `to` inclusive; [] when either is malformed or the range is reversed. */
export function monthsBetween(from: string, to: string): string[] {
  const a = monthIndex(from);
  const b = monthIndex(to);
  if (!Number.isFinite(a) || !Number.isFinite(b) || b < a) return [];
  const out: string[] = [];
  for (let i = a; i <= b; i++) out.push(monthOfIndex(i));
  return out;
}
