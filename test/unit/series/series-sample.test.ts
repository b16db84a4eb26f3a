/**
 * Series on the scale-1 sample equal the plain-JS reference (oracle.ts) for every transform and grain,
 * YoY across year boundaries, gaps, weighted means, Others, models side by side and filters — through both
 * planner paths: the cube the planner picks (asserted per case through its explain API: a month cube at
 * month grain, the per-model cube at year grain) and `facts` (cubes switched off), which must give the same
 * results.
 */
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogCache } from '../../../electron/engine/query/catalog-cache';
import { explainSpec } from '../../../electron/engine/query/planner';
import { EngineServer } from '../../../electron/engine/server';
import { SERIES_OTHERS, type SeriesRow, type SeriesSpec } from '../../../shared/series-spec';
import { loadRaw, type RawData } from '../pivot/oracle-data';
import { openSampleCopy } from '../pivot/sample-workspace';
import { referenceSeries } from './oracle';

let t: Awaited<ReturnType<typeof openSampleCopy>>;
let server: EngineServer;
/** The same engine forced to read `facts` (the planner's fallback): results must not differ. */
let factsOnly: EngineServer;
let catalog: CatalogCache;
let raw: RawData;
let names: Map<string, string>;
/** Models with a month missing between their first and last report of `households_supported`… */
let gappy: string[];
/** …and models that stopped reporting before the end of the data. */
let stopped: string[];
/** A few registered unit codes (a units filter). */
let someUnits: string[];

beforeAll(async () => {
  t = await openSampleCopy();
  server = new EngineServer(t.ws, { resultCache: false });
  factsOnly = new EngineServer(t.ws, { resultCache: false, cubes: false });
  catalog = await CatalogCache.load(t.ws);
  raw = await loadRaw(t.ws);
  someUnits = (await t.ws.rows<{ code: string }>('SELECT code FROM units ORDER BY code LIMIT 12')).map(
    (u) => u.code,
  );
  names = new Map(
    (await t.ws.rows<{ model_id: string; name: string }>('SELECT model_id, name FROM models')).map((m) => [
      m.model_id,
      m.name,
    ]),
  );
  const months = new Map<string, Set<string>>();
  for (const v of raw.values) {
    if (v.indicator !== 'funds_mobilized_vnd' || v.value === null) continue;
    let s = months.get(v.model.id);
    if (!s) months.set(v.model.id, (s = new Set()));
    s.add(v.period);
  }
  const span = (s: Set<string>) => {
    const ps = [...s].sort();
    const [a, b] = [ps[0] as string, ps[ps.length - 1] as string];
    return (
      (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7)) + 1
    );
  };
  const ids = [...months.keys()].sort();
  gappy = ids
    .filter((id) => span(months.get(id) as Set<string>) > (months.get(id) as Set<string>).size)
    .slice(0, 4);
  stopped = ids.filter((id) => [...(months.get(id) as Set<string>)].sort().pop()! < '2025-06-01').slice(0, 3);
}, 300_000);
afterAll(() => t?.cleanup());

async function engineRows(
  engine: EngineServer,
  spec: SeriesSpec,
): Promise<{ rows: SeriesRow[]; ms: number }> {
  const r = await engine.query(spec);
  const rows = tableFromIPC(r.arrow)
    .toArray()
    .map((x) => ({ ...x.toJSON() }) as unknown as SeriesRow);
  return { rows, ms: r.ms };
}

const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function expectSameSeries(actual: SeriesRow[], expected: SeriesRow[]): void {
  const key = (r: SeriesRow) => `${r.series}|${r.indicator}|${r.period}`;
  expect(actual.map(key)).toEqual(expected.map(key));
  const bad: string[] = [];
  actual.forEach((a, i) => {
    const e = expected[i] as SeriesRow;
    for (const c of ['raw', 'value', 'delta'] as const)
      if (!close(a[c], e[c])) bad.push(`${key(a)} ${c}: got ${a[c]}, want ${e[c]}`);
    if (a.n !== e.n) bad.push(`${key(a)} n: got ${a.n}, want ${e.n}`);
    if (a.label !== e.label) bad.push(`${key(a)} label: got ${a.label}, want ${e.label}`);
  });
  expect(bad.slice(0, 10)).toEqual([]);
}

