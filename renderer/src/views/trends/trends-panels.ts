/**
 * Shaped lines → chart panels for the Trends view: one panel per indicator (lines = series) or one per
 * series (lines = indicators), with names, units and value formatting in the UI language.
 */
import type { CatalogInfo } from '../../../../shared/api';
import type { ChartPanel } from '../../charts/options/series-chart';
import type { Translate } from '../../charts/types';
import { formatCompact, formatValue, type UiLang } from '../../format/numbers';
import { vocabLabel } from '../../i18n/vocab';
import { isAll, isOthers, type ShapedLine, type TrendsSettings } from './trends-data';

/** Most panels drawn at once. */
export const MAX_PANELS = 24;

/** Display name of a series key. */
export function seriesName(l: ShapedLine, s: TrendsSettings, lang: UiLang, t: Translate): string {
  if (isAll(l.series)) return t('trends.all');
  if (isOthers(l.series)) return t('trends.others');
  if (l.series === null) return t('trends.missing');
  if (s.split === 'field' || s.split === 'sponsor' || s.split === 'status')
    return vocabLabel(s.split, l.series, lang);
  if (s.split === 'models') return l.label ? `${l.label} (${l.series})` : l.series;
  return l.label ?? l.series;
}

/** Indicator name in the UI language. */
export function indicatorName(code: string, catalog: CatalogInfo, lang: UiLang): string {
  const d = catalog.indicators.find((i) => i.code === code);
  if (!d) return code;
  return lang === 'en' && d.name_en ? d.name_en : d.name_vi;
}

/** Unit of the charted values after the transform. */
export function displayUnit(
  code: string,
  s: TrendsSettings,
  catalog: CatalogInfo,
  lang: UiLang,
  t: Translate,
): string | null {
  const raw = catalog.indicators.find((i) => i.code === code)?.unit ?? null;
  const unit = raw ? vocabLabel('unit', raw, lang) : null;
  if (s.transform === 'yoy') return '%';
  if (s.transform === 'index') return t('trends.unitIndex');
  if (s.transform === 'per10k') return t('trends.unitPer10k', { unit: unit ?? '' });
  return unit;
}

/** The panels; `total` is how many there would be before the cap. */
export function buildPanels(
  lines: readonly ShapedLine[],
  s: TrendsSettings,
  catalog: CatalogInfo,
  lang: UiLang,
  t: Translate,
): { panels: ChartPanel[]; total: number } {
  const fmt = (unit: string | null) => ({
    format: (v: number | null) => formatValue(v, unit, lang),
    formatAxis: (v: number) => formatCompact(v, unit === '%' ? '%' : null, lang),
  });
  const groups = new Map<string, { title: string; unit: string | null; lines: ShapedLine[] }>();
  for (const l of lines) {
    const byInd = s.multiples === 'indicator' || s.split === 'none';
    const key = byInd ? l.indicator : `${l.series ?? '\u0000'}\u0001${l.indicator}`;
    let g = groups.get(key);
    if (!g) {
      const ind = indicatorName(l.indicator, catalog, lang);
      const title = byInd
        ? ind
        : s.indicators.length > 1
          ? `${seriesName(l, s, lang, t)} · ${ind}`
          : seriesName(l, s, lang, t);
      g = { title, unit: displayUnit(l.indicator, s, catalog, lang, t), lines: [] };
      groups.set(key, g);
    }
    g.lines.push(l);
  }
  const all = [...groups.values()];
  const panels = all.slice(0, MAX_PANELS).map((g): ChartPanel => ({
    title: g.unit ? `${g.title} (${g.unit})` : g.title,
    ...fmt(g.unit),
    lines: g.lines.map((l) => ({
      key: `${l.series ?? ''}`,
      name: seriesName(l, s, lang, t),
      values: l.values,
      flags: s.flags ? l.flags : [],
    })),
  }));
  return { panels, total: all.length };
}
