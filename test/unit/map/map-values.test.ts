/**
 * Map values against the independent JS computation (map-oracle.ts) on the scale-1 sample workspace, for
 * every measure type, rates, filters, units with no models and every layer; plus the boundaries the map
 * draws. The units layer runs through both planner paths: the unit cube where the planner picks it
 * (asserted per case through its explain API) and `facts` (cubes switched off), with the same results.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogCache } from '../../../electron/engine/query/catalog-cache';
import { explainSpec } from '../../../electron/engine/query/planner';
import { EngineServer } from '../../../electron/engine/server';
import type { Workspace } from '../../../electron/engine/workspace/workspace';
import { MapSpecSchema, type BoundaryFeature, type MapSpec } from '../../../shared/map-spec';
import { SpecSchema } from '../../../shared/specs';
import { decodeTable, toRows } from '../../../renderer/src/api/arrow';
import { openSampleCopy } from '../pivot/sample-workspace';
import {
  loadMapRaw,
  oracleGaps,
  oraclePoints,
  oracleReplication,
  oracleUnits,
  type MapRaw,
} from './map-oracle';

/** Planar point-in-polygon (even-odd over every ring of every polygon). */
function inside(f: BoundaryFeature, [x, y]: [number, number]): boolean {
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  let odd = false;
  for (const ring of polys.flat(1))
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
    }
  return odd;
}

const TOURISM = 'Du lịch bền vững';
/** A unit registered after the data: no models, no values, no boundary. */
const EMPTY_UNIT = { code: '99999', name: 'Phường Không Có Mô Hình' };

let ws: Workspace;
let server: EngineServer;
/** The same engine forced to read `facts` (the planner's fallback): results must not differ. */
let factsOnly: EngineServer;
let catalog: CatalogCache;
let cleanup: () => void;
let raw: MapRaw;

beforeAll(async () => {
  const copy = await openSampleCopy();
  ws = copy.ws;
  cleanup = copy.cleanup;
  await ws.exec(
    `INSERT INTO units (code, name, type, province, population, area_km2) VALUES ('${EMPTY_UNIT.code}', '${EMPTY_UNIT.name}', 'phường', 'Thành phố Mẫu', 12000, 2.5)`,
  );
  server = new EngineServer(ws);
  factsOnly = new EngineServer(ws, { resultCache: false, cubes: false });
  catalog = await CatalogCache.load(ws);
  raw = await loadMapRaw(ws, ['funds_mobilized_vnd', 'satisfaction_pct', 'turnaround_minutes']);
}, 180_000);

afterAll(() => cleanup?.());

async function run(spec: MapSpec, engine = server): Promise<Record<string, unknown>[]> {
  const parsed = SpecSchema.parse(spec);
  const r = await engine.query(parsed);
  return toRows(decodeTable(r.arrow));
}

/** Equal within floating-point summation order (relative 1e-9). */
function close(a: unknown, b: number | null, what: string): void {
  if (b === null) {
    expect(a, what).toBeNull();
    return;
  }
  expect(typeof a, what).toBe('number');
  expect(Math.abs((a as number) - b), what).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
}

