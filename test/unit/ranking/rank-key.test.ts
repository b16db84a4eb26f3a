/**
 * The key percentiles order by (rank-compile.ts `rankKey`): values equal up to float noise get the same key,
 * values that really differ keep their order, and values it cannot round safely pass through unchanged.
 * Run in DuckDB, as the ranking runs it.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw } from '../../../electron/engine/db/sql';
import { rankKey } from '../../../electron/engine/query/rank-compile';

let db: DuckDBInstance;
let conn: DuckDBConnection;

beforeAll(async () => {
  db = await DuckDBInstance.create(':memory:');
  conn = await db.connect();
});
afterAll(() => {
  conn?.closeSync();
  db?.closeSync();
});

/** The keys of SQL double expressions, in order. */
async function keys(...exprs: string[]): Promise<number[]> {
  const cols = exprs.map((e, i) => `${rankKey(raw(`(${e})`)).build().text} AS k${i}`);
  const r = await conn.runAndReadAll(`SELECT ${cols.join(', ')}`);
  return (r.getRows()[0] ?? []).map(Number);
}

describe('rank key', () => {
  it('values one rounding error apart tie', async () => {
    const [a, b] = await keys('0.1::DOUBLE + 0.2::DOUBLE', '0.3::DOUBLE');
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(a).toBe(b);
    // The same values summed in two orders (what parallel aggregation does).
    expect(0.1 + 0.2 + 0.3).not.toBe(0.3 + 0.2 + 0.1);
    const [c, d] = await keys(
      '0.1::DOUBLE + 0.2::DOUBLE + 0.3::DOUBLE',
      '0.3::DOUBLE + 0.2::DOUBLE + 0.1::DOUBLE',
    );
    expect(c).toBe(d);
  });

  it('values that really differ keep their order, at any magnitude and sign', async () => {
    for (const v of [1, 0.0042, 123_456_789, 7.5e14, -3.25]) {
      const [lo, hi] = await keys(`${v}::DOUBLE`, `${v}::DOUBLE * (1 + 1e-9)`);
      expect(Math.sign(v) * ((hi ?? 0) - (lo ?? 0))).toBeGreaterThan(0);
      // And the key stays within 12 significant digits of the value.
      expect(Math.abs(((lo ?? 0) - v) / v)).toBeLessThan(1e-12);
    }
  });

  it('zero, huge, infinite and NaN values pass through unchanged', async () => {
    const [z, huge, inf, ninf, nan] = await keys(
      '0::DOUBLE',
      '1.5e305::DOUBLE',
      "'inf'::DOUBLE",
      "'-inf'::DOUBLE",
      "'nan'::DOUBLE",
    );
    expect(z).toBe(0);
    expect(huge).toBe(1.5e305);
    expect(inf).toBe(Infinity);
    expect(ninf).toBe(-Infinity);
    expect(nan).toBeNaN();
  });
});
