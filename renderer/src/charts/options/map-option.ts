/**
 * The map's ECharts option: the units as a `geo` component (registered GeoJSON, no tiles) filled per unit,
 * with optional layers on it — model points (or their density as a heatmap when they crowd), bubbles at
 * unit label points, and replication lines. Pure: inputs in, option out; no canvas, testable in Node.
 */
import type { HeatmapSeriesOption, LinesSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type {
  GeoComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { ChartTheme } from '../types';

/** The option subset the map uses (see echarts-setup.ts for the registered parts). */
export type MapChartOption = ComposeOption<
  | GeoComponentOption
  | ScatterSeriesOption
  | LinesSeriesOption
  | HeatmapSeriesOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

/** What a tooltip is about: a unit (by code), a model point (by id), a bubble (unit code) or a line. */
export type MapItemKind = 'unit' | 'point' | 'bubble' | 'line';

export interface MapPoint {
  id: string;
  lon: number;
  lat: number;
  color: string;
}

export interface MapBubble {
  code: string;
  lon: number;
  lat: number;
  /** Diameter in px. */
  size: number;
  color: string;
}

export interface MapLine {
  from: [number, number];
  to: [number, number];
  /** Replicas on this path. */
  n: number;
}

export interface MapOptionInput {
  /** Name the GeoJSON was registered under (its features named by unit code). */
  mapName: string;
  /** Fill per unit code; units not listed get the neutral fill. */
  fills: ReadonlyMap<string, string>;
  neutralFill: string;
  /** Units outlined (the global unit filter, a found unit). */
  outlined: readonly string[];
  outlineColor: string;
  /** Centre [lon, lat] and zoom (1 = the whole map); null = fit. */
  view: { center: [number, number]; zoom: number } | null;
  points?: readonly MapPoint[];
  /** Model positions drawn as density instead of points. */
  density?: readonly [number, number][];
  densityColors?: readonly string[];
  bubbles?: readonly MapBubble[];
  lines?: readonly MapLine[];
  lineColor?: string;
  /** Tooltip HTML (escaped by the caller) for an item. */
  tooltip: (kind: MapItemKind, name: string, index: number) => string;
  theme: ChartTheme;
}

const SERIES_KIND: Record<string, MapItemKind> = { points: 'point', bubbles: 'bubble', lines: 'line' };

/** The option for the map. */
export function mapOption(input: MapOptionInput): MapChartOption {
  const { theme } = input;
  const outlined = new Set(input.outlined);
  const regions = [...new Set([...input.fills.keys(), ...outlined])].map((code) => ({
    name: code,
    itemStyle: {
      areaColor: input.fills.get(code) ?? input.neutralFill,
      ...(outlined.has(code) ? { borderColor: input.outlineColor, borderWidth: 2.5 } : {}),
    },
  }));
  const series: MapChartOption['series'] = [];
  const visualMap: VisualMapComponentOption[] = [];
  if (input.density?.length) {
    series.push({
      id: 'density',
      type: 'heatmap',
      coordinateSystem: 'geo',
      data: input.density.map(([lon, lat]) => [lon, lat, 1]),
      pointSize: 6,
      blurSize: 14,
      silent: true,
    });
    visualMap.push({
      show: false,
      type: 'continuous',
      min: 0,
      max: 4,
      seriesIndex: series.length - 1,
      inRange: { color: [...(input.densityColors ?? [])] },
    });
  }
  if (input.points?.length) {
    series.push({
      id: 'points',
      type: 'scatter',
      coordinateSystem: 'geo',
      symbolSize: 6,
      data: input.points.map((p) => ({
        name: p.id,
        value: [p.lon, p.lat],
        itemStyle: { color: p.color, borderColor: '#ffffff', borderWidth: 0.5 },
      })),
    });
  }
  if (input.bubbles?.length) {
    series.push({
      id: 'bubbles',
      type: 'scatter',
      coordinateSystem: 'geo',
      data: input.bubbles.map((b) => ({
        name: b.code,
        value: [b.lon, b.lat],
        symbolSize: b.size,
        itemStyle: { color: b.color, opacity: 0.85, borderColor: theme.text, borderWidth: 0.5 },
      })),
    });
  }
  if (input.lines?.length) {
    const max = Math.max(...input.lines.map((l) => l.n));
    series.push({
      id: 'lines',
      type: 'lines',
      coordinateSystem: 'geo',
      symbol: ['circle', 'arrow'],
      symbolSize: [4, 7],
      data: input.lines.map((l) => ({
        coords: [l.from, l.to],
        lineStyle: { width: 1 + (3 * l.n) / max },
      })),
      // Many paths overlap: fainter lines keep the busy centres readable.
      lineStyle: {
        color: input.lineColor ?? theme.primary,
        opacity: input.lines.length > 100 ? 0.4 : 0.75,
        curveness: 0.2,
      },
    });
  }
  // The geo component's tooltip does not inherit the global formatter: both get this one.
  const formatter = (params: unknown): string => {
    const p = (Array.isArray(params) ? params[0] : params) as
      { componentType?: string; seriesId?: string; name?: string; dataIndex?: number } | undefined;
    if (!p) return '';
    const kind: MapItemKind = p.componentType === 'geo' ? 'unit' : (SERIES_KIND[p.seriesId ?? ''] ?? 'unit');
    return input.tooltip(kind, p.name ?? '', p.dataIndex ?? 0);
  };
  return {
    animation: false,
    textStyle: { fontFamily: theme.fontFamily, color: theme.text },
    tooltip: {
      trigger: 'item',
      backgroundColor: theme.tooltipBg,
      borderColor: theme.tooltipBorder,
      textStyle: { fontFamily: theme.fontFamily, color: theme.text, fontSize: 13 },
      formatter,
    },
    geo: {
      map: input.mapName,
      roam: true,
      // The view's centre is the canvas centre: a found unit lands in the middle of the chart.
      layoutCenter: ['50%', '50%'],
      layoutSize: '95%',
      ...(input.view ? { center: input.view.center, zoom: input.view.zoom } : { zoom: 1 }),
      scaleLimit: { min: 0.8, max: 60 },
      selectedMode: false,
      label: { show: false },
      tooltip: { show: true, formatter },
      itemStyle: { areaColor: input.neutralFill, borderColor: '#ffffff', borderWidth: 0.6 },
      emphasis: {
        label: { show: false },
        itemStyle: { borderColor: theme.text, borderWidth: 1.5 },
      },
      regions,
    },
    ...(visualMap.length ? { visualMap } : {}),
    series,
  };
}
