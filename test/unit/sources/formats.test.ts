import { copyFileSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import {
  DateDay,
  Float64,
  Int32,
  Table,
  tableToIPC,
  TimestampMillisecond,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import type { DuckDBConnection } from '@duckdb/node-api';
import { inspectFile, stageSheet } from '../../../electron/engine/import/sources';
import { detectFormat } from '../../../electron/engine/import/sources/detect';
import { expectAtlasError, memoryDb, tableRows, tempDir } from './helpers';

const tmp = tempDir();
let db: { conn: DuckDBConnection; close: () => void };
let n = 0;
const table = (): string => `f_${++n}`;

beforeAll(async () => {
  db = await memoryDb();
});
afterAll(() => {
  db.close();
  tmp.cleanup();
});

async function stageFirst(file: string) {
  const info = await inspectFile(file);
  const sheet = info.sheets[0];
  if (!sheet) throw new Error('no sheet');
  const t = table();
  const res = await stageSheet(db.conn, file, info, sheet.sheet, { table: t });
  return { info, res, rows: await tableRows(db.conn, t) };
}

describe('format detection by magic bytes', () => {
  it('ignores misleading extensions', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').addRow(['Mã', 'Tên']);
    const x = tmp.file('real.xlsx');
    await wb.xlsx.writeFile(x);
    copyFileSync(x, tmp.file('named.csv'));
    expect((await detectFormat(tmp.file('named.csv'))).format).toBe('xlsx');
    expect((await detectFormat(tmp.write('text.xlsx', 'Mã,Tên\n1,2\n'))).format).toBe('csv');
    expect((await detectFormat(tmp.write('a.json', '  [{"a":1}]'))).format).toBe('json');
    expect(
      (await detectFormat(tmp.write('g.json', '{"type": "FeatureCollection", "features": []}'))).format,
    ).toBe('geojson');
    expect(
      (await detectFormat(tmp.write('t.json', '{"type":"Topology","objects":{},"arcs":[]}'))).format,
    ).toBe('topojson');
    expect((await detectFormat(tmp.write('csvbracket.csv', '[Mã],[Tên]\n1,2\n'))).format).toBe('csv');
  });
});

describe('parquet', () => {
  it('stages a file written by DuckDB COPY with record numbers as _row', async () => {
    const f = tmp.file('models.parquet');
    await db.conn.run(
      `COPY (SELECT * FROM (VALUES ('MH001', 'Bữa cơm nghĩa tình', '00123', 12.0::DOUBLE, 1.5::DOUBLE, DATE '2024-03-15', TIMESTAMP '2024-03-15 08:30:00', 7::INTEGER, true),
                                   ('MH002', NULL, '26734', NULL, 0.1::DOUBLE, NULL, TIMESTAMP '2024-03-16 00:00:00', NULL, false))
             t(model_id, name, unit_code, houses, ratio, start_date, ts, n, active)) TO '${f}' (FORMAT parquet)`,
    );
    const { info, res, rows } = await stageFirst(f);
    expect(info.format).toBe('parquet');
    const sheet = info.sheets[0];
    expect(sheet?.headerRow).toBe(0);
    expect(sheet?.headers).toEqual([
      'model_id',
      'name',
      'unit_code',
      'houses',
      'ratio',
      'start_date',
      'ts',
      'n',
      'active',
    ]);
    expect(sheet?.rowCount).toBe(2);
    expect(sheet?.sampleRows[0]).toEqual([
      'MH001',
      'Bữa cơm nghĩa tình',
      '00123',
      '12',
      '1.5',
      '2024-03-15',
      '2024-03-15 08:30:00',
      '7',
      'true',
    ]);
    expect(res.rowCount).toBe(2);
    expect(rows).toEqual([
      [
        1,
        'MH001',
        'Bữa cơm nghĩa tình',
        '00123',
        '12',
        '1.5',
        '2024-03-15',
        '2024-03-15 08:30:00',
        '7',
        'true',
      ],
      [2, 'MH002', null, '26734', null, '0.1', null, '2024-03-16', null, 'false'],
    ]);
  });

  it('a damaged parquet file is FILE_UNREADABLE', async () => {
    await expectAtlasError(
      inspectFile(tmp.write('bad.parquet', 'PAR1garbagegarbagePAR1')),
      'FILE_UNREADABLE',
    );
  });
});

describe('arrow IPC', () => {
  const arrowTable = (): Table =>
    new Table({
      model_id: vectorFromArray(['MH001', 'MH002'], new Utf8()),
      houses: vectorFromArray([3, null], new Int32()),
      funds: vectorFromArray([1234567.5, 0.1], new Float64()),
      start: vectorFromArray([new Date(Date.UTC(2024, 2, 15)), null], new DateDay()),
      at: vectorFromArray(
        [new Date(Date.UTC(2024, 2, 15, 8, 30)), new Date(Date.UTC(2024, 2, 16))],
        new TimestampMillisecond(),
      ),
    });

  for (const format of ['file', 'stream'] as const) {
    it(`stages an Arrow ${format}`, async () => {
      const f = tmp.write(`t.${format}.arrow`, tableToIPC(arrowTable(), format));
      const { info, rows } = await stageFirst(f);
      expect(info.format).toBe('arrow');
      expect(info.sheets[0]?.headers).toEqual(['model_id', 'houses', 'funds', 'start', 'at']);
      expect(info.sheets[0]?.rowCount).toBe(2);
      expect(rows).toEqual([
        [1, 'MH001', '3', '1234567.5', '2024-03-15', '2024-03-15 08:30:00'],
        [2, 'MH002', null, '0.1', null, '2024-03-16'],
      ]);
    });
  }
});

describe('json', () => {
  it('stages an array of objects (union of keys in first-seen order)', async () => {
    const f = tmp.write(
      'models.json',
      JSON.stringify([
        { model_id: 'MH001', name: 'Bữa cơm', unit_code: '00123', funds: 1.5 },
        { model_id: 'MH002', active: true, extra: { a: 1 }, funds: null },
      ]),
    );
    const { info, rows } = await stageFirst(f);
    expect(info.format).toBe('json');
    expect(info.sheets[0]?.headers).toEqual(['model_id', 'name', 'unit_code', 'funds', 'active', 'extra']);
    expect(rows).toEqual([
      [1, 'MH001', 'Bữa cơm', '00123', '1.5', null, null],
      [2, 'MH002', null, null, null, 'true', '{"a":1}'],
    ]);
  });

  it('reads {"data": [...]} and JSON Lines', async () => {
    const a = await stageFirst(
      tmp.write('wrapped.json', '\ufeff{"meta":{"n":1},"data":[{"x":"1"},{"x":"2"}]}'),
    );
    expect(a.rows).toEqual([
      [1, '1'],
      [2, '2'],
    ]);
    const b = await stageFirst(tmp.write('lines.jsonl', '{"x":1}\n{"x":2,"y":"b"}\n'));
    expect(b.rows).toEqual([
      [1, '1', null],
      [2, '2', 'b'],
    ]);
  });

  it('recognises GeoJSON and TopoJSON (no sheets), even when "type" comes late', async () => {
    const late = {
      features: [{ type: 'Feature', properties: { ma: '26734' }, geometry: null }],
      type: 'FeatureCollection',
    };
    const g = await inspectFile(tmp.write('late.geojson', JSON.stringify(late)));
    expect(g.format).toBe('geojson');
    expect(g.sheets).toEqual([]);
    const t = await inspectFile(
      tmp.write('topo.json', JSON.stringify({ arcs: [], objects: {}, type: 'Topology' })),
    );
    expect(t.format).toBe('topojson');
  });

  it('invalid JSON is FILE_UNREADABLE', async () => {
    await expectAtlasError(inspectFile(tmp.write('bad.json', '{"a": [1, 2')), 'FILE_UNREADABLE');
  });
});

describe('xls (BIFF) via SheetJS', () => {
  function biff(): Buffer {
    const ws = XLSX.utils.aoa_to_sheet([
      ['BÁO CÁO TỔNG HỢP'],
      [],
      ['STT', 'Mã mô hình', 'Tên mô hình', 'Ngày bắt đầu', 'Kinh phí'],
      [1, 'MH001', 'Bữa cơm nghĩa tình', 45366, 1234567.5],
      [2, '00123', 'Cầu nông thôn', 45367, true],
    ]);
    for (const ref of ['D4', 'D5']) {
      const c = ws[ref] as XLSX.CellObject;
      c.z = 'dd/mm/yyyy';
    }
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Mô hình');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Chỉ có tiêu đề']]), 'Ghi chú');
    return XLSX.write(wb, { bookType: 'biff8', type: 'buffer' }) as Buffer;
  }

  it('inspects and stages an old .xls workbook', async () => {
    const f = tmp.write('old.xls', biff());
    const info = await inspectFile(f);
    expect(info.format).toBe('xls');
    expect(info.sheets.map((s) => s.sheet)).toEqual(['Mô hình', 'Ghi chú']);
    expect(info.sheets[0]?.headerRow).toBe(3);
    expect(info.sheets[1]?.problems[0]?.code).toBe('IMPORT_NO_HEADER');
    const t = table();
    const res = await stageSheet(db.conn, f, info, 'Mô hình', { table: t });
    expect(res.columns).toEqual(['STT', 'Mã mô hình', 'Tên mô hình', 'Ngày bắt đầu', 'Kinh phí']);
    expect(await tableRows(db.conn, t)).toEqual([
      [4, '1', 'MH001', 'Bữa cơm nghĩa tình', '2024-03-15', '1234567.5'],
      [5, '2', '00123', 'Cầu nông thôn', '2024-03-16', 'TRUE'],
    ]);
  });

  it('reads an HTML table saved as .xls by a web system', async () => {
    const html =
      '<html><body><table><tr><td>Mã</td><td>Tên mô hình</td></tr><tr><td>MH001</td><td>Bữa cơm</td></tr></table></body></html>';
    const { info, rows } = await stageFirst(tmp.write('web.xls', html));
    expect(info.format).toBe('xls');
    expect(rows).toEqual([[2, 'MH001', 'Bữa cơm']]);
  });

  it('an unreadable .xls gives FILE_XLS_UNSUPPORTED with the re-save hint', async () => {
    const buf = Buffer.from(biff());
    const cut = buf.subarray(0, 600);
    const e = await expectAtlasError(inspectFile(tmp.write('broken.xls', cut)), 'FILE_XLS_UNSUPPORTED');
    expect(e.message).toContain('Save As');
  });

  it('the biff file round-trips through detection by magic bytes', async () => {
    const f = tmp.write('old2.bin', biff());
    expect((await detectFormat(f)).format).toBe('xls');
    expect(readFileSync(f).subarray(0, 4).toString('hex')).toBe('d0cf11e0');
  });
});
