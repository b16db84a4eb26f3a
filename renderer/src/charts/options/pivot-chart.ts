/**
 * The chart of a pivot (bars, stacked bars, lines) from its shaped grid: one category per detail row
 * (labels joined), one series per detail column of the first value (a pivot without column dimensions
 * gives one series). Totals are left out (they would dwarf their parts). Pure: grid in, option out.
 */
import type { PivotGrid } from '../../../../shared/pivot-grid';
import { escapeHtml } from '../html';
import type { ChartOption, ChartTheme } from '../types';

/** Chart kinds a pivot draws. */
export type PivotChartKind = 'bar' | 'stacked' | 'line' | 'heatmap';

/** A colour-blind-safe sequential ramp (light yellow → dark blue, viridis-like) for heat maps. */
export const HEAT_RAMP = ['#fde725', '#7ad151', '#22a884', '#2a788e', '#414487', '#440154'] as const;

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
  if (kind === 'heatmap') return heatmapOption(data, theme, format, compact);
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

/** Heat map: rows of the pivot down, column groups across, colour = value of the first measure. */
function heatmapOption(
  data: PivotChartData,
  theme: ChartTheme,
  format: (v: number | null) => string,
  compact: (v: number) => string,
): ChartOption {
  const cells: [number, number, number][] = [];
  data.series.forEach((s, x) =>
    s.values.forEach((v, y) => {
      if (v !== null && Number.isFinite(v)) cells.push([x, y, v]);
    }),
  );
  const values = cells.map((c) => c[2]);
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 1;
  const textStyle = { fontFamily: theme.fontFamily, color: theme.text };
  return {
    animation: false,
    textStyle,
    grid: { left: 8, right: 24, top: 16, bottom: 56, containLabel: true },
    tooltip: {
      backgroundColor: theme.tooltipBg,
      borderColor: theme.tooltipBorder,
      textStyle: { ...textStyle, fontSize: 13 },
      formatter: (p) => {
        const v = (Array.isArray(p) ? p[0] : p)?.value as [number, number, number] | undefined;
        if (!v) return '';
        const row = escapeHtml(data.categories[v[1]] ?? '');
        const col = escapeHtml(data.series[v[0]]?.name ?? '');
        return `${row} · ${col}<br/><b>${escapeHtml(format(v[2]))}</b>`;
      },
    },
    xAxis: {
      type: 'category',
      data: data.series.map((s) => s.name),
      axisLabel: {
        color: theme.text,
        rotate: data.series.length > 8 ? 30 : 0,
        width: 120,
        overflow: 'truncate',
      },
    },
    yAxis: {
      type: 'category',
      data: data.categories,
      inverse: true,
      axisLabel: { color: theme.text, width: 180, overflow: 'truncate' },
    },
    visualMap: {
      type: 'continuous',
      min,
      max: max > min ? max : min + 1,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      inRange: { color: [...HEAT_RAMP] },
      formatter: (v: unknown) => compact(Number(v)),
      textStyle,
    },
    series: [{ type: 'heatmap', data: cells, progressive: 0 }],
  };
}
