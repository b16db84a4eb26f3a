import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../../shared/catalog';
import { MAPPING_PROBLEM, suggestMapping, validateMapping } from '../../../shared/import-mapping';

const targets = (s: ReturnType<typeof suggestMapping>) => s.columns.map((c) => c.target);
const codes = (s: ReturnType<typeof suggestMapping>, code: string) =>
  s.problems.filter((p) => p.code === code);

describe('suggestMapping on a models sheet', () => {
  const input = {
    sheet: 'Danh sách mô hình',
    headers: [
      'STT',
      'Mã mô hình',
      'Tên mô hình',
      'Mã ĐVHC',
      'Phường/Xã',
      'Tỉnh/Thành phố',
      'Lĩnh vực',
      'Cơ quan chủ trì',
      'Ngày bắt đầu',
      'Tình trạng',
      'Cấp công nhận',
      'Vĩ độ',
      'Kinh độ',
      'Nhân rộng từ mô hình',
      'Mô tả',
    ],
    sampleRows: [
      [
        '1',
        'MH0001',
        'Nhà tình thương',
        '26734',
        'Phường Sài Gòn',
        'TP HCM',
        'An sinh xã hội',
        'Hội Nông dân',
        '15/03/2024',
        'Đang triển khai',
        'Cấp xã',
        '10,776',
        '106,700',
        '',
        'x',
      ],
      [
        '2',
        'MH0002',
        'Đèn đường',
        '26737',
        'Phường Bến Thành',
        'TP HCM',
        'An ninh trật tự',
        'Công an',
        '45000',
        'Đã hoàn thành',
        '',
        '10.77',
        '106.69',
        'MH0001',
        'y',
      ],
      ['Tổng cộng', '', '', '', '', '', '', '', '', '', '', '', '', '', ''],
    ],
  };
  const s = suggestMapping(input);

  it('maps every column to its field with full confidence', () => {
    expect(s.kind).toBe('models');
    expect(targets(s)).toEqual([
      'row_number',
      'model_id',
      'name',
      'unit_code',
      'unit_name',
      'province',
      'field',
      'sponsor',
      'start_date',
      'status',
      'recognition',
      'lat',
      'lon',
      'replicated_from',
      'description',
    ]);
    expect(s.columns.every((c) => c.confidence === 1)).toBe(true);
    expect(s.confidence).toBe(1);
    expect(s.problems).toEqual([]);
  });

  it('infers codes as text, dates (with an Excel serial) as date and coordinates as numbers', () => {
    expect(s.types).toEqual([
      'text', // "Tổng cộng" in the STT column of the totals row
      'text',
      'text',
      'text',
      'text',
      'text',
      'text',
      'text',
      'date',
      'text',
      'text',
      'number',
      'number',
      'text',
      'text',
    ]);
  });

  it('keeps indicator columns of a models sheet unmapped', () => {
    const t = suggestMapping({
      sheet: 'Mô hình',
      headers: ['Mã MH', 'Tên mô hình', 'Đơn vị', 'Kinh phí vận động'],
      sampleRows: [],
    });
    expect(targets(t)).toEqual(['model_id', 'name', 'unit_name', null]);
  });
});

describe('suggestMapping problems', () => {
  it('reports missing required columns as errors naming the Vietnamese header', () => {
    const s = suggestMapping({ sheet: 'Mô hình', headers: ['Tên mô hình', 'Lĩnh vực'], sampleRows: [] });
    expect(s.kind).toBe('models');
    const missing = codes(s, MAPPING_PROBLEM.missingColumn);
    expect(missing.map((p) => p.severity)).toEqual(['error', 'error']);
    expect(missing[0]!.message).toContain('Mã mô hình');
    expect(missing[1]!.message).toContain('Mã ĐVHC');
    expect(missing[1]!.message).toContain('Phường/Xã');
  });

  it('accepts either the unit code or the unit name in a models sheet', () => {
    for (const unit of ['Mã ĐVHC', 'Địa bàn']) {
      const s = suggestMapping({ sheet: 'x', headers: ['Mã MH', 'Tên mô hình', unit], sampleRows: [] });
      expect(codes(s, MAPPING_PROBLEM.missingColumn)).toEqual([]);
    }
  });

  it('keeps the better of two columns mapped to the same target and reports the other', () => {
    const s = suggestMapping({
      sheet: 'Mô hình',
      headers: ['Mã mô hình', 'Tên mô hình', 'Phường/Xã', 'Địa bàn'],
      sampleRows: [],
    });
    expect(targets(s)).toEqual(['model_id', 'name', 'unit_name', null]);
    const amb = codes(s, MAPPING_PROBLEM.ambiguous);
    expect(amb).toHaveLength(1);
    expect(amb[0]).toMatchObject({ severity: 'warning', column: 'Địa bàn' });
  });

  it('keeps the more confident column when two look like the same indicator', () => {
    const s = suggestMapping({
      sheet: 'Sheet1',
      headers: ['Mã mô hình', 'Kỳ báo cáo', 'Kinh phí huy động', 'Kinh phí vận động (đồng)'],
      sampleRows: [['MH1', '2025-03', '1.000.000', '2.000.000']],
    });
    expect(s.kind).toBe('values_wide');
    expect(s.columns.map((c) => c.indicator)).toEqual([
      undefined,
      undefined,
      undefined,
      'funds_mobilized_vnd',
    ]);
    expect(codes(s, MAPPING_PROBLEM.ambiguous)[0]).toMatchObject({
      column: 'Kinh phí huy động',
      severity: 'info',
    });
  });

  it('flags low-confidence guesses as info for the preview to highlight', () => {
    const s = suggestMapping({ sheet: 'Mô hình', headers: ['Mã', 'Tên', 'Phường/Xã'], sampleRows: [] });
    expect(targets(s)).toEqual(['model_id', 'name', 'unit_name']);
    const low = codes(s, MAPPING_PROBLEM.lowConfidence);
    expect(low.map((p) => [p.column, p.severity])).toEqual([
      ['Mã', 'info'],
      ['Tên', 'info'],
    ]);
    expect(s.confidence).toBeLessThan(1);
  });

  it('reports an unrecognisable sheet as unknown with no confidence', () => {
    const s = suggestMapping({ sheet: 'Sheet3', headers: ['Ghi chú', 'Người lập biểu'], sampleRows: [] });
    expect(s.kind).toBe('unknown');
    expect(s.confidence).toBe(0);
    expect(codes(s, MAPPING_PROBLEM.kindUnknown)).toHaveLength(1);
  });
});

