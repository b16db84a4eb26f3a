/**
 * The pivot's words in the UI language (i18next) and its value formatting: the `GridText` the shared
 * grid builder needs, value names ("Kinh phí vận động · Trên 10.000 dân") and cell text with units.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogInfo } from '../../../../shared/api';
import type { GridText } from '../../../../shared/pivot-grid';
import type { PivotValue } from '../../../../shared/pivot-spec';
import { formatNumber } from '../../../../shared/format';
import { formatPivotValue, keyText, valueUnit } from '../../../../shared/pivot-text';
import type { Dimension, Measure } from '../../../../shared/specs';
import { useLang } from '../../i18n';
import type { PivotLayout } from './pivot-layout';

/** What the pivot view writes. */
export interface PivotText {
  grid: GridText;
  dim: (d: Dimension) => string;
  measure: (m: Measure) => string;
  value: (v: PivotValue) => string;
  /** A cell's number (units are in the value's header; shares as %). */
  cell: (x: number | null, valueIndex: number) => string;
  /** A cell's number with its unit (tooltips, charts). */
  cellWithUnit: (x: number | null, valueIndex: number) => string;
}

/** Words and formatters for `layout`, in the UI language. */
export function usePivotText(layout: PivotLayout, catalog: CatalogInfo): PivotText {
  const { t } = useTranslation();
  const lang = useLang();
  return useMemo(() => {
    const byCode = new Map(catalog.indicators.map((i) => [i.code, i]));
    const dim = (d: Dimension) => t(`pivot.dim.${d}`);
    const measure = (m: Measure): string => {
      if (m.type === 'count_models') return t('pivot.countModels');
      if (m.type === 'count_units') return t('pivot.countUnits');
      const ind = byCode.get(m.indicator);
      const name = (lang === 'en' ? ind?.name_en : ind?.name_vi) ?? ind?.name_vi ?? m.indicator;
      return m.agg && m.agg !== 'catalog' ? `${name} (${t(`pivot.agg.${m.agg}`)})` : name;
    };
    const value = (v: PivotValue): string => {
      const parts = [measure(v.measure)];
      if (v.per && v.per !== 'none') parts.push(t(`pivot.per.${v.per}`));
      if (v.share && v.share !== 'none') parts.push(t(`pivot.share.${v.share}`));
      return parts.join(' · ');
    };
    const axisDims = (axis: 'row' | 'column') => (axis === 'row' ? layout.rows : layout.columns);
    const grid: GridText = {
      total: t('pivot.total'),
      grandTotal: t('pivot.grandTotal'),
      others: t('pivot.others'),
      unknown: t('pivot.unknown'),
      dimension: (i, axis) => {
        const d = axisDims(axis)[i];
        return d ? dim(d) : '';
      },
      value: (i) => {
        const v = layout.values[i];
        if (!v) return '';
        const unit = valueUnit(v, catalog.indicators, lang);
        return unit ? `${value(v)} (${unit})` : value(v);
      },
      keyLabel: (axis, i, key, label) => {
        const d = axisDims(axis)[i];
        if (d === 'indicator') {
          const ind = byCode.get(key);
          return (lang === 'en' ? ind?.name_en : ind?.name_vi) ?? label ?? key;
        }
        return keyText(d, { ...layout }, key, label, lang);
      },
    };
    const cellWithUnit = (x: number | null, i: number): string => {
      const v = layout.values[i];
      return v ? formatPivotValue(x, v, catalog.indicators, lang) : '';
    };
    const cell = (x: number | null, i: number): string => {
      const v = layout.values[i];
      if (!v || x === null || (v.share ?? 'none') !== 'none') return cellWithUnit(x, i);
      return formatNumber(x, { locale: lang, maxFractionDigits: 2 });
    };
    return { grid, dim, measure, value, cell, cellWithUnit };
  }, [t, lang, layout, catalog]);
}