/** The cases and the table their values are read from (null: model counts, no values). */
const CASES: { name: string; spec: MapSpec; table: string | null }[] = [
  { name: 'count of models', spec: { kind: 'map' }, table: null },
  {
    name: 'count of models per 10,000 residents',
    spec: { kind: 'map', measure: { type: 'count_models', per: 'per10k' } },
    table: null,
  },
  {
    name: 'count in a field per km²',
    spec: { kind: 'map', measure: { type: 'count_field', field: TOURISM, per: 'per_km2' } },
    table: null,
  },
  {
    name: 'count in a field, excluded by the field filter',
    spec: {
      kind: 'map',
      measure: { type: 'count_field', field: TOURISM },
      filter: { fields: ['An sinh xã hội'] },
    },
    table: null,
  },
  {
    name: 'sum indicator',
    spec: { kind: 'map', measure: { type: 'indicator', indicator: 'funds_mobilized_vnd' } },
    table: 'cube_unit_year',
  },
  {
    name: 'sum indicator per 10,000 residents, period and field filters',
    spec: {
      kind: 'map',
      measure: { type: 'indicator', indicator: 'funds_mobilized_vnd', per: 'per10k' },
      filter: { period: { from: '2024-03', to: '2025-06' }, fields: ['An sinh xã hội', TOURISM] },
    },
    table: 'cube_unit',
  },
  {
    name: 'mean indicator (never summed)',
    spec: { kind: 'map', measure: { type: 'indicator', indicator: 'satisfaction_pct' } },
    table: 'cube_unit_year',
  },
  {
    name: 'weighted mean indicator, unit type and search filters',
    spec: {
      kind: 'map',
      measure: { type: 'indicator', indicator: 'turnaround_minutes' },
      filter: { unitTypes: ['xã'], search: 'cai cach' },
    },
    table: 'facts',
  },
  {
    name: 'growth of a sum, open period',
    spec: { kind: 'map', measure: { type: 'growth', indicator: 'funds_mobilized_vnd' } },
    table: 'cube_unit_year',
  },
  {
    name: 'growth of a weighted mean, bounded period',
    spec: {
      kind: 'map',
      measure: { type: 'growth', indicator: 'turnaround_minutes' },
      filter: { period: { from: '2024-05', to: '2025-02' } },
    },
    table: 'cube_unit',
  },
  {
    name: 'count with a period filter and a unit filter',
    spec: {
      kind: 'map',
      filter: { period: { from: '2025-01', to: '2025-03' }, units: ['27014', EMPTY_UNIT.code] },
    },
    table: null,
  },
  {
    name: 'weighted mean indicator in a province and unit type, period filter',
    spec: {
      kind: 'map',
      measure: { type: 'indicator', indicator: 'turnaround_minutes' },
      filter: { provinces: ['Thành phố Mẫu'], unitTypes: ['phường'], period: { from: '2024-07' } },
    },
    table: 'cube_unit',
  },
  {
    name: 'sum indicator per 10,000 residents, statuses filtered (no cube keeps the status)',
    spec: {
      kind: 'map',
      measure: { type: 'indicator', indicator: 'funds_mobilized_vnd', per: 'per10k' },
      filter: { statuses: ['Đang triển khai'] },
    },
    table: 'facts',
  },
  {
    name: 'growth of a sum, field filter',
    spec: {
      kind: 'map',
      measure: { type: 'growth', indicator: 'funds_mobilized_vnd' },
      filter: { fields: ['An sinh xã hội', TOURISM] },
    },
    table: 'cube_unit_year',
  },
];

describe.each(['cubes', 'facts'] as const)(
  'map units layer = independent computation (planner path: %s)',
  (path) => {
    for (const c of CASES) {
      it(c.name, async () => {
        expect(explainSpec(c.spec, catalog).facts).toBe(c.table);
        const got = await run(c.spec, path === 'cubes' ? server : factsOnly);
        const want = oracleUnits(raw, c.spec);
        expect(got.map((r) => r.unit_code)).toEqual(want.map((r) => r.unit_code));
        want.forEach((w, i) => {
          const g = got[i] as Record<string, unknown>;
          expect(g.unit_name).toBe(w.unit_name);
          expect(g.models, `${w.unit_code} models`).toBe(w.models);
          close(g.value, w.value, `${w.unit_code} value`);
        });
        // The comparison means something: some units have a value and they differ.
        const values = want.map((w) => w.value).filter((v) => v !== null);
        expect(values.length).toBeGreaterThan(0);
      });
    }

    it('a unit with no models is a row: counts 0, indicators and growth NULL (no data), rates over 0 are 0', async () => {
      const pick = async (spec: MapSpec) =>
        (await run(spec)).find((r) => r.unit_code === EMPTY_UNIT.code) as Record<string, unknown>;
      expect(await pick({ kind: 'map' })).toMatchObject({ models: 0, value: 0, unit_name: EMPTY_UNIT.name });
      expect((await pick({ kind: 'map', measure: { type: 'count_models', per: 'per10k' } })).value).toBe(0);
      expect(
        (await pick({ kind: 'map', measure: { type: 'indicator', indicator: 'funds_mobilized_vnd' } })).value,
      ).toBeNull();
      const g = await pick({ kind: 'map', measure: { type: 'growth', indicator: 'funds_mobilized_vnd' } });
      expect(g).toMatchObject({
        value: null,
        value_first: null,
        value_last: null,
        year_first: 2023,
        year_last: 2025,
      });
    });

    it('growth reports the years and values it compares', async () => {
      const rows = await run({
        kind: 'map',
        measure: { type: 'growth', indicator: 'funds_mobilized_vnd' },
        filter: { period: { from: '2023-07', to: '2024-02' } },
      });
      const r = rows.find((x) => x.value !== null) as {
        value: number;
        value_first: number;
        value_last: number;
        year_first: number;
        year_last: number;
      };
      expect(r.year_first).toBe(2023);
      expect(r.year_last).toBe(2024);
      close(r.value, ((r.value_last - r.value_first) / Math.abs(r.value_first)) * 100, 'growth');
    });
  },
);

