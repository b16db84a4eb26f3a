/**
 * Validation of series and field-band specs: the schema, the engine's own checks (unknown indicators,
 * additive transforms of averages) and random specs that must either run or fail with SPEC_INVALID.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileSeries } from '../../../electron/engine/query/series-compile';
import { sql } from '../../../electron/engine/db/sql';
import { CatalogCache } from '../../../electron/engine/query/catalog-cache';
import { EngineServer } from '../../../electron/engine/server';
import type { ResponseMessage } from '../../../shared/api';
import { isAtlasError } from '../../../shared/errors';
import { SeriesSpecSchema } from '../../../shared/series-spec';
import { SpecSchema } from '../../../shared/specs';
import { openSampleCopy } from '../pivot/sample-workspace';

let t: Awaited<ReturnType<typeof openSampleCopy>>;
let server: EngineServer;
let catalog: CatalogCache;

beforeAll(async () => {
  t = await openSampleCopy();
  server = new EngineServer(t.ws);
  catalog = await CatalogCache.load(t.ws);
}, 300_000);
afterAll(() => t?.cleanup());

function call(params: unknown): Promise<ResponseMessage> {
  return new Promise((resolve) =>
    server.handle({ id: 1, method: 'query', params }, (m) => 'ok' in m && resolve(m)),
  );
}

const base = { kind: 'series', indicators: ['funds_mobilized_vnd'] };

describe('the series spec schema', () => {
  it('accepts a full spec and is part of the Spec union', () => {
    const spec = {
      ...base,
      indicators: ['funds_mobilized_vnd', 'satisfaction_pct'],
      grain: 'quarter',
      split: { by: 'unit', topN: 5, rankBy: 'models' },
      transform: { type: 'moving_average', window: 6 },
      filter: { fields: ['An sinh xã hội'], period: { from: '2024-01', to: '2024-12' } },
    };
    expect(SeriesSpecSchema.safeParse(spec).success).toBe(true);
    expect(SpecSchema.safeParse(spec).success).toBe(true);
    expect(
      SpecSchema.safeParse({ kind: 'field_band', field: 'x', indicators: ['participants'] }).success,
    ).toBe(true);
  });

  it.each<[string, unknown]>([
    ['no indicator', { ...base, indicators: [] }],
    ['nine indicators', { ...base, indicators: Array.from({ length: 9 }, (_, i) => `ind_${i}`) }],
    ['a repeated indicator', { ...base, indicators: ['participants', 'participants'] }],
    ['a bad grain', { ...base, grain: 'week' }],
    ['a split by period', { ...base, split: { by: 'period' } }],
    ['topN 0', { ...base, split: { by: 'field', topN: 0 } }],
    ['a split and models', { ...base, split: { by: 'field' }, modelIds: ['a'] }],
    ['eleven models', { ...base, modelIds: Array.from({ length: 11 }, (_, i) => `m${i}`) }],
    ['a repeated model', { ...base, modelIds: ['a', 'a'] }],
    ['a moving-average window of 4', { ...base, transform: { type: 'moving_average', window: 4 } }],
    ['an unknown transform', { ...base, transform: { type: 'log' } }],
    ['an extra key', { ...base, colour: 'red' }],
  ])('answers %s with SPEC_INVALID', async (_what, spec) => {
    expect(SeriesSpecSchema.safeParse(spec).success).toBe(false);
    const m = await call(spec);
    expect(m).toMatchObject({ ok: false, error: { code: 'SPEC_INVALID' } });
  });

  it.each<[string, unknown, RegExp]>([
    ['an unknown indicator', { ...base, indicators: ['no_such_thing'] }, /Unknown indicator/],
    [
      'a cumulative average',
      { ...base, indicators: ['satisfaction_pct'], transform: { type: 'cumulative' } },
      /average/,
    ],
    [
      'a weighted mean per 10,000 residents',
      { ...base, indicators: ['participants', 'turnaround_minutes'], transform: { type: 'per10k' } },
      /average/,
    ],
    [
      'an unknown indicator in a field band',
      { kind: 'field_band', field: 'x', indicators: ['nope'] },
      /Unknown/,
    ],
  ])('the engine answers %s with SPEC_INVALID', async (_what, spec, message) => {
    const m = await call(spec);
    expect(m).toMatchObject({
      ok: false,
      error: { code: 'SPEC_INVALID', message: expect.stringMatching(message) },
    });
  });
});

describe('random series specs', () => {
  it('either run in DuckDB with the documented columns or fail with SPEC_INVALID', async () => {
    const codes = catalog.all().map((i) => i.code);
    const seen = { ran: 0, rejected: 0, invalid: 0 };
    // Mostly valid by construction; a few odd values on purpose (those must be SPEC_INVALID).
    const rare = (good: fc.Arbitrary<unknown>, bad: fc.Arbitrary<unknown>) =>
      fc.oneof({ arbitrary: good, weight: 9 }, { arbitrary: bad, weight: 1 });
    const split = fc.record(
      {
        by: rare(fc.constantFrom('field', 'sponsor', 'unit', 'unit_type', 'status'), fc.constant('province')),
        topN: rare(fc.integer({ min: 1, max: 50 }), fc.constantFrom(0, -1, 60)),
        rankBy: fc.constantFrom('value', 'models'),
      },
      { requiredKeys: ['by'] },
    );
    const modelIds = fc.array(
      fc.oneof(
        fc.constantFrom('MH-00001', 'MH-00002'),
        fc.string({ maxLength: 8 }),
        fc.constant("'; DROP TABLE facts; --"),
      ),
      { minLength: 1, maxLength: 3 },
    );
    const grouping = fc.oneof(
      fc.constant({}),
      split.map((x) => ({ split: x })),
      modelIds.map((x) => ({ modelIds: x })),
    );
    const arb = fc
      .record({
        kind: fc.constant('series'),
        indicators: rare(
          fc.uniqueArray(fc.constantFrom(...codes), { minLength: 1, maxLength: 3 }),
          fc.constantFrom([], ['not_in_catalogue'], ['BAD CODE']),
        ),
        grain: rare(fc.constantFrom('month', 'quarter', 'year'), fc.constant('day')),
        transform: rare(
          fc.oneof(
            fc.record({ type: fc.constantFrom('none', 'cumulative', 'yoy', 'per10k', 'index') }),
            fc.record({ type: fc.constant('moving_average'), window: fc.constantFrom(3, 6, 12) }),
          ),
          fc.constantFrom({ type: 'nope' }, { type: 'moving_average', window: 5 }),
        ),
        filter: fc.record(
          {
            fields: fc.array(fc.constantFrom('An sinh xã hội', 'Cải cách hành chính', "x' OR 1=1"), {
              maxLength: 2,
            }),
            period: fc.record(
              {
                from: rare(fc.constantFrom('2023-11', '2024-02', '2026-01'), fc.constant('2024-13')),
                to: fc.constantFrom('2024-12', '2025-01', '2022-01'),
              },
              { requiredKeys: [] },
            ),
          },
          { requiredKeys: [] },
        ),
      })
      .chain((r) => grouping.map((g) => ({ ...r, ...g })));
    await fc.assert(
      fc.asyncProperty(arb, async (candidate) => {
        const parsed = SeriesSpecSchema.safeParse(candidate);
        if (!parsed.success) {
          seen.invalid++;
          const m = await call(candidate);
          expect(m).toMatchObject({ ok: false, error: { code: 'SPEC_INVALID' } });
          return;
        }
        let q;
        try {
          q = compileSeries(parsed.data, catalog);
        } catch (e) {
          expect(isAtlasError(e, 'SPEC_INVALID')).toBe(true);
          seen.rejected++;
          return;
        }
        const rows = await t.ws.rows<Record<string, unknown>>(q);
        seen.ran++;
        for (const row of rows.slice(0, 1))
          expect(Object.keys(row)).toEqual([
            'series',
            'label',
            'indicator',
            'period',
            'raw',
            'value',
            'delta',
            'n',
          ]);
      }),
      { numRuns: 60, seed: 5 },
    );
    console.log(`random series specs: ${JSON.stringify(seen)}`);
    expect(seen.ran).toBeGreaterThan(0);
    expect(seen.invalid).toBeGreaterThan(0);
    expect(seen.rejected).toBeGreaterThan(0);
  }, 120_000);
});

describe('the field band', () => {
  it('is the median and 90th percentile of per-model period aggregates', async () => {
    const field = 'Cải cách hành chính';
    const r = await server.query({
      kind: 'field_band',
      field,
      indicators: ['turnaround_minutes'],
      grain: 'quarter',
    });
    expect(r.rowCount).toBeGreaterThan(0);
    // Independent: per model and quarter, the weighted mean from the raw tables; then percentiles in JS.
    const rows = await t.ws.rows<{ model_id: string; q: string; v: number; w: number | null }>(
      sql`SELECT v.model_id, strftime(date_trunc('quarter', v.period_start), '%Y-%m-%d') AS q, v.value AS v, w.value AS w
       FROM indicator_values v JOIN models m ON m.model_id = v.model_id
       LEFT JOIN indicator_values w ON w.model_id = v.model_id AND w.period_start = v.period_start
         AND w.indicator_code = 'records_processed'
       WHERE v.indicator_code = 'turnaround_minutes' AND m.field = ${field} AND v.value IS NOT NULL`,
    );
    const per = new Map<string, Map<string, { vs: number[]; sw: number; swv: number }>>();
    for (const x of rows) {
      let byQ = per.get(x.q);
      if (!byQ) per.set(x.q, (byQ = new Map()));
      let a = byQ.get(x.model_id);
      if (!a) byQ.set(x.model_id, (a = { vs: [], sw: 0, swv: 0 }));
      a.vs.push(x.v);
      if (x.w !== null && x.w > 0) {
        a.sw += x.w;
        a.swv += x.w * x.v;
      }
    }
    const quantile = (xs: number[], p: number) => {
      const s = [...xs].sort((a, b) => a - b);
      const h = (s.length - 1) * p;
      const lo = Math.floor(h);
      return (
        (s[lo] as number) + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] as number) - (s[lo] as number))
      );
    };
    const { tableFromIPC } = await import('apache-arrow');
    const got = tableFromIPC(r.arrow)
      .toArray()
      .map((x) => x.toJSON() as { period: string; p50: number; p90: number; p10: number; n: number });
    expect(got.map((g) => g.period)).toEqual([...per.keys()].sort());
    for (const g of got) {
      const models = [
        ...(per.get(g.period) as Map<string, { vs: number[]; sw: number; swv: number }>).values(),
      ];
      const vals = models.map((a) =>
        a.sw > 0 ? a.swv / a.sw : a.vs.reduce((s, v) => s + v, 0) / a.vs.length,
      );
      expect(g.n).toBe(vals.length);
      expect(g.p50).toBeCloseTo(quantile(vals, 0.5), 6);
      expect(g.p90).toBeCloseTo(quantile(vals, 0.9), 6);
      expect(g.p10).toBeCloseTo(quantile(vals, 0.1), 6);
      expect(g.p90).toBeGreaterThanOrEqual(g.p50);
    }
  });
});
