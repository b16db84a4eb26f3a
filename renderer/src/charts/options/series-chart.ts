/**
 * Trend charts as small multiples in ONE ECharts instance: one grid per panel (a panel per indicator or
 * per series), all on the same period axis, so one legend toggles a series everywhere and one brush /
 * data zoom acts on every panel. Gaps stay gaps (`connectNulls: false`); flagged points carry markers;
 * Tết months and the selected period are shaded; model start/stop are vertical lines. Pure: data in,
 * option out.
 */
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  BrushComponentOption,
  DataZoomComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { escapeHtml } from '../html';
import type { ChartTheme } from '../types';

/** The option subset trend charts use. */
export type SeriesChartOption = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | DataZoomComponentOption
  | BrushComponentOption
>;

export type SeriesChartKind = 'line' | 'area' | 'bar';

/** One flagged point on a line. */
export interface LineFlag {
  index: number;
  kind: 'jump' | 'flat';
}

/** One line of a panel. */
export interface PanelLine {
  /** Stable key: the same key gets the same colour in every panel. */
  key: string;
  name: string;
  values: (number | null)[];
  flags: readonly LineFlag[];
  /** A comparison band drawn as two dashed lines (model detail: the field's median and P90). */
  dashed?: boolean;
}

/** One panel (grid). */
export interface ChartPanel {
  title: string;
  lines: PanelLine[];
  /** Formats a value of this panel for the tooltip ("1.234.567 đồng") and the axis (compact). */
  format: (v: number | null) => string;
  formatAxis: (v: number) => string;
}

export interface SeriesChartInput {
  /** Period labels for the axis, in order. */
  labels: string[];
  panels: ChartPanel[];
  kind: SeriesChartKind;
  /** Same y range in every panel (else each its own). */
  sharedY: boolean;
  /** Axis indices [first, last] of the selected (global filter) period, shaded; null = none. */
  selected: [number, number] | null;
  /** Axis indices of Tết periods. */
  tet: number[];
  /** Vertical lines: model started / stopped at an axis index. */
  events: { index: number; label: string }[];
  /** Tooltip words. */
  text: { tet: string; jump: string; flat: string; selected: string; noValue: string };
  /** Panels per row. */
  columns: number;
  /** Pixel height of one panel. */
  panelHeight: number;
  /** Show the brush (Trends) — the model detail has none. */
  brush: boolean;
}

/** Heights around the panels: legend on top, zoom slider at the bottom. */
export const LEGEND_H = 36;
export const ZOOM_H = 44;
const GAP = 36;

/** Total pixel height of the chart for `n` panels. */
export function seriesChartHeight(n: number, columns: number, panelHeight: number): number {
  const rows = Math.max(1, Math.ceil(n / columns));
  return LEGEND_H + rows * (panelHeight + GAP) + ZOOM_H;
}

