import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineServer } from '../../../electron/engine/server';
import { PIVOT_OTHERS, type PivotSpec } from '../../../shared/pivot-spec';
import { EMPTY_UNIT, openPivotFixture, UNKNOWN_FIELD, UNREGISTERED_UNIT } from './fixture';
import { pivotRows, type Row } from './run';

let t: Awaited<ReturnType<typeof openPivotFixture>>;
let server: EngineServer;

beforeAll(async () => {
  t = await openPivotFixture();
  server = new EngineServer(t.ws);
});
afterAll(() => t.cleanup());

const sat = { type: 'indicator', indicator: 'satisfaction_pct' } as const;
const models = { type: 'count_models' } as const;
const rows = async (spec: Omit<PivotSpec, 'kind'>): Promise<Row[]> =>
  (await pivotRows(server, { kind: 'pivot', ...spec })).rows;
/** One number from hand-written SQL on the raw tables. */
const one = async (q: string): Promise<number> => Number(Object.values((await t.ws.rows(q))[0] ?? {})[0]);

describe('aggregation across levels (checked with hand-written SQL on the raw tables)', () => {
  it('averages a subtotal of satisfaction over all its values, not over its children’s means', async () => {
    const r = await rows({ rows: ['unit_type', 'unit'], columns: [], values: [{ measure: sat }] });
    const xa = r.find((x) => x.grp === 2 && x.r0 === 'xã');
    const expected =
      await one(`SELECT avg(v.value) FROM indicator_values v JOIN models m ON m.model_id = v.model_id
      JOIN units u ON u.code = m.unit_code WHERE v.indicator_code = 'satisfaction_pct' AND u.type = 'xã'`);
    expect(xa?.v0).toBeCloseTo(expected, 9);
    const children = r
      .filter((x) => x.grp === 0 && x.r0 === 'xã' && x.v0 !== null)
      .map((x) => x.v0 as number);
    const meanOfMeans = children.reduce((a, b) => a + b, 0) / children.length;
    expect(Math.abs(meanOfMeans - expected)).toBeGreaterThan(1e-6);
  });

  it('counts a model reporting in several months once in the total', async () => {
    const r = await rows({
      rows: ['period'],
      columns: [],
      values: [{ measure: models }],
      filter: { period: { from: '2024-01', to: '2024-12' } },
    });
    const months = r.filter((x) => x.grp === 0).reduce((a, x) => a + (x.v0 as number), 0);
    const total = r.find((x) => x.grp === 1)?.v0;
    expect(total).toBe(
      await one(`SELECT count(DISTINCT model_id) FROM indicator_values WHERE period_start BETWEEN '2024-01-01' AND '2024-12-31'
        AND model_id IN (SELECT model_id FROM models)`),
    );
    expect(months).toBeGreaterThan(total as number);
  });

  it('puts every unit beyond the top N into Others, where satisfaction is the mean of the underlying values', async () => {
    const r = await rows({
      rows: ['unit'],
      columns: [],
      values: [{ measure: models }, { measure: sat }],
      topN: { n: 3 },
    });
    const top = `SELECT unit_code FROM models GROUP BY unit_code ORDER BY count(*) DESC, unit_code ASC NULLS LAST LIMIT 3`;
    const others = r.find((x) => x.r0 === PIVOT_OTHERS);
    const kept = (await t.ws.rows<{ unit_code: string }>(top)).map((u) => u.unit_code);
    expect(
      r
        .filter((x) => x.grp === 0)
        .map((x) => x.r0 as string)
        .sort(),
    ).toEqual([...kept, PIVOT_OTHERS].sort());
    expect(others?.v0).toBe(
      await one(`SELECT count(*) FROM models WHERE unit_code IS NULL OR unit_code NOT IN (${top})`),
    );
    expect(others?.v1).toBeCloseTo(
      await one(`SELECT avg(v.value) FROM indicator_values v JOIN models m ON m.model_id = v.model_id
        WHERE v.indicator_code = 'satisfaction_pct' AND (m.unit_code IS NULL OR m.unit_code NOT IN (${top}))`),
      9,
    );
    expect(others?.r0_label).toBeNull();
  });

  it('divides per 10,000 residents by the units in scope, a unit without models included', async () => {
    const r = await rows({ rows: ['unit_type'], columns: [], values: [{ measure: models, per: 'per10k' }] });
    const pop = await one('SELECT sum(population) FROM units');
    expect(await one(`SELECT count(*) FROM units WHERE code = '${EMPTY_UNIT}' AND population > 0`)).toBe(1);
    expect(r.find((x) => x.grp === 1)?.v0).toBeCloseTo((2000 / pop) * 10_000, 9);
    const dk = await one(`SELECT count(*) * 10000 / (SELECT sum(population) FROM units WHERE type = 'đặc khu')
      FROM models m JOIN units u ON u.code = m.unit_code WHERE u.type = 'đặc khu'`);
    expect(r.find((x) => x.grp === 0 && x.r0 === 'đặc khu')?.v0).toBeCloseTo(dk, 9);
    expect(r.find((x) => x.grp === 0 && x.r0 === null)?.v0).toBeNull();
  });
});

