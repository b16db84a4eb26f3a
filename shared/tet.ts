/**
 * Tết Nguyên Đán (Lunar New Year) in Vietnam, 2020–2030: the first day of the lunar year, by the
 * Vietnamese calendar (UTC+7; it differs from the Chinese date in some years, none in this range).
 * Source: Hồ Ngọc Đức, "Âm lịch Việt Nam" (https://www.informatik.uni-leipzig.de/~duc/amlich/),
 * cross-checked with the government's yearly holiday announcements. Reporting around Tết is unusual
 * (activity and reports pause, gifts and meals peak), so charts mark these months.
 */
export const TET_DATES: readonly string[] = [
  '2020-01-25',
  '2021-02-12',
  '2022-02-01',
  '2023-01-22',
  '2024-02-10',
  '2025-01-29',
  '2026-02-17',
  '2027-02-06',
  '2028-01-26',
  '2029-02-13',
  '2030-02-03',
];

/** The first day ('YYYY-MM-DD') of the month, quarter or year holding each Tết in the table. */
export function tetPeriods(grain: 'month' | 'quarter' | 'year'): { period: string; date: string }[] {
  return TET_DATES.map((date) => {
    const y = date.slice(0, 4);
    const m = Number(date.slice(5, 7));
    const start = grain === 'year' ? 1 : grain === 'quarter' ? Math.floor((m - 1) / 3) * 3 + 1 : m;
    return { period: `${y}-${String(start).padStart(2, '0')}-01`, date };
  });
}
