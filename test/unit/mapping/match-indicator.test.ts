import { describe, expect, it } from 'vitest';
import { INDICATORS, type IndicatorDef } from '../../../shared/catalog';
import { matchIndicator, readUnit } from '../../../shared/import-mapping';

/** Indicator column headers written the way real reports write them, with the code each must map to. */
const REPORT_HEADERS: readonly [string, string][] = [
  ['houses_built', 'houses_built'],
  ['HOUSES_BUILT', 'houses_built'],
  ['Nhà được xây mới, sửa chữa', 'houses_built'],
  ['Houses built or repaired', 'houses_built'],
  ['Số căn nhà xây mới, sửa chữa', 'houses_built'],
  ['Kết quả thực hiện / Số căn nhà xây mới, sửa chữa (căn)', 'houses_built'],
  ['So can nha xay moi', 'houses_built'],
  ['Số người dân hưởng lợi', 'beneficiaries'],
  ['Số người hưởng lợi', 'beneficiaries'],
  ['Number of beneficiaries', 'beneficiaries'],
  ['Kinh phí vận động (đồng)', 'funds_mobilized_vnd'],
  ['Kinh phí huy động', 'funds_mobilized_vnd'],
  ['Tổng kinh phí', 'funds_mobilized_vnd'],
  ['Funds mobilised (VND)', 'funds_mobilized_vnd'],
  ['Số hộ nghèo được hỗ trợ', 'households_supported'],
  ['Số hộ cận nghèo được hỗ trợ (hộ)', 'households_supported'],
  ['Mức độ hài lòng (%)', 'satisfaction_pct'],
  ['Tỷ lệ hài lòng của người dân (%)', 'satisfaction_pct'],
  ['Thời gian giải quyết trung bình (phút)', 'turnaround_minutes'],
  ['Số hồ sơ giải quyết', 'records_processed'],
  ['Số hồ sơ TTHC được giải quyết', 'records_processed'],
  ['Số bệnh nhân được đưa đón', 'patients_transported'],
  ['Số lượt bệnh nhân được đưa đón miễn phí (lượt)', 'patients_transported'],
  ['Rác thải thu gom (kg)', 'waste_collected_kg'],
  ['Rac thai thu gom (kg)', 'waste_collected_kg'],
  ['Số cây xanh trồng mới', 'trees_planted'],
  ['Trees planted', 'trees_planted'],
  ['Ngày công', 'labor_days'],
  ['Số ngày công lao động', 'labor_days'],
  ['Lượt người tham gia', 'participants'],
  ['Số người tham gia', 'participants'],
  ['Tổng số suất ăn, phần quà', 'meals_served'],
  ['Số phần quà trao tặng', 'meals_served'],
  ['Số lượng đèn chiếu sáng lắp đặt (bộ)', 'lights_installed'],
  ['Số đèn chiếu sáng', 'lights_installed'],
  ['Số học sinh được hỗ trợ', 'students_supported'],
  ['Số sản phẩm OCOP', 'ocop_products'],
  ['Cầu giao thông nông thôn (cây)', 'bridges_built'],
  ['Số cây cầu', 'bridges_built'],
  ['Đường giao thông làm mới, nâng cấp (m)', 'roads_built_m'],
  ['Đường giao thông nông thôn (m)', 'roads_built_m'],
  ['Chiều dài đường giao thông (m)', 'roads_built_m'],
  ['Kênh mương, tuyến hẻm được làm sạch (m)', 'canals_cleaned_m'],
  ['Số mét kênh mương được nạo vét (m)', 'canals_cleaned_m'],
];

/** Headers found in the same reports that are no catalogue indicator. */
const NOT_INDICATORS: readonly string[] = [
  'Ghi chú',
  'Người lập biểu',
  'Tổng cộng',
  'Cộng',
  'Tổng',
  'Tổng số',
  'Số lượng',
  'Số điện thoại',
  'STT',
  'Tên mô hình',
  'Mã mô hình',
  'Đơn vị tính',
  'Dân số',
  'Diện tích (km²)',
  'Địa chỉ',
  'Lĩnh vực',
  'Xếp loại',
  'Năm',
  'Giá trị',
  'Kết quả',
  'Thời gian',
  'Đèn',
  'Số hộ',
  'Số lượt truy cập',
  'Số thành viên tổ tự quản',
  'Kinh phí nhà nước hỗ trợ',
  'Kinh phí khác',
  'Tỷ lệ hộ có nước sạch (%)',
];

