import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS } from '../../../shared/catalog';
import {
  MODEL_HEADERS,
  REPORT_HEADERS,
  SAMPLE_FILES,
  UNIT_HEADERS,
  VALUE_HEADERS,
  generateSample,
  valueRows,
  writeSample,
  type SampleManifest,
} from '../../../electron/engine/sample/index';
import { writeValuesXlsx } from '../../../electron/engine/sample/values-xlsx';
import { signedArea } from '../../../electron/engine/sample/geometry';
import { parseCsv } from './csv-parse';

const SCALE = 0.04;
const SEED = 4242;
const TEXT_FILES = [
  SAMPLE_FILES.units,
  SAMPLE_FILES.boundaries,
  SAMPLE_FILES.modelsCsv,
  SAMPLE_FILES.valuesCsv,
];

let root = '';
let a: SampleManifest;
let b: SampleManifest;
let c: SampleManifest;
const stages = new Set<string>();

const read = (m: SampleManifest, name: string): Promise<string> => readFile(join(m.outDir, name), 'utf8');

/** Every cell of every sheet as "sheet!A1=value" lines (values JSON-encoded). */
async function xlsxCells(path: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out: string[] = [];
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) =>
        out.push(`${ws.name}!${cell.address}=${JSON.stringify(cell.value)}`),
      );
    });
  });
  return out;
}

