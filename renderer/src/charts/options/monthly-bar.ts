/**
 * Column chart of one value per month (Overview: funds mobilised by month). Months with no value are
 * kept on the axis as gaps, so time is never compressed. Pure: rows in, ECharts option out.
 */
import { formatCompact, formatPeriod, formatValue, type UiLang } from '../../format/numbers';
import { monthsBetween, toMonth } from '../../format/months';
import { escapeHtml } from '../html';
import type { ChartOption, ChartTheme, Translate } from '../types';

/** One month's value; `period` is 'YYYY-MM' or the ISO date of the month's first day. */
export interface PeriodValue {
  period: string;
  value: number | null;
}

/** Options of `monthlyBarOption`. */
export interface MonthlyBarOptions {
  /** Unit of the values ('đồng'). */
  unit: string;
  /** Series name shown in the tooltip. */
  name: string;
}

/** Every month from the first to the last row, with null where no row reports. */
export function fillMonths(rows: readonly PeriodValue[]): { months: string[]; values: (number | null)[] } {
  const byMonth = new Map<string, number | null>();
  for (const r of rows) {
    const m = toMonth(r.period);
    if (m) byMonth.set(m, r.value);
  }
  const keys = [...byMonth.keys()].sort();
  const first = keys[0];
  const last = keys[keys.length - 1];
  const months = first && last ? monthsBetween(first, last) : [];
  return { months, values: months.map((m) => byMonth.get(m) ?? null) };
}

/** The option for a monthly column chart. */
export function monthlyBarOption(
  rows: readonly PeriodValue[],
  theme: ChartTheme,
  lang: UiLang,
  _t: Translate,
  opts: MonthlyBarOptions,
): ChartOption {
  const { months, values } = fillMonths(rows);
  const textStyle = { fontFamily: theme.fontFamily, color: theme.text };
  return {
    animationDuration: 250,
    animationDurationUpdate: 250,
    textStyle,
    grid: { left: 8, right: 16, top: 16, bottom: 16 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      backgroundColor: theme.tooltipBg,
      borderColor: theme.tooltipBorder,
      textStyle: { ...textStyle, fontSize: 13 },
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params;
        const i = p?.dataIndex ?? -1;
        const month = months[i];
        if (!month) return '';
        const v = values[i] ?? null;
        return (
          `${escapeHtml(opts.name)} · ${formatPeriod(month, lang)}<br/>` +
          `<b>${escapeHtml(formatCompact(v, opts.unit, lang))}</b>` +
          (v !== null
            ? `<br/><span style="color:${theme.muted}">${escapeHtml(formatValue(v, opts.unit, lang))}</span>`
            : '')
        );
      },
    },
    xAxis: {
      type: 'category',
      data: months.map((m) => formatPeriod(m, lang)),
      axisTick: { alignWithLabel: true },
      axisLine: { lineStyle: { color: theme.axisLine } },
      axisLabel: { color: theme.muted, fontSize: 12, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      axisLabel: { color: theme.muted, formatter: (v: number) => formatCompact(v, null, lang) },
      splitLine: { lineStyle: { color: theme.splitLine } },
    },
    series: [
      {
        type: 'bar',
        name: opts.name,
        data: values,
        barMaxWidth: 18,
        itemStyle: { color: theme.primary, borderRadius: [2, 2, 0, 0] },
      },
    ],
  };
}
