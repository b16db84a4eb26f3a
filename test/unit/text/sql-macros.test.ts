import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { VI_SQL_MACROS, installViMacros } from '../../../electron/engine/import/sql-macros';
import { parseViNumber } from '../../../shared/vi-number';

let inst: DuckDBInstance;
let conn: DuckDBConnection;

beforeAll(async () => {
  inst = await DuckDBInstance.create(':memory:');
  conn = await inst.connect();
  await installViMacros(conn);
});

afterAll(() => {
  conn.closeSync();
  inst.closeSync();
});

/** Run vi_number and vi_number_en over many strings in one query (appended to a temp table, no escaping). */
async function sqlParse(values: readonly string[]): Promise<{ vi: number | null; en: number | null }[]> {
  await conn.run('CREATE OR REPLACE TEMP TABLE inputs (i INTEGER, s VARCHAR)');
  const appender = await conn.createAppender('inputs');
  values.forEach((v, i) => {
    appender.appendInteger(i);
    appender.appendVarchar(v);
    appender.endRow();
  });
  appender.closeSync();
  const r = await conn.runAndReadAll(
    'SELECT vi_number(s) AS vi, vi_number_en(s) AS en FROM inputs ORDER BY i',
  );
  return r.getRowObjects().map((row) => ({ vi: row.vi as number | null, en: row.en as number | null }));
}

/** Compare SQL with parseViNumber for both styles; returns the mismatches as readable strings. */
async function mismatches(values: readonly string[]): Promise<string[]> {
  const rows = await sqlParse(values);
  const out: string[] = [];
  values.forEach((s, i) => {
    const js = { vi: parseViNumber(s), en: parseViNumber(s, { style: 'en' }) };
    const row = rows[i];
    if (!row || !Object.is(row.vi, js.vi) || !Object.is(row.en, js.en)) {
      out.push(`${JSON.stringify(s)}: sql ${JSON.stringify(row)} js ${JSON.stringify(js)}`);
    }
  });
  return out;
}

const CURATED = [
  '1.234.567',
  '12,5',
  '1.234.567,5 đồng',
  '1,234,567.5',
  '1,234,567',
  '12.5',
  '12.500',
  '12,500',
  '0.500',
  '01.500',
  '1234.567',
  '(1.234)',
  '-1.234',
  '−5',
  '–5',
  '+5',
  '-0',
  '0',
  '007',
  '1 234 567',
  '1\u00a0234\u00a0567',
  '1\u202f234,5',
  '1 234.5',
  '12,5%',
  '12,5 %',
  'VNĐ 1.000',
  '1.000.000 VND',
  '₫1.000',
  '1.000đ',
  '1.000 ĐỒNG',
  '1.000 dong',
  '2 cây cầu',
  '100 m2',
  '100m²',
  '250 kg',
  '3 học sinh',
  ',5',
  '.5',
  '1.5E+06',
  '1,5e3',
  '  42  ',
  '1.234,5',
  '5,',
  '1.000.',
  '1,2.3',
  '1.2.3',
  '0.123.456',
  '1.23.456',
  '1 23',
  '1.234-',
  'abc',
  '()',
  '1e400',
  '',
  ' ',
  '-',
  '–',
  '—',
  'x',
  'X',
  'N/A',
  'n/a',
  '#DIV/0!',
  '12 triệu',
  '1,5 tỷ',
  '50k',
  'khoảng 100',
  '100 người/tháng',
  '1.000 đ/người',
  '12 abc',
  '999999999999999999999',
  '-12',
  '1\t234',
  '12\u00a0%',
];

