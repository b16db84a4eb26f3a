/**
 * Units of measure as reports write them ("đồng", "triệu đồng", "tr.đ", "tấn", "%"…), reduced to a base
 * unit and a scale, so a header's unit can confirm an indicator guess and flag values in millions.
 */
import { cleanText, foldVi } from '../text';

/** Broad kind of quantity: a unit of another dimension contradicts a guess, another count does not. */
export type Dimension = 'money' | 'length' | 'mass' | 'time' | 'percent' | 'count';

/** A recognised unit: its base unit, the factor from it to the base, and its dimension. */
export interface UnitReading {
  base: string;
  scale: number;
  dimension: Dimension;
}

const TABLE: readonly { base: string; dimension: Dimension; scale: number; forms: readonly string[] }[] = [
  { base: 'đồng', dimension: 'money', scale: 1, forms: ['đồng', 'đ', 'vnđ', 'vnd', 'việt nam đồng'] },
  {
    base: 'đồng',
    dimension: 'money',
    scale: 1e3,
    forms: [
      'nghìn đồng',
      'ngàn đồng',
      'nghìn',
      'ngàn',
      '1000 đồng',
      '1.000 đồng',
      '1000đ',
      '1.000đ',
      'nghìn vnđ',
    ],
  },
  {
    base: 'đồng',
    dimension: 'money',
    scale: 1e6,
    forms: ['triệu đồng', 'triệu', 'tr.đ', 'trđ', 'tr đ', 'tr.đồng', 'tr', 'triệu vnđ', 'tr. đồng'],
  },
  { base: 'đồng', dimension: 'money', scale: 1e9, forms: ['tỷ đồng', 'tỉ đồng', 'tỷ', 'tỉ'] },
  { base: 'm', dimension: 'length', scale: 1, forms: ['m', 'mét', 'm dài', 'md'] },
  { base: 'm', dimension: 'length', scale: 1e3, forms: ['km', 'ki-lô-mét', 'cây số'] },
  { base: 'kg', dimension: 'mass', scale: 1, forms: ['kg', 'ki-lô-gam', 'kilôgam', 'kilogram'] },
  { base: 'kg', dimension: 'mass', scale: 100, forms: ['tạ'] },
  { base: 'kg', dimension: 'mass', scale: 1e3, forms: ['tấn'] },
  { base: 'phút', dimension: 'time', scale: 1, forms: ['phút', 'min', 'minutes'] },
  { base: 'phút', dimension: 'time', scale: 60, forms: ['giờ', 'h', 'hours'] },
  { base: '%', dimension: 'percent', scale: 1, forms: ['%', 'phần trăm', 'tỷ lệ %', 'percent'] },
  { base: 'căn', dimension: 'count', scale: 1, forms: ['căn', 'căn nhà', 'nhà', 'ngôi nhà', 'ngôi'] },
  { base: 'cây cầu', dimension: 'count', scale: 1, forms: ['cây cầu', 'cầu', 'chiếc cầu'] },
  { base: 'cây', dimension: 'count', scale: 1, forms: ['cây', 'cây xanh'] },
  { base: 'bộ', dimension: 'count', scale: 1, forms: ['bộ', 'bóng', 'cái', 'trụ', 'chiếc'] },
  { base: 'hộ', dimension: 'count', scale: 1, forms: ['hộ', 'hộ gia đình'] },
  { base: 'suất', dimension: 'count', scale: 1, forms: ['suất', 'phần', 'phần quà', 'suất ăn'] },
  { base: 'lượt', dimension: 'count', scale: 1, forms: ['lượt', 'lượt người', 'người/lượt', 'lượt/người'] },
  { base: 'học sinh', dimension: 'count', scale: 1, forms: ['học sinh', 'em', 'hs'] },
  { base: 'ngày công', dimension: 'count', scale: 1, forms: ['ngày công', 'công'] },
  { base: 'người', dimension: 'count', scale: 1, forms: ['người', 'người dân', 'nhân khẩu'] },
  { base: 'hồ sơ', dimension: 'count', scale: 1, forms: ['hồ sơ', 'bộ hồ sơ'] },
  { base: 'sản phẩm', dimension: 'count', scale: 1, forms: ['sản phẩm', 'sp'] },
];

const BY_FORM: ReadonlyMap<string, UnitReading> = new Map(
  TABLE.flatMap((u) =>
    u.forms.map((f) => [foldVi(f), { base: u.base, scale: u.scale, dimension: u.dimension }] as const),
  ),
);

/**
 * Reads a unit of measure ("triệu đồng" → `{ base: 'đồng', scale: 1e6, dimension: 'money' }`);
 * case- and diacritics-insensitive; null when the unit is not one the catalogue uses.
 */
export function readUnit(unit: string | null | undefined): UnitReading | null {
  if (!unit) return null;
  const key = foldVi(cleanText(unit)).replace(/\s*\.\s*/g, '.');
  return BY_FORM.get(key) ?? BY_FORM.get(key.replace(/\./g, '')) ?? null;
}

/** How a header's unit relates to an indicator's unit. */
export type UnitAgreement = 'agree' | 'other_count' | 'conflict' | 'unknown';

/** Compares a header's unit with an indicator's catalogue unit; 'unknown' when either is unrecognised. */
export function compareUnits(header: UnitReading | null, indicator: UnitReading | null): UnitAgreement {
  if (!header || !indicator) return 'unknown';
  if (header.base === indicator.base) return 'agree';
  if (header.dimension === 'count' && indicator.dimension === 'count') return 'other_count';
  return 'conflict';
}
