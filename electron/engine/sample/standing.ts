/**
 * Standing of generated models among their peers: recognition levels for the strongest, and replication
 * lineage pointing to earlier models of the same field (favouring recognised ones in other units).
 */

import { at, type Rng } from './rng';
import { type SampleModel } from './types';

/** What ranking and lineage need to know of a drafted model. */
export interface StandingInput {
  unit: number;
  field: number;
  startMonth: number;
  lastMonth: number;
  values: { size: number };
}

/** Recognition by rank of a noisy strength score: ~0.4 % central, ~4 % city, ~15 % commune level. */
export function assignRecognition(rng: Rng, drafts: readonly StandingInput[]): SampleModel['recognition'][] {
  const score = drafts.map(
    (d) => d.values.size * rng.logNormal(1, 0.6) * (1 + (d.lastMonth - d.startMonth) / 24),
  );
  const order = drafts.map((_, i) => i).sort((a, b) => at(score, b) - at(score, a) || a - b);
  const n = drafts.length;
  const tw = Math.round(n * 0.004);
  const tp = Math.round(n * 0.04);
  const xa = Math.round(n * 0.15);
  const out: SampleModel['recognition'][] = new Array<SampleModel['recognition']>(n).fill('');
  order.forEach((i, rank) => {
    if (rank < tw) out[i] = at(drafts, i).startMonth <= 24 ? 'Cấp trung ương' : 'Cấp thành phố';
    else if (rank < tw + tp) out[i] = 'Cấp thành phố';
    else if (rank < tw + tp + xa) out[i] = 'Cấp xã';
  });
  return out;
}

const LINEAGE_WEIGHT: Readonly<Record<string, number>> = {
  'Cấp trung ương': 30,
  'Cấp thành phố': 10,
  'Cấp xã': 3,
  '': 1,
};
const MAX_WEIGHT = 30;
const SAME_UNIT_WEIGHT = 0.3;
const MAX_TRIES = 5000;

/**
 * For ~5 % of models, an earlier model (listed before it and started at least two months before) of
 * the same field, favouring recognised ones and other units. Returns a source index per model, or -1.
 * Weighted choice by rejection sampling, so the cost does not grow with the square of the model count.
 */
export function assignLineage(
  rng: Rng,
  drafts: readonly StandingInput[],
  recognition: readonly string[],
): number[] {
  const byField = new Map<number, number[]>();
  const rank: number[] = [];
  drafts.forEach((d, i) => {
    const list = byField.get(d.field) ?? [];
    rank.push(list.length);
    list.push(i);
    byField.set(d.field, list);
  });
  return drafts.map((d, i) => {
    if (d.startMonth < 3 || !rng.chance(0.09)) return -1;
    const earlier = byField.get(d.field) ?? [];
    const count = at(rank, i);
    if (count === 0) return -1;
    for (let t = 0; t < MAX_TRIES; t++) {
      const j = at(earlier, rng.int(0, count - 1));
      const src = at(drafts, j);
      if (src.startMonth > d.startMonth - 2) continue;
      const w = (LINEAGE_WEIGHT[at(recognition, j)] ?? 1) * (src.unit === d.unit ? SAME_UNIT_WEIGHT : 1);
      if (rng.next() * MAX_WEIGHT < w) return j;
    }
    return -1;
  });
}
