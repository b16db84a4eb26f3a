/** Classification, palettes and the map's derived drawing data (renderer logic, pure). */
import { ckmeans } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { mapOption } from '../../../renderer/src/charts/options/map-option';
import { lightTheme } from '../../../renderer/src/charts/theme';
import { classBreaks, classOf } from '../../../renderer/src/views/map/classify';
import {
  bubblesOf,
  categoryColors,
  classifyUnits,
  divergingColors,
  gapFills,
  linesOf,
} from '../../../renderer/src/views/map/map-model';
import { layerSpec, mapFilter, unitsSpec } from '../../../renderer/src/views/map/map-specs';
import { DEFAULT_MAP_SETTINGS } from '../../../renderer/src/views/map/map-store';
import { DIVERGING, paletteColors, SEQUENTIAL } from '../../../renderer/src/views/map/palettes';

const VALUES = [1, 2, 2, 3, 4, 5, 8, 9, 10, 40, 41, 42, 100];

describe('classBreaks', () => {
  it('equal intervals split the range evenly', () => {
    expect(classBreaks(VALUES, 4, 'equal')).toEqual([1, 25.75, 50.5, 75.25, 100]);
  });

  it('quantiles put about the same number of values in each class', () => {
    const b = classBreaks(VALUES, 4, 'quantile');
    expect(b[0]).toBe(1);
    expect(b[b.length - 1]).toBe(100);
    const counts = [0, 1, 2, 3].map((i) => VALUES.filter((v) => classOf(v, b) === i).length);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('natural breaks follow the ckmeans clusters', () => {
    const b = classBreaks(VALUES, 3, 'jenks');
    const clusters = ckmeans(VALUES, 3);
    expect(b).toEqual([...clusters.map((c) => c[0]), 100]);
    expect(b).toEqual([1, 40, 100, 100]);
    expect([10, 42, 100].map((v) => classOf(v, b))).toEqual([0, 1, 2]);
  });

  it('symmetric equal intervals centre a diverging palette on 0', () => {
    expect(classBreaks([-10, 5, 30], 4, 'equal', true)).toEqual([-30, -15, 0, 15, 30]);
  });

  it('degenerate inputs: no values, one level, duplicate quantiles', () => {
    expect(classBreaks([], 5, 'quantile')).toEqual([]);
    expect(classBreaks([7, 7, 7], 5, 'jenks')).toEqual([7, 7]);
    expect(classOf(7, [7, 7])).toBe(0);
    const b = classBreaks([0, 0, 0, 0, 0, 0, 1, 2], 5, 'quantile');
    expect(new Set(b).size).toBe(b.length);
  });

  it('classOf: half-open classes, the last closed, null outside or without value', () => {
    const b = [0, 10, 20];
    expect([0, 9.99, 10, 20, -1, 21, null].map((v) => classOf(v, b))).toEqual([0, 0, 1, 1, null, null, null]);
  });
});

describe('palettes and classes', () => {
  it('k colours spread over nine, ends kept', () => {
    expect(paletteColors('ylgnbu', 3)).toEqual([
      SEQUENTIAL.ylgnbu[0],
      SEQUENTIAL.ylgnbu[4],
      SEQUENTIAL.ylgnbu[8],
    ]);
    expect(paletteColors('rdbu', 5)[2]).toBe(DIVERGING.rdbu[4]);
  });

  it('classifyUnits counts units per class and leaves units without value unfilled', () => {
    const units = [
      { code: 'a', name: 'A', value: 1, models: 1 },
      { code: 'b', name: 'B', value: 50, models: 2 },
      { code: 'c', name: 'C', value: 100, models: 3 },
      { code: 'd', name: 'D', value: null, models: 0 },
    ];
    const c = classifyUnits(units, 'equal', 2, 'ylgnbu');
    expect(c.classes.map((k) => [k.from, k.to, k.units])).toEqual([
      [1, 50.5, 2],
      [50.5, 100, 1],
    ]);
    expect(c.noData).toBe(1);
    expect(c.fills.has('d')).toBe(false);
    expect(c.fills.get('c')).toBe(SEQUENTIAL.ylgnbu[8]);
    const labels = new Map<string, [number, number]>([
      ['a', [1, 1]],
      ['c', [2, 2]],
    ]);
    const bubbles = bubblesOf(units, c.fills, labels, 40);
    expect(bubbles.map((x) => [x.code, Math.round(x.size)])).toEqual([
      ['a', 4],
      ['c', 40],
    ]);
  });

  it('diverging palettes centre on 0 whatever the classes: negative one hue, positive the other', () => {
    expect(divergingColors([-10, 0, 10], 'puor')).toEqual([DIVERGING.puor[2], DIVERGING.puor[6]]);
    expect(divergingColors([10, 20, 40], 'puor')).toEqual([DIVERGING.puor[5], DIVERGING.puor[8]]);
    // Skewed growth: one class spans 0 (neutral), the positive ones stay distinct.
    const skewed = divergingColors([-79, 52, 86, 120, 187, 1314], 'puor');
    expect(skewed).toEqual([4, 5, 6, 7, 8].map((i) => DIVERGING.puor[i]));
    expect(divergingColors([-30, -20, -10, 5], 'rdbu')).toEqual([0, 3, 4].map((i) => DIVERGING.rdbu[i]));
  });

  it('categories: most frequent first, the rest share “other”', () => {
    const keys = Array.from({ length: 20 }, (_, i) => `k${i}`).flatMap((k, i) => Array(20 - i).fill(k));
    const { legend, colors } = categoryColors(keys);
    expect(legend[0]).toMatchObject({ key: 'k0', count: 20, other: false });
    const other = legend[legend.length - 1];
    expect(other?.other).toBe(true);
    expect(legend.reduce((s, l) => s + l.count, 0)).toBe(keys.length);
    expect(colors.get('k19')).toBe(other?.color);
  });

  it('lines skip paths within a unit or to a unit without boundary; gaps fill only gaps', () => {
    const labels = new Map<string, [number, number]>([
      ['a', [0, 0]],
      ['b', [1, 1]],
    ]);
    const l = linesOf(
      [
        { from: 'a', to: 'b', n: 2 },
        { from: 'a', to: 'a', n: 1 },
        { from: 'a', to: 'x', n: 1 },
      ],
      labels,
    );
    expect(l).toEqual([{ from: [0, 0], to: [1, 1], n: 2, fromCode: 'a', toCode: 'b' }]);
    expect([
      ...gapFills([
        { code: 'a', gap: true },
        { code: 'b', gap: false },
      ]).keys(),
    ]).toEqual(['a']);
  });
});

describe('map specs and option', () => {
  it('the map queries without the unit filter (it outlines the selected units instead)', () => {
    const filter = { units: ['27014'], fields: ['An sinh xã hội'] };
    expect(mapFilter(filter)).toEqual({ fields: ['An sinh xã hội'] });
    const s = { ...DEFAULT_MAP_SETTINGS, measure: 'indicator' as const, per: 'per10k' as const };
    expect(unitsSpec(s, filter, 'funds_mobilized_vnd')).toEqual({
      kind: 'map',
      layer: 'units',
      filter: { fields: ['An sinh xã hội'] },
      measure: { type: 'indicator', indicator: 'funds_mobilized_vnd', per: 'per10k' },
    });
    expect(layerSpec({ ...s, mode: 'gaps', field: '' }, filter)).toBeNull();
    expect(layerSpec({ ...s, mode: 'replication', origin: ' MH-1 ' }, {})).toEqual({
      kind: 'map',
      layer: 'replication',
      filter: {},
      origin: 'MH-1',
    });
  });

  it('the option fills, outlines and layers as asked', () => {
    const o = mapOption({
      mapName: 'm',
      fills: new Map([['a', '#111111']]),
      neutralFill: '#eeeeee',
      outlined: ['b'],
      outlineColor: '#ff0000',
      view: { center: [1, 2], zoom: 3 },
      points: [{ id: 'p', lon: 1, lat: 2, color: '#00ff00' }],
      lines: [{ from: [0, 0], to: [1, 1], n: 1 }],
      tooltip: () => '',
      theme: lightTheme,
    });
    const geo = o.geo as {
      regions: { name: string; itemStyle: Record<string, unknown> }[];
      center: number[];
    };
    expect(geo.center).toEqual([1, 2]);
    expect(geo.regions).toEqual([
      { name: 'a', itemStyle: { areaColor: '#111111' } },
      { name: 'b', itemStyle: { areaColor: '#eeeeee', borderColor: '#ff0000', borderWidth: 2.5 } },
    ]);
    expect((o.series as { type: string }[]).map((s) => s.type)).toEqual(['scatter', 'lines']);
  });
});
