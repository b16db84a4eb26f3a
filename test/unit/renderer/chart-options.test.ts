import { describe, expect, it } from 'vitest';
import { categoryBarOption, rankRows } from '../../../renderer/src/charts/options/category-bar';
import { fillMonths, monthlyBarOption } from '../../../renderer/src/charts/options/monthly-bar';
import { lightTheme } from '../../../renderer/src/charts/theme';
import type { ChartOption } from '../../../renderer/src/charts/types';

const t = (key: string) => key;

/** The first element of an option entry that may be an object or an array of them. */
function first<T>(v: T | T[] | undefined): T {
  const x = Array.isArray(v) ? v[0] : v;
  if (x === undefined) throw new Error('missing option entry');
  return x;
}

type Fn = (...args: unknown[]) => string;
const call = (f: unknown, ...args: unknown[]) => (f as Fn)(...args);

describe('category bar option', () => {
  const rows = [
    { key: 'b', label: 'Bảo vệ môi trường', value: 932 },
    { key: 'a', label: 'An sinh xã hội', value: 1953 },
    { key: 'c', label: 'Chỉnh trang đô thị', value: null },
  ];

  it('draws the largest category first and missing values last', () => {
    expect(rankRows(rows, 'vi').map((r) => r.key)).toEqual(['a', 'b', 'c']);
    const opt = categoryBarOption(rows, lightTheme, 'vi', t, { unit: 'mô hình' });
    const y = first(opt.yAxis) as { data: string[]; inverse: boolean };
    expect(y.data).toEqual(['An sinh xã hội', 'Bảo vệ môi trường', 'Chỉnh trang đô thị']);
    expect(y.inverse).toBe(true);
  });

  it('keeps the stored value as the item name so a click can filter by it', () => {
    const opt = categoryBarOption(rows, lightTheme, 'vi', t, { unit: 'mô hình' });
    const data = (first(opt.series) as { data: { name: string; value: number }[] }).data;
    expect(data.map((d) => d.name)).toEqual(['a', 'b', 'c']);
    expect(data[2]?.value).toBe(0);
  });

  it('dims the bars outside the filter when some are highlighted', () => {
    const opt = categoryBarOption(rows, lightTheme, 'vi', t, { unit: 'mô hình', highlighted: ['b'] });
    const data = (first(opt.series) as { data: { itemStyle: { color: string } }[] }).data;
    expect(data.map((d) => d.itemStyle.color)).toEqual([
      lightTheme.primarySoft,
      lightTheme.primary,
      lightTheme.primarySoft,
    ]);
  });

  it('formats tooltips in Vietnamese with the unit and escapes labels from the data', () => {
    const evil = [{ key: 'x', label: '<b>Tổ</b>', value: 1234567 }];
    const opt = categoryBarOption(evil, lightTheme, 'vi', t, { unit: 'mô hình' });
    const tip = call((first(opt.tooltip) as { formatter: unknown }).formatter, { dataIndex: 0 });
    expect(tip).toBe('&#60;b&#62;Tổ&#60;/b&#62;<br/><b>1.234.567 mô hình</b>');
  });

  it('writes axis numbers in the UI language', () => {
    const vi = categoryBarOption(rows, lightTheme, 'vi', t, { unit: '' });
    const en = categoryBarOption(rows, lightTheme, 'en', t, { unit: '' });
    const fmt = (o: ChartOption) =>
      (first(o.xAxis) as { axisLabel: { formatter: unknown } }).axisLabel.formatter;
    expect(call(fmt(vi), 1200)).toBe('1.200');
    expect(call(fmt(en), 1200)).toBe('1,200');
    expect(call(fmt(vi), 35_400_000)).toBe('35,4 triệu');
  });
});

describe('monthly bar option', () => {
  it('keeps months without a value on the axis as gaps', () => {
    const filled = fillMonths([
      { period: '2024-11-01', value: 5 },
      { period: '2025-02-01', value: 7 },
    ]);
    expect(filled.months).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(filled.values).toEqual([5, null, null, 7]);
  });

  it('has no months for no rows', () => {
    expect(fillMonths([])).toEqual({ months: [], values: [] });
  });

  it('labels months as MM/YYYY and shows funds compactly with the full figure in the tooltip', () => {
    const opt = monthlyBarOption(
      [
        { period: '2024-03-01', value: 1_234_567_890 },
        { period: '2024-04-01', value: null },
      ],
      lightTheme,
      'vi',
      t,
      { unit: 'đồng', name: 'Kinh phí vận động' },
    );
    expect((first(opt.xAxis) as { data: string[] }).data).toEqual(['03/2024', '04/2024']);
    const formatter = (first(opt.tooltip) as { formatter: unknown }).formatter;
    const tip = call(formatter, [{ dataIndex: 0 }]);
    expect(tip).toContain('Kinh phí vận động · 03/2024');
    expect(tip).toContain('<b>1,2 tỷ đồng</b>');
    expect(tip).toContain('1.234.567.890 đồng');
    expect(call(formatter, [{ dataIndex: 1 }])).toContain('<b>–</b>');
  });

  it('speaks English month names and scale suffixes in English', () => {
    const opt = monthlyBarOption([{ period: '2024-03-01', value: 2_500_000_000 }], lightTheme, 'en', t, {
      unit: 'VND',
      name: 'Funds',
    });
    expect((first(opt.xAxis) as { data: string[] }).data).toEqual(['Mar 2024']);
    const yFmt = (first(opt.yAxis) as { axisLabel: { formatter: unknown } }).axisLabel.formatter;
    expect(call(yFmt, 2_500_000_000)).toBe('2.5B');
  });
});
