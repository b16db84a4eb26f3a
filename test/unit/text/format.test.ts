import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  EMPTY_VALUE,
  formatCompact,
  formatDate,
  formatNumber,
  formatPeriod,
  formatValue,
} from '../../../shared/format';
import { detectDecimalStyle, parseViNumber } from '../../../shared/vi-number';
import { daysInMonth, parsePeriod, parseViDate, type PeriodGrain } from '../../../shared/vi-date';

describe('formatNumber', () => {
  it('groups thousands with dots and uses a decimal comma in vi', () => {
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(1234567.5)).toBe('1.234.567,5');
    expect(formatNumber(1234, { locale: 'vi' })).toBe('1.234');
    expect(formatNumber(-1234.5)).toBe('-1.234,5');
  });

  it('groups with commas and uses a decimal point in en', () => {
    expect(formatNumber(1234567, { locale: 'en' })).toBe('1,234,567');
    expect(formatNumber(1234567.5, { locale: 'en' })).toBe('1,234,567.5');
  });

  it('rounds to maxFractionDigits and pads to minFractionDigits', () => {
    expect(formatNumber(1.23456)).toBe('1,23');
    expect(formatNumber(1.23456, { maxFractionDigits: 4 })).toBe('1,2346');
    expect(formatNumber(1.5, { maxFractionDigits: 0 })).toBe('2');
    expect(formatNumber(1, { minFractionDigits: 2 })).toBe('1,00');
    expect(formatNumber(1, { minFractionDigits: 3, maxFractionDigits: 1 })).toBe('1,0');
  });

  it('never shows a negative zero', () => {
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(-0.001)).toBe('0');
    expect(formatNumber(-0.001, { minFractionDigits: 2 })).toBe('0,00');
  });

  it('shows – for missing and non-finite values', () => {
    expect(formatNumber(null)).toBe(EMPTY_VALUE);
    expect(formatNumber(undefined)).toBe('–');
    expect(formatNumber(Number.NaN)).toBe('–');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('–');
  });

  it('round-trips through parseViNumber in both locales', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.integer({ min: 0, max: 99 }), (int, cents) => {
        const v = int + Math.sign(int || 1) * (cents / 100);
        expect(parseViNumber(formatNumber(v))).toBeCloseTo(v, 2);
        expect(parseViNumber(formatNumber(v, { locale: 'en' }), { style: 'en' })).toBeCloseTo(v, 2);
      }),
    );
  });

  it('produces columns whose style detectDecimalStyle recognises', () => {
    const values = [1234567.5, 12.25, 1000, 3];
    expect(detectDecimalStyle(values.map((v) => formatNumber(v)))).toBe('vi');
    expect(detectDecimalStyle(values.map((v) => formatNumber(v, { locale: 'en' })))).toBe('en');
  });
});

describe('formatValue', () => {
  it('writes the unit after a space', () => {
    expect(formatValue(1234567, 'đồng')).toBe('1.234.567 đồng');
    expect(formatValue(12, 'căn', 'en')).toBe('12 căn');
    expect(formatValue(1500.5, 'm')).toBe('1.500,5 m');
  });

  it('writes % without a space in both locales', () => {
    expect(formatValue(12.5, '%')).toBe('12,5%');
    expect(formatValue(12.5, '%', 'en')).toBe('12.5%');
  });

  it('shows the number alone without a unit and – for missing values', () => {
    expect(formatValue(3, '')).toBe('3');
    expect(formatValue(3, null)).toBe('3');
    expect(formatValue(null, 'đồng')).toBe('–');
  });

  it('honours maxFractionDigits', () => {
    expect(formatValue(2.34567, 'phút', 'vi', 1)).toBe('2,3 phút');
  });

  it('round-trips through parseViNumber for catalogue units', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.constantFrom('đồng', '%', 'căn', 'người', 'kg', 'hồ sơ', 'lượt người', 'ngày công', 'sản phẩm'),
        (v, unit) => {
          expect(parseViNumber(formatValue(v, unit))).toBe(v);
        },
      ),
    );
  });
});

