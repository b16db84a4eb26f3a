import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { inspectFile, stageSheet } from '../../../electron/engine/import/sources';
import { CsvScanner, parseRecords, sniffDelimiter } from '../../../electron/engine/import/sources/csv';
import {
  completeUtf8Length,
  detectEncoding,
  looksBinary,
} from '../../../electron/engine/import/sources/text-decode';
import { encodeTcvn3, encodeVni, legacyStringToBytes } from '../../../shared/legacy-encoding';
import { expectAtlasError, memoryDb, tableColumns, tableRows, tempDir } from './helpers';

const tmp = tempDir();
let db: { conn: DuckDBConnection; close: () => void };
let n = 0;
const table = (): string => `stg_${++n}`;

beforeAll(async () => {
  db = await memoryDb();
});
afterAll(() => {
  db.close();
  tmp.cleanup();
});

const MODELS = [
  'Mã mô hình,Tên mô hình,Mã ĐVHC,Phường/Xã,Kinh phí vận động (đồng)',
  'MH001,Bữa cơm nghĩa tình,00123,Phường Sài Gòn,1.234.567',
  'MH002,Cầu nông thôn,26734,Xã Bình Chánh,"12,5"',
].join('\n');

/** windows-1258 bytes as Vietnamese Windows writes them: precomposed base letters + a combining tone mark. */
function encode1258(text: string): Buffer {
  const parts: Buffer[] = [];
  for (const ch of text) {
    const direct = iconv.encode(ch, 'windows-1258');
    if (iconv.decode(direct, 'windows-1258') === ch) {
      parts.push(direct);
      continue;
    }
    const d = ch.normalize('NFD');
    const tone = [...d].find((m) => '\u0300\u0301\u0303\u0309\u0323'.includes(m)) ?? '';
    const base = [...d]
      .filter((m) => m !== tone)
      .join('')
      .normalize('NFC');
    parts.push(iconv.encode(base + tone, 'windows-1258'));
  }
  return Buffer.concat(parts);
}

async function stageAll(file: string, opts: { encoding?: string } = {}) {
  const info = await inspectFile(file, opts);
  const sheet = info.sheets[0];
  if (!sheet) throw new Error('no sheet');
  const t = table();
  const res = await stageSheet(db.conn, file, info, sheet.sheet, { table: t, ...opts });
  return { info, res, rows: await tableRows(db.conn, t), t };
}

describe('csv.ts pure helpers', () => {
  it('parses quoted fields with delimiters, quotes and newlines, and tracks lines', () => {
    const recs = parseRecords('a,b\n"x, y","say ""hi""\nthere"\n\n3,4', ',', 100, true);
    expect(recs).toEqual([
      { line: 1, endLine: 1, cells: ['a', 'b'] },
      { line: 2, endLine: 3, cells: ['x, y', 'say "hi"\nthere'] },
      { line: 4, endLine: 4, cells: [] },
      { line: 5, endLine: 5, cells: ['3', '4'] },
    ]);
  });

  it('drops a record cut by the end of a partial sample', () => {
    expect(parseRecords('a,b\n1,"unfinished', ',', 100, false)).toHaveLength(1);
    expect(parseRecords('a,b\r\n1,2\r\n', ',', 100, false)).toHaveLength(2);
  });

  it('sniffs , ; tab and | quote-aware', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3\n4,5,6\n')).toBe(',');
    expect(sniffDelimiter('Mã;Tên;Giá trị\nMH1;"A, B";12,5\nMH2;C;1.234,5\n')).toBe(';');
    expect(sniffDelimiter('Mã\tTên\tGhi chú\nMH1\tXã A, huyện B\tx\nMH2\tC\ty\n')).toBe('\t');
    expect(sniffDelimiter('a|b\n1|2\n')).toBe('|');
    expect(sniffDelimiter('"a,b";c\n"1,2";3\n"4,5";6\n')).toBe(';');
    expect(sniffDelimiter('only\none\ncolumn\n')).toBe(',');
  });

  it('scans records like DuckDB: blank lines skipped, CR/CRLF, multi-line quotes, chunk boundaries', () => {
    const text = Buffer.from('T\r\n\r\nA,B\r\n1,"x\r\ny"\r\n\r\n  \r\n2,3,4\r5,6');
    for (const size of [1, 2, 3, 7, text.length]) {
      const s = new CsvScanner(44, 2);
      for (let i = 0; i < text.length; i += size) s.write(text.subarray(i, i + size));
      const r = s.finish();
      expect(r.records).toBe(6);
      expect(r.maxFields).toBe(3);
      expect(r.multiLine).toBe(true);
      // record 2 starts at line 4, record 3 ("  ") at line 7 (after a 2-line record and a blank), 4 at 8, 5 at 9
      expect(r.breakRecords).toEqual([2, 3]);
      expect(r.breakLines).toEqual([4, 7]);
    }
  });

  it('checks UTF-8 across chunk boundaries', () => {
    const bytes = Buffer.from('Phường Sài Gòn,ấp\n', 'utf8');
    const s = new CsvScanner(44, 0);
    for (let i = 0; i < bytes.length; i++) s.write(bytes.subarray(i, i + 1));
    expect(s.finish().validUtf8).toBe(true);
    const bad = new CsvScanner(44, 0);
    bad.write(Buffer.from([0x61, 0xc3, 0x28, 0x0a]));
    expect(bad.finish().validUtf8).toBe(false);
    expect(completeUtf8Length(Buffer.from([0x61, 0xe1, 0xba]))).toBe(1);
  });

  it('detects encodings and binary junk', () => {
    expect(detectEncoding(Buffer.from('\ufeffa,b', 'utf8'), true)).toEqual({ encoding: 'utf-8', bom: 3 });
    expect(detectEncoding(Buffer.from('a,b\nPhường', 'utf8'), true)).toEqual({ encoding: 'utf-8', bom: 0 });
    expect(
      detectEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\tb', 'utf16le')]), true)
        .encoding,
    ).toBe('utf-16le');
    expect(detectEncoding(Buffer.from('Mã\tTên\r\n1\t2', 'utf16le'), true).encoding).toBe('utf-16le');
    expect(detectEncoding(iconv.encode('Ma\tTen\r\n1\t2', 'utf-16be'), true).encoding).toBe('utf-16be');
    expect(looksBinary(Buffer.from([0, 1, 2, 3, 0, 0, 65, 66]))).toBe(true);
    expect(looksBinary(Buffer.from('plain text\n'))).toBe(false);
  });
});