const funds = 'funds_mobilized_vnd';
const sat = 'satisfaction_pct';
const turn = 'turnaround_minutes';

/**
 * The cases — name, spec (built after beforeAll), an extra check and the table the planner answers from
 * (a month cube at month grain; at year grain the per-model cube, whose rows count the models of a year,
 * unless the period filter cuts a year; `facts` at quarter grain: `n` is a distinct count of models).
 */
const cases: [string, () => SeriesSpec, (rows: SeriesRow[]) => void, string][] = [
  [
    'a sum by month, no split',
    () => ({ kind: 'series', indicators: [funds] }),
    (rows) => expect(new Set(rows.map((r) => r.series)).size).toBe(1),
    'cube_field',
  ],
  [
    'a mean by quarter split by field (mean of all values, not of model means)',
    () => ({ kind: 'series', indicators: [sat], grain: 'quarter', split: { by: 'field' } }),
    () => undefined,
    'facts',
  ],
  [
    'a weighted mean by month split by sponsor, top 3 and Others',
    () => ({ kind: 'series', indicators: [turn, 'records_processed'], split: { by: 'sponsor', topN: 3 } }),
    (rows) => expect(rows.some((r) => r.series === SERIES_OTHERS && r.raw !== null)).toBe(true),
    'facts',
  ],
  [
    'cumulative by year split by status',
    () => ({
      kind: 'series',
      indicators: [funds, 'households_supported'],
      grain: 'year',
      split: { by: 'status' },
      transform: { type: 'cumulative' },
    }),
    () => undefined,
    'model_cube',
  ],
  [
    'moving average 3 by month split by unit type',
    () => ({
      kind: 'series',
      indicators: ['households_supported'],
      split: { by: 'unit_type' },
      transform: { type: 'moving_average', window: 3 },
    }),
    () => undefined,
    'cube_unit',
  ],
  [
    'moving average 6 by quarter of a weighted mean',
    () => ({
      kind: 'series',
      indicators: [turn],
      grain: 'quarter',
      transform: { type: 'moving_average', window: 6 },
    }),
    () => undefined,
    'facts',
  ],
  [
    'moving average 12 by month, fields filtered',
    () => ({
      kind: 'series',
      indicators: ['participants'],
      transform: { type: 'moving_average', window: 12 },
      filter: { fields: ['Chỉnh trang đô thị', 'Bảo vệ môi trường'] },
    }),
    () => undefined,
    'cube_field',
  ],
  [
    'YoY by month across year boundaries, top 4 fields, period filtered',
    () => ({
      kind: 'series',
      indicators: [funds],
      split: { by: 'field', topN: 4 },
      transform: { type: 'yoy' },
      filter: { period: { from: '2023-06', to: '2025-03' } },
    }),
    (rows) => {
      // January 2025 compares with January 2024: a value across the year boundary.
      expect(rows.some((r) => r.period === '2025-01-01' && r.value !== null && r.delta !== null)).toBe(true);
      expect(rows.filter((r) => r.period < '2024-06-01').every((r) => r.value === null)).toBe(true);
    },
    'cube_field',
  ],
  [
    'YoY by quarter of a mean',
    () => ({
      kind: 'series',
      indicators: [sat],
      grain: 'quarter',
      split: { by: 'unit_type' },
      transform: { type: 'yoy' },
    }),
    () => undefined,
    'facts',
  ],
  [
    'YoY by year',
    () => ({
      kind: 'series',
      indicators: [funds, sat],
      grain: 'year',
      split: { by: 'sponsor', topN: 2 },
      transform: { type: 'yoy' },
    }),
    () => undefined,
    'model_cube',
  ],
  [
    'per 10,000 residents by year split by unit, top 5 and Others',
    () => ({
      kind: 'series',
      indicators: [funds],
      grain: 'year',
      split: { by: 'unit', topN: 5 },
      transform: { type: 'per10k' },
    }),
    (rows) =>
      expect(rows.filter((r) => r.series === SERIES_OTHERS).every((r) => r.value !== null)).toBe(true),
    'model_cube',
  ],
  [
    'per 10,000 residents by quarter split by field in a unit type',
    () => ({
      kind: 'series',
      indicators: ['households_supported'],
      grain: 'quarter',
      split: { by: 'field', topN: 3 },
      transform: { type: 'per10k' },
      filter: { unitTypes: ['xã'] },
    }),
    () => undefined,
    'facts',
  ],
  [
    'index by quarter split by field ranked by models',
    () => ({
      kind: 'series',
      indicators: ['participants'],
      grain: 'quarter',
      split: { by: 'field', topN: 5, rankBy: 'models' },
      transform: { type: 'index' },
    }),
    (rows) => {
      const firsts = new Map<string, number>();
      for (const r of rows)
        if (r.value !== null && !firsts.has(`${r.series}`)) firsts.set(`${r.series}`, r.value);
      expect([...firsts.values()].every((v) => Math.abs(v - 100) < 1e-9)).toBe(true);
    },
    'facts',
  ],
  [
    'models side by side by month, with gaps',
    () => ({ kind: 'series', indicators: [funds], modelIds: [...gappy, ...stopped] }),
    (rows) => {
      // A gap is a NULL row between reported months, with n = 0 — never a zero value.
      const g = rows.filter((r) => r.series === gappy[0]);
      const firstIdx = g.findIndex((r) => r.raw !== null);
      const lastIdx = g.length - 1 - [...g].reverse().findIndex((r) => r.raw !== null);
      expect(g.slice(firstIdx, lastIdx).some((r) => r.raw === null && r.n === 0)).toBe(true);
      expect(new Set(rows.map((r) => r.series)).size).toBe(gappy.length + stopped.length);
    },
    'facts',
  ],
  [
    'models side by side, per 10,000 residents of their unit, by quarter',
    () => ({
      kind: 'series',
      indicators: [funds],
      grain: 'quarter',
      modelIds: gappy.slice(0, 2),
      transform: { type: 'per10k' },
    }),
    () => undefined,
    'facts',
  ],
  [
    'several filters and indicators, month, statuses and sponsors',
    () => ({
      kind: 'series',
      indicators: [turn, sat, 'records_processed'],
      split: { by: 'unit', topN: 4 },
      filter: {
        fields: ['Cải cách hành chính'],
        statuses: ['Đang triển khai', 'Tạm dừng'],
        period: { from: '2024-01', to: '2024-12' },
      },
    }),
    (rows) => expect(rows.every((r) => r.period >= '2024-01-01' && r.period <= '2024-12-01')).toBe(true),
    'facts',
  ],
  [
    'the Trends default split: funds by month, top 5 fields and Others, fields filtered',
    () => ({
      kind: 'series',
      indicators: [funds],
      split: { by: 'field', topN: 5 },
      filter: { fields: ['An sinh xã hội', 'Chỉnh trang đô thị', 'Bảo vệ môi trường'] },
    }),
    // At most three groups: no Others.
    (rows) => expect(rows.some((r) => r.series === SERIES_OTHERS)).toBe(false),
    'cube_field',
  ],
  [
    'cumulative by month split by unit, top 5 and Others, in a province',
    () => ({
      kind: 'series',
      indicators: [funds, 'households_supported'],
      split: { by: 'unit', topN: 5 },
      transform: { type: 'cumulative' },
      filter: { provinces: ['Thành phố Mẫu'] },
    }),
    (rows) => expect(rows.some((r) => r.series === SERIES_OTHERS && r.value !== null)).toBe(true),
    'cube_unit',
  ],
  [
    'per 10,000 residents by month split by unit type, units filtered',
    () => ({
      kind: 'series',
      indicators: ['households_supported'],
      split: { by: 'unit_type' },
      transform: { type: 'per10k' },
      filter: { units: someUnits },
    }),
    () => undefined,
    'cube_unit',
  ],
  [
    'index by month split by every field',
    () => ({
      kind: 'series',
      indicators: ['participants'],
      split: { by: 'field' },
      transform: { type: 'index' },
    }),
    () => undefined,
    'cube_field',
  ],
  [
    'a sum, a mean and a weighted mean by month split by unit, top 3, period filtered',
    () => ({
      kind: 'series',
      indicators: [turn, funds, sat],
      split: { by: 'unit', topN: 3 },
      filter: { period: { from: '2024-04', to: '2025-03' } },
    }),
    (rows) =>
      expect(rows.filter((r) => r.series !== SERIES_OTHERS).every((r) => r.label !== null)).toBe(true),
    'cube_unit',
  ],
  [
    'per 10,000 residents by month, no split, unit type and field filters',
    () => ({
      kind: 'series',
      indicators: [funds],
      transform: { type: 'per10k' },
      filter: { unitTypes: ['phường'], fields: ['An sinh xã hội'], period: { from: '2024-01' } },
    }),
    () => undefined,
    'cube_unit',
  ],
  [
    'YoY of a weighted mean by month, the largest unit type and Others',
    () => ({
      kind: 'series',
      indicators: [turn],
      split: { by: 'unit_type', topN: 1 },
      transform: { type: 'yoy' },
    }),
    () => undefined,
    'cube_unit',
  ],
  [
    'moving average 6 by month of a mean, top 2 fields ranked by models',
    () => ({
      kind: 'series',
      indicators: [sat],
      split: { by: 'field', topN: 2, rankBy: 'models' },
      transform: { type: 'moving_average', window: 6 },
    }),
    () => undefined,
    'facts',
  ],
  [
    'YoY by year split by field, top 4 and Others',
    () => ({
      kind: 'series',
      indicators: [funds],
      grain: 'year',
      split: { by: 'field', topN: 4 },
      transform: { type: 'yoy' },
    }),
    (rows) =>
      expect(rows.some((r) => r.series === SERIES_OTHERS && r.value !== null && r.delta !== null)).toBe(true),
    'model_cube',
  ],
  [
    'a sum and a weighted mean by year split by unit, top 5 and Others, a unit type',
    () => ({
      kind: 'series',
      indicators: [funds, turn],
      grain: 'year',
      split: { by: 'unit', topN: 5 },
      filter: { unitTypes: ['xã'] },
    }),
    (rows) =>
      expect(rows.filter((r) => r.series !== SERIES_OTHERS).every((r) => r.label !== null)).toBe(true),
    'model_cube',
  ],
  [
    'a mean by year split by field ranked by models, top 3, two sponsors',
    () => ({
      kind: 'series',
      indicators: [sat],
      grain: 'year',
      split: { by: 'field', topN: 3, rankBy: 'models' },
      filter: { sponsors: ['Đoàn Thanh niên', 'Công an'] },
    }),
    () => undefined,
    'model_cube',
  ],
  [
    'moving average 3 by year, fields filtered, no split',
    () => ({
      kind: 'series',
      indicators: ['participants', 'households_supported'],
      grain: 'year',
      transform: { type: 'moving_average', window: 3 },
      filter: { fields: ['Chỉnh trang đô thị', 'Bảo vệ môi trường'] },
    }),
    () => undefined,
    'model_cube',
  ],
  [
    'models side by side by year, with models that stopped',
    () => ({ kind: 'series', indicators: [funds, sat], grain: 'year', modelIds: [...gappy, ...stopped] }),
    (rows) => expect(rows.every((r) => r.n <= 1)).toBe(true),
    'model_cube',
  ],
  [
    'YoY by year split by unit type, a period of whole years, statuses filtered',
    () => ({
      kind: 'series',
      indicators: ['households_supported'],
      grain: 'year',
      split: { by: 'unit_type' },
      transform: { type: 'yoy' },
      filter: { period: { from: '2024-01', to: '2025-12' }, statuses: ['Đang triển khai', 'Tạm dừng'] },
    }),
    (rows) => expect(rows.every((r) => r.period >= '2024-01-01')).toBe(true),
    'model_cube',
  ],
  [
    'index by year split by sponsor, open-ended period from a January',
    () => ({
      kind: 'series',
      indicators: [funds],
      grain: 'year',
      split: { by: 'sponsor', topN: 3 },
      transform: { type: 'index' },
      filter: { period: { from: '2024-01' } },
    }),
    () => undefined,
    'model_cube',
  ],
  [
    'funds by year split by field under a period that cuts years (models counted per month: facts)',
    () => ({
      kind: 'series',
      indicators: [funds],
      grain: 'year',
      split: { by: 'field', topN: 3 },
      filter: { period: { from: '2023-04', to: '2025-09' } },
    }),
    (rows) =>
      expect(new Set(rows.map((r) => r.period))).toEqual(new Set(['2023-01-01', '2024-01-01', '2025-01-01'])),
    'facts',
  ],
];

