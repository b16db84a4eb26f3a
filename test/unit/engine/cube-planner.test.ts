/**
 * The cubes, the planner and the result cache on the scale-1 sample: the planner answers the common specs
 * from a cube (asserted through its explain API, not timing) and falls back to `facts` where a cube cannot
 * answer exactly; aggregates give the same results through both paths for every aggregation; the result
 * cache answers a repeated spec with the same bytes and forgets everything when the derived tables change.
 */
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogCache } from '../../../electron/engine/query/catalog-cache';
import { explainSpec } from '../../../electron/engine/query/planner';
import { canonicalJson, ResultCache } from '../../../electron/engine/query/result-cache';
import { EngineServer } from '../../../electron/engine/server';
import { rebuildDerived } from '../../../electron/engine/workspace/derived';
import type { PivotSpec } from '../../../shared/pivot-spec';
import type { SeriesSpec } from '../../../shared/series-spec';
import type { AggregateSpec, Filter, Measure, Spec } from '../../../shared/specs';
import { openSampleCopy } from '../pivot/sample-workspace';

let t: Awaited<ReturnType<typeof openSampleCopy>>;
let catalog: CatalogCache;
let cubes: EngineServer;
let facts: EngineServer;

beforeAll(async () => {
  t = await openSampleCopy();
  catalog = await CatalogCache.load(t.ws);
  cubes = new EngineServer(t.ws, { resultCache: false });
  facts = new EngineServer(t.ws, { resultCache: false, cubes: false });
}, 300_000);
afterAll(() => t?.cleanup());

const FUNDS = 'funds_mobilized_vnd';
const sum = (indicator: string): Measure => ({ type: 'indicator', indicator, agg: 'sum' });
const FILTER: Filter = { fields: ['An sinh xã hội'], period: { from: '2024-01', to: '2024-12' } };
/** A period that starts and ends mid-year. */
const FILTER_CUT: Filter = { period: { from: '2023-04', to: '2025-09' } };
/** The Trends view's funds series (trendsSpec's defaults: month grain, no split) changed by `patch`. */
const series = (patch: Partial<SeriesSpec> = {}): SeriesSpec => ({
  kind: 'series',
  indicators: [FUNDS],
  grain: 'month',
  transform: { type: 'none' },
  filter: {},
  ...patch,
});

async function rows(server: EngineServer, spec: Spec): Promise<Record<string, unknown>[]> {
  const r = await server.query(spec);
  return tableFromIPC(r.arrow)
    .toArray()
    .map((x) => ({ ...x.toJSON() }));
}

const close = (a: unknown, b: unknown) =>
  typeof a === 'number' && typeof b === 'number'
    ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))
    : a === b;

/** Same rows in the same order, numbers to 1e-9 relative. */
function expectSameRows(a: Record<string, unknown>[], b: Record<string, unknown>[]): void {
  expect(a.length).toBe(b.length);
  const bad: string[] = [];
  a.forEach((row, i) => {
    for (const k of Object.keys(row)) {
      if (!close(row[k], b[i]?.[k])) bad.push(`row ${i} ${k}: ${String(row[k])} ≠ ${String(b[i]?.[k])}`);
    }
  });
  expect(bad.slice(0, 10)).toEqual([]);
}