describe('text files: inspect and stage', () => {
  it('UTF-8 without BOM: header, sample, leading zeros kept, _row = line number', async () => {
    const f = tmp.write('models.csv', MODELS + '\n');
    const { info, res, rows, t } = await stageAll(f);
    expect(info.format).toBe('csv');
    expect(info.encoding).toBe('utf-8');
    expect(info.delimiter).toBe(',');
    expect(info.encodingChoices).toBeUndefined();
    const sheet = info.sheets[0];
    expect(sheet?.headerRow).toBe(1);
    expect(sheet?.headers).toEqual([
      'Mã mô hình',
      'Tên mô hình',
      'Mã ĐVHC',
      'Phường/Xã',
      'Kinh phí vận động (đồng)',
    ]);
    expect(sheet?.sampleRows[0]).toEqual([
      'MH001',
      'Bữa cơm nghĩa tình',
      '00123',
      'Phường Sài Gòn',
      '1.234.567',
    ]);
    expect(sheet?.rowCount).toBe(2);
    expect(res.rowCount).toBe(2);
    expect(res.columns).toEqual(sheet?.headers);
    expect(await tableColumns(db.conn, t)).toEqual([
      '_row INTEGER',
      'c0 VARCHAR',
      'c1 VARCHAR',
      'c2 VARCHAR',
      'c3 VARCHAR',
      'c4 VARCHAR',
    ]);
    expect(rows).toEqual([
      [2, 'MH001', 'Bữa cơm nghĩa tình', '00123', 'Phường Sài Gòn', '1.234.567'],
      [3, 'MH002', 'Cầu nông thôn', '26734', 'Xã Bình Chánh', '12,5'],
    ]);
  });

  it('UTF-8 with BOM, CRLF, title rows and blank lines above the header', async () => {
    const text =
      '\ufeffBÁO CÁO TỔNG HỢP MÔ HÌNH\r\n\r\n' +
      MODELS.replace(/\n/g, '\r\n') +
      '\r\n\r\nTổng cộng,,,,1.234.579,5\r\n';
    const f = tmp.write('bom.csv', text);
    const { info, rows } = await stageAll(f);
    expect(info.encoding).toBe('utf-8');
    expect(info.sheets[0]?.headerRow).toBe(3);
    expect(info.sheets[0]?.headers[0]).toBe('Mã mô hình');
    expect(rows.map((r) => r[0])).toEqual([4, 5, 7]);
    expect(rows[2]?.[1]).toBe('Tổng cộng');
  });

  it('UTF-16LE tab-separated .txt (Excel "Unicode text")', async () => {
    const text =
      'Mã mô hình\tTên mô hình\tSố hộ\r\nMH001\tBữa cơm "nghĩa tình"\t12\r\nMH002\tCầu, đường\t3\r\n';
    const f = tmp.write(
      'unicode.txt',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    const { info, rows } = await stageAll(f);
    expect(info.encoding).toBe('utf-16le');
    expect(info.delimiter).toBe('\t');
    expect(info.sheets[0]?.headers).toEqual(['Mã mô hình', 'Tên mô hình', 'Số hộ']);
    expect(rows).toEqual([
      [2, 'MH001', 'Bữa cơm "nghĩa tình"', '12'],
      [3, 'MH002', 'Cầu, đường', '3'],
    ]);
  });

  it('semicolon-separated with Vietnamese decimal commas', async () => {
    const f = tmp.write('semi.csv', 'Mã;Tên;Giá trị\nMH1;Mô hình A;12,5\nMH2;Mô hình B;1.234,75\n');
    const { info, rows } = await stageAll(f);
    expect(info.delimiter).toBe(';');
    expect(rows).toEqual([
      [2, 'MH1', 'Mô hình A', '12,5'],
      [3, 'MH2', 'Mô hình B', '1.234,75'],
    ]);
  });

  it('quoted fields with embedded delimiters, newlines and quotes keep exact line numbers', async () => {
    const text = [
      'Mã,Mô tả,Ghi chú',
      'MH1,"Dòng 1',
      'Dòng 2, vẫn ô đó","Nói ""khéo"""',
      '',
      'MH2,Thường,',
      'MH3,"a',
      '',
      'b",x',
      'MH4,,',
    ].join('\n');
    const f = tmp.write('quoted.csv', text);
    const { rows } = await stageAll(f);
    expect(rows).toEqual([
      [2, 'MH1', 'Dòng 1\nDòng 2, vẫn ô đó', 'Nói "khéo"'],
      [5, 'MH2', 'Thường', null],
      [6, 'MH3', 'a\n\nb', 'x'],
      [9, 'MH4', null, null],
    ]);
  });

  it('ragged rows: short rows padded with null, long rows widen the table', async () => {
    const f = tmp.write('ragged.csv', 'A,B\n1\n2,3,4\n');
    const { res, rows } = await stageAll(f);
    expect(res.columns).toEqual(['A', 'B', '']);
    expect(rows).toEqual([
      [2, '1', null, null],
      [3, '2', '3', '4'],
    ]);
  });

  it('normalises decomposed (NFD) text to NFC', async () => {
    const f = tmp.write(
      'nfd.csv',
      'Tên,Phường\n' + 'Mô hình Hồ Chí Minh,Phường Bến Thành'.normalize('NFD') + '\n',
    );
    const { rows } = await stageAll(f);
    expect(rows[0]?.[1]).toBe('Mô hình Hồ Chí Minh');
    expect(rows[0]?.[2]).toBe('Phường Bến Thành');
  });

  it('windows-1258 bytes are detected and transcoded', async () => {
    const text = 'Tên,Đơn vị\nMô hình,Phường Bến Thành\nCầu đường,Xã Bình Chánh\n';
    const f = tmp.write('cp1258.csv', encode1258(text));
    const { info, rows } = await stageAll(f);
    expect(info.encoding).toBe('windows-1258');
    expect(info.encodingChoices).toContain('windows-1252');
    expect(rows[0]).toEqual([2, 'Mô hình', 'Phường Bến Thành']);
  });

  it('TCVN3 (ABC) encoded CSV is detected and decoded', async () => {
    const text =
      'Tên mô hình,Phường/Xã,Lĩnh vực\nBữa cơm nghĩa tình,Phường Sài Gòn,An sinh xã hội\nCầu nông thôn,Xã Bình Chánh,Hạ tầng giao thông nông thôn\nĐường hoa,Phường Bến Thành,Chỉnh trang đô thị\n';
    const f = tmp.write('tcvn3.csv', legacyStringToBytes(encodeTcvn3(text)));
    const { info, rows } = await stageAll(f);
    expect(info.encoding).toBe('tcvn3');
    expect(info.sheets[0]?.headers).toEqual(['Tên mô hình', 'Phường/Xã', 'Lĩnh vực']);
    expect(rows[0]).toEqual([2, 'Bữa cơm nghĩa tình', 'Phường Sài Gòn', 'An sinh xã hội']);
    expect(rows[2]?.[1]).toBe('Đường hoa');
  });

  it('VNI encoded CSV is detected and decoded', async () => {
    const text =
      'Tên mô hình;Phường/Xã\nBữa cơm nghĩa tình;Phường Sài Gòn\nCầu nông thôn;Xã Bình Chánh\nThắp sáng đường quê;Xã Tân Nhựt\n';
    const f = tmp.write('vni.csv', legacyStringToBytes(encodeVni(text)));
    const { info, rows } = await stageAll(f);
    expect(info.encoding).toBe('vni');
    expect(info.delimiter).toBe(';');
    expect(rows).toEqual([
      [2, 'Bữa cơm nghĩa tình', 'Phường Sài Gòn'],
      [3, 'Cầu nông thôn', 'Xã Bình Chánh'],
      [4, 'Thắp sáng đường quê', 'Xã Tân Nhựt'],
    ]);
  });

  it('opts.encoding overrides detection', async () => {
    const text = 'Tên,Ghi chú\nCầu nông thôn,Xã Bình Chánh\n';
    const f = tmp.write('override.csv', legacyStringToBytes(encodeVni(text)));
    const { info, rows } = await stageAll(f, { encoding: 'VNI' });
    expect(info.encoding).toBe('vni');
    expect(rows[0]).toEqual([2, 'Cầu nông thôn', 'Xã Bình Chánh']);
  });

  it('invalid UTF-8 further down than the sample is replaced with a warning', async () => {
    const head = 'Mã,Tên\n' + 'MH1,Phường Sài Gòn\n'.repeat(80_000);
    const f = tmp.write(
      'mixed.csv',
      Buffer.concat([Buffer.from(head, 'utf8'), Buffer.from([0x4d, 0x48, 0x32, 0x2c, 0xe0, 0x0a])]),
    );
    const { res, rows } = await stageAll(f);
    expect(res.problems.map((p) => p.code)).toContain('INVALID_UTF8');
    expect(rows).toHaveLength(80_001);
    expect(rows[80_000]).toEqual([80_002, 'MH2', '\ufffd']);
  });

  it('a user-chosen header row and a two-row header', async () => {
    const text = 'STT,Tên,Kết quả,,\n,,Số hộ,Kinh phí,Số người\n1,A,3,"1.000",20\n2,B,4,5,6\n';
    const f = tmp.write('two.csv', text);
    const info = await inspectFile(f);
    expect(info.sheets[0]?.headerRow).toBe(2);
    expect(info.sheets[0]?.headerRows).toBe(2);
    expect(info.sheets[0]?.headers).toEqual([
      'STT',
      'Tên',
      'Kết quả / Số hộ',
      'Kết quả / Kinh phí',
      'Kết quả / Số người',
    ]);
    const t = table();
    const res = await stageSheet(db.conn, f, info, info.sheets[0]?.sheet ?? '', {
      table: t,
      headerRow: 3,
      headerRows: 1,
    });
    expect(res.columns).toEqual(['1', 'A', '3', '1.000', '20']);
    expect(await tableRows(db.conn, t)).toEqual([[4, '2', 'B', '4', '5', '6']]);
  });

  it('a column numbering row below the header is reported', async () => {
    const f = tmp.write('numbering.csv', 'Mã,Tên,Số hộ\n(1),(2),(3)\nMH1,A,3\n');
    const info = await inspectFile(f);
    expect(info.sheets[0]?.problems).toContainEqual(
      expect.objectContaining({ code: 'COLUMN_NUMBERING_ROW', row: 2 }),
    );
  });

  it('a file with only a title has no header (IMPORT_NO_HEADER problem, staging refuses)', async () => {
    const f = tmp.write('title.csv', 'BÁO CÁO TỔNG HỢP\n');
    const info = await inspectFile(f);
    expect(info.sheets[0]?.problems[0]?.code).toBe('IMPORT_NO_HEADER');
    await expectAtlasError(
      stageSheet(db.conn, f, info, info.sheets[0]?.sheet ?? '', { table: table() }),
      'IMPORT_NO_HEADER',
    );
  });

  it('paths with quotes and glob characters are staged through a safe copy', async () => {
    const f = tmp.write("it's [a]*.csv", MODELS);
    const { rows } = await stageAll(f);
    expect(rows).toHaveLength(2);
  });

  it('errors: empty, blank, binary junk, missing', async () => {
    await expectAtlasError(inspectFile(tmp.write('empty.csv', '')), 'FILE_EMPTY');
    await expectAtlasError(inspectFile(tmp.write('blank.csv', '\n  \r\n')), 'FILE_EMPTY');
    const junk = Buffer.alloc(4096);
    for (let i = 0; i < junk.length; i++) junk[i] = ((i * 7919) % 256) & (i % 3 ? 0xff : 0);
    await expectAtlasError(inspectFile(tmp.write('junk.csv', junk)), 'FILE_UNREADABLE');
    await expectAtlasError(inspectFile(tmp.file('missing.csv')), 'FILE_NOT_FOUND');
    await expectAtlasError(inspectFile(tmp.write('doc.csv', '%PDF-1.4 ...')), 'FILE_FORMAT_UNKNOWN');
  });

  it('large file: exact line numbers with parallel reading, and cancellation', async () => {
    const lines = ['Tiêu đề', '', 'Mã,Giá trị,Ghi chú'];
    for (let i = 0; i < 200_000; i++) lines.push(`MH${i},${i * 1.5},${i % 1000 === 0 ? '' : 'x'}`);
    lines.splice(100_000, 0, '');
    const f = tmp.write('big.csv', lines.join('\n') + '\n');
    const { res, t } = await stageAll(f);
    expect(res.rowCount).toBe(200_000);
    const bad = await db.conn.runAndReadAll(
      `SELECT count(*)::INTEGER FROM "${t}" WHERE _row <> CAST(substr(c0, 3) AS INTEGER) + 4 + (CASE WHEN CAST(substr(c0, 3) AS INTEGER) >= 99997 THEN 1 ELSE 0 END)`,
    );
    expect(bad.getRows()[0]?.[0]).toBe(0);

    const info = await inspectFile(f);
    const ac = new AbortController();
    ac.abort();
    const t2 = table();
    await expectAtlasError(
      stageSheet(db.conn, f, info, info.sheets[0]?.sheet ?? '', { table: t2, signal: ac.signal }),
      'CANCELLED',
    );
    const ac2 = new AbortController();
    const p = stageSheet(db.conn, f, info, info.sheets[0]?.sheet ?? '', {
      table: t2,
      signal: ac2.signal,
      onProgress: (done) => {
        if (done > 100) ac2.abort();
      },
    });
    await expectAtlasError(p, 'CANCELLED');
    const left = await db.conn.runAndReadAll(
      `SELECT count(*)::INTEGER FROM duckdb_tables() WHERE table_name LIKE '${t2}%'`,
    );
    expect(left.getRows()[0]?.[0]).toBe(0);
  });

  it('works under the workspace sandbox (allowed_directories, no external access) with tempDir', async () => {
    const staging = tmp.file('staging');
    mkdirSync(staging);
    const inst = await DuckDBInstance.create(':memory:');
    const conn = await inst.connect();
    try {
      await conn.run(`SET allowed_directories = ['${staging}${path.sep}']`);
      await conn.run('SET enable_external_access = false');
      const text = 'Mã\tTên\r\nMH1\tBữa cơm\r\n';
      const orig = tmp.write(
        'sandbox.txt',
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      );
      const info = await inspectFile(orig);
      const copy = path.join(staging, 'copy.txt');
      copyFileSync(orig, copy);
      const res = await stageSheet(conn, copy, info, info.sheets[0]?.sheet ?? '', {
        table: 's1',
        tempDir: staging,
      });
      expect(res.rowCount).toBe(1);
      expect(await tableRows(conn, 's1')).toEqual([[2, 'MH1', 'Bữa cơm']]);
      const u8 = path.join(staging, 'u8.csv');
      copyFileSync(tmp.write('u8.csv', MODELS), u8);
      const info2 = await inspectFile(u8);
      const res2 = await stageSheet(conn, u8, info2, info2.sheets[0]?.sheet ?? '', {
        table: 's2',
        tempDir: staging,
      });
      expect(res2.rowCount).toBe(2);
      expect(readdirSync(staging).sort()).toEqual(['copy.txt', 'u8.csv']);
    } finally {
      conn.closeSync();
      inst.closeSync();
    }
  });
});

describe('text files: more shapes', () => {
  it('a 1,000-column CSV', async () => {
    const header = Array.from({ length: 1000 }, (_, i) => `Chỉ tiêu ${i + 1}`).join(',');
    const rows = Array.from({ length: 20 }, (_, r) =>
      Array.from({ length: 1000 }, (_, i) => r * 1000 + i).join(','),
    );
    const f = tmp.write('wide.csv', [header, ...rows].join('\n'));
    const { res, rows: got } = await stageAll(f);
    expect(res.columns).toHaveLength(1000);
    expect(got[19]?.[1000]).toBe('19999');
  });

  it('binary data that looks like UTF-16 is FILE_UNREADABLE', async () => {
    const junk = Buffer.alloc(2048);
    for (let i = 0; i < junk.length; i += 2) junk[i] = (i * 37) % 31;
    await expectAtlasError(inspectFile(tmp.write('u16junk.csv', junk)), 'FILE_UNREADABLE');
  });
});
