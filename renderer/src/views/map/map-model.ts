/**
 * From query rows to what the map draws: unit values, their classes and fills, the legend's classes,
 * bubbles, point colours and replication lines. Pure; tested in Node.
 */
import type { MapBubble, MapLine, MapPoint } from '../../charts/options/map-option';
import { classBreaks, classOf, type ClassMethod } from './classify';
import { CATEGORY_COLORS, GAP_FILL, isDiverging, paletteColors, type PaletteId } from './palettes';

/** One unit of the units layer. */
export interface UnitDatum {
  code: string;
  name: string;
  value: number | null;
  models: number;
}

/** One class of the legend: [from, to] (the last class includes `to`). */
export interface LegendClass {
  from: number;
  to: number;
  color: string;
  units: number;
}

export interface Classified {
  fills: Map<string, string>;
  classes: LegendClass[];
  /** Units without a value (drawn in the neutral fill). */
  noData: number;
}

/**
 * Colours of the classes on a diverging palette, centred on 0 whatever the classification: classes below 0
 * take the first hue (darkest farthest from 0), classes above 0 the other, a class spanning 0 the neutral
 * middle. Each side keeps its classes distinct however skewed the values are.
 */
export function divergingColors(breaks: readonly number[], palette: PaletteId): string[] {
  const all = paletteColors(palette, 9);
  const classes = breaks.slice(1).map((to, i) => ({ from: breaks[i] as number, to }));
  const isNeg = (c: { from: number; to: number }) => c.from < 0 && c.to <= 0;
  const isPos = (c: { from: number; to: number }) => c.from >= 0 && c.to > 0;
  const neg = classes.filter(isNeg).length;
  const pos = classes.filter(isPos).length;
  // Ascending classes: the negative ones come first (farthest from 0 first), then any spanning 0, then positive.
  const negIdx = (i: number) => (neg === 1 ? 2 : Math.round((i * 3) / (neg - 1)));
  const posIdx = (j: number) => (pos === 1 ? 6 : 5 + Math.round((j * 3) / (pos - 1)));
  const firstPos = classes.findIndex(isPos);
  return classes.map((c, i) => all[isNeg(c) ? negIdx(i) : isPos(c) ? posIdx(i - firstPos) : 4] as string);
}

/** Classes and fills of the unit values (diverging palettes centred on 0). */
export function classifyUnits(
  units: readonly UnitDatum[],
  method: ClassMethod,
  k: number,
  palette: PaletteId,
): Classified {
  const values = units.flatMap((u) => (u.value === null || !Number.isFinite(u.value) ? [] : [u.value]));
  const breaks = classBreaks(values, k, method, isDiverging(palette));
  const n = Math.max(0, breaks.length - 1);
  const colors = isDiverging(palette) ? divergingColors(breaks, palette) : paletteColors(palette, n);
  const classes: LegendClass[] = Array.from({ length: n }, (_, i) => ({
    from: breaks[i] as number,
    to: breaks[i + 1] as number,
    color: colors[i] as string,
    units: 0,
  }));
  const fills = new Map<string, string>();
  let noData = 0;
  for (const u of units) {
    const c = classOf(u.value, breaks);
    const cls = c === null ? undefined : classes[c];
    if (!cls) {
      noData++;
      continue;
    }
    cls.units++;
    fills.set(u.code, cls.color);
  }
  return { fills, classes, noData };
}

/**
 * Bubbles at unit label points, area proportional to |value| (largest `maxSize` px across), coloured as
 * the unit's class; units without a value or label get none.
 */
export function bubblesOf(
  units: readonly UnitDatum[],
  fills: ReadonlyMap<string, string>,
  labels: ReadonlyMap<string, [number, number]>,
  maxSize = 44,
): MapBubble[] {
  const max = Math.max(0, ...units.map((u) => Math.abs(u.value ?? 0)));
  return units.flatMap((u) => {
    const at = labels.get(u.code);
    const color = fills.get(u.code);
    if (u.value === null || !at || !color || max === 0) return [];
    return [
      {
        code: u.code,
        lon: at[0],
        lat: at[1],
        size: Math.max(3, maxSize * Math.sqrt(Math.abs(u.value) / max)),
        color,
      },
    ];
  });
}

/** Category → colour, most frequent first; past the palette, categories share the last colour ("other"). */
export function categoryColors(keys: readonly (string | null)[]): {
  colors: Map<string | null, string>;
  legend: { key: string | null; color: string; count: number; other: boolean }[];
} {
  const counts = new Map<string | null, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
  const max = CATEGORY_COLORS.length - 1;
  const colors = new Map<string | null, string>();
  const legend: { key: string | null; color: string; count: number; other: boolean }[] = [];
  ranked.forEach(([k, c], i) => {
    const color = CATEGORY_COLORS[Math.min(i, max)] as string;
    colors.set(k, color);
    if (i < max) legend.push({ key: k, color, count: c, other: false });
    else if (i === max) legend.push({ key: null, color, count: c, other: true });
    else (legend[legend.length - 1] as { count: number }).count += c;
  });
  return { colors, legend };
}

/** Model points coloured by their key. */
export function pointsOf(
  rows: readonly { id: string; lon: number; lat: number; key: string | null }[],
  colors: ReadonlyMap<string | null, string>,
): MapPoint[] {
  return rows.map((r) => ({ id: r.id, lon: r.lon, lat: r.lat, color: colors.get(r.key) ?? '#777777' }));
}

/** Replication lines between unit label points (paths within one unit, or to a unit not drawn, are skipped). */
export function linesOf(
  rows: readonly { from: string; to: string; n: number }[],
  labels: ReadonlyMap<string, [number, number]>,
): (MapLine & { fromCode: string; toCode: string })[] {
  return rows.flatMap((r) => {
    const a = labels.get(r.from);
    const b = labels.get(r.to);
    return a && b && r.from !== r.to ? [{ from: a, to: b, n: r.n, fromCode: r.from, toCode: r.to }] : [];
  });
}

/** Fills of the gaps mode: units without a model of the field. */
export function gapFills(rows: readonly { code: string; gap: boolean }[]): Map<string, string> {
  return new Map(rows.filter((r) => r.gap).map((r) => [r.code, GAP_FILL]));
}
