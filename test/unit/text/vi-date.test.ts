import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  EXCEL_SERIAL_MAX,
  EXCEL_SERIAL_MIN,
  daysInMonth,
  excelSerialToIso,
  parsePeriod,
  parseViDate,
} from '../../../shared/vi-date';

describe('parseViDate on text dates', () => {
  it.each([
    ['15/03/2024', '2024-03-15'],
    ['5/3/2024', '2024-03-05'],
    ['15-03-2024', '2024-03-15'],
    ['15.03.2024', '2024-03-15'],
    ['2024-03-15', '2024-03-15'],
    ['2024/03/15', '2024-03-15'],
    ['2024-3-5', '2024-03-05'],
    ['2024-03-15T08:30:00Z', '2024-03-15'],
    ['2024-03-15 00:00:00', '2024-03-15'],
    ['15/03/2024 08:30', '2024-03-15'],
    ['15/03/24', '2024-03-15'],
    ['15/03/99', '1999-03-15'],
    ['20240315', '2024-03-15'],
    ['ngày 15 tháng 3 năm 2024', '2024-03-15'],
    ['Ngày 05 tháng 03 năm 2024', '2024-03-05'],
    ['NGÀY 15/3/2024', '2024-03-15'],
    ['15-Mar-2024', '2024-03-15'],
    ['15 March 2024', '2024-03-15'],
    ['Mar 15, 2024', '2024-03-15'],
    ['29/02/2024', '2024-02-29'],
    ['  15/03/2024 ', '2024-03-15'],
  ])('reads %j as %s', (input, iso) => expect(parseViDate(input)).toBe(iso));

  it.each([
    ['03/2024', '2024-03-01'],
    ['3/2024', '2024-03-01'],
    ['2024-03', '2024-03-01'],
    ['Tháng 3/2024', '2024-03-01'],
    ['tháng 03 năm 2024', '2024-03-01'],
    ['THÁNG 3 - 2024', '2024-03-01'],
    ['T3/2024', '2024-03-01'],
    ['Mar 2024', '2024-03-01'],
    ['Mar-24', '2024-03-01'],
    ['2024', '2024-01-01'],
    ['Năm 2024', '2024-01-01'],
    ['Quý II/2024', '2024-04-01'],
    ['Q4 2024', '2024-10-01'],
  ])('reads the coarser %j as its first day %s', (input, iso) => expect(parseViDate(input)).toBe(iso));

  it.each([
    '31/02/2024',
    '29/02/2023',
    '31/04/2024',
    '00/01/2024',
    '15/13/2024',
    '03/15/2024',
    '13/2024',
    '1899',
    '2101',
    '15/03/1850',
    'tháng 13/2024',
    'hôm qua',
    '',
    '15/03-2024',
    'Quý V/2024',
    'Foo 2024',
  ])('rejects %j', (input) => expect(parseViDate(input)).toBeNull());

  it('rejects null and undefined', () => {
    expect(parseViDate(null)).toBeNull();
    expect(parseViDate(undefined)).toBeNull();
  });
});

describe('parseViDate on numbers and Date objects', () => {
  it('reads Excel serials as dates', () => {
    expect(parseViDate(45366)).toBe('2024-03-15');
    expect(parseViDate(45366.75)).toBe('2024-03-15');
    expect(parseViDate('45366')).toBe('2024-03-15');
    expect(parseViDate(32874)).toBe('1990-01-01');
    expect(parseViDate(EXCEL_SERIAL_MAX)).toBe('2100-12-31');
  });

  it('rejects serials outside 1990–2100', () => {
    expect(parseViDate(EXCEL_SERIAL_MIN - 1)).toBeNull();
    expect(parseViDate(EXCEL_SERIAL_MAX + 1)).toBeNull();
    expect(parseViDate(100)).toBeNull();
    expect(parseViDate(-5)).toBeNull();
    expect(parseViDate(Number.NaN)).toBeNull();
  });

  it('reads year numbers and yyyymmdd numbers', () => {
    expect(parseViDate(2024)).toBe('2024-01-01');
    expect(parseViDate(20240315)).toBe('2024-03-15');
    expect(parseViDate(20240231)).toBeNull();
  });

  it('reads Date objects as the calendar day at UTC or local midnight in any zone within ±12 h', () => {
    expect(parseViDate(new Date(Date.UTC(2024, 2, 15)))).toBe('2024-03-15');
    expect(parseViDate(new Date(Date.UTC(2024, 2, 14, 17)))).toBe('2024-03-15');
    expect(parseViDate(new Date(Date.UTC(2024, 2, 15, 5)))).toBe('2024-03-15');
    expect(parseViDate(new Date(Number.NaN))).toBeNull();
  });
});

