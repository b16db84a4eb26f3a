/**
 * The map as a presentable chart: the on-screen option plus its legend drawn inside the picture (on
 * screen the legend is HTML beside the map, which a PNG, SVG or slide would lose). The export frame
 * (export/decorate.ts) then fits the map between its title and footer. Pure: option in, option out.
 */
import type { ChartOption } from '../../charts/types';
import { STANDARD_LOOK } from '../../export/decorate';

/** One legend entry as drawn in the export. */
export interface ExportLegendItem {
  color: string;
  label: string;
  shape?: 'box' | 'dot' | 'line';
}

/** Width kept free on the right of the map for the legend (px of the export frame). */
export const LEGEND_WIDTH = 280;
const ROW = 24;
const SWATCH = 14;

/** The swatch of one entry, at row `i`. */
function swatch(item: ExportLegendItem, i: number): Record<string, unknown> {
  const y = ROW * (i + 1);
  if (item.shape === 'dot')
    return {
      type: 'circle',
      shape: { cx: SWATCH / 2, cy: y + SWATCH / 2, r: SWATCH / 2 - 1 },
      style: { fill: item.color },
    };
  if (item.shape === 'line')
    return {
      type: 'line',
      shape: { x1: 0, y1: y + SWATCH / 2, x2: SWATCH, y2: y + SWATCH / 2 },
      style: { stroke: item.color, lineWidth: 3 },
    };
  return {
    type: 'rect',
    shape: { x: 0, y, width: SWATCH, height: SWATCH },
    style: { fill: item.color, stroke: '#8a94a3', lineWidth: 0.5 },
  };
}

/** `option` with the legend (`title` and `items`) drawn at the right and the map kept clear of it. */
export function mapExportOption(
  option: ChartOption,
  title: string,
  items: readonly ExportLegendItem[],
): ChartOption {
  const o = option as Record<string, unknown>;
  // The heading wraps within the legend column; entries are short and drawn in full.
  const heading = {
    type: 'text',
    x: 0,
    y: 0,
    style: {
      text: title,
      fontFamily: STANDARD_LOOK.fontFamily,
      fontSize: 14,
      fontWeight: 600,
      fill: '#1b2430',
      width: LEGEND_WIDTH - 40,
      overflow: 'break',
    },
  };
  const entry = (t: string, y: number) => ({
    type: 'text',
    x: SWATCH + 8,
    y,
    style: { text: t, fontFamily: STANDARD_LOOK.fontFamily, fontSize: 12, fill: '#1b2430' },
  });
  // Rows below the heading: one more when a long heading wraps to two lines.
  const offset = title.length > 34 ? 1 : 0;
  const legend = {
    type: 'group',
    right: 20,
    top: 'middle',
    children: [
      heading,
      ...items.flatMap((it, i) => [swatch(it, i + offset), entry(it.label, ROW * (i + 1 + offset))]),
    ],
  };
  const geo = Array.isArray(o.geo)
    ? o.geo.map((g) => ({ ...(g as object), right: LEGEND_WIDTH }))
    : o.geo !== undefined
      ? { ...(o.geo as object), right: LEGEND_WIDTH }
      : undefined;
  return { ...o, ...(geo ? { geo } : {}), graphic: [legend] } as ChartOption;
}
