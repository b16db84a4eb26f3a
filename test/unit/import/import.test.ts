import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitFiles, previewFile } from '../../../electron/engine/import';
import { isAtlasError } from '../../../shared/errors';
import { encodeTcvn3, legacyStringToBytes } from '../../../shared/legacy-encoding';
import { openTemp, tableChecksums } from '../../helpers/workspace';
import { writeCsv, writeXlsx } from '../../helpers/files';
import type { Workspace } from '../../../electron/engine/workspace/workspace';

let t: Awaited<ReturnType<typeof openTemp>>;
let ws: Workspace;
let dir: string;
beforeEach(async () => {
  t = await openTemp();
  ws = t.ws;
  dir = t.dir;
});
afterEach(() => t.cleanup());

const UNITS = [
  'Mã ĐVHC,Tên đơn vị,Loại,Tỉnh/Thành phố,Dân số,Diện tích (km²)',
  '101,Phường An Phú,phường,Thành phố Mẫu,"50.000","5,2"',
  '00102,Xã Bình Lợi,xã,Thành phố Mẫu,20000,40',
];
const MODELS = [
  'STT,Mã mô hình,Tên mô hình,Mã ĐVHC,Lĩnh vực,Cơ quan chủ trì,Ngày bắt đầu,Tình trạng',
  '1,MH-1,Cầu nông thôn,00101,Hạ tầng giao thông nông thôn,Hội Nông dân,15/03/2024,Đang triển khai',
  '2,MH-2,Một cửa 10 bản sao,102,Cải cách hành chính,UBND phường/xã,2024-05-01,Đang triển khai',
  '3,MH-2,Trùng mã,102,Cải cách hành chính,,,',
  '4,MH-3,Ngày sai,102,Cải cách hành chính,,31/02/2024,',
  '5,MH-4,Chưa đăng ký địa bàn,99999,Lĩnh vực mới lạ,,2024,',
  ',Tổng cộng,,,,,,',
];
const VALUES = [
  'Mã mô hình;Kỳ báo cáo;Chỉ tiêu;Giá trị',
  'MH-1;03/2024;bridges_built;2',
  'MH-1;Tháng 4/2024;Cầu giao thông nông thôn;1',
  'MH-2;2024-03;Mức độ hài lòng của người dân;"90"',
  'MH-2;2024-04;satisfaction_pct;"70,5"',
  'MH-2;2024-06;funds_mobilized_vnd;1.234.567',
  'MH-9;2024-06;funds_mobilized_vnd;5',
  'MH-2;2024-07;funds_mobilized_vnd;abc',
  'MH-2;2024-08;funds_mobilized_vnd;-',
];

