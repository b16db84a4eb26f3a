/**
 * The replication brief: shortlist three sample models with Vietnamese notes, export through the CLI
 * (`dvk export-brief`), unzip the PPTX (slide count, Vietnamese text in the slide XML, a native line chart,
 * a PNG map) and read the XLSX back with exceljs.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/dvk';
import { EngineServer } from '../../../electron/engine/server';
import { renderUnitMap, parseShape } from '../../../electron/engine/export/brief-map';
import { tempDir } from '../../helpers/workspace';
import { cachedSampleWorkspace } from '../pivot/sample-workspace';
import { Workspace } from '../../../electron/engine/workspace/workspace';

const t = tempDir('dvk-brief-');
const file = path.join(t.dir, 'w.duckdb');
const NOTES = ['Đề xuất nhân rộng ở các xã ven sông', 'Cần xác minh số hộ được hỗ trợ', 'Ưu tiên quý IV'];
let picked: { id: string; name: string; unit: string | null }[] = [];

beforeAll(async () => {
  fs.copyFileSync(await cachedSampleWorkspace(), file);
  const ws = await Workspace.open({ path: file, dataDir: path.join(t.dir, 'data') });
  try {
    const server = new EngineServer(ws);
    const rows = await ws.rows<{ model_id: string; name: string; unit_name: string | null }>(
      `SELECT model_id, name, unit_name FROM model_dim WHERE field = 'An sinh xã hội' AND lat IS NOT NULL ORDER BY model_id LIMIT 3`,
    );
    picked = rows.map((r) => ({ id: r.model_id, name: r.name, unit: r.unit_name }));
    for (const [i, r] of picked.entries())
      await server.run('shortlist.set', { modelId: r.id, owner: 'Nguyễn Thị Hằng', note: NOTES[i] ?? '' });
  } finally {
    ws.close();
  }
}, 300_000);
afterAll(() => t.cleanup());

describe('the replication brief', () => {
  it('writes a PPTX with a title slide and one slide per model, Vietnamese text intact, a native chart and a map image', async () => {
    const out = path.join(t.dir, 'brief.pptx');
    expect(await main(['export-brief', '--workspace', file, '--out', out])).toBe(0);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides.length).toBe(1 + picked.length);
    const xml = await zip.file('ppt/slides/slide1.xml')?.async('string');
    expect(xml).toContain('Bản tóm tắt mô hình đề xuất nhân rộng');
    expect(xml).toContain('Dữ liệu minh họa');
    for (const [i, m] of picked.entries()) {
      const s = (await zip.file(`ppt/slides/slide${i + 2}.xml`)?.async('string')) ?? '';
      expect(s).toContain(m.name.replace(/&/g, '&amp;'));
      expect(s).toContain(m.unit ?? '');
      expect(s).toContain(NOTES[i]);
      expect(s).toContain('Chỉ số chính');
    }
    const charts = Object.keys(zip.files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f));
    expect(charts.length).toBe(picked.length);
    expect(await zip.file(charts[0] ?? '')?.async('string')).toContain('<c:lineChart>');
    const pngs = Object.keys(zip.files).filter((f) => /^ppt\/media\/.*\.png$/.test(f));
    expect(pngs.length).toBe(picked.length);
    const png = await zip.file(pngs[0] ?? '')?.async('uint8array');
    expect([...(png ?? []).slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('writes an XLSX whose list, components, flags and notes read back', async () => {
    const out = path.join(t.dir, 'brief.xlsx');
    expect(await main(['export-brief', '--workspace', file, '--out', out])).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Danh sách',
      'Điểm thành phần',
      'Chỉ số chính',
      'Cờ kiểm tra',
      'Ghi chú',
    ]);
    const list = wb.getWorksheet('Danh sách');
    expect(list?.getRow(1).getCell(3).value).toBe('Tên mô hình');
    const ids = picked.map((_, i) => list?.getRow(i + 2).getCell(2).value);
    expect(ids).toEqual(picked.map((p) => p.id));
    expect(list?.getRow(2).getCell(3).value).toBe(picked[0]?.name);
    expect(list?.getRow(2).getCell(10).value).toBe('Nguyễn Thị Hằng');
    expect(list?.getRow(2).getCell(15).value).toBe(NOTES[0]);
    const score = list?.getRow(2).getCell(11).value;
    expect(typeof score).toBe('number');
    expect(score as number).toBeGreaterThanOrEqual(0);
    expect(score as number).toBeLessThanOrEqual(100);
    // The "sustained" preset has three components per model.
    expect(wb.getWorksheet('Điểm thành phần')?.rowCount).toBe(1 + 3 * picked.length);
    const notes = wb.getWorksheet('Ghi chú');
    expect(notes?.getRow(2).getCell(3).value).toBe(NOTES[0]);
  });

  it('an English brief, and an empty shortlist or a wrong extension is a clear error', async () => {
    const en = path.join(t.dir, 'brief-en.xlsx');
    expect(await main(['export-brief', '--workspace', file, '--out', en, '--lang', 'en'])).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(en);
    expect(wb.worksheets[0]?.name).toBe('Shortlist');
    expect(await main(['export-brief', '--workspace', file, '--out', path.join(t.dir, 'x.pdf')])).toBe(1);
  });

  it('the map highlights the model’s unit in a PNG of the boundaries', () => {
    const square = (x: number, y: number) =>
      JSON.stringify({
        type: 'Polygon',
        coordinates: [
          [
            [x, y],
            [x + 1, y],
            [x + 1, y + 1],
            [x, y + 1],
            [x, y],
          ],
        ],
      });
    const map = renderUnitMap([parseShape('A', square(0, 0)), parseShape('B', square(1, 0))], 'B', null, 200);
    expect(map?.width).toBe(200);
    expect(map?.png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
