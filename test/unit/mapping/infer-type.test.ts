import { describe, expect, it } from 'vitest';
import { inferColumnType, looksDate, looksNumeric, looksPeriod } from '../../../shared/import-mapping';

describe('inferColumnType', () => {
  it('calls a column of blanks and dashes empty', () => {
    expect(inferColumnType(['', ' ', '-', '—', 'x', 'N/A'])).toBe('empty');
    expect(inferColumnType([])).toBe('empty');
  });

  it('reads Vietnamese number notation as numbers', () => {
    expect(inferColumnType(['1.234.567', '12,5', '-3', '1.234.567,5', '', '0'])).toBe('number');
    expect(inferColumnType(['1.234.567,5 đồng', '45%', '12.5', '12 căn'])).toBe('number');
  });

  it('reads dd/mm/yyyy and ISO dates as dates', () => {
    expect(inferColumnType(['15/03/2024', '1/7/2025', '2024-03-15', '2025-07-01T00:00:00Z'])).toBe('date');
  });

  it('reads report periods as periods', () => {
    expect(
      inferColumnType(['2025-03', '03/2025', 'Tháng 3/2025', 'Quý I/2025', 'Q1/2025', 'tháng 12 năm 2024']),
    ).toBe('period');
  });

  it('reads Excel-serial-like numbers and bare years as dates only when the column is a date', () => {
    expect(inferColumnType(['45000', '45366', '2024'], 'start_date')).toBe('date');
    expect(inferColumnType(['45000', '45366', '2024'])).toBe('number');
    expect(inferColumnType(['03/2024', '15/03/2024'], 'start_date')).toBe('date');
  });

  it('reads bare years as periods in a period column', () => {
    expect(inferColumnType(['2024', '2025'], 'period')).toBe('period');
    expect(inferColumnType(['01/03/2025', '01/04/2025'], 'period')).toBe('date');
  });

  it('keeps identifier columns as text even when every code is digits', () => {
    expect(inferColumnType(['26734', '00123'], 'unit_code')).toBe('text');
    expect(inferColumnType(['26734', '00123'])).toBe('number');
  });

  it('calls a mixed column text unless 80 % of its cells agree', () => {
    expect(inferColumnType(['1', '2', 'abc'])).toBe('text');
    expect(inferColumnType(['1', '2', '3', '4', 'Tổng cộng'])).toBe('number');
  });
});

describe('cell shapes', () => {
  it('recognises numbers', () => {
    for (const t of ['0', '12', '12,5', '1.234', '1.234.567,89', '1,234,567.5', '-7', '+3,2'])
      expect(looksNumeric(t)).toBe(true);
    for (const t of ['', 'abc', '1.2.3,4,5', '12a', '03/2025']) expect(looksNumeric(t)).toBe(false);
  });

  it('recognises valid dates only', () => {
    expect(looksDate('29/02/2024')).toBe(true);
    expect(looksDate('29/02/2025')).toBe(false);
    expect(looksDate('31/04/2025')).toBe(false);
    expect(looksDate('2025-13-01')).toBe(false);
  });

  it('recognises the period shapes of DATA.md', () => {
    for (const t of [
      '2025-03',
      '03/2025',
      '3/2025',
      'Tháng 3/2025',
      'Quý I/2025',
      'Q1/2025',
      'Quý IV/2024',
      '2025-Q1',
    ]) {
      expect(looksPeriod(t)).toBe(true);
    }
    expect(looksPeriod('13/2025')).toBe(false);
    expect(looksPeriod('Quý V/2025')).toBe(false);
  });
});
