import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { queryArrow } from '../../../electron/engine/db/arrow';
import type { Sql } from '../../../electron/engine/db/sql';
import { compileModelQuery } from '../../../electron/engine/query/models';
import { EngineServer } from '../../../electron/engine/server';
import type { ResponseMessage } from '../../../shared/api';
import type { ModelQuery, Spec } from '../../../shared/specs';
import { openTemp, tableChecksums } from '../../helpers/workspace';
import { insertTinyData } from '../../helpers/tiny-data';

let t: Awaited<ReturnType<typeof openTemp>>;
let server: EngineServer;

beforeAll(async () => {
  t = await openTemp();
  await insertTinyData(t.ws);
  server = new EngineServer(t.ws);
});
afterAll(() => t.cleanup());

async function rows(spec: Spec): Promise<Record<string, unknown>[]> {
  const r = await server.query(spec);
  return tableFromIPC(r.arrow)
    .toArray()
    .map((x) => ({ ...x.toJSON() }));
}

function call(msg: unknown): Promise<ResponseMessage[]> {
  return new Promise((resolve) => {
    const got: ResponseMessage[] = [];
    server.handle(msg, (m) => {
      got.push(m);
      if ('ok' in m) resolve(got);
    });
  });
}

describe('aggregate specs', () => {
  it('counts models per field, keeping an unknown field and nothing vanishing', async () => {
    const r = await rows({ kind: 'aggregate', by: 'field', measures: [{ type: 'count_models' }] });
    expect(Object.fromEntries(r.map((x) => [x.key, x.m0]))).toEqual({
      'Cải cách hành chính': 2,
      'Hạ tầng giao thông nông thôn': 1,
      'Lĩnh vực lạ': 1,
    });
  });

  it('keeps models without a registered unit as a null group', async () => {
    const r = await rows({ kind: 'aggregate', by: 'unit', measures: [{ type: 'count_models' }] });
    expect(r.map((x) => [x.key, x.m0])).toEqual([
      ['00101', 2],
      ['00102', 1],
      [null, 1],
    ]);
    expect(r[2]?.label).toBe('Phường Không Có');
  });

  it('averages a mean-type indicator over all values, never summing it or averaging averages', async () => {
    const grand = await rows({
      kind: 'aggregate',
      measures: [{ type: 'indicator', indicator: 'satisfaction_pct' }],
    });
    // (90 + 80 + 70 + 100) / 4 = 85, whereas the mean of the two models' means would be (80 + 100) / 2 = 90.
    expect(grand[0]?.m0).toBe(85);
    const summed = await rows({
      kind: 'aggregate',
      measures: [{ type: 'indicator', indicator: 'satisfaction_pct', agg: 'sum' }],
    });
    expect(summed[0]?.m0).toBe(340);
  });

  it('weights the turnaround time by records processed', async () => {
    const r = await rows({
      kind: 'aggregate',
      measures: [{ type: 'indicator', indicator: 'turnaround_minutes' }],
    });
    expect(r[0]?.m0).toBeCloseTo((10 * 300 + 40 * 100) / 400, 10);
  });

  it('joins model counts and indicator sums on the same key', async () => {
    const r = await rows({
      kind: 'aggregate',
      by: 'unit_type',
      measures: [{ type: 'count_models' }, { type: 'indicator', indicator: 'bridges_built' }],
      sort: 'label',
    });
    expect(r.map((x) => [x.key, x.m0, x.m1])).toEqual([
      ['phường', 2, null],
      ['xã', 1, 3],
      [null, 1, null],
    ]);
  });

  it('groups by period at quarter grain and applies the period filter', async () => {
    const r = await rows({
      kind: 'aggregate',
      by: 'period',
      grain: 'quarter',
      measures: [{ type: 'indicator', indicator: 'satisfaction_pct' }],
      filter: { period: { from: '2024-01', to: '2024-12' } },
    });
    expect(r.map((x) => [x.key, x.m0])).toEqual([
      ['2024-01-01', 90],
      ['2024-04-01', 75],
    ]);
  });
});

