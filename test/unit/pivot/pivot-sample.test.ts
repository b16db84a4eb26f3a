import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineServer } from '../../../electron/engine/server';
import { PIVOT_MAX_ROWS, PIVOT_TOO_LARGE, pivotTooLarge, type PivotSpec } from '../../../shared/pivot-spec';
import { pivotCases, type CaseData } from './cases';
import { loadRaw, type RawData } from './oracle-data';
import { referencePivot } from './oracle';
import { expectSameCells, pivotRows, toCells } from './run';
import { openSampleCopy } from './sample-workspace';

let t: Awaited<ReturnType<typeof openSampleCopy>>;
let server: EngineServer;
/** The same engine forced to read `facts` (the planner's fallback): results must not differ. */
let factsOnly: EngineServer;
let raw: RawData;
let data: CaseData;

beforeAll(async () => {
  t = await openSampleCopy();
  server = new EngineServer(t.ws, { resultCache: false });
  factsOnly = new EngineServer(t.ws, { resultCache: false, cubes: false });
  raw = await loadRaw(t.ws);
  const units = await t.ws.rows<{ code: string }>('SELECT code FROM units ORDER BY code LIMIT 4');
  data = {
    fields: ['An sinh xã hội', 'Chỉnh trang đô thị'],
    province: 'Thành phố Mẫu',
    units: units.map((u) => u.code),
    search: 'hem sach',
  };
}, 300_000);
afterAll(() => t?.cleanup());

describe.each(['cubes', 'facts'] as const)(
  'on the scale-1 sample, pivot results (planner path: %s) equal the plain-JS reference',
  (path) => {
    // The cases need `data`, known only after beforeAll: iterate over the names, build the spec inside.
    const names = pivotCases({ fields: ['', ''], province: '', units: [], search: '' }).map((c) => c.name);
    it.each(names)('%s', async (name) => {
      const spec = pivotCases(data).find((c) => c.name === name)?.spec;
      if (!spec) throw new Error(name);
      const { rows, ms } = await pivotRows(path === 'cubes' ? server : factsOnly, spec);
      const t0 = performance.now();
      const expected = referencePivot(spec, raw);
      console.log(
        `${name}: ${rows.length} cells, engine ${ms.toFixed(0)} ms, reference ${(performance.now() - t0).toFixed(0)} ms`,
      );
      expect(expected.size).toBeGreaterThan(0);
      expectSameCells(toCells(spec, rows), expected);
    });
  },
);

describe('large pivots on the scale-1 sample', () => {
  const models = { type: 'count_models' } as const;
  const funds = { type: 'indicator', indicator: 'funds_mobilized_vnd' } as const;
  const sat = { type: 'indicator', indicator: 'satisfaction_pct' } as const;

  it.each<[string, Omit<PivotSpec, 'kind'>]>([
    [
      'grouping stops early',
      {
        rows: ['unit', 'field'],
        columns: ['period', 'indicator'],
        grain: 'month',
        values: [{ measure: models }],
      },
    ],
    [
      'values stop once grouped',
      {
        rows: ['unit', 'field', 'status'],
        columns: ['period', 'indicator'],
        grain: 'quarter',
        values: [{ measure: models }],
      },
    ],
  ])('answers a pivot over the cell cap with one marker row (%s)', async (_when, s) => {
    const { rows, ms } = await pivotRows(server, { kind: 'pivot', ...s });
    console.log(`over the cap: ${JSON.stringify(rows[0])} in ${ms.toFixed(0)} ms`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ grp: PIVOT_TOO_LARGE, r0: null, r0_label: null, c0: null });
    expect(pivotTooLarge(rows[0] as { grp: number; v0: number })).toBeGreaterThan(PIVOT_MAX_ROWS);
  });

  it('prints the time of the largest pivots under the cap (printed, not asserted)', async () => {
    const specs: [string, Omit<PivotSpec, 'kind'>][] = [
      [
        'unit × month, 3 values',
        {
          rows: ['unit'],
          columns: ['period'],
          values: [{ measure: models }, { measure: funds }, { measure: sat }],
        },
      ],
      [
        'unit type › unit × month, count + funds per 10k + funds row share, sorted by value',
        {
          rows: ['unit_type', 'unit'],
          columns: ['period'],
          values: [{ measure: models }, { measure: funds, per: 'per10k' }, { measure: funds, share: 'row' }],
          sort: { by: 'value', dir: 'desc' },
        },
      ],
      [
        'top 20 units × month, 3 values with Others',
        {
          rows: ['unit'],
          columns: ['period'],
          values: [{ measure: funds }, { measure: sat }, { measure: models }],
          topN: { n: 20 },
        },
      ],
      [
        'unit › field × quarter › indicator, 2 counts',
        {
          rows: ['unit', 'field'],
          columns: ['period', 'indicator'],
          grain: 'quarter',
          values: [{ measure: models }, { measure: { type: 'count_units' } }],
        },
      ],
    ];
    for (const [name, s] of specs) {
      const times: number[] = [];
      let n = 0;
      for (let i = 0; i < 2; i++) {
        const r = await pivotRows(server, { kind: 'pivot', ...s });
        times.push(r.ms);
        n = r.rows.length;
      }
      console.log(`pivot timing — ${name}: ${n} cells, ${times.map((x) => x.toFixed(0)).join(' / ')} ms`);
      expect(n).toBeGreaterThan(0);
    }
    // Printed, not asserted: on a shared 2-core machine these can take seconds each.
  }, 300_000);
});
