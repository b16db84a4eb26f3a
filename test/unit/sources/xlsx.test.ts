import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { inspectFile, stageSheet } from '../../../electron/engine/import/sources';
import { encodeTcvn3 } from '../../../shared/legacy-encoding';
import {
  expectAtlasError,
  istr,
  makeZip,
  memoryDb,
  num,
  rawXlsx,
  tableColumns,
  tableRows,
  tempDir,
} from './helpers';

const tmp = tempDir();
let db: { conn: DuckDBConnection; close: () => void };
let n = 0;
const table = (): string => `x_${++n}`;

beforeAll(async () => {
  db = await memoryDb();
});
afterAll(() => {
  db.close();
  tmp.cleanup();
});

async function stage(file: string, sheet: string, opts: { headerRow?: number; headerRows?: 1 | 2 } = {}) {
  const info = await inspectFile(file);
  const t = table();
  const res = await stageSheet(db.conn, file, info, sheet, { table: t, ...opts });
  return { info, res, rows: await tableRows(db.conn, t), t };
}

/** The report workbook most tests use: titles, header on row 5, a two-row header sheet, a title-only sheet. */
async function reportWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Mô hình');
  ws.getCell('A1').value = 'ỦY BAN NHÂN DÂN PHƯỜNG SÀI GÒN';
  ws.getCell('E1').value = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  ws.getCell('E2').value = 'Độc lập - Tự do - Hạnh phúc';
  ws.mergeCells('A3:F3');
  ws.getCell('A3').value = 'BÁO CÁO TỔNG HỢP MÔ HÌNH DÂN VẬN KHÉO NĂM 2025';
  ws.getRow(5).values = ['STT', 'Mã mô hình', 'Tên mô hình', 'Mã ĐVHC', 'Ngày bắt đầu', 'Kinh phí (đồng)'];
  ws.getRow(6).values = [
    1,
    'MH001',
    'Bữa cơm nghĩa tình',
    '00123',
    new Date(Date.UTC(2024, 2, 15)),
    1234567.5,
  ];
  ws.getCell('E6').numFmt = 'dd/mm/yyyy';
  ws.getRow(7).values = [
    2,
    'MH002',
    { richText: [{ text: 'Cầu ' }, { text: 'nông thôn', font: { bold: true } }] },
    '26734',
    '01/04/2024',
    0.1 + 0.2,
  ];
  ws.getRow(9).values = ['', 'Tổng cộng', '', '', '', { formula: 'SUM(F6:F7)', result: 1234567.8 }];
  ws.getRow(10).values = [
    '',
    '',
    { formula: 'C6&"!"' },
    '',
    { formula: 'E6+1', result: 45367 },
    { formula: '1/0', result: { error: '#DIV/0!' } },
  ];
  ws.getCell('E10').numFmt = 'dd/mm/yyyy';
  ws.getRow(12).values = ['', '', '', '', 'Người lập biểu'];

  const two = wb.addWorksheet('Kết quả');
  two.getCell('A1').value = 'BÁO CÁO KẾT QUẢ THỰC HIỆN';
  two.getRow(3).values = ['STT', 'Tên mô hình', 'Kết quả thực hiện', '', '', 'Ghi chú'];
  two.getRow(4).values = ['', '', 'Số căn nhà xây mới', 'Số hộ được hỗ trợ', 'Kinh phí vận động (đồng)', ''];
  two.mergeCells('A3:A4');
  two.mergeCells('B3:B4');
  two.mergeCells('C3:E3');
  two.mergeCells('F3:F4');
  two.getRow(5).values = ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'];
  two.getRow(6).values = [1, 'Mô hình A', 3, 12, 150000000, true];
  two.getRow(7).values = [2, 'Mô hình B', 1, 4, 20000000, null];

  const title = wb.addWorksheet('Ghi chú');
  title.getCell('A1').value = 'BÁO CÁO TỔNG HỢP';
  title.getCell('A3').value = '(Kèm theo Công văn số 12/UBND-VX)';

  const hidden = wb.addWorksheet('Ẩn', { state: 'hidden' });
  hidden.addRow(['Mã', 'Tên']);
  hidden.addRow(['1', 'x']);
  const f = tmp.file(`report-${++n}.xlsx`);
  await wb.xlsx.writeFile(f);
  return f;
}