describe('the planner picks the smallest table that answers exactly', () => {
  const cases: [string, Spec, string][] = [
    [
      'funds by month (Overview chart)',
      { kind: 'aggregate', by: 'period', grain: 'month', measures: [sum(FUNDS)] },
      'cube_field',
    ],
    [
      'funds by month, filtered by field and period',
      { kind: 'aggregate', by: 'period', measures: [sum(FUNDS)], filter: FILTER },
      'cube_field',
    ],
    ['funds per unit (map)', { kind: 'aggregate', by: 'unit', measures: [sum(FUNDS)] }, 'cube_unit_year'],
    [
      'funds per unit in a period that cuts a year (the year cube cannot)',
      {
        kind: 'aggregate',
        by: 'unit',
        measures: [sum(FUNDS)],
        filter: { period: { from: '2024-03', to: '2024-12' } },
      },
      'cube_unit',
    ],
    [
      'funds per unit and quarter (the year cube cannot)',
      {
        kind: 'aggregate',
        by: 'period',
        grain: 'quarter',
        measures: [sum(FUNDS)],
        filter: { units: ['27014'] },
      },
      'cube_unit',
    ],
    [
      'KPI sums (the counts read model_dim)',
      {
        kind: 'aggregate',
        measures: [{ type: 'count_models' }, sum(FUNDS), sum('beneficiaries')],
        filter: FILTER,
      },
      'cube_field',
    ],
    [
      'a mean and a weighted mean',
      {
        kind: 'aggregate',
        by: 'field',
        measures: [
          { type: 'indicator', indicator: 'satisfaction_pct' },
          { type: 'indicator', indicator: 'turnaround_minutes' },
        ],
      },
      'cube_field',
    ],
    [
      'pivot field × month funds',
      {
        kind: 'pivot',
        rows: ['field'],
        columns: ['period'],
        grain: 'month',
        values: [{ measure: sum(FUNDS) }],
      },
      'cube_field',
    ],
    [
      'pivot field › unit × year',
      {
        kind: 'pivot',
        rows: ['field', 'unit'],
        columns: ['period'],
        grain: 'year',
        values: [{ measure: sum('beneficiaries') }],
        filter: FILTER,
      },
      'cube_unit_year',
    ],
    [
      'pivot unit × month',
      {
        kind: 'pivot',
        rows: ['unit'],
        columns: ['period'],
        grain: 'month',
        values: [{ measure: sum('beneficiaries') }],
        filter: FILTER,
      },
      'cube_unit',
    ],
    [
      'pivot top-10 units, per 10,000 inhabitants',
      {
        kind: 'pivot',
        rows: ['unit'],
        columns: [],
        values: [{ measure: sum('beneficiaries'), per: 'per10k' }],
        topN: { n: 10 },
      },
      'cube_unit_year',
    ],
    [
      'a province filter',
      { kind: 'aggregate', by: 'field', measures: [sum(FUNDS)], filter: { provinces: ['Thành phố Mẫu'] } },
      'cube_unit_year',
    ],
    [
      'a search (needs individual models)',
      { kind: 'aggregate', by: 'field', measures: [sum(FUNDS)], filter: { search: 'cau' } },
      'facts',
    ],
    [
      'a median (does not compose)',
      { kind: 'aggregate', by: 'field', measures: [{ type: 'indicator', indicator: FUNDS, agg: 'median' }] },
      'facts',
    ],
    [
      'models counted per month (distinct models)',
      { kind: 'aggregate', by: 'period', measures: [{ type: 'count_models' }] },
      'facts',
    ],
    ['a sponsor (no cube keeps it)', { kind: 'aggregate', by: 'sponsor', measures: [sum(FUNDS)] }, 'facts'],
    [
      'a start-year filter (no cube keeps it)',
      { kind: 'aggregate', by: 'field', measures: [sum(FUNDS)], filter: { startYears: ['2022'] } },
      'facts',
    ],
    [
      'an indicators filter (a semi-join on models)',
      {
        kind: 'pivot',
        rows: ['field'],
        columns: ['period'],
        grain: 'month',
        values: [{ measure: sum(FUNDS) }],
        filter: { fields: ['An sinh xã hội'], indicators: ['beneficiaries'] },
      },
      'facts',
    ],
    ['series: funds by month, YoY (Trends default)', series({ transform: { type: 'yoy' } }), 'cube_field'],
    [
      'series: a sum and a weighted mean, 3-month moving average, field filter',
      series({
        indicators: ['beneficiaries', 'turnaround_minutes'],
        transform: { type: 'moving_average', window: 3 },
        filter: { fields: ['An sinh xã hội'] },
      }),
      'cube_field',
    ],
    [
      'series: split by field, top 5 and Others, period filter',
      series({ split: { by: 'field', topN: 5 }, filter: FILTER }),
      'cube_field',
    ],
    [
      'series: split by unit, cumulative, province filter',
      series({
        split: { by: 'unit', topN: 10 },
        transform: { type: 'cumulative' },
        filter: { provinces: ['Thành phố Mẫu'] },
      }),
      'cube_unit',
    ],
    [
      'series: split by unit type, per 10,000 residents',
      series({ split: { by: 'unit_type' }, transform: { type: 'per10k' } }),
      'cube_unit',
    ],
    [
      'series: index, unit filter',
      series({ transform: { type: 'index' }, filter: { units: ['00616'] } }),
      'cube_unit',
    ],
    [
      'series by quarter (models counted over several months)',
      series({ grain: 'quarter', split: { by: 'field' } }),
      'facts',
    ],
    [
      'series by year split by field, YoY (models counted per year in the per-model cube)',
      series({ grain: 'year', split: { by: 'field', topN: 5 }, transform: { type: 'yoy' } }),
      'model_cube',
    ],
    [
      'series by year split by sponsor ranked by models, period of whole years, unit type filter',
      series({
        grain: 'year',
        split: { by: 'sponsor', topN: 3, rankBy: 'models' },
        filter: { period: { from: '2024-01', to: '2025-12' }, unitTypes: ['xã'] },
      }),
      'model_cube',
    ],
    ['series of chosen models by year', series({ grain: 'year', modelIds: ['MH-000100'] }), 'model_cube'],
    [
      'series by year under a period that cuts a year (models counted per month)',
      series({ grain: 'year', split: { by: 'field' }, filter: FILTER_CUT }),
      'facts',
    ],
    [
      'series by year under a period ending in a June (models counted per month)',
      series({ grain: 'year', filter: { period: { from: '2024-01', to: '2025-06' } } }),
      'facts',
    ],
    ['series split by sponsor (no cube keeps it)', series({ split: { by: 'sponsor', topN: 5 } }), 'facts'],
    [
      'series split by field ranked by models (distinct models)',
      series({ split: { by: 'field', topN: 5, rankBy: 'models' } }),
      'facts',
    ],
    ['series of chosen models', series({ modelIds: ['MH-000100', 'MH-000200'] }), 'facts'],
    ['series with a search', series({ filter: { search: 'cau' } }), 'facts'],
    [
      'field band (medians of per-model aggregates)',
      { kind: 'field_band', field: 'An sinh xã hội', indicators: [FUNDS] },
      'facts',
    ],
    [
      'map: funds per unit',
      { kind: 'map', measure: { type: 'indicator', indicator: FUNDS } },
      'cube_unit_year',
    ],
    [
      'map: funds per 10,000 residents, field and period filter',
      { kind: 'map', measure: { type: 'indicator', indicator: FUNDS, per: 'per10k' }, filter: FILTER },
      'cube_unit_year',
    ],
    [
      'map: funds per unit, a period of months (the year cube cannot)',
      {
        kind: 'map',
        measure: { type: 'indicator', indicator: FUNDS },
        filter: { period: { from: '2024-02', to: '2024-11' } },
      },
      'cube_unit',
    ],
    [
      'map: growth of a weighted mean per unit',
      { kind: 'map', measure: { type: 'growth', indicator: 'turnaround_minutes' } },
      'cube_unit_year',
    ],
    [
      'map: median per unit (does not compose)',
      { kind: 'map', measure: { type: 'indicator', indicator: FUNDS, agg: 'median' } },
      'facts',
    ],
    [
      'map: funds per unit, status filter (no cube keeps it)',
      { kind: 'map', measure: { type: 'indicator', indicator: FUNDS }, filter: { statuses: ['Tạm dừng'] } },
      'facts',
    ],
  ];
  it.each(cases)('%s → %s', (_, spec, table) => {
    expect(explainSpec(spec, catalog).facts).toBe(table);
  });

  it('reads no values at all for model-level counts', () => {
    expect(
      explainSpec({ kind: 'aggregate', by: 'field', measures: [{ type: 'count_models' }] }, catalog),
    ).toEqual({
      facts: null,
    });
    expect(explainSpec({ kind: 'map' }, catalog)).toEqual({ facts: null });
    expect(
      explainSpec({ kind: 'map', measure: { type: 'count_field', field: 'An sinh xã hội' } }, catalog),
    ).toEqual({ facts: null });
  });

  it.each(
    cases.filter(
      ([, spec, table]) => spec.kind !== 'aggregate' && spec.kind !== 'pivot' && table !== 'facts',
    ),
  )('%s: the cube and facts give the same rows', async (_, spec) => {
    const a = await rows(cubes, spec);
    expect(a.length).toBeGreaterThan(0);
    expectSameRows(a, await rows(facts, spec));
  });

  it('reads facts only when the cubes are switched off', async () => {
    const off = await CatalogCache.load(t.ws, { cubes: false });
    for (const [, spec, table] of cases)
      if (table !== 'facts') expect(explainSpec(spec, off).facts).toBe('facts');
  });
});

