/**
 * Kept prepared statements (electron/engine/db/statements.ts) on a real DuckDB connection: the same text
 * with other values answers for those values, a new data version drops every statement, at most `max` are
 * kept, a failing statement is not kept, and concurrent runs of one text each get their own answer.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw, sql } from '../../../electron/engine/db/sql';
import { StatementCache } from '../../../electron/engine/db/statements';

let instance: DuckDBInstance;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
});
afterAll(() => instance.closeSync());

const rows = async (r: Awaited<ReturnType<StatementCache['run']>>) => r.getRowObjectsJson();

describe('StatementCache', () => {
  it('answers a kept text for the values bound each time; a new version drops the plans', async () => {
    const conn = await instance.connect();
    await conn.run('CREATE TABLE t AS SELECT range AS x FROM range(100)');
    const cache = new StatementCache(conn);
    const q = (lo: number) => sql`SELECT count(*)::INTEGER AS n FROM t WHERE x >= ${lo}`;
    expect(await rows(await cache.run(q(10), 'v1'))).toEqual([{ n: 90 }]);
    expect(await rows(await cache.run(q(95), 'v1'))).toEqual([{ n: 5 }]);
    expect(cache.size).toBe(1);
    // The table is replaced (an import): the next version plans afresh and sees the new rows.
    await conn.run('CREATE OR REPLACE TABLE t AS SELECT range AS x FROM range(1000)');
    expect(await rows(await cache.run(q(95), 'v2'))).toEqual([{ n: 905 }]);
    expect(cache.size).toBe(1);
    conn.closeSync();
  });

  it('keeps at most max statements and drops one that fails', async () => {
    const conn = await instance.connect();
    const cache = new StatementCache(conn, 3);
    // Five texts (the column name differs), three kept.
    for (let i = 0; i < 5; i++) {
      const r = await rows(await cache.run(sql`SELECT CAST(${i} AS INTEGER) AS ${raw(`c${i}`)}`, 'v'));
      expect(r).toEqual([{ [`c${i}`]: i }]);
    }
    expect(cache.size).toBe(3);
    await expect(cache.run(sql`SELECT * FROM no_such_table`, 'v')).rejects.toThrow(/no_such_table/);
    await expect(cache.run(sql`SELECT CAST(${'abc'} AS INTEGER) AS x`, 'v')).rejects.toThrow();
    expect(cache.size).toBe(3);
    expect(await rows(await cache.run(sql`SELECT CAST(${'12'} AS INTEGER) AS x`, 'v'))).toEqual([{ x: 12 }]);
    conn.closeSync();
  });

  it('runs of the same text at once each answer for their own values', async () => {
    const conn = await instance.connect();
    const cache = new StatementCache(conn);
    const q = (k: number) => sql`SELECT sum(range)::BIGINT + ${k} AS s FROM range(200000)`;
    const got = await Promise.all([1, 2, 3, 4].map(async (k) => rows(await cache.run(q(k), 'v'))));
    const base = 199999 * 100000;
    expect(got).toEqual([1, 2, 3, 4].map((k) => [{ s: String(base + k) }]));
    conn.closeSync();
  });
});