describe('xlsx: inspect', () => {
  it('lists every sheet with header rows, two-row headers, samples and problems', async () => {
    const f = await reportWorkbook();
    const info = await inspectFile(f);
    expect(info.format).toBe('xlsx');
    expect(info.encoding).toBeUndefined();
    expect(info.sheets.map((s) => s.sheet)).toEqual(['Mô hình', 'Kết quả', 'Ghi chú', 'Ẩn']);
    const [models, results, notes, hidden] = info.sheets;
    expect(models?.headerRow).toBe(5);
    expect(models?.headerRows).toBe(1);
    expect(models?.headers).toEqual([
      'STT',
      'Mã mô hình',
      'Tên mô hình',
      'Mã ĐVHC',
      'Ngày bắt đầu',
      'Kinh phí (đồng)',
    ]);
    expect(models?.sampleRows[0]).toEqual([
      '1',
      'MH001',
      'Bữa cơm nghĩa tình',
      '00123',
      '2024-03-15',
      '1234567.5',
    ]);
    expect(models?.rowCount).toBe(5);
    expect(models?.problems).toContainEqual(
      expect.objectContaining({ code: 'FORMULA_NO_VALUE', row: 10, column: 'C' }),
    );

    expect(results?.headerRow).toBe(4);
    expect(results?.headerRows).toBe(2);
    expect(results?.headers).toEqual([
      'STT',
      'Tên mô hình',
      'Kết quả thực hiện / Số căn nhà xây mới',
      'Kết quả thực hiện / Số hộ được hỗ trợ',
      'Kết quả thực hiện / Kinh phí vận động (đồng)',
      'Ghi chú',
    ]);
    expect(results?.problems).toContainEqual(
      expect.objectContaining({ code: 'COLUMN_NUMBERING_ROW', row: 5 }),
    );

    expect(notes?.headerRow).toBe(0);
    expect(notes?.problems[0]?.code).toBe('IMPORT_NO_HEADER');
    expect(hidden?.problems).toContainEqual(expect.objectContaining({ code: 'SHEET_HIDDEN' }));
  });
});