describe('model list', () => {
  it('finds models without diacritics: "cau" finds "Cầu", "duong" finds "Đường"', async () => {
    expect((await rows({ kind: 'models', filter: { search: 'cau' } })).map((x) => x.model_id)).toEqual([
      'MH-1',
    ]);
    expect((await rows({ kind: 'models', filter: { search: 'duong hoa' } })).map((x) => x.model_id)).toEqual([
      'MH-3',
    ]);
    expect((await rows({ kind: 'models', filter: { search: 'Đường' } })).map((x) => x.model_id)).toEqual([
      'MH-3',
    ]);
  });

  it('sorts, pages and returns dates as Arrow dates', async () => {
    const r = await rows({ kind: 'models', sort: { by: 'start_date', dir: 'desc' }, limit: 2 });
    expect(r.map((x) => x.model_id)).toEqual(['MH-3', 'MH-2']);
    const table = tableFromIPC((await server.query({ kind: 'models', limit: 1 })).arrow);
    expect(String(table.schema.fields.find((f) => f.name === 'start_date')?.type)).toMatch(/Date/);
    expect(String(table.schema.fields.find((f) => f.name === 'field')?.type)).toMatch(/Dictionary/);
  });

  it('lists models in one scan exactly as page-then-widen does: columns, types, order, paging', async () => {
    /** The rows and schema of a compiled list, as the renderer decodes them. */
    const run = async (q: Sql) => {
      const table = tableFromIPC((await queryArrow(t.ws.read, q)).bytes);
      return {
        schema: table.schema.fields.map((f) => `${f.name}:${String(f.type)}`),
        rows: table.toArray().map((r) => r.toJSON()),
      };
    };
    const filters: ModelQuery['filter'][] = [
      undefined,
      { search: 'phuong' },
      { units: ['00101', '00102'] },
      { fields: ['Cải cách hành chính'] },
    ];
    let compared = 0;
    for (const filter of filters)
      for (const sort of [undefined, { by: 'name', dir: 'desc' }, { by: 'start_date', dir: 'asc' }] as const)
        for (const [limit, offset] of [
          [undefined, undefined],
          [2, 0],
          [2, 1],
        ] as const) {
          const q: ModelQuery = {
            kind: 'models',
            ...(filter ? { filter } : {}),
            ...(sort ? { sort } : {}),
            ...(limit ? { limit, offset } : {}),
          };
          // No model count: page-then-widen; a small workspace: one scan.
          const paged = await run(compileModelQuery(q));
          const direct = await run(compileModelQuery(q, { modelCount: 4 }));
          expect(direct).toEqual(paged);
          compared += paged.rows.length;
        }
    expect(compared).toBeGreaterThan(30);
    // Models named by id take one scan at any size, and list what the same models chosen otherwise list.
    const named = await run(
      compileModelQuery({ kind: 'models', filter: { modelIds: ['MH-3', 'MH-1', 'MH-2', 'MH-404'] } }),
    );
    const byUnit = await run(compileModelQuery({ kind: 'models', filter: { units: ['00101', '00102'] } }));
    expect(named).toEqual(byUnit);
    expect(named.rows.map((r) => r.model_id)).toEqual(['MH-1', 'MH-2', 'MH-3']);
  });

  it('binds hostile filter values as data, leaving the workspace unchanged', async () => {
    const before = await tableChecksums(t.ws);
    const r = await rows({
      kind: 'models',
      filter: { fields: ["x'); DROP TABLE models; --"], search: "'; DELETE FROM models; --" },
    });
    expect(r).toEqual([]);
    expect(await tableChecksums(t.ws)).toEqual(before);
  });
});