describe('cube and fallback give identical aggregates', () => {
  const aggs = ['sum', 'mean', 'min', 'max', 'median', 'catalog'] as const;
  const indicators = [FUNDS, 'satisfaction_pct', 'turnaround_minutes', 'beneficiaries'];
  const bys: AggregateSpec['by'][] = [
    'field',
    'unit',
    'province',
    'unit_type',
    'period',
    'indicator',
    undefined,
  ];
  const filters: (Filter | undefined)[] = [
    undefined,
    FILTER,
    { units: ['00616', '00625'], period: { from: '2023-06' } },
  ];
  const specs: AggregateSpec[] = [];
  // By quarter the month cubes answer; by year (or not by period) under whole years, the year cube.
  for (const grain of ['quarter', 'year'] as const)
    for (const by of bys)
      for (const filter of filters)
        specs.push({
          kind: 'aggregate',
          ...(by ? { by } : {}),
          grain,
          measures: [
            ...indicators.flatMap((indicator) =>
              aggs.map((agg) => ({ type: 'indicator' as const, indicator, agg })),
            ),
            ...(by === 'period' || by === 'indicator' ? [] : [{ type: 'count_units' as const }]),
          ].filter((m) => m.type !== 'indicator' || m.agg !== 'median'),
          ...(filter ? { filter } : {}),
        });
  it.each(specs.map((s) => [canonicalJson({ by: s.by, grain: s.grain, filter: s.filter }), s] as const))(
    '%s',
    async (_, spec) => {
      expect(explainSpec(spec, catalog).facts).not.toBe('facts');
      expectSameRows(await rows(cubes, spec), await rows(facts, spec));
    },
  );

  it('the pivot paths agree on a mixed pivot with shares and subtotals', async () => {
    const spec: PivotSpec = {
      kind: 'pivot',
      rows: ['province', 'unit'],
      columns: ['period'],
      grain: 'year',
      values: [
        { measure: sum(FUNDS), share: 'row' },
        { measure: { type: 'indicator', indicator: 'turnaround_minutes' } },
        { measure: { type: 'count_units' } },
      ],
      sort: { by: 'value', dir: 'desc' },
    };
    expect(explainSpec(spec, catalog).facts).toBe('cube_unit_year');
    expectSameRows(await rows(cubes, spec), await rows(facts, spec));
    // By quarter, and by year under a period of months: the month cube.
    for (const s of [
      { ...spec, grain: 'quarter' as const },
      { ...spec, filter: { period: { from: '2024-02', to: '2025-05' } } },
    ]) {
      expect(explainSpec(s, catalog).facts).toBe('cube_unit');
      expectSameRows(await rows(cubes, s), await rows(facts, s));
    }
  });
});