describe('missing values', () => {
  it('keeps models with no unit, an unregistered unit or an unknown field as groups of their own', async () => {
    const byUnit = await rows({ rows: ['unit'], columns: [], values: [{ measure: models }] });
    const none = byUnit.find((x) => x.grp === 0 && x.r0 === null);
    expect(none).toMatchObject({
      r0_label: null,
      v0: await one('SELECT count(*) FROM models WHERE unit_code IS NULL'),
    });
    expect(byUnit.find((x) => x.r0 === UNREGISTERED_UNIT)).toMatchObject({ r0_label: 'Xã Chưa Đăng Ký' });
    const byField = await rows({ rows: ['field'], columns: [], values: [{ measure: models }] });
    expect(byField.find((x) => x.grp === 0 && x.r0 === null)?.v0).toBe(
      await one('SELECT count(*) FROM models WHERE field IS NULL'),
    );
    expect(byField.find((x) => x.r0 === UNKNOWN_FIELD)?.v0).toBe(
      await one(`SELECT count(*) FROM models WHERE field = '${UNKNOWN_FIELD}'`),
    );
    expect(byField.find((x) => x.grp === 1)?.v0).toBe(2000);
  });

  it('leaves rows with a missing dimension out of every level when missing is hidden', async () => {
    const r = await rows({
      rows: ['field'],
      columns: ['unit'],
      values: [{ measure: models }],
      missing: 'hide',
    });
    const missingKey = (x: Row) =>
      (!((x.grp as number) & 1) && x.r0 === null) || (!((x.grp as number) & 2) && x.c0 === null);
    expect(r.filter(missingKey)).toEqual([]);
    expect(r.find((x) => x.grp === 3)?.v0).toBe(
      await one('SELECT count(*) FROM models WHERE field IS NOT NULL AND unit_code IS NOT NULL'),
    );
  });
});

describe('result layout and order', () => {
  it('answers a filter that matches nothing with only the grand total: zero models, no sum', async () => {
    const spec: Pick<PivotSpec, 'rows' | 'columns' | 'filter'> = {
      rows: ['unit'],
      columns: ['field'],
      filter: { fields: ['Không có lĩnh vực này'] },
    };
    const r = await rows({
      ...spec,
      values: [{ measure: models }, { measure: { type: 'indicator', indicator: 'participants' } }],
    });
    expect(r).toEqual([{ r0: null, r0_label: null, c0: null, c0_label: null, grp: 3, v0: 0, v1: null }]);
    expect(await rows({ ...spec, values: [{ measure: models }], totals: { grand: false } })).toEqual([]);
  });

  it('sets grouping bit i for each rolled-up key, rows first then columns', async () => {
    const r = await rows({
      rows: ['unit_type'],
      columns: ['status'],
      values: [{ measure: models }],
      missing: 'hide',
    });
    const shape = (grp: number) => r.filter((x) => x.grp === grp).map((x) => [x.r0 === null, x.c0 === null]);
    expect(shape(3)).toEqual([[true, true]]);
    expect(new Set(shape(1).map(String))).toEqual(new Set(['true,false']));
    expect(new Set(shape(2).map(String))).toEqual(new Set(['false,true']));
    expect(r[0]?.grp).toBe(3);
  });

  it('orders each level by value, subtotal first, then the missing group, then Others', async () => {
    const r = await rows({
      rows: ['unit', 'status'],
      columns: [],
      values: [{ measure: models }],
      sort: { by: 'value', dir: 'desc' },
      // The no-unit group ranks 46th of 51 in the fixture.
      topN: { n: 46 },
    });
    expect(r[0]?.grp).toBe(3);
    const units = r.filter((x) => x.grp === 2);
    expect(units.slice(-2).map((x) => x.r0)).toEqual([null, PIVOT_OTHERS]);
    const totals = units.slice(0, -2).map((x) => x.v0 as number);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    for (const unit of units) {
      const group = r.filter((x) => x.r0 === unit.r0 && x.grp !== 3);
      expect(group[0]).toBe(unit);
      const statuses = group.slice(1).map((x) => x.v0 as number);
      expect(statuses).toEqual([...statuses].sort((a, b) => b - a));
    }
  });

  it('orders labels in Vietnamese collation and periods chronologically', async () => {
    const r = await rows({
      rows: ['unit'],
      columns: ['period'],
      grain: 'quarter',
      values: [{ measure: models }],
    });
    const labels = r.filter((x) => x.grp === 2 && x.r0 !== null).map((x) => x.r0_label as string);
    const vi = new Intl.Collator('vi');
    expect(labels).toEqual([...labels].sort(vi.compare));
    expect(labels.findIndex((l) => l.startsWith('Đặc khu'))).toBeLessThan(
      labels.findIndex((l) => l.startsWith('Phường')),
    );
    const unit = r.filter((x) => x.grp === 0 && x.r0 === '70000').map((x) => x.c0 as string);
    expect(unit).toEqual([...unit].sort());
    expect(unit.every((p) => /^\d{4}-(01|04|07|10)-01$/.test(p))).toBe(true);
  });
});
