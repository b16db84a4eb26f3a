/**
 * Horizontal ranked bar chart of one value per category (Overview: models by field). Pure: rows in,
 * ECharts option out; no canvas, testable in Node.
 */
import { formatCompact, formatValue, type UiLang } from '../../format/numbers';
import { escapeHtml } from '../html';
import type { ChartOption, ChartTheme, Translate } from '../types';

/** One bar: `key` is the stored value (used for filtering), `label` the text shown. */
export interface CategoryValue {
  key: string;
  label: string;
  value: number | null;
}

/** Options of `categoryBarOption`. */
export interface CategoryBarOptions {
  /** Unit shown after values in tooltips and labels ('mô hình'). */
  unit: string;
  /** Keys currently in the global filter: drawn in the accent colour. */
  highlighted?: readonly string[];
}

/** Rows sorted largest first (nulls last, ties by label), as the bars are drawn top to bottom. */
export function rankRows(rows: readonly CategoryValue[], lang: UiLang): CategoryValue[] {
  const collator = new Intl.Collator(lang === 'vi' ? 'vi' : 'en');
  return [...rows].sort(
    (a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || collator.compare(a.label, b.label),
  );
}

/** The option for a ranked horizontal bar chart. */
export function categoryBarOption(
  rows: readonly CategoryValue[],
  theme: ChartTheme,
  lang: UiLang,
  _t: Translate,
  opts: CategoryBarOptions,
): ChartOption {
  const ranked = rankRows(rows, lang);
  const highlighted = new Set(opts.highlighted ?? []);
  const textStyle = { fontFamily: theme.fontFamily, color: theme.text };
  return {
    animationDuration: 250,
    animationDurationUpdate: 250,
    textStyle,
    // Bottom room for descenders: ECharts' label box ends at the baseline, so a comma or a dot-below (ạ, ọ) at
    // the canvas edge would be clipped ("1,200" reads "1.200").
    grid: { left: 8, right: 56, top: 8, bottom: 16 },
    tooltip: {
      trigger: 'item',
      backgroundColor: theme.tooltipBg,
      borderColor: theme.tooltipBorder,
      textStyle: { ...textStyle, fontSize: 13 },
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params;
        const row = p ? ranked[p.dataIndex] : undefined;
        if (!row) return '';
        return `${escapeHtml(row.label)}<br/><b>${escapeHtml(formatValue(row.value, opts.unit, lang))}</b>`;
      },
    },
    xAxis: {
      type: 'value',
      axisLabel: { color: theme.muted, formatter: (v: number) => formatCompact(v, null, lang) },
      splitLine: { lineStyle: { color: theme.splitLine } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: ranked.map((r) => r.label),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: theme.axisLine } },
      axisLabel: { color: theme.text, width: 210, overflow: 'truncate', fontSize: 12.5 },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        data: ranked.map((r) => ({
          value: r.value ?? 0,
          name: r.key,
          itemStyle: {
            color: highlighted.size && !highlighted.has(r.key) ? theme.primarySoft : theme.primary,
            borderRadius: [0, 3, 3, 0],
          },
        })),
        label: {
          show: true,
          position: 'right',
          color: theme.muted,
          fontSize: 12,
          formatter: (p) => formatCompact(typeof p.value === 'number' ? p.value : null, null, lang),
        },
        cursor: 'pointer',
      },
    ],
  };
}
