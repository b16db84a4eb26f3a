/**
 * Monthly indicator values of generated models. Each model's series comes from its own seeded stream, so
 * any model can be regenerated alone and in any order; nothing is kept in memory beyond one model.
 *
 * Shape: a per-model, per-indicator level (log-normal around the catalogue median × model size), a ramp
 * over the first months, a small trend, Tết seasonality (activity dips in the holiday, gifts peak in the
 * weeks before), a July youth-campaign boost, log-normal monthly noise; counts are integers (Poisson for
 * small means). About 3 % of months are missing; stopped models report nothing after their last month;
 * 'flat' models repeat identical values and 'jump' models have one value multiplied by 50.
 */

import { INDICATORS } from '../../../shared/catalog';
import { MONTH_COUNT, TET_SHARES, monthOf } from './calendar';
import { LEVELS } from './levels';
import { at, Rng } from './rng';
import { type SampleModel, type ValueRow } from './types';

/** Share of model-months randomly missing from the reports. */
export const MISSING_MONTH_SHARE = 0.03;
/** Factor applied to the planted jump. */
export const JUMP_FACTOR = 50;

const SATISFACTION = INDICATORS.findIndex((d) => d.code === 'satisfaction_pct');
const TURNAROUND = INDICATORS.findIndex((d) => d.code === 'turnaround_minutes');

/** Calendar factor per indicator × month, computed once. */
const SEASON: readonly Float64Array[] = LEVELS.map((level) => {
  const f = new Float64Array(MONTH_COUNT);
  for (let m = 0; m < MONTH_COUNT; m++) {
    const tet = at(TET_SHARES, m);
    let v = 1 - 0.45 * tet.holiday;
    if (level.gift) v += 1.6 * tet.gift;
    if (level.summer && monthOf(m) === 7) v *= 1.3;
    if (monthOf(m) === 12) v *= 1.08;
    f[m] = v;
  }
  return f;
});

/** One model's values: `months[r]` is a month index, `values[r * k + j]` the value of indicator j of k. */
export interface ModelSeries {
  months: number[];
  /** Row-major, `months.length × indicators.length`. */
  values: number[];
}

function roundValue(v: number, rounding: 'count' | 'money' | 'decimal'): number {
  if (rounding === 'decimal') return Math.round(v * 10) / 10;
  if (rounding === 'money')
    return v >= 1_000_000 ? Math.round(v / 100_000) * 100_000 : Math.round(v / 10_000) * 10_000;
  return Math.max(0, Math.round(v));
}

function countDraw(rng: Rng, mean: number, noise: number): number {
  const lambda = mean * Math.exp(noise * rng.normal());
  return lambda < 30 ? rng.poisson(lambda) : Math.round(lambda);
}

/** The monthly series of one model, regenerated from its own seed. */
export function modelSeries(model: SampleModel): ModelSeries {
  const p = model.values;
  const rng = new Rng(p.seed, 'series');
  const k = p.indicators.length;
  const base = p.indicators.map((i) => {
    const level = at(LEVELS, i);
    if (i === SATISFACTION) return rng.float(74, 95);
    if (i === TURNAROUND) return Math.exp(rng.float(Math.log(12), Math.log(95)));
    return level.median * p.size * rng.logNormal(1, level.spread);
  });
  const trend = p.indicators.map(() => rng.float(-0.012, 0.025));
  const months: number[] = [];
  const values: number[] = [];

  for (let m = model.startMonth; m <= model.lastMonth; m++) {
    const age = m - model.startMonth;
    if (p.pattern !== 'flat' && age > 0 && rng.chance(MISSING_MONTH_SHARE)) continue;
    months.push(m);
    const ramp = age >= 3 ? 1 : ([0.45, 0.7, 0.9][age] ?? 1);
    for (let j = 0; j < k; j++) {
      const i = at(p.indicators, j);
      const level = at(LEVELS, i);
      const b = at(base, j);
      let v: number;
      if (p.pattern === 'flat') {
        v = level.rounding === 'count' ? Math.max(1, Math.round(b)) : roundValue(b, level.rounding);
      } else if (i === SATISFACTION) {
        v = roundValue(Math.min(100, Math.max(60, b + 0.08 * age + 2.2 * rng.normal())), 'decimal');
      } else if (i === TURNAROUND) {
        const t = b * 0.985 ** age * Math.exp(level.noise * rng.normal());
        v = roundValue(Math.min(120, Math.max(5, t)), 'decimal');
      } else {
        const mean = b * ramp * (1 + at(trend, j)) ** age * (at(SEASON, i)[m] ?? 1);
        v =
          level.rounding === 'count'
            ? countDraw(rng, mean, level.noise)
            : roundValue(mean * Math.exp(level.noise * rng.normal()), level.rounding);
        if (p.pattern === 'jump' && m === p.jumpMonth && i === p.jumpIndicator) {
          v = Math.max(v, level.rounding === 'money' ? 1_000_000 : 1) * JUMP_FACTOR;
        }
      }
      values.push(v);
    }
  }
  return { months, values };
}

/**
 * Every value row of `models`, model by model, month by month, indicators in catalogue order. Lazy:
 * memory stays at one model's series however many rows are produced.
 */
export function* valueRows(models: readonly SampleModel[]): Generator<ValueRow> {
  for (const model of models) {
    const { months, values } = modelSeries(model);
    const inds = model.values.indicators;
    const k = inds.length;
    for (let r = 0; r < months.length; r++) {
      const m = at(months, r);
      for (let j = 0; j < k; j++) yield [model.index, m, at(inds, j), at(values, r * k + j)];
    }
  }
}

/** Number of value rows `valueRows(models)` yields, without materialising them. */
export function countValueRows(models: readonly SampleModel[]): number {
  let n = 0;
  for (const model of models) n += modelSeries(model).months.length * model.values.indicators.length;
  return n;
}