describe('xlsx: stage', () => {
  it('stages a sheet below its title rows with Excel row numbers and cell text rules', async () => {
    const f = await reportWorkbook();
    const { res, rows, t } = await stage(f, 'Mô hình');
    expect(await tableColumns(db.conn, t)).toEqual([
      '_row INTEGER',
      ...['c0', 'c1', 'c2', 'c3', 'c4', 'c5'].map((c) => `${c} VARCHAR`),
    ]);
    expect(res.columns[2]).toBe('Tên mô hình');
    expect(rows).toEqual([
      [6, '1', 'MH001', 'Bữa cơm nghĩa tình', '00123', '2024-03-15', '1234567.5'],
      [7, '2', 'MH002', 'Cầu nông thôn', '26734', '01/04/2024', '0.30000000000000004'],
      [9, null, 'Tổng cộng', null, null, null, '1234567.8'],
      [10, null, null, null, null, '2024-03-16', null],
      [12, null, null, null, null, 'Người lập biểu', null],
    ]);
    expect(res.problems).toContainEqual(
      expect.objectContaining({ code: 'FORMULA_NO_VALUE', row: 10, column: 'C' }),
    );
  });

  it('stages a two-row merged header sheet (booleans TRUE/FALSE, numbering row kept)', async () => {
    const f = await reportWorkbook();
    const { res, rows } = await stage(f, 'Kết quả');
    expect(res.columns[3]).toBe('Kết quả thực hiện / Số hộ được hỗ trợ');
    expect(rows).toEqual([
      [5, '(1)', '(2)', '(3)', '(4)', '(5)', '(6)'],
      [6, '1', 'Mô hình A', '3', '12', '150000000', 'TRUE'],
      [7, '2', 'Mô hình B', '1', '4', '20000000', null],
    ]);
  });

  it('honours a user-chosen header row', async () => {
    const f = await reportWorkbook();
    const { res, rows } = await stage(f, 'Kết quả', { headerRow: 5, headerRows: 1 });
    expect(res.columns).toEqual(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)']);
    expect(rows.map((r) => r[0])).toEqual([6, 7]);
  });

  it('refuses to stage a title-only sheet', async () => {
    const f = await reportWorkbook();
    const info = await inspectFile(f);
    const e = await expectAtlasError(
      stageSheet(db.conn, f, info, 'Ghi chú', { table: table() }),
      'IMPORT_NO_HEADER',
    );
    expect(e.details?.sheet).toBe('Ghi chú');
    await expectAtlasError(stageSheet(db.conn, f, info, 'Không có', { table: table() }), 'REQUEST_INVALID');
  });

  it('keeps Vietnamese text intact across stream chunk boundaries (large shared strings)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['Mã', 'Tên mô hình', 'Phường']);
    const names: string[] = [];
    for (let i = 0; i < 6000; i++) {
      const name = `Mô hình “Dân vận khéo” số ${i} – Phường Bến Thành, Quận Nhất`;
      names.push(name);
      ws.addRow([`MH${i}`, name, `Phường ${i % 168}`]);
    }
    const f = tmp.file('chunks.xlsx');
    await wb.xlsx.writeFile(f);
    const { rows } = await stage(f, 'Data');
    expect(rows).toHaveLength(6000);
    expect(rows.filter((r, i) => r[2] !== names[i]).length).toBe(0);
    expect(rows.some((r) => String(r[2]).includes('\ufffd'))).toBe(false);
  });

  it('handles a 1,000-column sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Wide');
    ws.addRow(Array.from({ length: 1000 }, (_, i) => `Chỉ tiêu ${i + 1}`));
    for (let r = 0; r < 50; r++) ws.addRow(Array.from({ length: 1000 }, (_, i) => r * 1000 + i));
    const f = tmp.file('wide.xlsx');
    await wb.xlsx.writeFile(f);
    const info = await inspectFile(f);
    expect(info.sheets[0]?.headers).toHaveLength(1000);
    const { res, rows } = await stage(f, 'Wide');
    expect(res.columns).toHaveLength(1000);
    expect(rows).toHaveLength(50);
    expect(rows[49]?.[1000]).toBe('49999');
  });

  it('does not allocate for a huge claimed dimension; reads inline strings, errors, booleans, shared formulas', async () => {
    const rows =
      `<row r="1">${istr('A1', 'Mã')}${istr('B1', 'Giá trị')}${istr('C1', 'Ghi chú')}</row>` +
      `<row r="2">${istr('A2', 'MH1')}${num('B2', 5)}<c r="C2" t="b"><v>1</v></c></row>` +
      `<row r="3">${istr('A3', 'MH2')}<c r="B3"><f t="shared" ref="B3:B4" si="0">B2*2</f><v>10</v></c><c r="C3" t="e"><v>#N/A</v></c></row>` +
      `<row r="4">${istr('A4', 'MH3')}<c r="B4"><f t="shared" si="0"/><v>20</v></c><c r="C4" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>` +
      `<row r="5">${istr('A5', 'MH4')}<c r="B5" t="d"><v>2024-03-15</v></c><c r="C5" t="d"><v>2024-03-15T08:30:00</v></c></row>` +
      `<row r="1048576">${istr('A1048576', 'cuối')}</row>`;
    const f = tmp.write('huge-dim.xlsx', rawXlsx([{ name: 'S', rows, dimension: 'A1:XFD1048576' }]));
    const before = process.memoryUsage().rss;
    const { rows: got } = await stage(f, 'S');
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    expect(got).toEqual([
      [2, 'MH1', '5', 'TRUE'],
      [3, 'MH2', '10', null],
      [4, 'MH3', '20', 'ab'],
      [5, 'MH4', '2024-03-15', '2024-03-15 08:30:00'],
      [1048576, 'cuối', null, null],
    ]);
  });

  it('reads rich inline strings, cells without references and Excel _xHHHH_ escapes', async () => {
    const rows =
      '<row><c t="inlineStr"><is><t>Mã</t></is></c><c t="s"><v>0</v></c></row>' +
      '<row><c t="inlineStr"><is><r><t>Cầu </t></r><r><rPr><b/></rPr><t>nông thôn</t></r></is></c><c t="s"><v>1</v></c></row>';
    const f = tmp.write(
      'rich-inline.xlsx',
      rawXlsx([{ name: 'S', rows }], { sharedStrings: ['Ghi_x000D_\nchú', 'dòng 1_x000D_\ndòng 2'] }),
    );
    const { info, rows: got } = await stage(f, 'S');
    expect(info.sheets[0]?.headers).toEqual(['Mã', 'Ghi chú']);
    expect(got).toEqual([[2, 'Cầu nông thôn', 'dòng 1\r\ndòng 2']]);
  });

  it('reads dates with builtin formats and the 1904 date system', async () => {
    const styles =
      '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/></numFmts>' +
      '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>' +
      '<cellStyleXfs count="1"><xf/></cellStyleXfs>' +
      '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>';
    const rows =
      `<row r="1">${istr('A1', 'Ngày')}${istr('B1', 'Lúc')}</row>` +
      `<row r="2">${num('A2', 45366, 1)}${num('B2', 45366.5, 2)}</row>`;
    const f1900 = tmp.write('d1900.xlsx', rawXlsx([{ name: 'S', rows }], { styles }));
    expect((await stage(f1900, 'S')).rows).toEqual([[2, '2024-03-15', '2024-03-15 12:00:00']]);
    const f1904 = tmp.write('d1904.xlsx', rawXlsx([{ name: 'S', rows }], { styles, date1904: true }));
    expect((await stage(f1904, 'S')).rows).toEqual([[2, '2028-03-16', '2028-03-16 12:00:00']]);
  });

  it('repairs TCVN3 (.VnTime) text typed in old templates', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['Tên mô hình', 'Phường/Xã', 'Lĩnh vực'].map((s) => encodeTcvn3(s)));
    ws.addRow(['Bữa cơm nghĩa tình', 'Phường Sài Gòn', 'An sinh xã hội'].map((s) => encodeTcvn3(s)));
    ws.addRow(['Cầu nông thôn', 'Xã Bình Chánh', 'Hạ tầng giao thông nông thôn'].map((s) => encodeTcvn3(s)));
    const f = tmp.file('tcvn3.xlsx');
    await wb.xlsx.writeFile(f);
    const info = await inspectFile(f);
    expect(info.encoding).toBe('tcvn3');
    expect(info.sheets[0]?.headers).toEqual(['Tên mô hình', 'Phường/Xã', 'Lĩnh vực']);
    const t = table();
    await stageSheet(db.conn, f, info, 'Data', { table: t });
    expect((await tableRows(db.conn, t))[0]).toEqual([
      2,
      'Bữa cơm nghĩa tình',
      'Phường Sài Gòn',
      'An sinh xã hội',
    ]);
    expect(info.encodingChoices).toContain('unicode');
    const raw = await inspectFile(f, { encoding: 'unicode' });
    expect(raw.encoding).toBe('unicode');
    expect(raw.sheets[0]?.headers[0]).toBe(encodeTcvn3('Tên mô hình'));
    const t2 = table();
    await stageSheet(db.conn, f, info, 'Data', { table: t2, encoding: 'unicode' });
    expect((await tableRows(db.conn, t2))[0]?.[1]).toBe(encodeTcvn3('Bữa cơm nghĩa tình'));
  });

  it('truncated workbook → FILE_UNREADABLE; a zip that is no workbook → FILE_FORMAT_UNKNOWN', async () => {
    const f = await reportWorkbook();
    const buf = readFileSync(f);
    const cut = tmp.write('cut.xlsx', buf.subarray(0, Math.floor(buf.length / 2)));
    await expectAtlasError(inspectFile(cut), 'FILE_UNREADABLE');
    const corrupt = Buffer.from(buf);
    // damage compressed data of every entry but keep the central directory
    for (let i = 200; i < corrupt.length - 2000; i += 97) corrupt[i] = (corrupt[i] ?? 0) ^ 0x5a;
    writeFileSync(tmp.file('corrupt.xlsx'), corrupt);
    await expectAtlasError(inspectFile(tmp.file('corrupt.xlsx')), 'FILE_UNREADABLE');
    const other = tmp.write('doc.xlsx', makeZip({ 'word/document.xml': '<w/>' }));
    await expectAtlasError(inspectFile(other), 'FILE_FORMAT_UNKNOWN');
  });

  it('cancels staging via AbortSignal and drops the table', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['Mã', 'Giá trị']);
    for (let i = 0; i < 20000; i++) ws.addRow([`MH${i}`, i]);
    const f = tmp.file('cancel.xlsx');
    await wb.xlsx.writeFile(f);
    const info = await inspectFile(f);
    const ac = new AbortController();
    const t = table();
    const p = stageSheet(db.conn, f, info, 'Data', {
      table: t,
      signal: ac.signal,
      onProgress: () => ac.abort(),
    });
    await expectAtlasError(p, 'CANCELLED');
    const left = await db.conn.runAndReadAll(
      `SELECT count(*)::INTEGER FROM duckdb_tables() WHERE table_name = '${t}'`,
    );
    expect(left.getRows()[0]?.[0]).toBe(0);
  });
});
