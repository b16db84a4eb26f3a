/**
 * Words for ranking components and integrity flags, from i18n keys and the catalogue: the engine sends
 * codes and parameters only. Pure functions of (item, t, lang, catalogue).
 */
import type { TFunction } from 'i18next';
import type { CatalogInfo } from '../../../../shared/api';
import { flagTemplateKey } from '../../../../shared/flag-text';
import type { ModelFlag, RankComponent } from '../../../../shared/rank-spec';
import { formatNumber, formatValue, type UiLang } from '../../format/numbers';

type Indicators = CatalogInfo['indicators'];

/** The indicator's name in the UI language (its code when unknown). */
export function indicatorName(code: string, indicators: Indicators, lang: UiLang): string {
  const d = indicators.find((i) => i.code === code);
  return d ? (lang === 'en' && d.name_en ? d.name_en : d.name_vi) : code;
}

/** A component's label: "Hộ nghèo… (trên 1 triệu đồng vận động)", "Số tháng hoạt động". */
export function componentLabel(c: RankComponent, t: TFunction, indicators: Indicators, lang: UiLang): string {
  if (c.type !== 'indicator') return t(`ranking.component.${c.type}`);
  const name = indicatorName(c.indicator, indicators, lang);
  const per = c.per ?? 'none';
  return per === 'none' ? name : t('ranking.indicatorPer', { name, per: t(`ranking.per.${per}`) });
}

/** A component's raw value with its unit where it has one. */
export function componentValue(
  c: RankComponent,
  v: number | null,
  indicators: Indicators,
  lang: UiLang,
): string {
  if (c.type === 'reporting_share') return v === null ? '–' : `${formatNumber(v * 100, lang, 0)}%`;
  if (c.type === 'trend')
    return v === null
      ? '–'
      : `${v >= 0 ? '+' : ''}${formatNumber(v * 100, lang, 1)}%/${lang === 'vi' ? 'tháng' : 'month'}`;
  if (c.type !== 'indicator' || (c.per ?? 'none') !== 'none') return formatNumber(v, lang);
  const unit = indicators.find((i) => i.code === c.indicator)?.unit ?? null;
  return formatValue(v, unit, lang);
}

/** A flag in words: its short label and its sentence. */
export function flagText(
  f: ModelFlag,
  t: TFunction,
  indicators: Indicators,
  lang: UiLang,
): { label: string; text: string } {
  const p = f.params;
  const n = (k: string, digits?: number) =>
    typeof p[k] === 'number' ? formatNumber(p[k], lang, digits) : String(p[k] ?? '');
  const pct = (k: string) => (typeof p[k] === 'number' ? `${formatNumber(p[k] * 100, lang, 0)}%` : '');
  const indicator = f.indicator ? indicatorName(f.indicator, indicators, lang) : '';
  const unit = f.indicator ? (indicators.find((i) => i.code === f.indicator)?.unit ?? null) : null;
  const val = (k: string) => (typeof p[k] === 'number' ? formatValue(p[k], unit, lang) : '');
  const vars: Record<string, string> = { indicator };
  switch (f.code) {
    case 'identical_run':
      Object.assign(vars, {
        value: val('value'),
        months: n('months'),
        from: String(p.from),
        to: String(p.to),
      });
      break;
    case 'spike':
      Object.assign(vars, {
        period: String(p.period),
        value: val('value'),
        median: val('median'),
        z: n('z', 1),
      });
      break;
    case 'before_start':
      Object.assign(vars, { n: n('n'), start: String(p.start), first: String(p.first) });
      break;
    case 'after_completion':
      Object.assign(vars, { status: String(p.status), last: String(p.last) });
      break;
    case 'round_numbers':
      Object.assign(vars, { share: pct('share'), expected: pct('expected'), n: n('n') });
      break;
    case 'duplicate':
      Object.assign(vars, { other: String(p.other), similarity: pct('similarity') });
      break;
    case 'reporting_gap':
      Object.assign(vars, { months: n('months'), after: String(p.after), before: String(p.before ?? '') });
      break;
  }
  const key = `ranking.flag.${f.code}.${flagTemplateKey(f.code, p)}`;
  return { label: t(`ranking.flag.${f.code}.label`), text: t(key, vars) };
}
