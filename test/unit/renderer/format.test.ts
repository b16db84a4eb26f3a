import { describe, expect, it } from 'vitest';
import {
  formatCompact,
  formatDate,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatValue,
} from '../../../renderer/src/format/numbers';
import { monthsBetween } from '../../../renderer/src/format/months';
import { vocabLabel } from '../../../renderer/src/i18n/vocab';

describe('UI formatting', () => {
  it('writes Vietnamese numbers with dot grouping and comma decimals, English the other way', () => {
    expect(formatNumber(1234567, 'vi')).toBe('1.234.567');
    expect(formatNumber(12.5, 'vi')).toBe('12,5');
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatNumber(null, 'vi')).toBe('–');
  });

  it('joins values and units, percent without a space', () => {
    expect(formatValue(1234567, 'đồng', 'vi')).toBe('1.234.567 đồng');
    expect(formatValue(12.5, '%', 'vi')).toBe('12,5%');
  });

  it('shortens large figures with scale words but keeps small ones whole', () => {
    expect(formatCompact(1_234_567_890, 'đồng', 'vi')).toBe('1,2 tỷ đồng');
    expect(formatCompact(4321, 'hộ', 'vi')).toBe('4.321 hộ');
    expect(formatCompact(2_500_000, 'VND', 'en')).toBe('2.5M VND');
  });

  it('writes months, dates and shares', () => {
    expect(formatPeriod('2024-03', 'vi')).toBe('03/2024');
    expect(formatPeriod('2024-03-01', 'en')).toBe('Mar 2024');
    expect(formatDate(Date.UTC(2024, 2, 1), 'vi')).toBe('01/03/2024');
    expect(formatPercent(0.8054, 'vi')).toBe('81%');
  });

  it('lists every month of a range', () => {
    expect(monthsBetween('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsBetween('2025-02', '2024-11')).toEqual([]);
  });

  it('translates known vocabulary into English and leaves the rest as stored', () => {
    expect(vocabLabel('status', 'Đang triển khai', 'en')).toBe('In progress');
    expect(vocabLabel('field', 'An sinh xã hội', 'en')).toBe('Social security');
    expect(vocabLabel('field', 'Lĩnh vực mới', 'en')).toBe('Lĩnh vực mới');
    expect(vocabLabel('status', 'Đang triển khai', 'vi')).toBe('Đang triển khai');
  });
});
