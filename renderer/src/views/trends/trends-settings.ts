/**
 * Period labels on the trend axis, and the Trends settings as they travel in the URL hash (like the pivot
 * layout): reloading or sharing the link, or coming back from the Overview the brush just filtered,
 * restores the same chart. Parsing is forgiving: anything odd falls back to the default.
 */
import type { Translate } from '../../charts/types';
import { formatPeriod, type UiLang } from '../../format/numbers';
import {
  DEFAULT_SETTINGS,
  SPLIT_CHOICES,
  TRANSFORM_CHOICES,
  type Grain,
  type TrendsSettings,
} from './trends-data';

/** "03/2024" / "Mar 2024", "Q1/2024", "2024" for a period key ('YYYY-MM-DD'). */
export function periodLabel(period: string, grain: Grain, lang: UiLang, t: Translate): string {
  const y = period.slice(0, 4);
  if (grain === 'year') return y;
  if (grain === 'quarter')
    return t('trends.quarter', { q: Math.floor((Number(period.slice(5, 7)) - 1) / 3) + 1, year: y });
  return formatPeriod(period, lang);
}

const CODE = /^[a-z][a-z0-9_]{0,62}$/;

/** Settings read back (each field checked; anything odd falls back to the default). */
export function parseTrendsSettings(text: string | null): TrendsSettings | null {
  if (!text) return null;
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (!o || typeof o !== 'object') return null;
  const d = DEFAULT_SETTINGS;
  const pick = <T>(v: unknown, allowed: readonly T[], dflt: T): T =>
    allowed.includes(v as T) ? (v as T) : dflt;
  const strings = (v: unknown, max: number, re?: RegExp) =>
    Array.isArray(v)
      ? v
          .filter((x): x is string => typeof x === 'string' && x.length <= 200 && (!re || re.test(x)))
          .slice(0, max)
      : null;
  const indicators = strings(o.indicators, 8, CODE);
  return {
    indicators: indicators?.length ? indicators : d.indicators,
    split: pick(o.split, SPLIT_CHOICES, d.split),
    topN: typeof o.topN === 'number' && o.topN >= 1 && o.topN <= 50 ? Math.round(o.topN) : d.topN,
    modelIds: strings(o.modelIds, 10) ?? [],
    grain: pick(o.grain, ['month', 'quarter', 'year'] as const, d.grain),
    transform: pick(o.transform, TRANSFORM_CHOICES, d.transform),
    kind: pick(o.kind, ['line', 'area', 'bar'] as const, d.kind),
    multiples: pick(o.multiples, ['indicator', 'series'] as const, d.multiples),
    sharedY: o.sharedY === true,
    flags: o.flags !== false,
    tet: o.tet !== false,
  };
}

/** The settings as the JSON the URL hash carries (`#/trends?trends=…`). */
export function formatTrendsSettings(s: TrendsSettings): string {
  return JSON.stringify(s);
}