describe('the result cache', () => {
  it('keys specs canonically (object key order does not matter, array order does)', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [2, 1] }, b: 1 }),
    );
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });

  it('evicts the least recently used entries beyond its byte budget', () => {
    const c = new ResultCache(400);
    const entry = (n: number) => ({ arrow: new Uint8Array(n), rowCount: 0, dataVersion: 1 });
    c.set('a', 'v1', entry(100));
    c.set('b', 'v1', entry(100));
    c.set('c', 'v1', entry(100));
    expect(c.get('a', 'v1')).toBeDefined(); // a is now the most recent
    c.set('d', 'v1', entry(100));
    c.set('e', 'v1', entry(100));
    expect(c.get('b', 'v1')).toBeUndefined();
    expect(c.get('a', 'v1')).toBeDefined();
    expect(c.size.bytes).toBeLessThanOrEqual(400);
    c.set('huge', 'v1', entry(300)); // over a quarter of the budget: not kept
    expect(c.get('huge', 'v1')).toBeUndefined();
    expect(c.get('a', 'v2')).toBeUndefined(); // another data version forgets everything
    expect(c.size.entries).toBe(0);
  });

  it('keeps a ranking: the cached answer equals a fresh computation, and the flag options are part of the key', async () => {
    const cached = new EngineServer(t.ws);
    const fresh = new EngineServer(t.ws, { resultCache: false });
    const spec: Spec = {
      kind: 'rank',
      peer: 'field',
      filter: FILTER,
      components: [
        { type: 'indicator', indicator: 'households_supported', per: 'per_month', weight: 2 },
        { type: 'reporting_share', weight: 1 },
      ],
    };
    const first = await cached.query(spec);
    const again = await cached.query(spec);
    expect(again.arrow).toBe(first.arrow);
    const rows = (a: Uint8Array) => JSON.stringify(tableFromIPC(a).toArray());
    expect(rows(again.arrow)).toBe(rows((await fresh.query(spec)).arrow));
    const other = await cached.query({ ...spec, flagOptions: { identicalMonths: 3 } });
    expect(other.arrow).not.toBe(first.arrow);
  });

  it('answers a repeated spec from the cache and recomputes after the derived tables change', async () => {
    const server = new EngineServer(t.ws);
    const spec: Spec = { kind: 'aggregate', by: 'field', measures: [sum(FUNDS)], filter: FILTER };
    const first = await server.query(spec);
    const again = await server.query({
      filter: FILTER,
      measures: [sum(FUNDS)],
      by: 'field',
      kind: 'aggregate',
    });
    expect(again.arrow).toBe(first.arrow);
    await t.ws.exec(
      `UPDATE indicator_values SET value = value + 1 WHERE indicator_code = '${FUNDS}' AND period_start = DATE '2024-03-01'`,
    );
    await t.ws.transaction(() => rebuildDerived(t.ws));
    const after = await server.query(spec);
    expect(after.arrow).not.toBe(first.arrow);
    const before = tableFromIPC(first.arrow).toArray();
    const now = tableFromIPC(after.arrow).toArray();
    const total = (xs: { m0: number }[]) => xs.reduce((s, x) => s + x.m0, 0);
    expect(total(now as { m0: number }[])).toBeGreaterThan(total(before as { m0: number }[]));
  });
});
