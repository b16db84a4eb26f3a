/**
 * Read the data of an ECharts option back out as a chart PowerPoint can draw natively (bar, line, pie):
 * one category axis, series of plain numbers (or `{value}` items) aligned with it. Anything else —
 * heat maps, maps, scatter, two value axes, mixed series — returns null and the deck falls back to a
 * picture of the chart. Pure: option in, data out (unit-tested without a canvas).
 */

/** A chart PowerPoint draws itself. */
export interface NativeChart {
  type: 'bar' | 'line' | 'pie';
  /** Bars run left to right (category axis on the left). */
  horizontal: boolean;
  stacked: boolean;
  labels: string[];
  series: { name: string; values: number[] }[];
}

type Loose = Record<string, unknown>;

const asArray = (x: unknown): unknown[] => (Array.isArray(x) ? x : x === undefined || x === null ? [] : [x]);
const isObj = (x: unknown): x is Loose => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A data item's number: `5`, `{value: 5}`; null / '-' / missing become 0 (PowerPoint has no gaps). */
function numberOf(item: unknown): number | null {
  const v = isObj(item) ? item.value : item;
  if (v === null || v === undefined || v === '-') return 0;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The category axis (the one with `type: 'category'` and data), if exactly one axis is a category. */
function categoryAxis(option: Loose): { labels: string[]; horizontal: boolean; inverse: boolean } | null {
  const xs = asArray(option.xAxis).filter(isObj);
  const ys = asArray(option.yAxis).filter(isObj);
  if (xs.length !== 1 || ys.length !== 1) return null;
  const [x, y] = [xs[0] as Loose, ys[0] as Loose];
  const xCat = x.type === 'category';
  const yCat = y.type === 'category';
  if (xCat === yCat) return null;
  const axis = xCat ? x : y;
  const data = asArray(axis.data).map((d) => String(isObj(d) ? (d.value ?? '') : (d ?? '')));
  if (data.length === 0) return null;
  return { labels: data, horizontal: !xCat, inverse: axis.inverse === true };
}

/** The native chart for `option`, or null when PowerPoint cannot draw it faithfully. */
export function nativeChartOf(option: unknown): NativeChart | null {
  if (!isObj(option)) return null;
  if (option.visualMap !== undefined || option.geo !== undefined) return null;
  const series = asArray(option.series).filter(isObj);
  if (series.length === 0) return null;
  const types = new Set(series.map((s) => s.type));
  if (types.size !== 1) return null;
  const type = series[0]?.type;
  if (type === 'pie') {
    if (series.length !== 1) return null;
    const items = asArray(series[0]?.data).filter(isObj);
    const values = items.map(numberOf);
    if (values.some((v) => v === null)) return null;
    return {
      type: 'pie',
      horizontal: false,
      stacked: false,
      labels: items.map((i) => String(i.name ?? '')),
      series: [{ name: String(series[0]?.name ?? ''), values: values as number[] }],
    };
  }
  if (type !== 'bar' && type !== 'line') return null;
  const axis = categoryAxis(option);
  if (!axis) return null;
  const out: NativeChart['series'] = [];
  for (const [i, s] of series.entries()) {
    const values = asArray(s.data).map(numberOf);
    if (values.some((v) => v === null) || values.length > axis.labels.length) return null;
    while (values.length < axis.labels.length) values.push(0);
    out.push({ name: String(s.name ?? (series.length === 1 ? '' : `${i + 1}`)), values: values as number[] });
  }
  // An inverted category axis lists top-to-bottom; PowerPoint draws bottom-to-top unless reversed.
  const order = axis.horizontal && axis.inverse ? (xs: number[]) => [...xs].reverse() : (xs: number[]) => xs;
  return {
    type,
    horizontal: axis.horizontal,
    stacked: series.some((s) => s.stack !== undefined),
    labels: axis.horizontal && axis.inverse ? [...axis.labels].reverse() : axis.labels,
    series: out.map((s) => ({ name: s.name, values: order(s.values) })),
  };
}
