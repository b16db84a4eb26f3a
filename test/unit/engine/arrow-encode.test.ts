/**
 * The engine's Arrow encoder (db/arrow.ts) against DuckDB's own reading of the same result: every kind of
 * column the engine sends (texts short and long, Vietnamese and beyond the BMP, empty and NULL, ENUMs,
 * integers, BIGINT, doubles, dates, booleans), over several chunks, decoded as the renderer decodes it.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnsToArrow, queryArrow } from '../../../electron/engine/db/arrow';
import { raw } from '../../../electron/engine/db/sql';

let db: DuckDBInstance;
let conn: DuckDBConnection;

beforeAll(async () => {
  db = await DuckDBInstance.create(':memory:');
  conn = await db.connect();
  await conn.run(`CREATE TYPE mood AS ENUM ('Đang triển khai', 'Tạm dừng', 'Đã hoàn thành')`);
});
afterAll(() => {
  conn.closeSync();
  db.closeSync();
});

const TEXTS = [
  'MH-000100',
  'Cầu nông thôn Bình Lợi',
  'Mô hình “Trả kết quả tận nhà” đặc khu Hòn Ngọc',
  '',
  'a',
  'exactly12byt',
  'thirteen byte',
  'Emoji 🌉 cầu',
  'Ωμέγα',
];

/** DuckDB's own reading of the query, as plain JS values comparable to the decoded Arrow rows. */
async function expected(query: string): Promise<Record<string, unknown>[]> {
  const reader = await conn.runAndReadAll(query);
  return reader.getRowObjectsJS().map((r) => {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) {
      if (typeof v === 'bigint') o[k] = Number(v);
      else if (v instanceof Date) o[k] = v.getTime();
      else o[k] = v;
    }
    return o;
  });
}

function decoded(bytes: Uint8Array): Record<string, unknown>[] {
  return tableFromIPC(bytes)
    .toArray()
    .map((row) => {
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(row.toJSON())) o[k] = v;
      return o;
    });
}

describe('the Arrow encoder', () => {
  it('encodes every column kind over several chunks exactly as DuckDB reads them', async () => {
    const list = TEXTS.map((t) => `'${t.replace(/'/g, "''")}'`).join(', ');
    // 5,000 rows: three chunks of DuckDB's 2,048; texts repeat (a dictionary) and some are NULL.
    const query = `SELECT i::INTEGER AS i,
        CASE WHEN i % 11 = 0 THEN NULL ELSE ([${list}])[1 + i % ${TEXTS.length}] END AS t,
        ('Mô hình số ' || i) AS long_unique,
        CASE WHEN i % 7 = 0 THEN NULL ELSE (['Đang triển khai', 'Tạm dừng', 'Đã hoàn thành'])[1 + i % 3]::mood END AS e,
        CASE WHEN i % 5 = 0 THEN NULL ELSE i * 1.25 END AS d,
        (i * 1000000000)::BIGINT AS big,
        CASE WHEN i % 13 = 0 THEN NULL ELSE DATE '2023-01-01' + (i % 900)::INTEGER END AS day,
        CASE WHEN i % 17 = 0 THEN NULL ELSE i % 2 = 0 END AS b
      FROM range(5000) r(i) ORDER BY i`;
    const r = await queryArrow(conn, raw(query));
    expect(r.rowCount).toBe(5000);
    const got = decoded(r.bytes);
    const want = await expected(query);
    expect(got.length).toBe(want.length);
    for (let i = 0; i < want.length; i++) {
      const g = got[i] as Record<string, unknown>;
      const w = want[i] as Record<string, unknown>;
      expect({ ...g, day: g.day === null ? null : Number(g.day) }).toEqual(w);
    }
    const table = tableFromIPC(r.bytes);
    expect(String(table.schema.fields.find((f) => f.name === 't')?.type)).toMatch(/Dictionary/);
    expect(String(table.schema.fields.find((f) => f.name === 'e')?.type)).toMatch(/Dictionary/);
  });

  it('encodes plain values (the ranking kernel’s pages) with the same types, texts as DuckDB would', () => {
    const texts = [...TEXTS, null, 'Cầu nông thôn Bình Lợi', '\ud800 lone surrogate'];
    const r = columnsToArrow([
      { name: 't', kind: 'str', values: texts },
      { name: 'n', kind: 'f64', values: texts.map((_, i) => (i % 4 === 0 ? null : i / 3)) },
      { name: 'k', kind: 'i32', values: texts.map((_, i) => i) },
    ]);
    expect(r.rowCount).toBe(texts.length);
    const got = decoded(r.bytes);
    // A lone surrogate is not UTF-8: it becomes U+FFFD, as TextEncoder (and Arrow's own builder) make it.
    expect(got.map((x) => x.t)).toEqual(
      texts.map((t) => (t === null ? null : t.replace('\ud800', '\ufffd'))),
    );
    expect(got.map((x) => x.n)).toEqual(texts.map((_, i) => (i % 4 === 0 ? null : i / 3)));
    expect(got.map((x) => x.k)).toEqual(texts.map((_, i) => i));
  });

  it('encodes an empty result with its columns', async () => {
    const r = await queryArrow(conn, raw(`SELECT 'x' AS t, 1.5 AS d FROM range(0)`));
    const table = tableFromIPC(r.bytes);
    expect(r.rowCount).toBe(0);
    expect(table.schema.fields.map((f) => f.name)).toEqual(['t', 'd']);
  });
});
