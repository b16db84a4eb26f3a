/**
 * Paths and locales: a workspace and import files under a Vietnamese folder (`Nguyễn Văn Ánh/Dữ liệu
 * 2025/`), file names in NFC and NFD (as macOS writes them) with spaces and diacritics, through the
 * engine in-process and through real `dvk` child processes; the names are recorded exactly and exports
 * written to Vietnamese paths round-trip (readable, labels intact).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitFiles } from '../../../electron/engine/import';
import { EngineServer } from '../../../electron/engine/server';
import { Workspace } from '../../../electron/engine/workspace/workspace';
import { tempDir } from '../../helpers/workspace';
import { writeCsv, writeXlsx } from '../../helpers/files';

const ROOT = path.resolve(import.meta.dirname, '../../..');
let t: ReturnType<typeof tempDir>;
let folder: string;
let files: string[];

function dvk(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/dvk.mjs', ...args], {
      cwd: ROOT,
      env: { ...process.env, DVK_HOME: path.join(folder, 'nhà') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.once('exit', (code) => resolve({ code, out, err }));
  });
}

beforeAll(async () => {
  t = tempDir('dvk-paths-');
  folder = path.join(t.dir, 'Nguyễn Văn Ánh', 'Dữ liệu 2025');
  fs.mkdirSync(folder, { recursive: true });
  const units = writeCsv(folder, 'Đơn vị hành chính.csv'.normalize('NFD'), [
    'Mã ĐVHC,Tên đơn vị,Loại',
    '00001,Phường Bến Nghé,phường',
    '00002,Xã Thạnh An,xã',
  ]);
  const models = await writeXlsx(folder, 'Mô hình “Dân vận khéo” (bản 2).xlsx', {
    'Danh sách': [
      ['Mã mô hình', 'Tên mô hình', 'Mã ĐVHC', 'Lĩnh vực'],
      ['MH-1', 'Cầu nông thôn ấp Thiềng Liềng', '00002', 'An sinh xã hội'],
      ['MH-2', 'Một cửa thân thiện', '00001', 'Cải cách hành chính'],
    ],
  });
  const values = writeCsv(folder, 'chỉ tiêu quý I.csv', [
    'Mã mô hình,Kỳ báo cáo,Chỉ tiêu,Giá trị',
    'MH-1,2025-01,beneficiaries,120',
    'MH-2,2025-02,beneficiaries,80',
  ]);
  files = [units, models, values];
}, 60_000);
afterAll(() => t.cleanup());

describe('Vietnamese paths', () => {
  it('the engine opens a workspace and imports files under a Vietnamese folder, recording names exactly', async () => {
    const file = path.join(folder, 'Sổ làm việc.duckdb');
    const ws = await Workspace.open({ path: file, dataDir: path.join(folder, 'dữ liệu máy') });
    try {
      const reports = await commitFiles(ws, files);
      expect(reports.map((r) => r.rowsImported)).toEqual([2, 2, 2]);
      const names = await ws.rows<{ file: string }>('SELECT file FROM imports ORDER BY id');
      expect(names.map((n) => path.basename(n.file))).toEqual(files.map((f) => path.basename(f)));
      const server = new EngineServer(ws);
      const x = await server.run('export.pivot', {
        spec: { kind: 'pivot', rows: ['unit'], columns: [], values: [{ measure: { type: 'count_models' } }] },
        format: 'xlsx',
        title: 'Báo cáo Phường Bến Nghé',
      });
      const out = path.join(folder, 'Xuất', 'Báo cáo Phường Bến Nghé.xlsx');
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, x.bytes);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const texts: string[] = [];
      wb.eachSheet((s) => s.eachRow((r) => r.eachCell((c) => texts.push(String(c.value)))));
      expect(texts).toEqual(expect.arrayContaining(['Phường Bến Nghé', 'Xã Thạnh An']));
    } finally {
      ws.close();
    }
  });

  it('dvk import, info and query (xlsx and csv out) work on Vietnamese paths in child processes', async () => {
    const file = path.join(folder, 'Sổ dòng lệnh.duckdb');
    const imp = await dvk(['import', '--workspace', file, ...files]);
    expect(imp.code, imp.err).toBe(0);
    for (const f of files) expect(imp.out.normalize('NFC')).toContain(path.basename(f).normalize('NFC'));
    const info = await dvk(['info', '--workspace', file, '--json']);
    expect(info.code, info.err).toBe(0);
    const parsed = JSON.parse(info.out) as { path: string; imports: { file: string }[] };
    expect(parsed.path).toBe(file);
    expect(parsed.imports.map((i) => path.basename(i.file))).toEqual(files.map((f) => path.basename(f)));

    const spec = JSON.stringify({
      kind: 'pivot',
      rows: ['field'],
      columns: [],
      values: [{ measure: { type: 'count_models' } }],
    });
    const xlsx = path.join(folder, 'Tổng hợp lĩnh vực.xlsx'.normalize('NFD'));
    const q = await dvk(['query', '--workspace', file, '--spec', spec, '--format', 'xlsx', '--out', xlsx]);
    expect(q.code, q.err).toBe(0);
    expect(fs.existsSync(xlsx)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const texts: string[] = [];
    wb.eachSheet((s) => s.eachRow((r) => r.eachCell((c) => texts.push(String(c.value)))));
    expect(texts).toEqual(expect.arrayContaining(['An sinh xã hội', 'Cải cách hành chính']));

    const specFile = path.join(folder, 'đặc tả truy vấn.json');
    fs.writeFileSync(specFile, JSON.stringify({ kind: 'models', filter: { search: 'cau' } }));
    const csv = await dvk(['query', '--workspace', file, '--spec', `@${specFile}`, '--format', 'csv']);
    expect(csv.code, csv.err).toBe(0);
    expect(csv.out).toContain('Cầu nông thôn ấp Thiềng Liềng');
    expect(csv.out).not.toContain('Một cửa thân thiện');
  }, 120_000);
});