async function count(table: string, where = 'TRUE'): Promise<number> {
  return (
    (await ws.rows<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table} WHERE ${where}`))[0]?.n ?? -1
  );
}

async function trio() {
  const u = writeCsv(dir, 'don_vi.csv', UNITS);
  const m = writeCsv(dir, 'mo_hinh.csv', MODELS);
  const v = writeCsv(dir, 'chi_tieu.csv', VALUES, { bom: false });
  return { u, m, v };
}

describe('importing CSV files', () => {
  it('imports units, models and long values, rejecting bad rows with row, column and reason', async () => {
    const { u, m, v } = await trio();
    const reports = await commitFiles(ws, [v, m, u]); // order given does not matter
    expect(reports.map((r) => [path.basename(r.file), r.rowsImported, r.rowsRejected])).toEqual([
      ['don_vi.csv', 2, 0],
      ['mo_hinh.csv', 3, 2],
      ['chi_tieu.csv', 5, 2],
    ]);
    const rejects = await ws.rows<{ row: number; column: string; reason: string; value: string }>(
      'SELECT row, "column", reason, value FROM import_rejects ORDER BY import_id, row',
    );
    expect(rejects).toEqual([
      { row: 4, column: 'Mã mô hình', reason: 'IMPORT_DUPLICATE_ID: first at row 3', value: 'MH-2' },
      { row: 5, column: 'Ngày bắt đầu', reason: 'IMPORT_BAD_DATE', value: '31/02/2024' },
      { row: 7, column: 'Mã mô hình', reason: 'IMPORT_UNKNOWN_MODEL', value: 'MH-9' },
      { row: 8, column: 'Giá trị', reason: 'IMPORT_BAD_NUMBER', value: 'abc' },
    ]);
  });

  it('rejects a repeated model, period and indicator after the first row, even when the first was rejected', async () => {
    const { u, m } = await trio();
    const v = writeCsv(
      dir,
      'lap.csv',
      [
        'Mã mô hình;Kỳ báo cáo;Chỉ tiêu;Giá trị',
        'MH-1;03/2024;bridges_built;2', // row 2: kept
        'MH-1;2024-03;bridges_built;5', // row 3: the same value again, written another way
        'MH-2;2024-06;funds_mobilized_vnd;abc', // row 4: bad number
        'MH-2;2024-06;funds_mobilized_vnd;7', // row 5: repeats row 4's key
        'MH-2;2024-07;funds_mobilized_vnd;-', // row 6: blank, skipped
        'MH-2;2024-07;funds_mobilized_vnd;8', // row 7: kept (a blank value is not a value)
        'Tổng cộng;;;15', // row 8: a totals row, skipped
        'MH-1;2024-03;bridges_built;9', // row 9: a third copy
      ],
      { bom: false },
    );
    const reports = await commitFiles(ws, [u, m, v]);
    const r = reports.find((x) => path.basename(x.file) === 'lap.csv');
    // Skipped counts the totals row; the blank value is neither imported nor rejected (not reported).
    expect([r?.rowsImported, r?.rowsRejected, r?.sheets[0]?.rowsSkipped]).toEqual([2, 4, 1]);
    const rejects = await ws.rows<{ row: number; column: string; reason: string }>(
      `SELECT row, "column", reason FROM import_rejects WHERE reason <> 'IMPORT_DUPLICATE_ID: first at row 3'
         AND reason <> 'IMPORT_BAD_DATE' ORDER BY row`,
    );
    expect(rejects).toEqual([
      { row: 3, column: 'Giá trị', reason: 'IMPORT_DUPLICATE_VALUE' },
      { row: 4, column: 'Giá trị', reason: 'IMPORT_BAD_NUMBER' },
      { row: 5, column: 'Giá trị', reason: 'IMPORT_DUPLICATE_VALUE' },
      { row: 9, column: 'Giá trị', reason: 'IMPORT_DUPLICATE_VALUE' },
    ]);
    expect(
      await ws.rows(
        `SELECT model_id, strftime(period_start, '%Y-%m') AS p, value FROM indicator_values ORDER BY model_id, p`,
      ),
    ).toEqual([
      { model_id: 'MH-1', p: '2024-03', value: 2 },
      { model_id: 'MH-2', p: '2024-07', value: 8 },
    ]);
  });

  it('classifies rows whose identifier is numeric, or starts with T or C, by the full test', async () => {
    const u = writeCsv(dir, 'don_vi.csv', UNITS);
    const m = writeCsv(dir, 'mo_hinh.csv', [
      'Mã mô hình,Tên mô hình,Mã ĐVHC,Lĩnh vực',
      '12,Cầu số 12,00101,Hạ tầng giao thông nông thôn', // numeric id: data, not a column-number row
      'C-7,Chợ sạch,00101,An sinh xã hội', // starts with C: data, not "Cộng"
      'T1,Tuyến hẻm sáng,00102,An sinh xã hội', // starts with T: data, not "Tổng"
      '(1),(2),(3),(4)', // a column-number row
      'Cộng,,,', // a totals row
      'Người lập biểu,,,', // a signature row
    ]);
    const reports = await commitFiles(ws, [u, m]);
    const r = reports.find((x) => path.basename(x.file) === 'mo_hinh.csv');
    expect([r?.rowsImported, r?.rowsRejected, r?.sheets[0]?.rowsSkipped]).toEqual([3, 0, 3]);
    expect(
      (await ws.rows<{ model_id: string }>('SELECT model_id FROM models ORDER BY 1')).map((x) => x.model_id),
    ).toEqual(['12', 'C-7', 'T1']);
  });

  it('keeps leading zeros, parses Vietnamese numbers and periods, and maps indicator names', async () => {
    const { u, m, v } = await trio();
    await commitFiles(ws, [u, m, v]);
    expect(await ws.rows('SELECT code, population, area_km2 FROM units ORDER BY code')).toEqual([
      { code: '00101', population: 50000, area_km2: 5.2 },
      { code: '00102', population: 20000, area_km2: 40 },
    ]);
    const vals = await ws.rows<{ model_id: string; p: string; indicator_code: string; value: number }>(
      `SELECT model_id, strftime(period_start, '%Y-%m') AS p, indicator_code, value FROM indicator_values ORDER BY model_id, indicator_code, p`,
    );
    expect(vals).toEqual([
      { model_id: 'MH-1', p: '2024-03', indicator_code: 'bridges_built', value: 2 },
      { model_id: 'MH-1', p: '2024-04', indicator_code: 'bridges_built', value: 1 },
      { model_id: 'MH-2', p: '2024-06', indicator_code: 'funds_mobilized_vnd', value: 1234567 },
      { model_id: 'MH-2', p: '2024-03', indicator_code: 'satisfaction_pct', value: 90 },
      { model_id: 'MH-2', p: '2024-04', indicator_code: 'satisfaction_pct', value: 70.5 },
    ]);
  });

  it('imports a model naming an unregistered unit and reports the unit instead of rejecting it', async () => {
    const { u, m } = await trio();
    const [, models] = await commitFiles(ws, [u, m]);
    expect(models?.unregisteredUnits).toEqual(['99999']);
    expect(models?.unknownFields).toEqual(['Lĩnh vực mới lạ']);
    expect(await count('models', `model_id = 'MH-4'`)).toBe(1);
  });

  it('replaces a file’s rows when the same file is imported again', async () => {
    const { u, m, v } = await trio();
    await commitFiles(ws, [u, m, v]);
    const before = {
      models: await count('models'),
      values: await count('indicator_values'),
      units: await count('units'),
    };
    const again = await commitFiles(ws, [u, m, v]);
    expect(again.every((r) => r.replacedPrevious)).toBe(true);
    expect({
      models: await count('models'),
      values: await count('indicator_values'),
      units: await count('units'),
    }).toEqual(before);
    expect(await count('imports', `status = 'replaced'`)).toBe(3);
  });

  it('rejects the whole set and leaves the workspace unchanged when one file is unreadable', async () => {
    const { u, m } = await trio();
    await commitFiles(ws, [u]);
    const before = await tableChecksums(ws);
    const junk = path.join(dir, 'rac.csv');
    fs.writeFileSync(junk, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    await expect(commitFiles(ws, [m, junk])).rejects.toSatisfy((e) => isAtlasError(e, 'FILE_UNREADABLE'));
    expect(await tableChecksums(ws)).toEqual(before);
  });

  it('refuses an empty file and a file with a missing required column, changing nothing', async () => {
    const before = await tableChecksums(ws);
    const empty = path.join(dir, 'rong.csv');
    fs.writeFileSync(empty, '');
    await expect(commitFiles(ws, [empty])).rejects.toSatisfy((e) => isAtlasError(e, 'FILE_EMPTY'));
    const noName = writeCsv(dir, 'thieu.csv', ['Mã mô hình,Mã ĐVHC,Lĩnh vực', 'MH-1,00101,An sinh xã hội']);
    await expect(commitFiles(ws, [noName])).rejects.toSatisfy(
      (e) => isAtlasError(e, 'IMPORT_MISSING_COLUMN') || isAtlasError(e, 'IMPORT_KIND_UNKNOWN'),
    );
    expect(await tableChecksums(ws)).toEqual(before);
  });

  it('reads UTF-16 tab-separated Unicode text as Excel saves it', async () => {
    const file = path.join(dir, 'don_vi.txt');
    const text = UNITS.map((l) =>
      l
        .replace(/"50.000"/, '50000')
        .replace(/"5,2"/, '5,2')
        .split(',')
        .join('\t'),
    ).join('\r\n');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const p = await previewFile(file);
    expect(p.encoding).toMatch(/utf-?16/i);
    await commitFiles(ws, [file]);
    expect(await ws.rows('SELECT name FROM units ORDER BY code')).toEqual([
      { name: 'Phường An Phú' },
      { name: 'Xã Bình Lợi' },
    ]);
  });

  it('converts text in the legacy TCVN3 encoding to Unicode', async () => {
    const lines = [
      'Mã ĐVHC,Tên đơn vị,Loại',
      '00101,Phường An Phú,phường',
      '00102,Xã Bình Lợi,xã',
      '00103,Phường Hồ Chí Minh,phường',
    ];
    const file = path.join(dir, 'tcvn3.csv');
    fs.writeFileSync(file, legacyStringToBytes(encodeTcvn3(lines.join('\r\n'))));
    const p = await previewFile(file);
    expect(p.encoding).toBe('tcvn3');
    await commitFiles(ws, [file]);
    expect(
      (await ws.rows<{ name: string }>('SELECT name FROM units ORDER BY code')).map((r) => r.name),
    ).toEqual(['Phường An Phú', 'Xã Bình Lợi', 'Phường Hồ Chí Minh']);
  });
});

describe('importing Excel workbooks', () => {
  it('finds the header below title rows, skips STT, totals and signature rows', async () => {
    const { u } = await trio();
    await commitFiles(ws, [u]);
    const file = await writeXlsx(dir, 'bao_cao.xlsx', {
      'Mô hình': [
        ['ỦY BAN NHÂN DÂN THÀNH PHỐ MẪU'],
        ['BÁO CÁO TỔNG HỢP MÔ HÌNH DÂN VẬN KHÉO'],
        [],
        ['STT', 'Mã mô hình', 'Tên mô hình', 'Phường/Xã', 'Lĩnh vực', 'Ngày bắt đầu'],
        [
          1,
          'MH-1',
          'Chuyến xe nghĩa tình',
          'Phường An Phú',
          'Y tế – chăm sóc sức khỏe',
          new Date(Date.UTC(2024, 2, 15)),
        ],
        [2, 'MH-2', 'Thắp sáng đường quê', 'Bình Lợi', 'Hạ tầng giao thông nông thôn', '01/06/2023'],
        [null, 'Tổng cộng', null, null, null, null],
        [],
        [null, 'Người lập biểu', null, null, 'TM. BAN DÂN VẬN'],
      ],
    });
    const p = await previewFile(file);
    expect(p.sheets[0]).toMatchObject({ kind: 'models', headerRow: 4 });
    const [r] = await commitFiles(ws, [file]);
    expect(r).toMatchObject({ rowsImported: 2, rowsRejected: 0 });
    expect(
      await ws.rows(
        `SELECT model_id, unit_code, unit_name, strftime(start_date, '%Y-%m-%d') AS d FROM models ORDER BY model_id`,
      ),
    ).toEqual([
      { model_id: 'MH-1', unit_code: '00101', unit_name: 'Phường An Phú', d: '2024-03-15' },
      { model_id: 'MH-2', unit_code: '00102', unit_name: 'Xã Bình Lợi', d: '2023-06-01' },
    ]);
  });

  it('melts a wide sheet with a two-row merged header into indicator values', async () => {
    const { u, m } = await trio();
    await commitFiles(ws, [u, m]);
    const file = await writeXlsx(
      dir,
      'chi_tieu.xlsx',
      {
        '2024': [
          ['BÁO CÁO KẾT QUẢ THỰC HIỆN'],
          [],
          ['STT', 'Mã mô hình', 'Kỳ báo cáo', 'Kết quả thực hiện', null, null],
          [
            null,
            null,
            null,
            'Số căn nhà xây mới, sửa chữa (căn)',
            'Kinh phí vận động (đồng)',
            'Mức độ hài lòng của người dân (%)',
          ],
          [1, 'MH-1', '03/2024', 2, '1.500.000', null],
          [2, 'MH-2', '04/2024', null, 300000, '95,5'],
          [null, 'Tổng cộng', null, 2, 1800000, null],
        ],
      },
      { '2024': ['D3:F3', 'A3:A4', 'B3:B4', 'C3:C4'] },
    );
    const p = await previewFile(file);
    expect(p.sheets[0]?.kind).toBe('values_wide');
    expect(p.sheets[0]?.headerRows).toBe(2);
    await commitFiles(ws, [file]);
    expect(
      await ws.rows(
        `SELECT model_id, indicator_code, value FROM indicator_values ORDER BY model_id, indicator_code`,
      ),
    ).toEqual([
      { model_id: 'MH-1', indicator_code: 'funds_mobilized_vnd', value: 1500000 },
      { model_id: 'MH-1', indicator_code: 'houses_built', value: 2 },
      { model_id: 'MH-2', indicator_code: 'funds_mobilized_vnd', value: 300000 },
      { model_id: 'MH-2', indicator_code: 'satisfaction_pct', value: 95.5 },
    ]);
  });

  it('refuses a truncated workbook with a clear error', async () => {
    const file = await writeXlsx(dir, 'full.xlsx', {
      A: [
        ['Mã mô hình', 'Tên mô hình'],
        ['MH-1', 'x'],
      ],
    });
    const bytes = fs.readFileSync(file);
    const cut = path.join(dir, 'cut.xlsx');
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(commitFiles(ws, [cut])).rejects.toSatisfy((e) => isAtlasError(e, 'FILE_UNREADABLE'));
  });

  it('refuses a sheet holding only a title', async () => {
    const file = await writeXlsx(dir, 'title.xlsx', {
      'Báo cáo': [['BÁO CÁO TỔNG HỢP MÔ HÌNH DÂN VẬN KHÉO']],
    });
    await expect(commitFiles(ws, [file])).rejects.toSatisfy(
      (e) => isAtlasError(e) && /NO_HEADER|KIND_UNKNOWN|NO_ROWS/.test(e.code),
    );
  });
});

describe('importing other formats', () => {
  it('imports models from Parquet and JSON exports', async () => {
    const { u } = await trio();
    await commitFiles(ws, [u]);
    const json = path.join(dir, 'models.json');
    fs.writeFileSync(
      json,
      JSON.stringify([{ model_id: 'MH-J', name: 'Từ JSON', unit_code: '00101', field: 'An sinh xã hội' }]),
    );
    const parquetSrc = path.join(ws.stagingDir, 'src.parquet');
    await ws.exec(
      `COPY (SELECT 'MH-P' AS model_id, 'Từ Parquet' AS name, '00102' AS unit_code) TO '${parquetSrc}' (FORMAT parquet)`,
    );
    const parquet = path.join(dir, 'models.parquet');
    fs.copyFileSync(parquetSrc, parquet);
    await commitFiles(ws, [json, parquet]);
    expect(await ws.rows('SELECT model_id, name FROM models ORDER BY model_id')).toEqual([
      { model_id: 'MH-J', name: 'Từ JSON' },
      { model_id: 'MH-P', name: 'Từ Parquet' },
    ]);
  });

  const geo = path.resolve(import.meta.dirname, '../../../../shared/geo/hcmc_communes_2025.geojson');
  it.skipIf(!fs.existsSync(geo))(
    'registers the 168 real HCMC communes from ../shared/geo (skipped when absent)',
    async () => {
      const [r] = await commitFiles(ws, [geo]);
      expect(r?.rowsImported).toBe(168);
      expect(await count('boundaries')).toBe(168);
      expect(await count('units', `province = 'Thành phố Hồ Chí Minh'`)).toBe(168);
      expect(await count('units', `code = '25747' AND name = 'Phường Thủ Dầu Một' AND type = 'phường'`)).toBe(
        1,
      );
    },
  );
});

describe('importing coordinates', () => {
  it('reads decimal degrees with a dot or a decimal comma, never as thousands', async () => {
    const { u } = await trio();
    const m = writeCsv(dir, 'toa_do.csv', [
      'Mã mô hình,Tên mô hình,Mã ĐVHC,Vĩ độ,Kinh độ',
      'MH-1,A,00101,10.787182,106.691',
      'MH-2,B,00101,"10,8","106,7"',
      'MH-3,C,00101,1.234.567,106',
    ]);
    const [, r] = await commitFiles(ws, [u, m]);
    expect(r?.rowsRejected).toBe(1);
    expect(await ws.rows('SELECT model_id, lat, lon FROM models ORDER BY model_id')).toEqual([
      { model_id: 'MH-1', lat: 10.787182, lon: 106.691 },
      { model_id: 'MH-2', lat: 10.8, lon: 106.7 },
    ]);
  });
});

describe('importing text with legacy or mixed encodings', () => {
  it('converts text in the legacy VNI encoding to Unicode', async () => {
    const { encodeVni } = await import('../../../shared/legacy-encoding');
    const lines = [
      'Mã ĐVHC,Tên đơn vị,Loại',
      '00101,Phường An Phú,phường',
      '00102,Xã Bình Lợi,xã',
      '00103,Phường Hồ Chí Minh,phường',
    ];
    const file = path.join(dir, 'vni.csv');
    fs.writeFileSync(file, legacyStringToBytes(encodeVni(lines.join('\r\n'))));
    expect((await previewFile(file)).encoding).toBe('vni');
    await commitFiles(ws, [file]);
    expect(
      (await ws.rows<{ name: string }>('SELECT name FROM units ORDER BY code')).map((r) => r.name),
    ).toEqual(['Phường An Phú', 'Xã Bình Lợi', 'Phường Hồ Chí Minh']);
  });

  it('reads a mostly UTF-8 file with a few invalid bytes as UTF-8 and offers other encodings', async () => {
    const text = UNITS.join('\n') + '\n';
    const file = path.join(dir, 'tron.csv');
    fs.writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(text, 'utf8'),
        Buffer.from([0x30, 0x30, 0x31, 0x30, 0x34, 0x2c, 0xff, 0x41, 0x0a]),
      ]),
    );
    const p = await previewFile(file);
    expect(p.encoding).toBe('utf-8');
    expect(p.encodingChoices).toContain('windows-1258');
    expect(p.sheets[0]?.kind).toBe('units');
    await commitFiles(ws, [file]);
    expect((await ws.rows<{ name: string }>(`SELECT name FROM units WHERE code = '00101'`))[0]?.name).toBe(
      'Phường An Phú',
    );
  });
});