describe.each(['cubes', 'facts'] as const)(
  'on the scale-1 sample, series (planner path: %s) equal the plain-JS reference',
  (path) => {
    it.each(cases.map(([name]) => name))('%s', async (name) => {
      const c = cases.find(([n]) => n === name);
      if (!c) throw new Error(name);
      const spec = c[1]();
      expect(explainSpec(spec, catalog).facts).toBe(c[3]);
      const { rows, ms } = await engineRows(path === 'cubes' ? server : factsOnly, spec);
      const t0 = performance.now();
      const expected = referenceSeries(spec, raw, names);
      console.log(
        `${path} ${name}: ${rows.length} rows, engine ${ms.toFixed(0)} ms, reference ${(performance.now() - t0).toFixed(0)} ms`,
      );
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.some((r) => r.value !== null)).toBe(true);
      expectSameSeries(rows, expected);
      c[2](rows);
    });
  },
);

/**
 * Filters the reference does not model (search, start years, models that reported given indicators) on
 * year-grain series: the per-model cube joined to `model_dim` and `facts` give the same rows.
 */
describe('year-grain series under model filters: the per-model cube equals facts', () => {
  const specs: [string, SeriesSpec][] = [
    [
      'a search, split by field',
      {
        kind: 'series',
        indicators: [funds],
        grain: 'year',
        split: { by: 'field', topN: 3 },
        filter: { search: 'an' },
      },
    ],
    [
      'start years and recognitions, split by status, YoY',
      {
        kind: 'series',
        indicators: [sat, funds],
        grain: 'year',
        split: { by: 'status' },
        transform: { type: 'yoy' },
        filter: { startYears: ['2021', '2022', '2023'] },
      },
    ],
    [
      'models that reported an indicator in whole years, split by unit type ranked by models',
      {
        kind: 'series',
        indicators: [funds],
        grain: 'year',
        split: { by: 'unit_type', topN: 1, rankBy: 'models' },
        filter: { indicators: ['beneficiaries'], period: { from: '2024-01', to: '2024-12' } },
      },
    ],
  ];
  it.each(specs)('%s', async (_, spec) => {
    expect(explainSpec(spec, catalog).facts).toBe('model_cube');
    const a = (await engineRows(server, spec)).rows;
    const b = (await engineRows(factsOnly, spec)).rows;
    expect(b.some((r) => r.raw !== null)).toBe(true);
    expectSameSeries(a, b);
  });
});
