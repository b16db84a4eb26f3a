import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectKind, sheetKindHint, suggestMapping } from '../../../shared/import-mapping';

/** The real reference data lives outside the repo (DATA.md): /work/shared/geo. */
const GEO = fileURLToPath(new URL('../../../../shared/geo/', import.meta.url));
const firstLine = (file: string) =>
  readFileSync(GEO + file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 1)[0]!;
const haveGeo =
  existsSync(GEO + 'units_hcmc_cantho_2025.csv') && existsSync(GEO + 'old_to_new_hcmc_cantho.csv');

const MODELS = [
  'STT',
  'Mã mô hình',
  'Tên mô hình',
  'Mã ĐVHC',
  'Phường/Xã',
  'Lĩnh vực',
  'Cơ quan chủ trì',
  'Ngày bắt đầu',
  'Tình trạng',
  'Cấp công nhận',
  'Ghi chú',
];
const LONG = ['STT', 'Mã MH', 'Kỳ báo cáo', 'Tên chỉ tiêu', 'Giá trị', 'Đơn vị tính'];
const WIDE_TWO_ROW = [
  'STT',
  'Mã mô hình',
  'Tên mô hình',
  'Tháng',
  'Kết quả thực hiện / Số căn nhà xây mới, sửa chữa (căn)',
  'Kết quả thực hiện / Kinh phí vận động (đồng)',
  'Kết quả thực hiện / Số người dân hưởng lợi',
  'Ghi chú',
];
const UNITS_VI = ['STT', 'Mã', 'Tên đơn vị', 'Loại', 'Dân số', 'Diện tích (km²)'];

describe('detectKind', () => {
  it('detects a models sheet from its Vietnamese headers', () => {
    expect(detectKind(MODELS, 'Sheet1')).toMatchObject({ kind: 'models', complete: true, confidence: 0.9 });
  });

  it('is fully confident when the sheet name agrees with the headers', () => {
    expect(detectKind(MODELS, 'Danh sách mô hình')).toMatchObject({ kind: 'models', confidence: 1 });
  });

  it('detects long-form values: model, period, indicator and value columns', () => {
    expect(detectKind(LONG, 'Sheet1').kind).toBe('values_long');
  });

  it('detects wide-form values behind two-row joined headers', () => {
    expect(detectKind(WIDE_TWO_ROW, 'Sheet1').kind).toBe('values_wide');
  });

  it('detects wide-form values from English code headers', () => {
    expect(detectKind(['model_id', 'period', 'houses_built', 'funds_mobilized_vnd'], 'data').kind).toBe(
      'values_wide',
    );
  });

  it('detects a units sheet written in Vietnamese even though "Mã" and "Tên" could name a model', () => {
    expect(detectKind(UNITS_VI, 'Sheet1').kind).toBe('units');
  });

  it('detects English long-form headers', () => {
    expect(detectKind(['model_id', 'period', 'indicator', 'value', 'uom'], 'values').kind).toBe(
      'values_long',
    );
  });

  it('detects English models headers', () => {
    const headers = [
      'model_id',
      'name',
      'unit_code',
      'unit_name',
      'field',
      'sponsor',
      'start_date',
      'status',
      'lat',
      'lon',
    ];
    expect(detectKind(headers, 'models').kind).toBe('models');
  });

  it('does not take a sheet with a period column for a models sheet', () => {
    expect(detectKind(['Mã mô hình', 'Tên mô hình', 'Tháng', 'Ghi chú'], 'Sheet1').kind).not.toBe('models');
  });

  it('detects a crosswalk from "Mã cũ" / "Mã mới" headers', () => {
    expect(
      detectKind(['Mã cũ', 'Tên đơn vị cũ', 'Quận/Huyện', 'Mã mới', 'Tên đơn vị mới'], 'Sheet1').kind,
    ).toBe('crosswalk');
    expect(detectKind(['old_code', 'new_code'], 'x').kind).toBe('crosswalk');
  });

  it('uses the sheet name when the headers are incomplete', () => {
    expect(detectKind(['Tên mô hình', 'Phường/Xã'], 'Mô hình')).toMatchObject({
      kind: 'models',
      complete: false,
    });
    expect(detectKind(['Mã', 'Tên'], 'Đơn vị hành chính')).toMatchObject({ kind: 'units', complete: false });
  });

  it('breaks a tie between two complete readings with the sheet name', () => {
    // "Mã, Tên, Loại" reads as a units sheet, but also as models with a type column.
    expect(detectKind(['Mã', 'Tên', 'Loại'], 'Sheet1').kind).toBe('units');
    expect(detectKind(['Mã', 'Tên', 'Loại'], 'Mô hình')).toMatchObject({ kind: 'models', confidence: 1 });
  });

  it('takes the best partial reading when there is no sheet-name hint', () => {
    expect(detectKind(['Tên mô hình', 'Phường/Xã', 'Lĩnh vực'], 'Sheet1')).toMatchObject({
      kind: 'models',
      confidence: 0.5,
    });
  });

  it('answers unknown for a sheet of notes', () => {
    expect(detectKind(['Ghi chú', 'Người lập biểu'], 'Sheet2')).toMatchObject({
      kind: 'unknown',
      confidence: 0,
    });
  });
});

