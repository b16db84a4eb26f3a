/**
 * The value profile drawn for each model: which typical indicators it reports, and whether it carries a
 * planted anomaly (identical values every month, or one sudden 50× month) for anomaly detection to find.
 */

import { FIELDS } from '../../../shared/catalog';
import { INDICATOR_INDEX, LEVELS } from './levels';
import { at, type Rng } from './rng';
import { type ValueProfile } from './types';

/** Share of models planted with identical values every month. */
export const FLAT_SHARE = 0.01;
/** Share of models planted with one sudden 50× value. */
export const JUMP_SHARE = 0.005;

/** 3..8 indicators typical of the field, biased towards reporting most of them; ascending indices. */
export function pickIndicators(rng: Rng, field: number): number[] {
  const typical = at(FIELDS, field).typical;
  const kMax = Math.min(8, typical.length);
  const kMin = Math.min(3, kMax);
  const k = kMax - Math.floor(rng.next() ** 3 * (kMax - kMin + 1));
  const chosen = [at(typical, 0), ...rng.shuffled(typical.slice(1)).slice(0, k - 1)];
  // A turnaround average is only meaningful next to the records it is weighted by.
  if (chosen.includes('turnaround_minutes') && !chosen.includes('records_processed')) {
    const drop = chosen.findIndex((c, i) => i > 0 && c !== 'turnaround_minutes');
    chosen[drop] = 'records_processed';
  }
  return chosen.map((c) => INDICATOR_INDEX.get(c) ?? -1).sort((a, b) => a - b);
}

/**
 * The value profile of a model of `field` active from `startMonth` to `lastMonth`: its indicators, size,
 * anomaly pattern (flat needs ≥ 6 months, jump ≥ 4; the jump hits the model's largest count-type
 * indicator in a month after the first) and the seed of its value stream.
 */
export function valueProfile(
  rng: Rng,
  field: number,
  size: number,
  startMonth: number,
  lastMonth: number,
): ValueProfile {
  const indicators = pickIndicators(rng, field);
  const span = lastMonth - startMonth + 1;
  let pattern: ValueProfile['pattern'] = 'normal';
  let jumpMonth = -1;
  let jumpIndicator = -1;
  if (span >= 6 && rng.chance(FLAT_SHARE)) pattern = 'flat';
  else if (span >= 4 && rng.chance(JUMP_SHARE / (1 - FLAT_SHARE))) {
    pattern = 'jump';
    jumpMonth = rng.int(startMonth + 1, lastMonth);
    let best = -1;
    for (const i of indicators) {
      const level = at(LEVELS, i);
      if (level.rounding !== 'decimal' && (best < 0 || level.median > at(LEVELS, best).median)) best = i;
    }
    jumpIndicator = best;
    if (best < 0) pattern = 'normal';
  }
  return { indicators, size, pattern, jumpMonth, jumpIndicator, seed: rng.uint32() };
}