describe('protocol', () => {
  it('answers a malformed message with REQUEST_INVALID', async () => {
    const [m] = await call({ id: 1, nonsense: true });
    expect(m).toMatchObject({ ok: false, error: { code: 'REQUEST_INVALID' } });
  });

  it('answers an unknown method with METHOD_UNKNOWN', async () => {
    const [m] = await call({ id: 2, method: 'sql.run', params: { sql: 'DROP TABLE models' } });
    expect(m).toMatchObject({ id: 2, ok: false, error: { code: 'METHOD_UNKNOWN' } });
  });

  it('answers an invalid spec with SPEC_INVALID naming the path', async () => {
    const [m] = await call({
      id: 3,
      method: 'query',
      params: { kind: 'aggregate', by: 'password', measures: [] },
    });
    expect(m).toMatchObject({ id: 3, ok: false, error: { code: 'SPEC_INVALID' } });
    const [n] = await call({
      id: 4,
      method: 'query',
      params: { kind: 'aggregate', measures: [{ type: 'indicator', indicator: 'no_such' }] },
    });
    expect(n).toMatchObject({ id: 4, ok: false, error: { code: 'SPEC_INVALID' } });
  });

  it('lets a newer request for the same view supersede the older one', async () => {
    const spec = { kind: 'aggregate', by: 'field', measures: [{ type: 'count_models' }] };
    const first = call({ id: 10, method: 'query', params: spec, view: 'overview' });
    const second = call({ id: 11, method: 'query', params: spec, view: 'overview' });
    const [a, b] = await Promise.all([first, second]);
    expect(a.at(-1)).toMatchObject({ id: 10, ok: false, error: { code: 'SUPERSEDED' } });
    expect(b.at(-1)).toMatchObject({ id: 11, ok: true });
  });

  it('cancels a request on {cancel: id}', async () => {
    const p = call({ id: 20, method: 'query', params: { kind: 'models' } });
    server.handle({ cancel: 20 }, () => undefined);
    const m = (await p).at(-1);
    expect(m).toMatchObject({ id: 20, ok: false, error: { code: 'CANCELLED' } });
  });

  it('interrupts a long-running query on cancel and keeps the connection usable', async () => {
    // A deliberately slow spec: every model searched with many tokens over a large cross join is not
    // expressible, so interrupt the read connection while a heavy internal query runs.
    const slow = t.ws.read.run(
      'SELECT count(*) FROM range(200000000) a, range(10) b WHERE (a.range * b.range) % 7 = 3',
    );
    setTimeout(() => t.ws.read.interrupt(), 50);
    await expect(slow).rejects.toThrow(/interrupt/i);
    const [m] = await call({ id: 21, method: 'query', params: { kind: 'models', limit: 1 } });
    expect(m).toMatchObject({ id: 21, ok: true });
  });
});

describe('period filter on models', () => {
  it('keeps the models that reported a value in the period, the same set a pivot cell counts', async () => {
    const filter = { period: { from: '2025-01', to: '2025-12' } };
    const listed = await rows({ kind: 'models', filter });
    expect(listed.map((x) => x.model_id)).toEqual(['MH-1', 'MH-3']);
    const kpi = await rows({ kind: 'aggregate', measures: [{ type: 'count_models' }], filter });
    expect(kpi[0]?.m0).toBe(2);
    const cell = await rows({
      kind: 'aggregate',
      by: 'period',
      grain: 'year',
      measures: [{ type: 'count_models' }],
      filter,
    });
    expect(cell.map((x) => [x.key, x.m0])).toEqual([['2025-01-01', 2]]);
  });
});

describe('model values', () => {
  it('returns every value one model reported, ordered by indicator and period', async () => {
    const r = await rows({ kind: 'model_values', modelId: 'MH-2', indicators: ['satisfaction_pct'] });
    expect(r.map((x) => x.value)).toEqual([90, 80, 70]);
  });
});

describe('weighted means with gaps', () => {
  it('leaves out the weight of a record whose value is missing', async () => {
    await t.ws.exec(`INSERT INTO indicator_values VALUES
      ('MH-1', DATE '2024-06-01', 'month', 'turnaround_minutes', NULL, NULL),
      ('MH-1', DATE '2024-06-01', 'month', 'records_processed', 1000, NULL)`);
    const { rebuildDerived } = await import('../../../electron/engine/workspace/derived');
    await rebuildDerived(t.ws);
    const r = await rows({
      kind: 'aggregate',
      measures: [{ type: 'indicator', indicator: 'turnaround_minutes' }],
    });
    expect(r[0]?.m0).toBeCloseTo((10 * 300 + 40 * 100) / 400, 10);
  });
});
