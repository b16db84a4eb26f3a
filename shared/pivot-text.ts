/**
 * Names and number formats of a pivot's parts, in vi and en, for the exporters (the engine has no
 * i18next) and for value cells everywhere: a value's name ("Kinh phí vận động / 10.000 dân"), its unit
 * and its formatted text. Share values are fractions (0–1) shown as percentages.
 */
import { INDICATOR_BY_CODE } from './catalog';
import { formatPeriod, formatValue, type FormatLocale } from './format';
import type { GridText } from './pivot-grid';
import type { PivotSpec, PivotValue } from './pivot-spec';
import type { Dimension } from './specs';

/** An indicator as the catalogue describes it (catalog.get rows or the built-in catalogue). */
export interface IndicatorInfo {
  code: string;
  name_vi: string;
  name_en: string | null;
  unit: string | null;
}

/** Dimension names per locale. */
export const DIMENSION_NAMES: Readonly<Record<FormatLocale, Readonly<Record<Dimension, string>>>> = {
  vi: {
    province: 'Tỉnh/Thành phố',
    unit: 'Phường/Xã',
    unit_type: 'Loại đơn vị',
    field: 'Lĩnh vực',
    sponsor: 'Cơ quan chủ trì',
    status: 'Tình trạng',
    recognition: 'Cấp công nhận',
    start_year: 'Năm bắt đầu',
    period: 'Kỳ',
    indicator: 'Chỉ tiêu',
  },
  en: {
    province: 'Province/City',
    unit: 'Ward/Commune',
    unit_type: 'Unit type',
    field: 'Field',
    sponsor: 'Sponsor',
    status: 'Status',
    recognition: 'Recognition',
    start_year: 'Start year',
    period: 'Period',
    indicator: 'Indicator',
  },
};

const WORDS = {
  vi: {
    total: 'Tổng',
    grandTotal: 'Tổng cộng',
    others: 'Khác',
    unknown: '(Không rõ)',
    countModels: 'Số mô hình',
    countUnits: 'Số phường/xã',
    per10k: '/10.000 dân',
    perKm2: '/km²',
    shareOf: { grand: '% tổng cộng', row: '% tổng hàng', column: '% tổng cột' },
    agg: { sum: 'tổng', mean: 'trung bình', median: 'trung vị', min: 'nhỏ nhất', max: 'lớn nhất' },
  },
  en: {
    total: 'Total',
    grandTotal: 'Grand total',
    others: 'Others',
    unknown: '(Unknown)',
    countModels: 'Models',
    countUnits: 'Wards/communes',
    per10k: ' per 10,000 residents',
    perKm2: ' per km²',
    shareOf: { grand: '% of grand total', row: '% of row total', column: '% of column total' },
    agg: { sum: 'sum', mean: 'mean', median: 'median', min: 'min', max: 'max' },
  },
} as const;

const indicatorOf = (code: string, indicators: readonly IndicatorInfo[]): IndicatorInfo | undefined =>
  indicators.find((i) => i.code === code) ?? INDICATOR_BY_CODE.get(code);

/** The unit a value is shown in: the indicator's unit, per capita / per km², or '%' for a share. */
export function valueUnit(v: PivotValue, indicators: readonly IndicatorInfo[], locale: FormatLocale): string {
  if ((v.share ?? 'none') !== 'none') return '%';
  const base =
    v.measure.type === 'indicator' ? (indicatorOf(v.measure.indicator, indicators)?.unit ?? '') : '';
  const w = WORDS[locale];
  if (v.per === 'per10k') return `${base}${w.per10k}`.trim();
  if (v.per === 'per_km2') return `${base}${w.perKm2}`.trim();
  return base;
}

/** The name of a value: measure, aggregation when not the catalogue's, per / share. */
export function valueName(v: PivotValue, indicators: readonly IndicatorInfo[], locale: FormatLocale): string {
  const w = WORDS[locale];
  let name: string;
  if (v.measure.type === 'count_models') name = w.countModels;
  else if (v.measure.type === 'count_units') name = w.countUnits;
  else {
    const ind = indicatorOf(v.measure.indicator, indicators);
    name = (locale === 'en' ? ind?.name_en : ind?.name_vi) ?? ind?.name_vi ?? v.measure.indicator;
    const agg = v.measure.agg ?? 'catalog';
    if (agg !== 'catalog') name += ` (${w.agg[agg]})`;
  }
  if (v.per === 'per10k') name += w.per10k;
  if (v.per === 'per_km2') name += w.perKm2;
  if (v.share && v.share !== 'none') name += ` (${w.shareOf[v.share]})`;
  return name;
}

/** Format one cell of value `v`. */
export function formatPivotValue(
  x: number | null,
  v: PivotValue,
  indicators: readonly IndicatorInfo[],
  locale: FormatLocale,
): string {
  if (x === null) return formatValue(null, null, locale);
  if ((v.share ?? 'none') !== 'none') return formatValue(x * 100, '%', locale, 1);
  return formatValue(x, valueUnit(v, indicators, locale), locale);
}

/** Text of a key for dimension `d` (periods by grain; otherwise the engine's label, else the key). */
export function keyText(
  d: Dimension | undefined,
  spec: PivotSpec,
  key: string,
  label: string | null,
  locale: FormatLocale,
): string {
  if (d === 'period') return formatPeriod(key, spec.grain ?? 'month', locale);
  return label ?? key;
}

/** The `GridText` of a spec for the exporters. */
export function exportGridText(
  spec: PivotSpec,
  indicators: readonly IndicatorInfo[],
  locale: FormatLocale,
): GridText {
  const w = WORDS[locale];
  const dims = (axis: 'row' | 'column') => (axis === 'row' ? spec.rows : spec.columns);
  return {
    total: w.total,
    grandTotal: w.grandTotal,
    others: w.others,
    unknown: w.unknown,
    dimension: (i, axis) => {
      const d = dims(axis)[i];
      return d ? DIMENSION_NAMES[locale][d] : '';
    },
    value: (i) => {
      const v = spec.values[i];
      return v ? valueName(v, indicators, locale) : '';
    },
    keyLabel: (axis, i, key, label) => keyText(dims(axis)[i], spec, key, label, locale),
  };
}
