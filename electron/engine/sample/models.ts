/**
 * Generated "Dân vận khéo" models: spread unevenly over units (heavy-tailed unit weights), fields (by unit
 * type) and sponsors (by field), with start dates skewed towards 2023, statuses, recognition for the
 * strongest, replication lineage and coordinates for about a third.
 */

import { SPONSORS } from '../../../shared/catalog';
import { LAST_START_MONTH, MONTH_COUNT, daysInMonth, monthOf, yearOf } from './calendar';
import { pointInRing } from './geometry';
import { round6 } from './geography';
import { modelDescription, modelName, pickTemplate } from './model-text';
import { at, type Rng } from './rng';
import { assignLineage, assignRecognition } from './standing';
import { type SampleModel, type SampleUnit } from './types';
import { valueProfile } from './value-profile';
import { FIELD_WEIGHTS, SPONSOR_WEIGHTS } from './vocabulary';

/** Models generated per unit of `scale`. */
export const MODELS_PER_SCALE = 9600;

type Draft = Omit<SampleModel, 'index' | 'id' | 'name' | 'description' | 'recognition' | 'replicatedFrom'> & {
  order: number;
  rng: Rng;
};

function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let s = 0;
  weights.forEach((w, i) => (out[i] = s += w));
  return out;
}

function sampleCumulative(cum: Float64Array, rng: Rng): number {
  const r = rng.next() * (cum[cum.length - 1] ?? 0);
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cum[mid] ?? 0) > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function draftModel(rng: Rng, unit: number, units: readonly SampleUnit[], fieldCum: Float64Array): Draft {
  const u = at(units, unit);
  const field = sampleCumulative(fieldCum, rng);
  const sponsor = at(SPONSORS, rng.weightedIndex(at(SPONSOR_WEIGHTS, field)));
  const startMonth = Math.min(LAST_START_MONTH, Math.floor((LAST_START_MONTH + 1) * rng.next() ** 3));
  const day = rng.int(1, daysInMonth(startMonth));
  const startDate = `${yearOf(startMonth)}-${String(monthOf(startMonth)).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  let status: SampleModel['status'] = 'Đang triển khai';
  let lastMonth = MONTH_COUNT - 1;
  if (startMonth <= 30) {
    const s = rng.next();
    if (s < 0.13) {
      status = 'Đã hoàn thành';
      lastMonth = Math.min(MONTH_COUNT - 1, startMonth + rng.int(4, 24));
    } else if (s < 0.2) {
      status = 'Tạm dừng';
      lastMonth = rng.int(startMonth + 2, MONTH_COUNT - 2);
    }
  }
  const flagship = rng.chance(0.01) ? 5 : 1;
  const size = rng.logNormal(1, 0.85) * (u.population / 50_000) ** 0.25 * flagship;
  let lat: number | null = null;
  let lon: number | null = null;
  if (rng.chance(0.34)) [lon, lat] = pointInUnit(rng, u);
  return {
    unit,
    field,
    sponsor,
    startDate,
    startMonth,
    lastMonth,
    status,
    lat,
    lon,
    template: pickTemplate(rng, field),
    values: valueProfile(rng, field, size, startMonth, lastMonth),
    order: startMonth + rng.float(-2.5, 2.5),
    rng,
  };
}

/** A random point strictly inside the unit polygon (rejection sampling in its bounding box). */
function pointInUnit(rng: Rng, unit: SampleUnit): [number, number] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of unit.ring) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  for (;;) {
    const p: [number, number] = [round6(rng.float(x0, x1)), round6(rng.float(y0, y1))];
    if (pointInRing(p, unit.ring)) return p;
  }
}

/** Model id for a 0-based position: "MH-000001". */
export function modelId(index: number): string {
  return `MH-${String(index + 1).padStart(6, '0')}`;
}

/**
 * Generate `round(MODELS_PER_SCALE × scale)` models over `units`, ordered (and numbered) roughly by start
 * date. Deterministic for a given stream, units and scale.
 */
export function generateModels(rng: Rng, units: readonly SampleUnit[], scale = 1): SampleModel[] {
  const n = Math.max(1, Math.round(MODELS_PER_SCALE * scale));
  const weightRng = rng.fork('unit-weights');
  const unitCum = cumulative(
    units.map((u) => weightRng.logNormal(1, 0.9) * Math.sqrt(u.population / 50_000)),
  );
  const fieldCums = units.map((u) =>
    cumulative(FIELD_WEIGHTS[u.type].map((w) => w * weightRng.logNormal(1, 0.45))),
  );

  const drafts: Draft[] = [];
  for (let i = 0; i < n; i++) {
    const r = rng.fork('model', i);
    const unit = sampleCumulative(unitCum, r);
    drafts.push(draftModel(r, unit, units, at(fieldCums, unit)));
  }
  drafts.sort((a, b) => a.order - b.order);

  const recognition = assignRecognition(rng.fork('recognition'), drafts);
  const lineage = assignLineage(rng.fork('lineage'), drafts, recognition);
  const models: SampleModel[] = [];
  drafts.forEach((d, i) => {
    const src = at(lineage, i);
    const source = src >= 0 ? at(models, src) : null;
    const template = source ? source.template : d.template;
    const unit = at(units, d.unit);
    const name = modelName(d.rng, d.field, template, unit);
    models.push({
      index: i,
      id: modelId(i),
      name,
      unit: d.unit,
      field: d.field,
      sponsor: d.sponsor,
      startDate: d.startDate,
      startMonth: d.startMonth,
      lastMonth: d.lastMonth,
      status: d.status,
      recognition: at(recognition, i),
      lat: d.lat,
      lon: d.lon,
      replicatedFrom: source ? source.id : null,
      description: modelDescription({
        field: d.field,
        sponsor: d.sponsor,
        unit,
        startMonth: d.startMonth,
        lastMonth: d.lastMonth,
        status: d.status,
        replicatedFrom: source ? { id: source.id, name: source.name } : null,
      }),
      template,
      values: d.values,
    });
  });
  return models;
}
