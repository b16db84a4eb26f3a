/**
 * The built-in indicator catalogue, fields, sponsors and the other controlled vocabularies of DATA.md.
 * Pure data: the engine seeds the `indicators` table from it, the importer maps headers with it and the
 * sample generator draws from it.
 */

/** How an indicator combines across models and periods. Summing a mean-type indicator is a bug. */
export type Aggregation = 'sum' | 'mean' | 'weighted_mean';

export interface IndicatorDef {
  code: string;
  name_vi: string;
  name_en: string;
  /** Unit of measure as reports write it (Đơn vị tính). */
  unit: string;
  aggregation: Aggregation;
  /** For weighted means: the indicator whose value weights each observation, when present. */
  weight_by?: string;
  higher_is_better: boolean;
}

export const INDICATORS: readonly IndicatorDef[] = [
  {
    code: 'houses_built',
    name_vi: 'Nhà được xây mới, sửa chữa',
    name_en: 'Houses built or repaired',
    unit: 'căn',
    aggregation: 'sum',
    higher_is_better: true,
  },
  {
    code: 'bridges_built',
    name_vi: 'Cầu giao thông nông thôn',
    name_en: 'Rural bridges built',
    unit: 'cây cầu',
    aggregation: 'sum',
    higher_is_better: true,
  },
  {
    code: 'roads_built_m',
    name_vi: 'Đường giao thông làm mới, nâng cấp',
    name_en: 'Roads built or upgraded',
    unit: 'm',
    aggregation: 'sum',
    higher_is_better: true,
  },
  {
    code: 'canals_cleaned_m',
    name_vi: 'Kênh mương, tuyến hẻm được làm sạch',
    name_en: 'Canals and alleys cleaned',
    unit: 'm',
    aggregation: 'sum',
    higher_is_better: true,
  },
  {
    code: 'lights_installed',
    name_vi: 'Đèn chiếu sáng lắp đặt',
    name_en: 'Street lights installed',
    unit: 'bộ',
    aggregation: 'sum',
    higher_is_better: true,
  },
  {
    code: 'households_supported',
    name_vi: 'Hộ nghèo, cận nghèo được hỗ trợ',
    name_en: 'Poor and near-poor households supported',
    unit: 'hộ',
    aggregation: 'sum',
    higher_is_better: true,
  },
  {
    code: 'meals_served',
    name_vi: 'Suất ăn, phần quà trao tặng',
    name_en: 'Meals and gift parcels given',
    unit: 'suất',
    aggregation: 'sum',
    higher_is_better: true,
  },
  {
    code: 'patients_transported',
    name_vi: 'Lượt bệnh nhân được đưa đón miễn phí',
    name_en: 'Free patient transports',
    unit: 'lượt',
    aggregation: 'sum',
    higher_is_better: true,
  },
  {
    code: 'students_supported',
    name_vi: 'Học sinh khó khăn được hỗ trợ',
    name_en: 'Disadvantaged students supported',
    unit: 'học sinh',
    aggregation: 'sum',
    higher_is_better: true,
  },
  {
    code: 'funds_mobilized_vnd',
    name_vi: 'Kinh phí vận động',
    name_en: 'Funds mobilised',
    unit: 'đồng',
    aggregation: 'sum',
    higher_is_better: true,
  },
  {
    code: 'labor_days',
    name_vi: 'Ngày công lao động',
    name_en: 'Volunteer labour days',
    unit: 'ngày công',
    aggregation: 'sum',
    higher_is_better: true,
  },
  {
    code: 'participants',
    name_vi: 'Lượt người dân tham gia',
    name_en: 'Resident participations',
    unit: 'lượt người',
    aggregation: 'sum',
    higher_is_better: true,
  },
  {
    code: 'beneficiaries',
    name_vi: 'Người dân hưởng lợi',
    name_en: 'Beneficiaries',
    unit: 'người',
    aggregation: 'sum',
    higher_is_better: true,
  },
  {
    code: 'trees_planted',
    name_vi: 'Cây xanh trồng mới',
    name_en: 'Trees planted',
    unit: 'cây',
    aggregation: 'sum',
    higher_is_better: true,
  },
  {
    code: 'waste_collected_kg',
    name_vi: 'Rác thải được thu gom',
    name_en: 'Waste collected',
    unit: 'kg',
    aggregation: 'sum',
    higher_is_better: true,
  },
  {
    code: 'records_processed',
    name_vi: 'Hồ sơ hành chính được giải quyết',
    name_en: 'Administrative records processed',
    unit: 'hồ sơ',
    aggregation: 'sum',
    higher_is_better: true,
  },
  {
    code: 'turnaround_minutes',
    name_vi: 'Thời gian trả kết quả trung bình',
    name_en: 'Average turnaround time',
    unit: 'phút',
    aggregation: 'weighted_mean',
    weight_by: 'records_processed',
    higher_is_better: false,
  },
  {
    code: 'satisfaction_pct',
    name_vi: 'Mức độ hài lòng của người dân',
    name_en: 'Resident satisfaction',
    unit: '%',
    aggregation: 'mean',
    higher_is_better: true,
  },
  {
    code: 'ocop_products',
    name_vi: 'Sản phẩm OCOP được công nhận',
    name_en: 'OCOP products certified',
    unit: 'sản phẩm',
    aggregation: 'sum',
    higher_is_better: true,
  },
];

