import { describe, expect, it } from 'vitest';
import { matchField } from '../../../shared/import-mapping';
import type { TargetField } from '../../../shared/import-types';

/** Every header name DATA.md lists for a models or values field, plus the English field names. */
const MODEL_AND_VALUE_HEADERS: readonly [string, TargetField][] = [
  ['Mã mô hình', 'model_id'],
  ['Mã MH', 'model_id'],
  ['ID', 'model_id'],
  ['model_id', 'model_id'],
  ['Tên mô hình', 'name'],
  ['name', 'name'],
  ['Mã ĐVHC', 'unit_code'],
  ['Mã phường/xã', 'unit_code'],
  ['Mã đơn vị', 'unit_code'],
  ['unit_code', 'unit_code'],
  ['Phường/Xã', 'unit_name'],
  ['Đơn vị', 'unit_name'],
  ['Địa bàn', 'unit_name'],
  ['Phường, xã', 'unit_name'],
  ['unit_name', 'unit_name'],
  ['Tỉnh/Thành phố', 'province'],
  ['province', 'province'],
  ['Lĩnh vực', 'field'],
  ['field', 'field'],
  ['Cơ quan chủ trì', 'sponsor'],
  ['Đơn vị thực hiện', 'sponsor'],
  ['sponsor', 'sponsor'],
  ['Ngày bắt đầu', 'start_date'],
  ['Thời gian triển khai', 'start_date'],
  ['start_date', 'start_date'],
  ['Tình trạng', 'status'],
  ['Trạng thái', 'status'],
  ['status', 'status'],
  ['Cấp công nhận', 'recognition'],
  ['recognition', 'recognition'],
  ['Vĩ độ', 'lat'],
  ['lat', 'lat'],
  ['latitude', 'lat'],
  ['Kinh độ', 'lon'],
  ['lon', 'lon'],
  ['lng', 'lon'],
  ['longitude', 'lon'],
  ['Nhân rộng từ mô hình', 'replicated_from'],
  ['replicated_from', 'replicated_from'],
  ['Mô tả', 'description'],
  ['Nội dung', 'description'],
  ['description', 'description'],
  ['Kỳ báo cáo', 'period'],
  ['Kỳ', 'period'],
  ['Tháng', 'period'],
  ['Thời gian', 'period'],
  ['Period', 'period'],
  ['Chỉ tiêu', 'indicator'],
  ['Tên chỉ tiêu', 'indicator'],
  ['Mã chỉ tiêu', 'indicator'],
  ['Indicator', 'indicator'],
  ['Giá trị', 'value'],
  ['Kết quả', 'value'],
  ['Số lượng', 'value'],
  ['Value', 'value'],
  ['Đơn vị tính', 'uom'],
  ['ĐVT', 'uom'],
  ['uom', 'uom'],
  ['STT', 'row_number'],
  ['TT', 'row_number'],
  ['Số TT', 'row_number'],
  ['population', 'population'],
  ['area_km2', 'area_km2'],
];

/** Headers of a units sheet (DATA.md "Units" and the real units CSV). */
const UNIT_HEADERS: readonly [string, TargetField][] = [
  ['Mã', 'unit_code'],
  ['Mã ĐVHC', 'unit_code'],
  ['code', 'unit_code'],
  ['Tên đơn vị', 'unit_name'],
  ['Tên', 'unit_name'],
  ['name', 'unit_name'],
  ['full_name', 'unit_name'],
  ['Loại', 'type'],
  ['Loại đơn vị', 'type'],
  ['Cấp', 'type'],
  ['type', 'type'],
  ['Dân số', 'population'],
  ['Số dân', 'population'],
  ['population', 'population'],
  ['Diện tích', 'area_km2'],
  ['Diện tích (km²)', 'area_km2'],
  ['Diện tích (km2)', 'area_km2'],
  ['area_km2', 'area_km2'],
  ['Tỉnh/Thành phố', 'province'],
  ['province_name', 'province'],
  ['STT', 'row_number'],
];

