/**
 * The chart of a pivot (bars, stacked bars, lines) from its shaped grid: one category per detail row
 * (labels joined), one series per detail column of the first value (a pivot without column dimensions
 * gives one series). Totals are left out (they would dwarf their parts). Pure: grid in, option out.
 */
import type { PivotGrid } from '../../../../shared/pivot-grid';
import { escapeHtml } from '../html';
import type { ChartOption, ChartTheme } from '../types';

/** Chart kinds a pivot draws. */
export type PivotChartKind = 'bar' | 'stacked' | 'line';

/** Most series drawn (the rest would be unreadable); the grid shows everything. */
export const PIVOT_CHART_MAX_SERIES = 12;

/** The data the chart draws: categories, and series with one value per category. */
export interface PivotChartData {
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

/** Pick the chart's data from a grid: detail rows × detail columns of value 0. */
export function pivotChartData(grid: PivotGrid): PivotChartData {
  const rows = grid.rows.filter((r) => r.kind === 'detail' || (grid.rows.length === 1 && r.kind === 'grand'));
  const hasColumnDims = grid.headers.length > 1;
  const cols = grid.columns
    .map((c, j) => ({ c, j }))
    .filter(({ c }) => c.value === 0 && (!hasColumnDims || c.kind === 'detail'))
    .slice(0, PIVOT_CHART_MAX_SERIES);
  return {
    categories: rows.map((r) => r.labels.filter((l) => l !== '').join(' · ')),
    series: cols.map(({ c, j }) => ({
      name:
        c.labels.filter((l) => l !== '').join(' · ') ||
        (grid.headers.at(-1)?.[grid.rowHeaderCount + j] ?? ''),
      values: rows.map((r) => r.cells[j] ?? null),
    })),
  };
}

/** The ECharts option; `format` writes a value of the first measure with its unit. */
export function pivotChartOption(
  data: PivotChartData,
  kind: PivotChartKind,
  theme: ChartTheme,
  format: (v: number | null) => string,
  compact: (v: number) => string,
): ChartOption {
  const textStyle = { fontFamily: theme.fontFamily, color: theme.text };
  return {
    animationDuration: 250,
    textStyle,
    color: [...theme.palette],
    grid: { left: 8, right: 24, top: 16, bottom: 16, containLabel: true },
    tooltip: {
      trigger: 'axis',
      backgroundColor: theme.tooltipBg,
      borderColor: theme.tooltipBorder,
      textStyle: { ...textStyle, fontSize: 13 },
      formatter: (params) => {
        const ps = Array.isArray(params) ? params : [params];
        const head = ps[0] ? escapeHtml(String(ps[0].name)) : '';
        const lines = ps.map(
          (p) =>
            `${escapeHtml(p.seriesName ?? '')}: <b>${escapeHtml(format(typeof p.value === 'number' ? p.value : null))}</b>`,
        );
        return [head, ...lines].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: data.categories,
      axisLabel: {
        color: theme.text,
        rotate: data.categories.length > 8 ? 30 : 0,
        width: 160,
        overflow: 'truncate',
      },
      axisLine: { lineStyle: { color: theme.axisLine } },
    },
    yAxis: {
      type: 'value',
      axisLabel: { color: theme.muted, formatter: (v: number) => compact(v) },
      splitLine: { lineStyle: { color: theme.splitLine } },
    },
    series: data.series.map((s) =>
      kind === 'line'
        ? { type: 'line' as const, name: s.name, data: s.values, connectNulls: false, symbolSize: 5 }
        : {
            type: 'bar' as const,
            name: s.name,
            data: s.values,
            barMaxWidth: 28,
            ...(kind === 'stacked' ? { stack: 'all' } : {}),
          },
    ),
  };
}
