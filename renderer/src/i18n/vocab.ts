/**
 * English names for the controlled Vietnamese vocabularies stored in the data (fields, sponsors,
 * statuses, recognition levels, units of measure). Data stays Vietnamese; the UI translates what it
 * knows and shows anything else (imported values) as stored.
 */
import { FIELDS } from '../../../shared/catalog';
import type { UiLang } from '../format/numbers';

const STATUS_EN: Record<string, string> = {
  'Đang triển khai': 'In progress',
  'Đã hoàn thành': 'Completed',
  'Tạm dừng': 'Paused',
};

const RECOGNITION_EN: Record<string, string> = {
  'Cấp xã': 'Commune level',
  'Cấp thành phố': 'City level',
  'Cấp trung ương': 'National level',
};

const SPONSOR_EN: Record<string, string> = {
  'Ủy ban MTTQ Việt Nam': 'Vietnam Fatherland Front Committee',
  'Hội Liên hiệp Phụ nữ': "Women's Union",
  'Đoàn Thanh niên': 'Youth Union',
  'Hội Nông dân': "Farmers' Association",
  'Hội Cựu chiến binh': "Veterans' Association",
  'Liên đoàn Lao động': 'Labour Federation',
  'Công an': 'Police',
  'Ban Chỉ huy Quân sự': 'Military Command',
  'UBND phường/xã': 'Commune People’s Committee',
  'Trung tâm Phục vụ hành chính công': 'Public Administration Service Centre',
  'Tổ chức tôn giáo': 'Religious organisation',
  'Doanh nghiệp': 'Business',
};

const UNIT_EN: Record<string, string> = {
  căn: 'houses',
  'cây cầu': 'bridges',
  bộ: 'sets',
  hộ: 'households',
  suất: 'meals',
  lượt: 'trips',
  'học sinh': 'students',
  đồng: 'VND',
  'ngày công': 'workdays',
  'lượt người': 'participations',
  người: 'people',
  cây: 'trees',
  'hồ sơ': 'records',
  phút: 'min',
  'sản phẩm': 'products',
};

const FIELD_EN: Record<string, string> = Object.fromEntries(FIELDS.map((f) => [f.name_vi, f.name_en]));

const TABLES = {
  field: FIELD_EN,
  sponsor: SPONSOR_EN,
  status: STATUS_EN,
  recognition: RECOGNITION_EN,
  unit: UNIT_EN,
} as const;

/** Which vocabulary a value belongs to. */
export type VocabKind = keyof typeof TABLES;

/** The value in the UI language: Vietnamese as stored, English when known, else as stored. */
export function vocabLabel(kind: VocabKind, value: string, lang: UiLang): string {
  if (lang === 'vi') return value;
  return TABLES[kind][value] ?? value;
}

/** Same as `vocabLabel` for nullable values; null stays null. */
export function vocabLabelOrNull(
  kind: VocabKind,
  value: string | null | undefined,
  lang: UiLang,
): string | null {
  return value == null ? null : vocabLabel(kind, value, lang);
}
