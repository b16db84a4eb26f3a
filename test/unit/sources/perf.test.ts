/**
 * Staging throughput, printed not asserted beyond generous bounds. Skipped unless DVK_BENCH=1
 * (generating the files takes longer than the staging):
 *   DVK_BENCH=1 npx vitest run test/unit/sources/perf.test.ts
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { inspectFile, stageSheet } from '../../../electron/engine/import/sources';
import { memoryDb, tempDir } from './helpers';

const tmp = tempDir();
let db: { conn: DuckDBConnection; close: () => void };

beforeAll(async () => {
  db = await memoryDb();
});
afterAll(() => {
  db.close();
  tmp.cleanup();
});

async function writeCsv(file: string, rows: number, encoding: 'utf8' | 'utf16le'): Promise<void> {
  const out = createWriteStream(file);
  const put = async (s: string): Promise<void> => {
    if (!out.write(Buffer.from(s, encoding))) await once(out, 'drain');
  };
  if (encoding === 'utf16le') out.write(Buffer.from([0xff, 0xfe]));
  const sep = encoding === 'utf16le' ? '\t' : ',';
  await put(
    ['BÁO CÁO', '', ['Mã MH', 'Tên mô hình', 'Phường/Xã', 'Kỳ', 'Giá trị'].join(sep)].join('\n') + '\n',
  );
  let buf: string[] = [];
  for (let i = 0; i < rows; i++) {
    buf.push(
      [
        `MH${String(i).padStart(7, '0')}`,
        `Mô hình số ${i}`,
        `Phường ${i % 168}`,
        `2025-${String(1 + (i % 12)).padStart(2, '0')}`,
        String(i * 1.25),
      ].join(sep),
    );
    if (buf.length === 10000) {
      await put(buf.join('\n') + '\n');
      buf = [];
    }
  }
  await put(buf.join('\n') + '\n');
  out.end();
  await once(out, 'close');
}

async function bench(file: string, label: string): Promise<void> {
  const t0 = performance.now();
  const info = await inspectFile(file);
  const t1 = performance.now();
  const sheet = info.sheets[0];
  if (!sheet) throw new Error('no sheet');
  const res = await stageSheet(db.conn, file, info, sheet.sheet, { table: 'bench', tempDir: tmp.dir });
  const t2 = performance.now();
  const rps = Math.round(res.rowCount / ((t2 - t1) / 1000));
  console.log(
    `${label}: inspect ${Math.round(t1 - t0)} ms, stage ${res.rowCount} rows in ${Math.round(t2 - t1)} ms = ${rps} rows/s, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`,
  );
  await db.conn.run('DROP TABLE bench');
}

describe.skipIf(!process.env['DVK_BENCH'])('staging throughput', () => {
  it('CSV UTF-8, 2,000,000 rows × 5 columns', async () => {
    const f = tmp.file('big.csv');
    await writeCsv(f, 2_000_000, 'utf8');
    await bench(f, 'CSV utf-8 2M×5');
  }, 300_000);

  it('TXT UTF-16LE (transcoded), 2,000,000 rows × 5 columns', async () => {
    const f = tmp.file('big.txt');
    await writeCsv(f, 2_000_000, 'utf16le');
    await bench(f, 'TXT utf-16le 2M×5');
  }, 300_000);

  it('XLSX, 250,000 rows × 20 columns', async () => {
    const f = tmp.file('big.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: f,
      useSharedStrings: true,
      useStyles: true,
    });
    const ws = wb.addWorksheet('Data');
    ws.addRow(['BÁO CÁO TỔNG HỢP']).commit();
    ws.addRow(Array.from({ length: 20 }, (_, c) => `Chỉ tiêu ${c + 1}`)).commit();
    for (let r = 0; r < 250_000; r++) {
      ws.addRow(
        Array.from({ length: 20 }, (_, c) =>
          c % 3 === 0 ? `Mô hình ${r % 1000}` : c % 3 === 1 ? r * 1.5 + c : `x${r}`,
        ),
      ).commit();
    }
    ws.commit();
    await wb.commit();
    await bench(f, 'XLSX 250k×20');
    expect(true).toBe(true);
  }, 600_000);
});
