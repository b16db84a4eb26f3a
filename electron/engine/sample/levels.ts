/**
 * Typical monthly magnitudes of each catalogue indicator for a median-sized model, and how each one is
 * rounded and shaped by the calendar. Tuned by eye to look like ward-level reports, not to any real data.
 */

import { INDICATORS } from '../../../shared/catalog';

/** How generated values are rounded. */
export type Rounding = 'count' | 'money' | 'decimal';

/** Generation parameters of one indicator. */
export interface IndicatorLevel {
  /** Median monthly value for a median model (for mean-type indicators: the typical level). */
  median: number;
  /** Log-scale spread of the level between models reporting this indicator. */
  spread: number;
  /** Log-scale month-to-month noise. */
  noise: number;
  rounding: Rounding;
  /** Given as gifts before Tết (meals, funds, support to households): peaks in the weeks before Tết. */
  gift: boolean;
  /** Boosted in July by the youth summer campaign ("Mùa hè xanh"). */
  summer: boolean;
}

const L = (
  median: number,
  rounding: Rounding,
  opts: { spread?: number; noise?: number; gift?: boolean; summer?: boolean } = {},
): IndicatorLevel => ({
  median,
  rounding,
  spread: opts.spread ?? 0.6,
  noise: opts.noise ?? 0.35,
  gift: opts.gift ?? false,
  summer: opts.summer ?? false,
});

const BY_CODE: Readonly<Record<string, IndicatorLevel>> = {
  houses_built: L(0.8, 'count', { spread: 0.5 }),
  bridges_built: L(0.25, 'count', { spread: 0.4 }),
  roads_built_m: L(160, 'count', { noise: 0.6 }),
  canals_cleaned_m: L(320, 'count', { noise: 0.5, summer: true }),
  lights_installed: L(9, 'count', { noise: 0.5 }),
  households_supported: L(14, 'count', { gift: true }),
  meals_served: L(260, 'count', { gift: true, spread: 0.8 }),
  patients_transported: L(45, 'count'),
  students_supported: L(16, 'count', { summer: true }),
  funds_mobilized_vnd: L(28_000_000, 'money', { spread: 0.9, noise: 0.5, gift: true }),
  labor_days: L(70, 'count', { summer: true }),
  participants: L(160, 'count', { spread: 0.7, summer: true }),
  beneficiaries: L(320, 'count', { spread: 0.8 }),
  trees_planted: L(45, 'count', { noise: 0.55, summer: true }),
  waste_collected_kg: L(850, 'count', { spread: 0.7 }),
  records_processed: L(420, 'count', { spread: 0.7, noise: 0.2 }),
  turnaround_minutes: L(35, 'decimal', { spread: 0.5, noise: 0.12 }),
  satisfaction_pct: L(86, 'decimal', { spread: 0, noise: 0 }),
  ocop_products: L(0.15, 'count', { spread: 0.4 }),
};

/** Levels in catalogue order (`LEVELS[i]` belongs to `INDICATORS[i]`). */
export const LEVELS: readonly IndicatorLevel[] = INDICATORS.map((d) => {
  const level = BY_CODE[d.code];
  if (!level) throw new Error(`no sample level for indicator ${d.code}`);
  return level;
});

/** Catalogue index of each indicator code. */
export const INDICATOR_INDEX: ReadonlyMap<string, number> = new Map(INDICATORS.map((d, i) => [d.code, i]));
