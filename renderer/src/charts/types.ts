/** Types shared by the chart option builders (type-only: builders stay pure and canvas-free). */
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/** The ECharts option subset DVK Atlas registers (see echarts-setup.ts). */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | HeatmapSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

/** Translation function handed to builders (i18next's `t`, or a stub in tests). */
export type Translate = (key: string, opts?: Record<string, unknown>) => string;

/** Colours and type for charts, mirrored from the CSS tokens (canvas cannot read CSS variables). */
export interface ChartTheme {
  fontFamily: string;
  text: string;
  muted: string;
  axisLine: string;
  splitLine: string;
  primary: string;
  primarySoft: string;
  /** Highlight for values that are part of the active filter. */
  accent: string;
  tooltipBg: string;
  tooltipBorder: string;
  palette: readonly string[];
}
