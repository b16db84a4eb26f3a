import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  isSafePath,
  quoteIdent,
  quotePath,
  runCancellable,
  StagingWriter,
} from '../../../electron/engine/import/sources/staging';
import {
  dateText,
  excelSerialToDate,
  isDateFormat,
  numberText,
} from '../../../electron/engine/import/sources/cells';
import { expectAtlasError, memoryDb, tableRows } from './helpers';

let db: { conn: DuckDBConnection; close: () => void };
beforeAll(async () => {
  db = await memoryDb();
});
afterAll(() => db.close());

describe('staging helpers', () => {
  it('quotes identifiers and refuses paths DuckDB would not read literally', () => {
    expect(quoteIdent('a"b')).toBe('"a""b"');
    expect(quotePath("/tmp/it's.csv")).toBe("'/tmp/it''s.csv'");
    expect(isSafePath('/tmp/data/file.csv')).toBe(true);
    expect(isSafePath('relative.csv')).toBe(false);
    expect(isSafePath('/tmp/*.csv')).toBe(false);
    expect(isSafePath('/tmp/[a].csv')).toBe(false);
    expect(isSafePath('/tmp/a\nb.csv')).toBe(false);
    expect(() => quotePath('/tmp/x?.csv')).toThrow();
  });

  it('StagingWriter drops blank rows and reports cells beyond the last column', async () => {
    const w = await StagingWriter.open(db.conn, 'sw', 2);
    w.write(2, ['a', null]);
    w.write(3, [null, '  ']);
    w.write(4, ['b', 'c', null, 'extra']);
    w.close();
    expect(w.rowCount).toBe(2);
    expect(w.problems()).toEqual([expect.objectContaining({ code: 'CELLS_BEYOND_HEADER', row: 4 })]);
    expect(await tableRows(db.conn, 'sw')).toEqual([
      [2, 'a', null],
      [4, 'b', 'c'],
    ]);
  });

  it('runCancellable interrupts a running DuckDB statement', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 150);
    await expectAtlasError(
      runCancellable(db.conn, 'SELECT count(*) FROM range(100000000000) t(i) WHERE i % 7 = 3', ac.signal),
      'CANCELLED',
    );
    // the connection stays usable
    expect((await db.conn.runAndReadAll('SELECT 1::INTEGER')).getRows()).toEqual([[1]]);
  });

  it('cell text helpers', () => {
    expect(numberText(1234567.5)).toBe('1234567.5');
    expect(numberText(Number.NaN)).toBeNull();
    expect(dateText(excelSerialToDate(45366))).toBe('2024-03-15');
    expect(dateText(excelSerialToDate(45366.75))).toBe('2024-03-15 18:00:00');
    expect(isDateFormat('dd/mm/yyyy')).toBe(true);
    expect(isDateFormat('[$-42A]d mmmm yyyy')).toBe(true);
    expect(isDateFormat('#,##0 "đồng"')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
    expect(isDateFormat('0.00%')).toBe(false);
    expect(isDateFormat('#,##0\\ \\m')).toBe(false);
    expect(isDateFormat('_-* #,##0_-;-* #,##0_-')).toBe(false);
  });
});