describe('suggestMapping on indicator values', () => {
  it('maps a long-form sheet and leaves its mapping valid', () => {
    const s = suggestMapping({
      sheet: 'Chỉ tiêu',
      headers: ['STT', 'Mã MH', 'Kỳ báo cáo', 'Chỉ tiêu', 'Giá trị', 'ĐVT'],
      sampleRows: [
        ['1', 'MH1', 'Quý I/2025', 'Số căn nhà xây mới, sửa chữa', '3', 'căn'],
        ['2', 'MH1', 'Tháng 3/2025', 'Kinh phí vận động', '1.234.567,5', 'đồng'],
      ],
    });
    expect(s.kind).toBe('values_long');
    expect(targets(s)).toEqual(['row_number', 'model_id', 'period', 'indicator', 'value', 'uom']);
    expect(s.types).toEqual(['number', 'text', 'period', 'text', 'number', 'text']);
    expect(validateMapping(s.kind, s.columns)).toEqual([]);
  });

  it('melts a wide sheet with two-row headers: catalogue columns, scaled money and a new indicator', () => {
    const s = suggestMapping({
      sheet: 'Kết quả',
      headers: [
        'STT',
        'Mã mô hình',
        'Tên mô hình',
        'Tháng',
        'Kết quả thực hiện / Số căn nhà xây mới, sửa chữa (căn)',
        'Kết quả thực hiện / Kinh phí vận động (triệu đồng)',
        'Kết quả thực hiện / Số thành viên tổ (người)',
        'Kết quả thực hiện / Tổng cộng',
        'Ghi chú',
      ],
      sampleRows: [
        ['1', 'MH001', 'Nhà tình thương', '03/2025', '2', '1.500,5', '12', '1514', ''],
        ['2', 'MH002', 'Cầu nông thôn', '04/2025', '-', '200', '7', '207', 'đã xong'],
      ],
    });
    expect(s.kind).toBe('values_wide');
    expect(s.columns.map((c) => [c.target, c.indicator])).toEqual([
      ['row_number', undefined],
      ['model_id', undefined],
      ['name', undefined],
      ['period', undefined],
      ['value', 'houses_built'],
      ['value', 'funds_mobilized_vnd'],
      ['value', 'so_thanh_vien_to'],
      [null, undefined],
      [null, undefined],
    ]);
    expect(s.columns[5]!.scale).toBe(1e6);
    expect(codes(s, MAPPING_PROBLEM.valueScale)[0]).toMatchObject({ severity: 'warning' });
    expect(codes(s, MAPPING_PROBLEM.valueScale)[0]!.message).toContain('triệu đồng');
    const added = codes(s, MAPPING_PROBLEM.newIndicator);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      severity: 'warning',
      column: 'Kết quả thực hiện / Số thành viên tổ (người)',
    });
    expect(s.types.slice(3, 7)).toEqual(['period', 'number', 'number', 'number']);
    expect(validateMapping(s.kind, s.columns)).toEqual([]);
  });

  it('treats an unnamed 1, 2, 3 column as row numbers, not a new indicator', () => {
    const s = suggestMapping({
      sheet: 'Sheet1',
      headers: ['', 'Mã mô hình', 'Kỳ', 'Ngày công', 'Số lượt truy cập'],
      sampleRows: [
        ['1', 'MH1', '2025-01', '10', '100'],
        ['2', 'MH2', '2025-01', '12', '90'],
        ['3', 'MH3', '2025-01', '8', 'chưa báo cáo'],
      ],
    });
    expect(s.columns.map((c) => [c.target, c.indicator])).toEqual([
      ['row_number', undefined],
      ['model_id', undefined],
      ['period', undefined],
      ['value', 'labor_days'],
      [null, undefined], // mostly numbers but 1/3 text: below the 80 % agreement, so not a new indicator
    ]);
  });

  it('uses a caller-supplied catalogue', () => {
    const s = suggestMapping(
      {
        sheet: 'Kết quả',
        headers: ['Mã mô hình', 'Kỳ', 'Số căn nhà xây mới, sửa chữa'],
        sampleRows: [['MH1', '2025-01', '1']],
      },
      INDICATORS.filter((d) => d.code !== 'houses_built'),
    );
    expect(s.columns[2]).toMatchObject({
      target: 'value',
      indicator: 'so_can_nha_xay_moi_sua_chua',
      confidence: 0.5,
    });
  });
});
