/**
 * The columnar ranking kernel (electron/engine/query/rank-kernel.ts) answers exactly as the SQL of
 * rank-compile.ts: the same rows, in the same order, with the same ranks, scores, percentiles, group
 * statistics, texts, flags and counts — for every component type, peer group, filter of whole years,
 * exclusion, sort, flag shown, focus and page, computed cold or from a kept first stage. The SQL path is
 * itself checked against an independent JS oracle (rank-sample.test.ts), so this closes the triangle.
 */
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogCache } from '../../../electron/engine/query/catalog-cache';
import { RankKernel } from '../../../electron/engine/query/rank-kernel';
import { EngineServer } from '../../../electron/engine/server';
import { rebuildDerived } from '../../../electron/engine/workspace/derived';
import { RANK_PRESETS, type RankSpec } from '../../../shared/rank-spec';
import { openSampleCopy } from '../pivot/sample-workspace';

let copy: Awaited<ReturnType<typeof openSampleCopy>>;
/** The reference: every ranking in one SQL statement. */
let reference: EngineServer;
/** The kernel computing every ranking from scratch. */
let cold: EngineServer;
/** The kernel keeping first stages (the app's engine, result cache off). */
let kept: EngineServer;

beforeAll(async () => {
  copy = await openSampleCopy();
  reference = new EngineServer(copy.ws, { resultCache: false, rankCores: false, rankKernel: false });
  cold = new EngineServer(copy.ws, { resultCache: false, rankCores: false });
  kept = new EngineServer(copy.ws, { resultCache: false });
}, 300_000);
afterAll(() => copy?.cleanup());

async function rows(on: EngineServer, spec: RankSpec) {
  const r = await on.query(spec);
  const t = tableFromIPC(r.arrow);
  return {
    columns: t.schema.fields.map((f) => `${f.name}:${String(f.type)}`),
    rows: t.toArray().map((x) => ({ ...x.toJSON() })),
  };
}

/** Numbers equal up to float summation order (1e-9 relative), everything else exactly. */
function expectSame(
  actual: Awaited<ReturnType<typeof rows>>,
  expected: Awaited<ReturnType<typeof rows>>,
  what: string,
) {
  expect(actual.columns, what).toEqual(expected.columns);
  expect(actual.rows.length, what).toBe(expected.rows.length);
  actual.rows.forEach((row, i) => {
    const ref = expected.rows[i] as Record<string, unknown>;
    for (const [k, v] of Object.entries(row)) {
      const w = ref[k];
      if (typeof v === 'number' && typeof w === 'number')
        expect(Math.abs(v - w), `${what}: row ${i} ${k}`).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(w)),
        );
      else expect(v, `${what}: row ${i} ${k}`).toEqual(w);
    }
  });
}

const preset = (id: string) => {
  const p = RANK_PRESETS.find((x) => x.id === id);
  if (!p) throw new Error(`preset ${id} gone`);
  return p.spec;
};
const base: RankSpec = {
  ...preset('households_per_vnd'),
  components: [
    ...preset('households_per_vnd').components,
    { type: 'indicator', indicator: 'beneficiaries', per: 'per10k', weight: 2 },
    { type: 'indicator', indicator: 'turnaround_minutes', weight: 1 },
    { type: 'reporting_share', weight: 1 },
  ],
  limit: 100,
  counts: true,
};