describe('excelSerialToIso', () => {
  it('handles the 1900 leap-year bug', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(0)).toBeNull();
    expect(excelSerialToIso(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('matches known serials', () => {
    expect(excelSerialToIso(36526)).toBe('2000-01-01');
    expect(excelSerialToIso(43831)).toBe('2020-01-01');
    expect(excelSerialToIso(45366)).toBe('2024-03-15');
    expect(excelSerialToIso(45658)).toBe('2025-01-01');
  });
});

const day = fc
  .record({
    y: fc.integer({ min: 1990, max: 2100 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .filter(({ y, m, d }) => d <= daysInMonth(y, m));
const pad = (n: number) => String(n).padStart(2, '0');
const isoOf = ({ y, m, d }: { y: number; m: number; d: number }) => `${y}-${pad(m)}-${pad(d)}`;

describe('date round trips', () => {
  it('reads every valid day in each common notation', () => {
    fc.assert(
      fc.property(day, fc.constantFrom('/', '-', '.'), (p, sep) => {
        const iso = isoOf(p);
        expect(parseViDate(`${pad(p.d)}${sep}${pad(p.m)}${sep}${p.y}`)).toBe(iso);
        expect(parseViDate(`${p.d}${sep}${p.m}${sep}${p.y}`)).toBe(iso);
        expect(parseViDate(iso)).toBe(iso);
        expect(parseViDate(`ngày ${p.d} tháng ${p.m} năm ${p.y}`)).toBe(iso);
      }),
    );
  });

  it('reads the Excel serial of every day in range', () => {
    fc.assert(
      fc.property(day, (p) => {
        const serial = (Date.UTC(p.y, p.m - 1, p.d) - Date.UTC(1899, 11, 30)) / 86_400_000;
        expect(parseViDate(serial)).toBe(isoOf(p));
      }),
    );
  });

  it('rejects day numbers past the end of the month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        expect(parseViDate(`${daysInMonth(y, m) + 1}/${m}/${y}`)).toBeNull();
      }),
    );
  });
});

describe('parsePeriod', () => {
  it.each([
    ['2025-03', '2025-03-01', 'month'],
    ['03/2025', '2025-03-01', 'month'],
    ['3/2025', '2025-03-01', 'month'],
    ['3-2025', '2025-03-01', 'month'],
    ['Tháng 3/2025', '2025-03-01', 'month'],
    ['tháng 03 năm 2025', '2025-03-01', 'month'],
    ['thang 3/2025', '2025-03-01', 'month'],
    ['T3/2025', '2025-03-01', 'month'],
    ['t.12/2025', '2025-12-01', 'month'],
    ['Quý I/2025', '2025-01-01', 'quarter'],
    ['Quý 1/2025', '2025-01-01', 'quarter'],
    ['QUÝ IV/2025', '2025-10-01', 'quarter'],
    ['quý iii năm 2025', '2025-07-01', 'quarter'],
    ['Quy II - 2025', '2025-04-01', 'quarter'],
    ['Q1/2025', '2025-01-01', 'quarter'],
    ['Q1 2025', '2025-01-01', 'quarter'],
    ['q2-2025', '2025-04-01', 'quarter'],
    ['2025-Q1', '2025-01-01', 'quarter'],
    ['2025Q3', '2025-07-01', 'quarter'],
    ['2025 Q4', '2025-10-01', 'quarter'],
    ['2025', '2025-01-01', 'year'],
    ['Năm 2025', '2025-01-01', 'year'],
    ['15/03/2025', '2025-03-01', 'month'],
    ['2025-03-15', '2025-03-01', 'month'],
    ['45366', '2024-03-01', 'month'],
    ['Mar 2025', '2025-03-01', 'month'],
  ])('reads %j as %s (%s)', (input, start, grain) => expect(parsePeriod(input)).toEqual({ start, grain }));

  it('reads numbers and Date objects', () => {
    expect(parsePeriod(2025)).toEqual({ start: '2025-01-01', grain: 'year' });
    expect(parsePeriod(45366)).toEqual({ start: '2024-03-01', grain: 'month' });
    expect(parsePeriod(new Date(Date.UTC(2025, 5, 17)))).toEqual({ start: '2025-06-01', grain: 'month' });
  });

  it.each([
    'Quý V/2025',
    'Q5 2025',
    'Q0/2025',
    'Tháng 13/2025',
    '13/2025',
    '6 tháng đầu năm 2025',
    '',
    'abc',
    '1800',
  ])('rejects %j', (input) => expect(parsePeriod(input)).toBeNull());

  it('rejects null and undefined', () => {
    expect(parsePeriod(null)).toBeNull();
    expect(parsePeriod(undefined)).toBeNull();
  });

  it('puts every month spelling of a random month on the same start', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const expected = { start: `${y}-${pad(m)}-01`, grain: 'month' };
        for (const s of [
          `${y}-${pad(m)}`,
          `${pad(m)}/${y}`,
          `${m}/${y}`,
          `Tháng ${m}/${y}`,
          `T${m}/${y}`,
          `tháng ${pad(m)} năm ${y}`,
        ]) {
          expect(parsePeriod(s), s).toEqual(expected);
        }
      }),
    );
  });

  it('puts every quarter spelling of a random quarter on the same start', () => {
    const roman = ['I', 'II', 'III', 'IV'];
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 4 }), (y, q) => {
        const expected = { start: `${y}-${pad((q - 1) * 3 + 1)}-01`, grain: 'quarter' };
        for (const s of [
          `Quý ${roman[q - 1]}/${y}`,
          `Quý ${q}/${y}`,
          `Q${q}/${y}`,
          `Q${q} ${y}`,
          `${y}-Q${q}`,
        ]) {
          expect(parsePeriod(s), s).toEqual(expected);
        }
      }),
    );
  });
});