export const INDICATOR_BY_CODE: ReadonlyMap<string, IndicatorDef> = new Map(
  INDICATORS.map((d) => [d.code, d]),
);

export interface FieldDef {
  name_vi: string;
  name_en: string;
  /** Indicators a model of this field typically reports (DATA.md). */
  typical: readonly string[];
}

export const FIELDS: readonly FieldDef[] = [
  {
    name_vi: 'Chỉnh trang đô thị',
    name_en: 'Urban upgrading',
    typical: [
      'canals_cleaned_m',
      'lights_installed',
      'roads_built_m',
      'trees_planted',
      'labor_days',
      'funds_mobilized_vnd',
      'participants',
    ],
  },
  {
    name_vi: 'Cải cách hành chính',
    name_en: 'Administrative reform',
    typical: ['records_processed', 'turnaround_minutes', 'satisfaction_pct', 'participants'],
  },
  {
    name_vi: 'Phát triển mảng xanh',
    name_en: 'Green spaces',
    typical: ['trees_planted', 'labor_days', 'participants', 'funds_mobilized_vnd', 'beneficiaries'],
  },
  {
    name_vi: 'An sinh xã hội',
    name_en: 'Social security',
    typical: [
      'houses_built',
      'households_supported',
      'meals_served',
      'patients_transported',
      'funds_mobilized_vnd',
      'beneficiaries',
      'students_supported',
    ],
  },
  {
    name_vi: 'Bảo vệ môi trường',
    name_en: 'Environmental protection',
    typical: ['waste_collected_kg', 'canals_cleaned_m', 'trees_planted', 'participants', 'labor_days'],
  },
  {
    name_vi: 'Du lịch bền vững',
    name_en: 'Sustainable tourism',
    typical: ['participants', 'beneficiaries', 'funds_mobilized_vnd', 'ocop_products'],
  },
  {
    name_vi: 'Kinh tế – nông nghiệp sạch',
    name_en: 'Economy and clean agriculture',
    typical: [
      'ocop_products',
      'beneficiaries',
      'households_supported',
      'funds_mobilized_vnd',
      'participants',
    ],
  },
  {
    name_vi: 'Hạ tầng giao thông nông thôn',
    name_en: 'Rural transport infrastructure',
    typical: [
      'bridges_built',
      'roads_built_m',
      'lights_installed',
      'funds_mobilized_vnd',
      'labor_days',
      'beneficiaries',
    ],
  },
  {
    name_vi: 'Y tế – chăm sóc sức khỏe',
    name_en: 'Health care',
    typical: ['patients_transported', 'beneficiaries', 'meals_served', 'funds_mobilized_vnd', 'participants'],
  },
  {
    name_vi: 'Giáo dục – khuyến học',
    name_en: 'Education',
    typical: ['students_supported', 'funds_mobilized_vnd', 'beneficiaries', 'participants'],
  },
  {
    name_vi: 'An ninh trật tự',
    name_en: 'Public order and security',
    typical: ['participants', 'lights_installed', 'labor_days', 'beneficiaries'],
  },
  {
    name_vi: 'Xây dựng Đảng, chính quyền',
    name_en: 'Party and government building',
    typical: ['participants', 'records_processed', 'satisfaction_pct'],
  },
];

export const SPONSORS: readonly string[] = [
  'Ủy ban MTTQ Việt Nam',
  'Hội Liên hiệp Phụ nữ',
  'Đoàn Thanh niên',
  'Hội Nông dân',
  'Hội Cựu chiến binh',
  'Liên đoàn Lao động',
  'Công an',
  'Ban Chỉ huy Quân sự',
  'UBND phường/xã',
  'Trung tâm Phục vụ hành chính công',
  'Tổ chức tôn giáo',
  'Doanh nghiệp',
];

export const STATUSES = ['Đang triển khai', 'Đã hoàn thành', 'Tạm dừng'] as const;
export const RECOGNITIONS = ['Cấp xã', 'Cấp thành phố', 'Cấp trung ương'] as const;
export const UNIT_TYPES = ['phường', 'xã', 'đặc khu'] as const;
