import { describe, expect, it } from 'vitest';
import { categoryBarOption } from '../../../renderer/src/charts/options/category-bar';
import { pivotChartOption } from '../../../renderer/src/charts/options/pivot-chart';
import { lightTheme } from '../../../renderer/src/charts/theme';
import { nativeChartOf } from '../../../renderer/src/export/native-chart';

const t = (k: string) => k;

describe('native PowerPoint chart data from an ECharts option', () => {
  it('a ranked horizontal bar chart gives its labels and values, top bar first in PowerPoint order', () => {
    const option = categoryBarOption(
      [
        { key: 'a', label: 'An sinh xã hội', value: 5 },
        { key: 'b', label: 'Chỉnh trang đô thị', value: 9 },
        { key: 'c', label: 'Y tế', value: null },
      ],
      lightTheme,
      'vi',
      t,
      { unit: 'mô hình' },
    );
    const c = nativeChartOf(option);
    expect(c).toMatchObject({ type: 'bar', horizontal: true, stacked: false });
    // ECharts draws the inverted axis top-down (9, 5, 0); PowerPoint bottom-up, so the order flips.
    expect(c?.labels).toEqual(['Y tế', 'An sinh xã hội', 'Chỉnh trang đô thị']);
    expect(c?.series[0]?.values).toEqual([0, 5, 9]);
  });

  it('stacked bars and lines keep every series; a heat map has no native form', () => {
    const data = {
      categories: ['2024', '2025'],
      series: [
        { name: 'Quận 1', values: [1, 2] },
        { name: 'Quận 3', values: [3, null] },
      ],
    };
    const fmt = (v: number | null) => String(v);
    const stacked = nativeChartOf(pivotChartOption(data, 'stacked', lightTheme, fmt, fmt));
    expect(stacked).toMatchObject({
      type: 'bar',
      horizontal: false,
      stacked: true,
      labels: ['2024', '2025'],
    });
    expect(stacked?.series).toEqual([
      { name: 'Quận 1', values: [1, 2] },
      { name: 'Quận 3', values: [3, 0] },
    ]);
    expect(nativeChartOf(pivotChartOption(data, 'line', lightTheme, fmt, fmt))?.type).toBe('line');
    expect(nativeChartOf(pivotChartOption(data, 'heatmap', lightTheme, fmt, fmt))).toBeNull();
  });

  it('a pie keeps its slice names; mixed or unknown series are refused', () => {
    expect(
      nativeChartOf({
        series: [
          {
            type: 'pie',
            data: [
              { name: 'Đạt', value: 3 },
              { name: 'Chưa', value: 1 },
            ],
          },
        ],
      }),
    ).toMatchObject({ type: 'pie', labels: ['Đạt', 'Chưa'], series: [{ values: [3, 1] }] });
    expect(
      nativeChartOf({
        xAxis: { type: 'category', data: ['a'] },
        yAxis: { type: 'value' },
        series: [
          { type: 'bar', data: [1] },
          { type: 'line', data: [2] },
        ],
      }),
    ).toBeNull();
    expect(nativeChartOf({ series: [{ type: 'scatter', data: [[1, 2]] }] })).toBeNull();
  });
});