describe('formatCompact', () => {
  it.each([
    [1_234_567_890, '1,2 tỷ', '1.2B'],
    [3_400_000, '3,4 triệu', '3.4M'],
    [12_500, '12,5 nghìn', '12.5K'],
    [250_000_000, '250 triệu', '250M'],
    [999, '999', '999'],
    [12.34, '12,3', '12.3'],
    [0, '0', '0'],
    [-1_234_567, '-1,2 triệu', '-1.2M'],
    [999_960, '1 triệu', '1M'],
    [999.96, '1 nghìn', '1K'],
    [99_960_000, '100 triệu', '100M'],
    [2.5e12, '2,5 nghìn tỷ', '2.5T'],
    [1.5e15, '1.500 nghìn tỷ', '1,500T'],
  ])('writes %d as %j (vi) and %j (en)', (v, vi, en) => {
    expect(formatCompact(v)).toBe(vi);
    expect(formatCompact(v, 'en')).toBe(en);
  });

  it('shows – for missing values', () => {
    expect(formatCompact(null)).toBe('–');
    expect(formatCompact(Number.NaN, 'en')).toBe('–');
  });

  it('stays within 5% of the value and keeps its sign', () => {
    const scales: Record<string, number> = { 'nghìn tỷ': 1e12, tỷ: 1e9, triệu: 1e6, nghìn: 1e3 };
    fc.assert(
      fc.property(fc.double({ min: -1e14, max: 1e14, noNaN: true }), (v) => {
        const text = formatCompact(v);
        const m = /^(-?[\d.]+(?:,\d+)?)(?: (.+))?$/.exec(text);
        expect(m, text).not.toBeNull();
        const shown = (parseViNumber(m?.[1] ?? '') ?? Number.NaN) * (scales[m?.[2] ?? ''] ?? 1);
        expect(Math.abs(shown - v)).toBeLessThanOrEqual(Math.abs(v) * 0.05 + 0.05);
      }),
    );
  });
});

describe('formatPeriod', () => {
  it('labels months, quarters and years in vi', () => {
    expect(formatPeriod('2025-03-01', 'month')).toBe('03/2025');
    expect(formatPeriod('2025-01-01', 'quarter')).toBe('Quý I/2025');
    expect(formatPeriod('2025-10-01', 'quarter')).toBe('Quý IV/2025');
    expect(formatPeriod('2025-01-01', 'year')).toBe('2025');
  });

  it('labels months, quarters and years in en', () => {
    expect(formatPeriod('2025-03-01', 'month', 'en')).toBe('Mar 2025');
    expect(formatPeriod('2025-01-01', 'quarter', 'en')).toBe('Q1 2025');
    expect(formatPeriod('2025-08-01', 'quarter', 'en')).toBe('Q3 2025');
    expect(formatPeriod('2025-01-01', 'year', 'en')).toBe('2025');
  });

  it('accepts a YYYY-MM start and a start with a time', () => {
    expect(formatPeriod('2025-03', 'month')).toBe('03/2025');
    expect(formatPeriod('2025-03-01T00:00:00Z', 'month')).toBe('03/2025');
  });

  it('shows – for missing or malformed starts', () => {
    expect(formatPeriod(null, 'month')).toBe('–');
    expect(formatPeriod('', 'year')).toBe('–');
    expect(formatPeriod('2025-13-01', 'month')).toBe('–');
    expect(formatPeriod('03/2025', 'month')).toBe('–');
  });

  it('round-trips through parsePeriod in both locales', () => {
    const starts = fc.record({
      y: fc.integer({ min: 1990, max: 2100 }),
      m: fc.integer({ min: 1, max: 12 }),
      grain: fc.constantFrom<PeriodGrain>('month', 'quarter', 'year'),
      locale: fc.constantFrom<'vi' | 'en'>('vi', 'en'),
    });
    fc.assert(
      fc.property(starts, ({ y, m, grain, locale }) => {
        const month = grain === 'year' ? 1 : grain === 'quarter' ? Math.floor((m - 1) / 3) * 3 + 1 : m;
        const start = `${y}-${String(month).padStart(2, '0')}-01`;
        expect(parsePeriod(formatPeriod(start, grain, locale))).toEqual({ start, grain });
      }),
    );
  });
});

describe('formatDate', () => {
  it('writes dd/mm/yyyy in vi and Mon d, yyyy in en', () => {
    expect(formatDate('2024-03-15')).toBe('15/03/2024');
    expect(formatDate('2024-03-05', 'en')).toBe('Mar 5, 2024');
  });

  it('accepts Date objects, timestamps and Vietnamese text dates', () => {
    expect(formatDate(new Date(Date.UTC(2024, 2, 15)))).toBe('15/03/2024');
    expect(formatDate('2024-03-15T10:00:00Z')).toBe('15/03/2024');
    expect(formatDate('ngày 15 tháng 3 năm 2024')).toBe('15/03/2024');
  });

  it('shows – for missing and impossible dates', () => {
    expect(formatDate(null)).toBe('–');
    expect(formatDate(undefined, 'en')).toBe('–');
    expect(formatDate('2024-02-30')).toBe('–');
    expect(formatDate('hôm nay')).toBe('–');
  });

  it('round-trips through parseViDate', () => {
    const day = fc
      .record({
        y: fc.integer({ min: 1990, max: 2100 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 31 }),
      })
      .filter(({ y, m, d }) => d <= daysInMonth(y, m));
    fc.assert(
      fc.property(day, ({ y, m, d }) => {
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        expect(parseViDate(formatDate(iso))).toBe(iso);
        expect(parseViDate(formatDate(iso, 'en'))).toBe(iso);
      }),
    );
  });
});