describe('matchField', () => {
  it.each(MODEL_AND_VALUE_HEADERS)('reads "%s" as %s', (header, target) => {
    expect(matchField(header)?.target).toBe(target);
  });

  it.each(UNIT_HEADERS)('reads "%s" in a units sheet as %s', (header, target) => {
    expect(matchField(header, 'units')?.target).toBe(target);
  });

  it('gives exact synonyms full confidence', () => {
    expect(matchField('Mã mô hình')).toEqual({ target: 'model_id', confidence: 1 });
  });

  it('ignores case, diacritics, extra spaces and trailing colons', () => {
    for (const h of ['  MÃ  MÔ HÌNH : ', 'ma mo hinh', 'Mã mô hình:', 'MA MH']) {
      expect(matchField(h)).toEqual({ target: 'model_id', confidence: 1 });
    }
  });

  it('accepts the spacing variants of "Phường/Xã"', () => {
    for (const h of ['Phường/ Xã', 'Phường /Xã', 'Phường / Xã', 'phường, xã', 'PHƯỜNG/XÃ']) {
      expect(matchField(h)?.target).toBe('unit_name');
    }
  });

  it('reads "Đơn vị tính" as the unit of measure, never as the unit name', () => {
    expect(matchField('Đơn vị tính')?.target).toBe('uom');
    expect(matchField('Đơn vị')?.target).toBe('unit_name');
    expect(matchField('Đơn vị thực hiện')?.target).toBe('sponsor');
    expect(matchField('Đ.V.T')?.target).toBe('uom');
  });

  it('reads "Cấp công nhận" as recognition even in a sheet where "Cấp" is the unit type', () => {
    expect(matchField('Cấp công nhận')?.target).toBe('recognition');
    expect(matchField('Cấp', 'units')?.target).toBe('type');
  });

  it('matches a two-row header "Group / Name" on its lower name', () => {
    expect(matchField('Thông tin chung / Mã mô hình')).toEqual({ target: 'model_id', confidence: 1 });
    expect(matchField('Địa bàn triển khai / Phường/Xã')?.target).toBe('unit_name');
    expect(matchField('Kết quả / Giá trị')?.target).toBe('value');
  });

  it('falls back to the group name when the lower row only numbers the columns', () => {
    expect(matchField('Tên mô hình / (2)')).toEqual({ target: 'name', confidence: 0.8 });
  });

  it('drops parenthesised notes with a small confidence cost', () => {
    expect(matchField('Tên mô hình (*)')).toEqual({ target: 'name', confidence: 0.95 });
    expect(matchField('Vĩ độ (WGS84)')).toEqual({ target: 'lat', confidence: 0.95 });
  });

  it('reads a longer wording that starts with a multi-word synonym as a weaker guess', () => {
    expect(matchField('Ngày bắt đầu triển khai')).toEqual({ target: 'start_date', confidence: 0.8 });
    expect(matchField('Tên mô hình Dân vận khéo')?.target).toBe('name');
  });

  it('reads the bare "Mã" and "Tên" as model id and name outside a units sheet, with lower confidence', () => {
    expect(matchField('Mã')).toEqual({ target: 'model_id', confidence: 0.7 });
    expect(matchField('Tên')).toEqual({ target: 'name', confidence: 0.7 });
  });

  it('returns only targets the kind allows when given one', () => {
    expect(matchField('Thời gian', 'models', new Set(['model_id', 'name', 'start_date']))).toBeNull();
    expect(matchField('Số lượng', 'values_wide', new Set(['model_id', 'period']))).toBeNull();
  });

  it('leaves unrelated headers unmatched', () => {
    for (const h of [
      'Ghi chú',
      'Người lập biểu',
      'Số điện thoại',
      '',
      'Kinh phí vận động (đồng)',
      'type_en',
    ]) {
      expect(matchField(h, h === 'type_en' ? 'units' : undefined)).toBeNull();
    }
  });
});
