/**
 * The Trends chart as presentable items: the whole small-multiples chart, and each panel on its own
 * (one indicator or series per slide, a single category axis, so the deck draws it as a native
 * PowerPoint line chart). Both are laid out for the 16:9 export frame — panels sized to fit under the
 * export title, no brush and no zoom slider (neither means anything on paper). Pure: chart input in,
 * options out.
 */
import {
  LEGEND_H,
  seriesChartOption,
  type ChartPanel,
  type SeriesChartInput,
} from '../../charts/options/series-chart';
import type { ChartOption, ChartTheme } from '../../charts/types';
import { EXPORT_SIZE } from '../../export/decorate';

/** One exportable trend chart. */
export interface TrendsExportItem {
  id: string;
  title: string;
  option: ChartOption;
}

/** Space left for the panels under the largest export header and above the footer (px). */
const PANEL_SPACE = EXPORT_SIZE.height - 160 - 45 - LEGEND_H;
/** Vertical space a panel row takes besides its plot (its title and the axis labels below). */
const ROW_GAP = 36;

/** Panels per row for `n` panels on a 16:9 page (more columns as panels multiply, to keep them legible). */
export function exportColumns(n: number): number {
  if (n <= 1) return 1;
  if (n <= 4) return 2;
  return n <= 9 ? 3 : 4;
}

/** Pixel height of one panel when `rows` rows share the export page (at least 40 px). */
export function exportPanelHeight(rows: number): number {
  return Math.max(40, Math.floor(PANEL_SPACE / Math.max(1, rows)) - ROW_GAP);
}

/** Drop the screen-only parts (zoom slider, brush) and, for a single panel, its own title. */
function forPaper(option: ChartOption, keepTitles: boolean): ChartOption {
  const { dataZoom: _z, brush: _b, title, ...rest } = option as Record<string, unknown>;
  return (keepTitles ? { ...rest, title } : rest) as ChartOption;
}

/** Id of the item for panel `i`. */
export const trendsPanelId = (i: number) => `trends-panel-${i}`;
/** Id of the whole chart's item. */
export const TRENDS_CHART_ID = 'trends-chart';

/**
 * The items for the chart built from `input`: the whole chart first (only when it has several panels —
 * a single panel is the whole chart), then one per panel titled with the panel's title.
 */
export function trendsExportItems(
  input: SeriesChartInput,
  title: string,
  theme: ChartTheme,
): TrendsExportItem[] {
  const one = (panel: ChartPanel, i: number): TrendsExportItem => ({
    id: trendsPanelId(i),
    title: input.panels.length === 1 ? `${title}: ${panel.title}` : panel.title,
    option: forPaper(
      seriesChartOption(
        { ...input, panels: [panel], columns: 1, panelHeight: exportPanelHeight(1), brush: false },
        theme,
      ) as ChartOption,
      false,
    ),
  });
  const panels = input.panels.map(one);
  if (input.panels.length <= 1) return panels;
  const columns = exportColumns(input.panels.length);
  const rows = Math.ceil(input.panels.length / columns);
  const whole: TrendsExportItem = {
    id: TRENDS_CHART_ID,
    title,
    option: forPaper(
      seriesChartOption(
        { ...input, columns, panelHeight: exportPanelHeight(rows), brush: false },
        theme,
      ) as ChartOption,
      true,
    ),
  };
  return [whole, ...panels];
}