/** Parse a value cell that may be a number or Vietnamese-notation text ("1.234.567", "87,5"). */
function cellNumber(v: ExcelJS.CellValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return Number(v.replace(/\./g, '').replace(',', '.'));
  return NaN;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dvk-sample-'));
  a = await writeSample(join(root, 'a'), { seed: SEED, scale: SCALE, onProgress: (s) => stages.add(s) });
  b = await writeSample(join(root, 'b'), { seed: SEED, scale: SCALE });
  c = await writeSample(join(root, 'c'), { seed: SEED + 1, scale: SCALE });
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('writeSample', () => {
  it('writes byte-identical CSV and GeoJSON for the same seed and scale', async () => {
    for (const name of TEXT_FILES) {
      const [x, y] = await Promise.all([readFile(join(a.outDir, name)), readFile(join(b.outDir, name))]);
      expect(x.equals(y), name).toBe(true);
    }
  });

  it('writes XLSX files with identical cell content for the same seed', async () => {
    for (const name of [SAMPLE_FILES.modelsXlsx, SAMPLE_FILES.valuesXlsx]) {
      expect(await xlsxCells(join(a.outDir, name))).toEqual(await xlsxCells(join(b.outDir, name)));
    }
  });

  it('writes different data for a different seed', async () => {
    for (const name of TEXT_FILES) expect(await read(c, name)).not.toBe(await read(a, name));
  });

  it('returns a manifest of every file with row counts, sizes and totals', async () => {
    expect(a.files.map((f) => f.name).sort()).toEqual(Object.values(SAMPLE_FILES).sort());
    const { units, models } = generateSample(SEED, SCALE);
    expect(a.totals.units).toBe(units.length);
    expect(a.totals.models).toBe(models.length);
    let rows = 0;
    for (const _ of valueRows(models)) rows++;
    expect(a.totals.valueRows).toBe(rows);
    for (const f of a.files) {
      expect(f.bytes).toBeGreaterThan(0);
      if (f.format === 'csv') expect(parseCsv(await read(a, f.name)).length - 1).toBe(f.rows);
    }
    expect(a.files.find((f) => f.name === SAMPLE_FILES.valuesCsv)?.rows).toBe(rows);
    expect(a.elapsedMs).toBeGreaterThan(0);
    expect([...stages]).toEqual(
      expect.arrayContaining(['units', 'models', 'values-csv', 'values-xlsx', 'readme']),
    );
  });

  it('writes the unit CSV with a BOM, the contract header and codes that keep leading zeros', async () => {
    const text = await read(a, SAMPLE_FILES.units);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...UNIT_HEADERS]);
    expect(rows.slice(1).some((r) => r[0]?.startsWith('0'))).toBe(true);
    for (const r of rows.slice(1)) {
      expect(r[0]).toMatch(/^\d{5}$/);
      expect(['phường', 'xã', 'đặc khu']).toContain(r[2]);
      expect(r[3]).toBe('Thành phố Mẫu');
    }
  });

  it('writes one valid Polygon feature per unit with RFC 7946 winding and closed rings', async () => {
    const geo = JSON.parse(await read(a, SAMPLE_FILES.boundaries)) as {
      type: string;
      features: {
        type: string;
        id: string;
        properties: Record<string, unknown>;
        geometry: { type: string; coordinates: number[][][] };
      }[];
    };
    expect(geo.type).toBe('FeatureCollection');
    const codes = parseCsv(await read(a, SAMPLE_FILES.units))
      .slice(1)
      .map((r) => r[0]);
    expect(geo.features.map((f) => f.properties.code).sort()).toEqual(codes.slice().sort());
    for (const f of geo.features) {
      expect(f.type).toBe('Feature');
      expect(f.id).toBe(f.properties.code);
      expect(Object.keys(f.properties).sort()).toEqual(
        ['area_km2', 'code', 'full_name', 'name', 'province_code', 'province_name', 'type'].sort(),
      );
      expect(f.properties.province_code).toBe('99');
      expect(f.geometry.type).toBe('Polygon');
      expect(f.geometry.coordinates.length).toBe(1);
      const ring = f.geometry.coordinates[0] ?? [];
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(signedArea(ring.slice(0, -1).map((p) => [p[0] ?? 0, p[1] ?? 0] as const))).toBeGreaterThan(0);
    }
  });

  it('writes the model CSV with the contract header, dd/mm/yyyy dates and text unit codes', async () => {
    const rows = parseCsv(await read(a, SAMPLE_FILES.modelsCsv));
    expect(rows[0]).toEqual([...MODEL_HEADERS]);
    for (const r of rows.slice(1)) {
      expect(r).toHaveLength(MODEL_HEADERS.length);
      expect(r[1]).toMatch(/^MH-\d{6}$/);
      expect(r[3]).toMatch(/^\d{5}$/);
      expect(r[7]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    }
  });

  it('writes long-form values with periods like 2025-03, codes mostly and Vietnamese names for some', async () => {
    const rows = parseCsv(await read(a, SAMPLE_FILES.valuesCsv));
    expect(rows[0]).toEqual([...VALUE_HEADERS]);
    const byCode = new Map(INDICATORS.map((d) => [d.code, d]));
    const byName = new Map(INDICATORS.map((d) => [d.name_vi, d]));
    let named = 0;
    for (const r of rows.slice(1)) {
      expect(r[1]).toMatch(/^20(23|24|25)-(0[1-9]|1[0-2])$/);
      const def = byCode.get(r[2] ?? '') ?? byName.get(r[2] ?? '');
      expect(def, r[2]).toBeDefined();
      if (byName.has(r[2] ?? '')) named++;
      expect(r[3]).toMatch(/^\d+(\.\d+)?$/);
      expect(r[4]).toBe(def?.unit);
    }
    expect(named).toBeGreaterThan(0);
    expect(named / (rows.length - 1)).toBeLessThan(0.25);
  });

  it('writes mo_hinh.xlsx as a report: title rows, header on row 5, totals and signature rows', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(a.outDir, SAMPLE_FILES.modelsXlsx));
    const ws = wb.getWorksheet('Mô hình');
    if (!ws) throw new Error('sheet missing');
    expect(ws.getCell('A1').value).toBe('ỦY BAN NHÂN DÂN THÀNH PHỐ MẪU');
    expect(ws.getCell('A2').value).toBe('BAN DÂN VẬN');
    expect(String(ws.getCell('A3').value)).toContain('BÁO CÁO TỔNG HỢP MÔ HÌNH DÂN VẬN KHÉO');
    expect(ws.getRow(4).cellCount).toBe(0);
    expect((ws.getRow(5).values as unknown[]).slice(1)).toEqual([...MODEL_HEADERS]);
    const n = a.totals.models;
    expect(ws.getCell(`B${6 + n - 1}`).value).toBe(`MH-${String(n).padStart(6, '0')}`);
    expect(ws.getCell(`A${6 + n}`).value).toBe('Tổng cộng');
    const tail: string[] = [];
    for (let r = 6 + n; r <= ws.rowCount; r++) ws.getRow(r).eachCell((cell) => tail.push(String(cell.value)));
    expect(tail).toEqual(expect.arrayContaining(['Người lập biểu', 'TM. BAN DÂN VẬN']));
    const dates = Array.from({ length: n }, (_, i) => ws.getCell(`H${6 + i}`).value);
    expect(dates.some((d) => d instanceof Date)).toBe(true);
    expect(dates.some((d) => typeof d === 'string' && /^\d{2}\/\d{2}\/\d{4}$/.test(d))).toBe(true);
    const codes = Array.from({ length: n }, (_, i) => ws.getCell(`D${6 + i}`).value);
    expect(codes.some((v) => typeof v === 'number')).toBe(true);
    expect(codes.some((v) => typeof v === 'string')).toBe(true);
  });

  it('writes chi_tieu.xlsx wide, one sheet per year under a two-row merged header, matching the long CSV', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(a.outDir, SAMPLE_FILES.valuesXlsx));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['2023', '2024', '2025']);
    const long = new Map<string, number>();
    const codeOf = new Map(
      INDICATORS.flatMap((d) => [[d.code, d.code] as const, [d.name_vi, d.code] as const]),
    );
    for (const r of parseCsv(await read(a, SAMPLE_FILES.valuesCsv)).slice(1)) {
      long.set(`${r[0]}|${r[1]}|${codeOf.get(r[2] ?? '')}`, Number(r[3]));
    }
    let cells = 0;
    let wideRows = 0;
    for (const ws of wb.worksheets) {
      expect(ws.getCell('A5').value).toBe('STT');
      expect(ws.getCell('C5').value).toBe('Kỳ báo cáo (MM/YYYY)');
      expect(ws.getCell('D5').value).toBe('Kết quả thực hiện');
      expect(ws.getCell('D6').value).toBe(REPORT_HEADERS[INDICATORS[0]?.code ?? '']);
      const merges = (ws.model as unknown as { merges: string[] }).merges;
      expect(merges).toEqual(
        expect.arrayContaining([
          'A5:A6',
          'B5:B6',
          'C5:C6',
          `D5:${ws.getColumn(3 + INDICATORS.length).letter}5`,
        ]),
      );
      for (let r = 7; r <= ws.rowCount; r++) {
        const row = ws.getRow(r);
        const id = row.getCell(2).value;
        if (typeof id !== 'string' || !id.startsWith('MH-')) break;
        wideRows++;
        const [mm, yyyy] = String(row.getCell(3).value).split('/');
        expect(yyyy).toBe(ws.name);
        INDICATORS.forEach((d, i) => {
          const v = row.getCell(4 + i).value;
          if (v === null || v === undefined) return;
          cells++;
          expect(cellNumber(v)).toBe(long.get(`${id}|${yyyy}-${mm}|${d.code}`));
        });
      }
      expect(String(ws.getCell(`A${ws.rowCount}`).value)).toContain('Dữ liệu minh họa');
    }
    expect(cells).toBe(long.size);
    expect(wideRows).toBe(a.files.find((f) => f.name === SAMPLE_FILES.valuesXlsx)?.rows);
  });

  it('continues a year on a new sheet when it would pass the sheet row limit', async () => {
    const { models } = generateSample(SEED, 0.01);
    const path = join(root, 'split.xlsx');
    const res = await writeValuesXlsx(path, models, SEED, 'note', undefined, 500);
    expect(res.sheets[0]).toBe('2023');
    expect(res.sheets).toContain('2025 (2)');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(res.sheets);
  });

  it('labels the dataset illustrative in README.txt with the seed and scale', async () => {
    const text = await read(a, SAMPLE_FILES.readme);
    expect(text).toContain('DỮ LIỆU MINH HỌA');
    expect(text).toContain('ILLUSTRATIVE DATA');
    expect(text).toContain(`Seed: ${SEED}`);
    expect(text).toContain(`Scale: ${SCALE}`);
  });
});