describe('vi_number in DuckDB', () => {
  it('installs idempotently and exposes the documented macros', async () => {
    await installViMacros(conn);
    const text = VI_SQL_MACROS.join('\n');
    for (const name of ['vi_number(', 'vi_number_en(', 'vi_number_style(']) expect(text).toContain(name);
    expect(VI_SQL_MACROS.every((s) => s.startsWith('CREATE OR REPLACE TEMP MACRO'))).toBe(true);
  });

  it('reads the brief examples', async () => {
    const rows = await sqlParse([
      '1.234.567',
      '12,5',
      '1.234.567,5 đồng',
      '1,234,567.5',
      '12.5',
      '12.500',
      '(1.234)',
    ]);
    expect(rows.map((r) => r.vi)).toEqual([1234567, 12.5, 1234567.5, 1234567.5, 12.5, 12500, -1234]);
    expect(rows.map((r) => r.en)).toEqual([1234567, 12.5, 1234567.5, 1234567.5, 12.5, 12.5, -1.234]);
  });

  it('agrees with parseViNumber on curated export values in both styles', async () => {
    expect(await mismatches(CURATED)).toEqual([]);
  });

  it('returns NULL for NULL and DOUBLE for every input', async () => {
    const r = await conn.runAndReadAll(
      `SELECT vi_number(NULL::VARCHAR) a, typeof(vi_number('1,5')) t, vi_number_en(NULL) b`,
    );
    expect(r.getRowObjects()).toEqual([{ a: null, t: 'DOUBLE', b: null }]);
  });

  it('casts numeric arguments as they are instead of re-reading their text', async () => {
    const r = await conn.runAndReadAll(
      `SELECT vi_number(12.345::DOUBLE) a, vi_number(7::INTEGER) b, vi_number(12.345::DECIMAL(10,3)) c,
              vi_number_en(1234::BIGINT) d, vi_number('inf'::DOUBLE) e`,
    );
    expect(r.getRowObjects()).toEqual([{ a: 12.345, b: 7, c: 12.345, d: 1234, e: null }]);
  });

  it('switches style with vi_number_style', async () => {
    const r = await conn.runAndReadAll(
      `SELECT vi_number_style('12.500', 'vi') a, vi_number_style('12.500', 'en') b, vi_number_style('12.500', NULL) c`,
    );
    expect(r.getRowObjects()).toEqual([{ a: 12500, b: 12.5, c: 12500 }]);
  });

  it('never returns a negative zero', async () => {
    const rows = await sqlParse(['-0', '(0)', '-0,0', '-0.000']);
    for (const r of rows) {
      expect(Object.is(r.vi, 0)).toBe(true);
      expect(Object.is(r.en, 0)).toBe(true);
    }
  });

  it('agrees with parseViNumber on generated numbers written the way exports write them', async () => {
    const written = fc
      .record({
        int: fc.integer({ min: 0, max: 1e12 }),
        frac: fc.integer({ min: 0, max: 9999 }),
        digits: fc.integer({ min: 0, max: 4 }),
        locale: fc.constantFrom('vi-VN', 'en-US', 'de-CH', 'fr-FR'),
        grouping: fc.boolean(),
        negative: fc.constantFrom('', '-', '−', '()'),
        unit: fc.constantFrom('', ' đồng', 'đ', ' VNĐ', '%', ' %', ' người', ' hồ sơ', ' triệu', ' abc'),
        prefix: fc.constantFrom('', '', '', 'VNĐ ', '₫'),
        pad: fc.constantFrom('', ' ', '\u00a0'),
      })
      .map(({ int, frac, digits, locale, grouping, negative, unit, prefix, pad }) => {
        const v = int + frac / 10_000;
        const num = new Intl.NumberFormat(locale, {
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
          useGrouping: grouping,
        }).format(v);
        const signed = negative === '()' ? `(${num})` : `${negative}${num}`;
        return `${pad}${prefix}${signed}${unit}${pad}`;
      });
    const samples = fc.sample(written, { numRuns: 3000, seed: 20250701 });
    expect(await mismatches(samples)).toEqual([]);
    const parsed = samples.filter((x) => parseViNumber(x) !== null).length;
    expect(parsed / samples.length).toBeGreaterThan(0.5);
  });

  it('agrees with parseViNumber on generated near-numbers and junk', async () => {
    const junk = fc
      .tuple(
        fc.constantFrom('', '', '-', '(', '+', ' '),
        fc.array(fc.constantFrom('1', '12', '123', '1234', '0', '000', '500', '.', ',', ' ', '\u00a0'), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.constantFrom('', '', ')', '%'),
        fc.constantFrom('', '', ' đồng', 'đ', 'dong', ' m2', 'kg', ' x', 'k'),
      )
      .map(([sign, body, close, unit]) => sign + body.join('') + close + unit);
    const samples = fc.sample(junk, { numRuns: 3000, seed: 42 });
    expect(await mismatches(samples)).toEqual([]);
    const parsed = samples.filter((x) => parseViNumber(x) !== null).length;
    expect(parsed / samples.length).toBeGreaterThan(0.1);
  });

  it('converts a large staging column set-based', async () => {
    await conn.run(`CREATE OR REPLACE TEMP TABLE stg AS
      SELECT CASE i % 4 WHEN 0 THEN (i * 7)::VARCHAR WHEN 1 THEN '1.234.' || lpad((i % 1000)::VARCHAR, 3, '0')
             WHEN 2 THEN (i % 977)::VARCHAR || ',5 đồng' ELSE '-' END AS s
      FROM range(200000) t(i)`);
    const r = await conn.runAndReadAll(
      `SELECT count(vi_number(s)) n, count(*) FILTER (WHERE s = '-') blanks FROM stg`,
    );
    expect(r.getRowObjects()).toEqual([{ n: 150000n, blanks: 50000n }]);
  });
});
