/**
 * "Models active in the period" for a period of whole years reads `model_dim.years_mask` (one bit per year
 * from YEARS_MASK_FIRST) when the period lies inside the mask's 64 years, and `model_years` otherwise. Both
 * must keep exactly the models that reported a value in the period, at the mask's edges and outside them.
 */
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yearsMask } from '../../../electron/engine/query/filter';
import { EngineServer } from '../../../electron/engine/server';
import {
  YEARS_MASK_FIRST,
  YEARS_MASK_LAST,
  rebuildDerived,
} from '../../../electron/engine/workspace/derived';
import type { Filter, Spec } from '../../../shared/specs';
import { openTemp } from '../../helpers/workspace';
import { insertTinyData } from '../../helpers/tiny-data';

let t: Awaited<ReturnType<typeof openTemp>>;
let server: EngineServer;

beforeAll(async () => {
  t = await openTemp();
  await insertTinyData(t.ws);
  // Values at the mask's edges and just outside them (tiny data has 2024 and 2025).
  await t.ws.exec(`INSERT INTO indicator_values VALUES
    ('MH-4', DATE '1999-12-01', 'month', 'bridges_built', 1, NULL),
    ('MH-4', DATE '2064-01-01', 'month', 'bridges_built', 1, NULL),
    ('MH-3', DATE '2000-01-01', 'month', 'bridges_built', 1, NULL),
    ('MH-1', DATE '2063-12-01', 'month', 'bridges_built', 1, NULL),
    ('MH-2', DATE '2031-06-01', 'month', 'bridges_built', NULL, NULL)`);
  await rebuildDerived(t.ws);
  server = new EngineServer(t.ws, { resultCache: false });
});
afterAll(() => t.cleanup());

async function rows(spec: Spec): Promise<Record<string, unknown>[]> {
  const r = await server.query(spec);
  return tableFromIPC(r.arrow)
    .toArray()
    .map((x) => ({ ...x.toJSON() }));
}

/** The truth from the imported values: models with a value row in years from…to (either end open). */
async function reported(from: number | null, to: number | null): Promise<string[]> {
  const r = await t.ws.rows<{ id: string }>(
    `SELECT DISTINCT model_id AS id FROM indicator_values
     WHERE year(period_start) >= ${from ?? -1} AND year(period_start) <= ${to ?? 99999} ORDER BY id`,
  );
  return r.map((x) => x.id);
}

describe('models active in a period of whole years', () => {
  const ranges: [number | null, number | null][] = [
    [1999, 1999],
    [1999, 2000],
    [YEARS_MASK_FIRST, YEARS_MASK_FIRST],
    [2024, 2024],
    [2025, 2025],
    [2024, 2025],
    [2031, 2031],
    [2030, 2040],
    [YEARS_MASK_LAST, YEARS_MASK_LAST],
    [YEARS_MASK_LAST, 2064],
    [2064, 2064],
    [YEARS_MASK_FIRST, YEARS_MASK_LAST],
    [1990, 2070],
    [2024, null],
    [null, 2024],
  ];

  it.each(ranges)('%s–%s: the list and its count keep exactly the models that reported', async (a, b) => {
    const period: Filter['period'] = {
      ...(a !== null ? { from: `${a}-01` } : {}),
      ...(b !== null ? { to: `${b}-12` } : {}),
    };
    const want = await reported(a, b);
    const listed = await rows({ kind: 'models', filter: { period } });
    expect(listed.map((x) => x.model_id).sort()).toEqual(want);
    const [n] = await rows({ kind: 'aggregate', measures: [{ type: 'count_models' }], filter: { period } });
    expect(n?.m0).toBe(want.length);
  });

  it('the mask is used inside its span only, with both ends set', () => {
    expect(yearsMask({ from: YEARS_MASK_FIRST, to: YEARS_MASK_FIRST })).toBe('1');
    expect(yearsMask({ from: 2024, to: 2025 })).toBe(String((1n << 24n) | (1n << 25n)));
    expect(yearsMask({ from: YEARS_MASK_LAST, to: YEARS_MASK_LAST })).toBe(String(1n << 63n));
    expect(yearsMask({ from: YEARS_MASK_FIRST, to: YEARS_MASK_LAST })).toBe(String((1n << 64n) - 1n));
    expect(yearsMask({ from: 2025, to: 2024 })).toBe('0');
    expect(yearsMask({ from: YEARS_MASK_FIRST - 1, to: 2024 })).toBeNull();
    expect(yearsMask({ from: 2024, to: YEARS_MASK_LAST + 1 })).toBeNull();
    expect(yearsMask({ from: null, to: 2024 })).toBeNull();
    expect(yearsMask({ from: 2024, to: null })).toBeNull();
  });
});