export function seriesChartOption(input: SeriesChartInput, theme: ChartTheme): SeriesChartOption {
  const { labels, panels, columns, panelHeight } = input;
  const textStyle = { fontFamily: theme.fontFamily, color: theme.text };
  const colourOf = new Map<string, string>();
  for (const p of panels)
    for (const l of p.lines)
      if (!colourOf.has(l.key))
        colourOf.set(l.key, theme.palette[colourOf.size % theme.palette.length] ?? theme.primary);

  let lo = Infinity;
  let hi = -Infinity;
  for (const p of panels)
    for (const l of p.lines)
      for (const v of l.values)
        if (v !== null) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
  const shared = input.sharedY && Number.isFinite(lo) ? { min: Math.min(0, lo), max: hi } : {};

  const widthPct = 100 / columns;
  const grids: GridComponentOption[] = panels.map((_, i) => ({
    left: `${(i % columns) * widthPct + 5}%`,
    width: `${widthPct - 8}%`,
    top: LEGEND_H + Math.floor(i / columns) * (panelHeight + GAP) + 22,
    height: panelHeight - 22,
  }));
  const titles: TitleComponentOption[] = panels.map((p, i) => ({
    text: p.title,
    left: `${(i % columns) * widthPct + 5}%`,
    top: LEGEND_H + Math.floor(i / columns) * (panelHeight + GAP),
    textStyle: { ...textStyle, fontSize: 13, fontWeight: 600 },
  }));

  const series: (LineSeriesOption | BarSeriesOption)[] = [];
  panels.forEach((p, pi) => {
    p.lines.forEach((l, li) => {
      const colour = colourOf.get(l.key) ?? theme.primary;
      const markPoint = {
        symbol: 'pin',
        symbolSize: 26,
        label: {
          show: true,
          formatter: (x: { data?: { kind?: string } }) => (x.data?.kind === 'jump' ? '!' : '='),
        },
        data: l.flags.map((f) => ({
          coord: [f.index, l.values[f.index] ?? 0],
          kind: f.kind,
          itemStyle: { color: f.kind === 'jump' ? '#c2410c' : '#7c3aed' },
        })),
      };
      const marks =
        li === 0
          ? {
              markArea: {
                silent: true,
                data: [
                  ...input.tet.map((t) => [
                    { xAxis: t, name: input.text.tet, itemStyle: { color: 'rgba(220, 38, 38, 0.12)' } },
                    { xAxis: t },
                  ]),
                  ...(input.selected
                    ? [
                        [
                          {
                            xAxis: input.selected[0],
                            name: input.text.selected,
                            itemStyle: { color: 'rgba(37, 99, 235, 0.10)' },
                          },
                          { xAxis: input.selected[1] },
                        ],
                      ]
                    : []),
                ] as never,
                label: { show: pi === 0, color: theme.muted, fontSize: 10, position: 'insideTop' },
              },
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { color: theme.muted, type: 'dashed' as const },
                label: {
                  formatter: '{b}',
                  color: theme.muted,
                  fontSize: 10,
                  position: 'insideEndTop' as const,
                },
                data: input.events.map((e) => ({ xAxis: e.index, name: e.label })),
              },
            }
          : {};
      const common = {
        name: l.name,
        xAxisIndex: pi,
        yAxisIndex: pi,
        data: l.values,
        itemStyle: { color: colour },
        markPoint,
        ...marks,
      };
      if (input.kind === 'bar' && !l.dashed)
        series.push({ ...common, type: 'bar', barMaxWidth: 18 } as unknown as BarSeriesOption);
      else
        series.push({
          ...common,
          type: 'line',
          connectNulls: false,
          showSymbol: labels.length <= 24,
          symbolSize: 4,
          lineStyle: { color: colour, width: l.dashed ? 1.5 : 2, type: l.dashed ? 'dashed' : 'solid' },
          ...(input.kind === 'area' && !l.dashed ? { areaStyle: { color: colour, opacity: 0.15 } } : {}),
        } as unknown as LineSeriesOption);
    });
  });

  const formatOf = (axisIndex: number) => panels[axisIndex]?.format ?? String;
  const flagOf = (axisIndex: number, name: string, i: number) =>
    panels[axisIndex]?.lines.find((l) => l.name === name)?.flags.find((f) => f.index === i)?.kind;
  return {
    animationDuration: 250,
    animationDurationUpdate: 250,
    textStyle,
    title: titles,
    legend: {
      type: 'scroll',
      top: 4,
      left: 8,
      right: 8,
      textStyle: { ...textStyle, fontSize: 12 },
      data: [...new Set(panels.flatMap((p) => p.lines.map((l) => l.name)))],
    },
    grid: grids,
    xAxis: panels.map((_, i) => ({
      type: 'category' as const,
      gridIndex: i,
      data: labels,
      boundaryGap: input.kind === 'bar',
      axisLine: { lineStyle: { color: theme.axisLine } },
      axisLabel: { color: theme.muted, fontSize: 11, hideOverlap: true },
    })),
    yAxis: panels.map((p, i) => ({
      type: 'value' as const,
      gridIndex: i,
      scale: !input.sharedY,
      ...shared,
      splitLine: { lineStyle: { color: theme.splitLine } },
      axisLabel: { color: theme.muted, fontSize: 11, formatter: (v: number) => p.formatAxis(v) },
    })),
    tooltip: {
      trigger: 'axis',
      backgroundColor: theme.tooltipBg,
      borderColor: theme.tooltipBorder,
      textStyle: { ...textStyle, fontSize: 12 },
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const first = list[0];
        if (!first) return '';
        const i = first.dataIndex ?? 0;
        const axis = (first as { axisIndex?: number }).axisIndex ?? 0;
        const fmt = formatOf(axis);
        const isTet = input.tet.includes(i);
        const lines = list.map((x) => {
          const v = typeof x.value === 'number' ? x.value : null;
          const flag = flagOf(axis, x.seriesName ?? '', i);
          const note = flag
            ? ` <b style="color:#c2410c">${escapeHtml(flag === 'jump' ? input.text.jump : input.text.flat)}</b>`
            : '';
          return `${x.marker ?? ''}${escapeHtml(x.seriesName ?? '')}: <b>${escapeHtml(v === null ? input.text.noValue : fmt(v))}</b>${note}`;
        });
        return [
          `${escapeHtml(labels[i] ?? '')}${isTet ? ` · ${escapeHtml(input.text.tet)}` : ''}`,
          ...lines,
        ].join('<br/>');
      },
    },
    dataZoom: [
      { type: 'inside', xAxisIndex: panels.map((_, i) => i) },
      {
        type: 'slider',
        xAxisIndex: panels.map((_, i) => i),
        bottom: 8,
        height: 20,
        left: '5%',
        right: '3%',
        labelFormatter: (_v: number, s: string) => s,
      },
    ],
    ...(input.brush
      ? {
          brush: {
            xAxisIndex: 'all',
            brushLink: 'all',
            brushType: 'lineX',
            brushMode: 'single',
            transformable: false,
            throttleType: 'debounce',
            throttleDelay: 100,
            brushStyle: { color: 'rgba(37, 99, 235, 0.15)', borderColor: 'rgba(37, 99, 235, 0.6)' },
            outOfBrush: { colorAlpha: 0.5 },
          },
        }
      : {}),
    series,
  } as SeriesChartOption;
}