describe('sheetKindHint', () => {
  it.each([
    ['Mô hình', 'models'],
    ['DS mô hình DVK 2025', 'models'],
    ['Chỉ tiêu', 'values_long'],
    ['Kết quả T3', 'values_long'],
    ['Đơn vị hành chính', 'units'],
    ['DM ĐVHC', 'units'],
    ['Sáp nhập', 'crosswalk'],
    ['Sheet1', null],
  ])('reads the sheet name "%s" as %s', (sheet, kind) => {
    expect(sheetKindHint(sheet)).toBe(kind);
  });
});

describe.skipIf(!haveGeo)('the real reference files in shared/geo', () => {
  it('reads the units CSV as units, taking full_name as the unit name and ignoring name', () => {
    const headers = firstLine('units_hcmc_cantho_2025.csv').split(',');
    expect(headers).toEqual([
      'code',
      'name',
      'full_name',
      'type',
      'type_en',
      'province_code',
      'province_name',
      'name_en',
      'area_km2',
      'alt_name',
    ]);
    const rows = readFileSync(GEO + 'units_hcmc_cantho_2025.csv', 'utf8')
      .split(/\r?\n/)
      .slice(1, 11)
      .map((l) => l.split(','));
    const s = suggestMapping({ sheet: 'units_hcmc_cantho_2025', headers, sampleRows: rows });
    expect(s.kind).toBe('units');
    const byHeader = Object.fromEntries(s.columns.map((c) => [c.header, c.target]));
    expect(byHeader).toEqual({
      code: 'unit_code',
      name: null,
      full_name: 'unit_name',
      type: 'type',
      type_en: null,
      province_code: null,
      province_name: 'province',
      name_en: null,
      area_km2: 'area_km2',
      alt_name: null,
    });
    expect(s.types[0]).toBe('text');
    expect(s.types[8]).toBe('number');
    expect(s.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(s.confidence).toBe(1);
  });

  it('reads a units CSV without full_name with name as the unit name', () => {
    const s = suggestMapping({
      sheet: 'units',
      headers: ['code', 'name', 'type', 'area_km2'],
      sampleRows: [],
    });
    expect(s.columns.map((c) => c.target)).toEqual(['unit_code', 'unit_name', 'type', 'area_km2']);
    expect(s.problems).toEqual([]);
  });

  it('reads the old → new crosswalk CSV as a crosswalk', () => {
    const headers = firstLine('old_to_new_hcmc_cantho.csv').split(',');
    const s = suggestMapping({ sheet: 'old_to_new_hcmc_cantho', headers, sampleRows: [] });
    expect(s.kind).toBe('crosswalk');
    expect(s.columns.every((c) => c.target === null && c.confidence === 1)).toBe(true);
    expect(s.problems).toEqual([]);
  });
});