describe('matchIndicator', () => {
  it.each(REPORT_HEADERS)('maps "%s" to %s', (header, code) => {
    expect(matchIndicator(header)?.code).toBe(code);
  });

  it.each(NOT_INDICATORS.map((h) => [h]))('leaves "%s" unmatched', (header) => {
    expect(matchIndicator(header)).toBeNull();
  });

  it('gives the code and the catalogue names full confidence', () => {
    for (const d of INDICATORS) {
      expect(matchIndicator(d.code)).toEqual({ code: d.code, confidence: 1 });
      expect(matchIndicator(d.name_vi)).toEqual({ code: d.code, confidence: 1 });
      expect(matchIndicator(d.name_en)?.confidence).toBe(1);
    }
  });

  it('gives a catalogue name behind a leading "Số" slightly less than full confidence', () => {
    expect(matchIndicator('Số cây xanh trồng mới')).toEqual({ code: 'trees_planted', confidence: 0.95 });
  });

  it('keeps fuzzy guesses at or below 0.9 and at or above the 0.6 threshold', () => {
    const m = matchIndicator('Ngày công');
    expect(m?.confidence).toBeGreaterThanOrEqual(0.6);
    expect(m?.confidence).toBeLessThanOrEqual(0.9);
  });

  it('returns the unit in parentheses and no scale when it is the catalogue unit', () => {
    expect(matchIndicator('Kinh phí vận động (đồng)')).toEqual({
      code: 'funds_mobilized_vnd',
      confidence: 1,
      unit: 'đồng',
    });
  });

  it('returns a scale of one million for amounts in "triệu đồng"', () => {
    expect(matchIndicator('Kinh phí vận động (triệu đồng)')).toMatchObject({
      code: 'funds_mobilized_vnd',
      scale: 1e6,
    });
    expect(matchIndicator('Kinh phí vận động (tr.đ)')?.scale).toBe(1e6);
    expect(matchIndicator('Kinh phí vận động - ĐVT: triệu đồng')?.scale).toBe(1e6);
  });

  it('returns other scales of the same base unit', () => {
    expect(matchIndicator('Tổng kinh phí vận động (nghìn đồng)')?.scale).toBe(1e3);
    expect(matchIndicator('Khối lượng rác thải thu gom (tấn)')).toMatchObject({
      code: 'waste_collected_kg',
      scale: 1e3,
    });
    expect(matchIndicator('Thời gian trả kết quả trung bình (giờ)')).toMatchObject({
      code: 'turnaround_minutes',
      scale: 60,
    });
  });

  it('refuses a catalogue name whose unit is of another dimension', () => {
    expect(matchIndicator('Cây xanh trồng mới (kg)')).toBeNull();
  });

  it('reads a long-form indicator cell the same way as a header', () => {
    expect(matchIndicator('Lượt bệnh nhân được đưa đón miễn phí')?.code).toBe('patients_transported');
    expect(matchIndicator('records_processed')?.code).toBe('records_processed');
  });

  it('tells "Tổng cộng" from the labour-days word "công" by its diacritics', () => {
    expect(matchIndicator('Tổng cộng')).toBeNull();
    expect(matchIndicator('Tổng ngày công')?.code).toBe('labor_days');
  });

  it('matches against a catalogue extended by an earlier import', () => {
    const extra: IndicatorDef = {
      code: 'so_to_tu_quan',
      name_vi: 'Số tổ tự quản',
      name_en: 'Self-managed groups',
      unit: 'tổ',
      aggregation: 'sum',
      higher_is_better: true,
    };
    const catalog = [...INDICATORS, extra];
    expect(matchIndicator('Số tổ tự quản', catalog)?.code).toBe('so_to_tu_quan');
    expect(matchIndicator('Tổ tự quản thành lập mới', catalog)).toBeNull();
  });

  it('returns null on an empty catalogue', () => {
    expect(matchIndicator('Số căn nhà xây mới, sửa chữa', [])).toBeNull();
  });
});

describe('readUnit', () => {
  it('reduces report units to a base unit and a scale', () => {
    expect(readUnit('triệu đồng')).toEqual({ base: 'đồng', scale: 1e6, dimension: 'money' });
    expect(readUnit('VNĐ')).toEqual({ base: 'đồng', scale: 1, dimension: 'money' });
    expect(readUnit('Tấn')).toEqual({ base: 'kg', scale: 1e3, dimension: 'mass' });
    expect(readUnit('tuyến')).toBeNull();
  });
});
