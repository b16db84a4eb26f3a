/**
 * The sample's reporting calendar: month indices 0..35 cover 2023-01..2025-12, plus the Tết (Lunar New
 * Year) effects that shape monthly activity.
 */

/** First reporting year of the sample. */
export const FIRST_YEAR = 2023;
/** Number of reporting months: 2023-01 (index 0) .. 2025-12 (index 35). */
export const MONTH_COUNT = 36;
/** Latest month a model may start in (2025-10), so every model has at least three reportable months. */
export const LAST_START_MONTH = 33;

/** Calendar year of month index `m`. */
export function yearOf(m: number): number {
  return FIRST_YEAR + Math.floor(m / 12);
}

/** Calendar month (1..12) of month index `m`. */
export function monthOf(m: number): number {
  return (m % 12) + 1;
}

/** "2025-03" for the month index of March 2025. */
export function periodIso(m: number): string {
  return `${yearOf(m)}-${String(monthOf(m)).padStart(2, '0')}`;
}

/** "03/2025" for the month index of March 2025 (the MM/YYYY form reports use). */
export function periodSlash(m: number): string {
  return `${String(monthOf(m)).padStart(2, '0')}/${yearOf(m)}`;
}

/** Days in month index `m`. */
export function daysInMonth(m: number): number {
  return new Date(Date.UTC(yearOf(m), monthOf(m), 0)).getUTCDate();
}

/** First day of Tết (UTC date) for the years that touch the reporting window. */
const TET_DATES: readonly Date[] = [
  new Date(Date.UTC(2023, 0, 22)),
  new Date(Date.UTC(2024, 1, 10)),
  new Date(Date.UTC(2025, 0, 29)),
  new Date(Date.UTC(2026, 1, 17)),
];

const DAY_MS = 86_400_000;

/** Days of [from, to) falling in month index `m`. */
function overlapDays(m: number, from: number, to: number): number {
  const start = Date.UTC(yearOf(m), monthOf(m) - 1, 1);
  const end = start + daysInMonth(m) * DAY_MS;
  return Math.max(0, Math.min(end, to) - Math.max(start, from)) / DAY_MS;
}

/**
 * Per-month activity factors around Tết. `holiday` is the share of the nine-day holiday (two days before
 * Tết to six after) inside the month; `gift` the share of the three gift-giving weeks before Tết.
 */
export interface TetShares {
  holiday: number;
  gift: number;
}

/** Tết shares for every month index, computed once. */
export const TET_SHARES: readonly TetShares[] = Array.from({ length: MONTH_COUNT }, (_, m) => {
  let holiday = 0;
  let gift = 0;
  for (const d of TET_DATES) {
    const t = d.getTime();
    holiday += overlapDays(m, t - 2 * DAY_MS, t + 7 * DAY_MS) / 9;
    gift += overlapDays(m, t - 21 * DAY_MS, t - 2 * DAY_MS) / 19;
  }
  return { holiday, gift };
});