const VARIANTS: [string, RankSpec][] = [
  ['five components, peers by field', base],
  [
    'a field and two whole years',
    { ...base, filter: { fields: ['An sinh xã hội'], period: { from: '2024-01', to: '2025-12' } } },
  ],
  ['one whole year', { ...base, filter: { period: { from: '2024-01', to: '2024-12' } } }],
  ['names descending, third page', { ...base, sort: { by: 'name', dir: 'desc' }, offset: 20, limit: 50 }],
  ['units ascending', { ...base, sort: { by: 'unit', dir: 'asc' }, limit: 30 }],
  ['fields descending', { ...base, sort: { by: 'field', dir: 'desc' }, limit: 30 }],
  ['most flags first', { ...base, sort: { by: 'flags', dir: 'desc' }, limit: 30 }],
  ['rank descending', { ...base, sort: { by: 'rank', dir: 'desc' }, limit: 30 }],
  ['only identical runs', { ...base, only: 'identical_run' }],
  ['a page past the end', { ...base, only: 'duplicate', offset: 100_000 }],
  ['one model in focus', { ...base, focus: 'MH-000100' }],
  ['peers all, a later page', { ...base, peer: 'all', offset: 300 }],
  ['peers by unit type', { ...base, peer: 'unit_type' }],
  ['flagged models excluded', { ...base, exclude: ['spike', 'identical_run'] }],
  // The same exclusion under other thresholds flags other models: not the models kept for the one before.
  [
    'the same exclusion under other flag thresholds',
    { ...base, exclude: ['spike', 'identical_run'], flagOptions: { identicalMonths: 3 } },
  ],
  [
    'trend, months, reach and efficiency',
    {
      kind: 'rank',
      peer: 'field',
      components: [
        { type: 'trend', weight: 1 },
        { type: 'months_active', weight: 2 },
        { type: 'reach', weight: 1 },
        { type: 'efficiency', weight: 1 },
      ],
      limit: 100,
      counts: true,
    },
  ],
  ['a preset of means, lower is better', { ...preset('fast_turnaround_satisfaction'), limit: 100 }],
  ['every model, no page', { ...base, limit: undefined, counts: false }],
  ['a search and a unit type filter', { ...base, filter: { search: 'cau', unitTypes: ['xã'] } }],
];

describe('ranking kernel', () => {
  it('answers these specs (the model cube is exact for them)', async () => {
    const catalog = await CatalogCache.load(copy.ws);
    for (const [what, spec] of VARIANTS) expect(RankKernel.eligible(spec, catalog), what).toBe(true);
    // A period that cuts a year needs the values of its months: SQL over `facts` answers it.
    expect(
      RankKernel.eligible({ ...base, filter: { period: { from: '2024-03', to: '2024-12' } } }, catalog),
    ).toBe(false);
  });

  for (const [what, spec] of VARIANTS)
    it(`equals the SQL: ${what}`, async () => {
      const ref = await rows(reference, spec);
      expect(ref.rows.length, what).toBeGreaterThan(0);
      expectSame(await rows(cold, spec), ref, `${what} (cold)`);
      expectSame(await rows(kept, spec), ref, `${what} (kept)`);
    });

  it('a kept first stage answers weight changes, sorts and pages as a fresh computation does', async () => {
    const steps: RankSpec[] = [
      base,
      { ...base, components: base.components.map((c, i) => ({ ...c, weight: i === 0 ? 1 : 5 })) },
      { ...base, sort: { by: 'name', dir: 'asc' }, offset: 100 },
      { ...base, only: 'spike', sort: { by: 'flags', dir: 'desc' } },
      { ...base, focus: 'MH-000007' },
    ];
    for (const spec of steps)
      expectSame(await rows(kept, spec), await rows(reference, spec), JSON.stringify(spec));
  });

  it('the idle warm-up loads the kernel (on the background connection), and rankings then equal the SQL', async () => {
    const server = new EngineServer(copy.ws, { resultCache: false });
    expect(server.rankKernelReady()).toBe(false);
    await server.warmUp();
    expect(server.rankKernelReady()).toBe(true);
    const spec: RankSpec = { ...preset('households_per_vnd'), limit: 50, counts: true };
    expectSame(await rows(server, spec), await rows(reference, spec), 'after the warm-up');
  });

  it('follows the data: after the derived tables change, the kernel reads them again', async () => {
    const before = await rows(kept, base);
    // Take away a tenth of the models' values and rebuild, as an import would.
    await copy.ws.exec(`DELETE FROM indicator_values WHERE hash(model_id) % 10 = 0`);
    await copy.ws.bumpDataVersion();
    await rebuildDerived(copy.ws);
    const after = await rows(kept, base);
    expectSame(after, await rows(reference, base), 'after the change');
    expect(after.rows).not.toEqual(before.rows);
  });
});