describe('map layers = independent computation', () => {
  it('points: filtered models with coordinates, coloured by the chosen attribute', async () => {
    for (const spec of [
      { kind: 'map', layer: 'points' },
      {
        kind: 'map',
        layer: 'points',
        colorBy: 'status',
        filter: { fields: [TOURISM], period: { from: '2025-01' } },
      },
    ] as MapSpec[]) {
      const got = (await run(spec)).map((r) => [r.model_id, r.lon, r.lat, r.key]);
      const want = oraclePoints(raw, spec);
      expect(want.length).toBeGreaterThan(10);
      expect(got).toEqual(want);
    }
  });

  it('replication: lines from the origin model’s unit to the replica’s unit', async () => {
    const all = await run({ kind: 'map', layer: 'replication' });
    const want = oracleReplication(raw, { kind: 'map', layer: 'replication' });
    expect(new Map(all.map((r) => [`${String(r.from_unit)}>${String(r.to_unit)}`, r.models]))).toEqual(want);
    expect(want.size).toBeGreaterThan(100);
    // One model's replicas, and one field's.
    const origin = raw.models.find((m) => m.from)?.from as string;
    for (const spec of [
      { kind: 'map', layer: 'replication', origin },
      { kind: 'map', layer: 'replication', field: TOURISM, filter: { unitTypes: ['phường'] } },
    ] as MapSpec[]) {
      const got = await run(spec);
      const w = oracleReplication(raw, spec);
      expect(w.size).toBeGreaterThan(0);
      expect(new Map(got.map((r) => [`${String(r.from_unit)}>${String(r.to_unit)}`, r.models]))).toEqual(w);
    }
  });

  it('gaps: units with no model in the field, the empty unit included', async () => {
    const spec: MapSpec = {
      kind: 'map',
      layer: 'gaps',
      field: TOURISM,
      filter: { statuses: ['Đang triển khai'] },
    };
    const got = await run(spec);
    const want = oracleGaps(raw, spec);
    expect(new Map(got.map((r) => [r.unit_code, r.models]))).toEqual(want);
    for (const r of got) expect(r.gap).toBe(r.models === 0);
    expect(got.find((r) => r.unit_code === EMPTY_UNIT.code)?.gap).toBe(true);
    expect(got.filter((r) => r.gap).length).toBeGreaterThan(1);
    expect(got.filter((r) => !r.gap).length).toBeGreaterThan(1);
  });
});

describe('map spec validation', () => {
  it('rejects misplaced options and a gaps layer without a field', () => {
    expect(MapSpecSchema.safeParse({ kind: 'map', layer: 'gaps' }).success).toBe(false);
    expect(
      MapSpecSchema.safeParse({ kind: 'map', layer: 'points', measure: { type: 'count_models' } }).success,
    ).toBe(false);
    expect(MapSpecSchema.safeParse({ kind: 'map', colorBy: 'field' }).success).toBe(false);
    expect(MapSpecSchema.safeParse({ kind: 'map', measure: { type: 'score' } }).success).toBe(false);
    expect(SpecSchema.safeParse({ kind: 'map', layer: 'gaps', field: TOURISM }).success).toBe(true);
  });

  it('refuses a rate of a mean, growth within one year and unknown indicators with SPEC_INVALID', async () => {
    const bad: MapSpec[] = [
      { kind: 'map', measure: { type: 'indicator', indicator: 'satisfaction_pct', per: 'per10k' } },
      {
        kind: 'map',
        measure: { type: 'growth', indicator: 'funds_mobilized_vnd' },
        filter: { period: { from: '2024-01', to: '2024-12' } },
      },
      { kind: 'map', measure: { type: 'indicator', indicator: 'no_such_indicator' } },
    ];
    for (const spec of bad) await expect(run(spec)).rejects.toMatchObject({ code: 'SPEC_INVALID' });
  });
});

describe('geo.boundaries', () => {
  it('returns every unit’s boundary with its name and a label point inside it, rounded and cached', async () => {
    const fc = await server.run('geo.boundaries', {});
    const units = await ws.rows<{ code: string; name: string }>('SELECT code, name FROM units');
    const names = new Map(units.map((u) => [u.code, u.name]));
    expect(fc.features.length).toBe(170);
    expect(fc.missing).toEqual([EMPTY_UNIT.code]);
    expect(fc.unreadable).toBe(0);
    for (const f of fc.features) {
      expect(f.properties.name).toBe(names.get(f.properties.code));
      expect(inside(f, f.properties.label), f.properties.code).toBe(true);
    }
    const coords = JSON.stringify(fc.features.map((f) => f.geometry.coordinates));
    expect(coords).not.toMatch(/\.\d{6,}/);
    const [x0, y0, x1, y1] = fc.bbox ?? [0, 0, 0, 0];
    expect(x0).toBeLessThan(x1);
    expect(y0).toBeLessThan(y1);
    expect(await server.run('geo.boundaries', {})).toBe(fc);
  });
});
