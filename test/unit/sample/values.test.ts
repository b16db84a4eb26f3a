import { describe, expect, it } from 'vitest';
import { FIELDS, INDICATORS } from '../../../shared/catalog';
import { generateSample, modelSeries, valueRows } from '../../../electron/engine/sample/index';
import { TET_SHARES } from '../../../electron/engine/sample/calendar';
import { type SampleModel } from '../../../electron/engine/sample/types';

const { models } = generateSample(11, 0.25);
const code = (i: number): string => INDICATORS[i]?.code ?? '?';
const SATISFACTION = INDICATORS.findIndex((d) => d.code === 'satisfaction_pct');
const TURNAROUND = INDICATORS.findIndex((d) => d.code === 'turnaround_minutes');

interface Seen {
  months: Set<number>;
  indicators: Set<number>;
}

const seen = new Map<number, Seen>();
let rowCount = 0;
let satMin = Infinity;
let satMax = -Infinity;
let turnMin = Infinity;
let turnMax = -Infinity;
let nonIntegerCounts = 0;
let negatives = 0;
for (const [m, month, ind, v] of valueRows(models)) {
  rowCount++;
  const s = seen.get(m) ?? { months: new Set<number>(), indicators: new Set<number>() };
  s.months.add(month);
  s.indicators.add(ind);
  seen.set(m, s);
  if (ind === SATISFACTION) {
    satMin = Math.min(satMin, v);
    satMax = Math.max(satMax, v);
  } else if (ind === TURNAROUND) {
    turnMin = Math.min(turnMin, v);
    turnMax = Math.max(turnMax, v);
  } else if (!Number.isInteger(v)) nonIntegerCounts++;
  if (v < 0) negatives++;
}

/** Values of one indicator of one model, month by month. */
function seriesOf(model: SampleModel, ind: number): number[] {
  const { months, values } = modelSeries(model);
  const j = model.values.indicators.indexOf(ind);
  const k = model.values.indicators.length;
  return months.map((_, r) => values[r * k + j] ?? NaN);
}

describe('sample indicator values', () => {
  it('reports only within [start month, last month] and every model reports something', () => {
    expect(seen.size).toBe(models.length);
    for (const model of models) {
      const s = seen.get(model.index);
      expect(s).toBeDefined();
      for (const month of s?.months ?? []) {
        expect(month).toBeGreaterThanOrEqual(model.startMonth);
        expect(month).toBeLessThanOrEqual(model.lastMonth);
        expect(month).toBeLessThanOrEqual(35);
      }
      expect(s?.months.has(model.startMonth)).toBe(true);
    }
  });

  it('has each model report 3–8 indicators, all typical of its field', () => {
    for (const model of models) {
      const inds = [...(seen.get(model.index)?.indicators ?? [])];
      expect(inds.length).toBeGreaterThanOrEqual(3);
      expect(inds.length).toBeLessThanOrEqual(8);
      const typical = FIELDS[model.field]?.typical ?? [];
      for (const i of inds) expect(typical).toContain(code(i));
      if (inds.includes(TURNAROUND)) expect(inds.map(code)).toContain('records_processed');
    }
  });

  it('keeps means in range and counts as non-negative integers', () => {
    expect(satMin).toBeGreaterThanOrEqual(60);
    expect(satMax).toBeLessThanOrEqual(100);
    expect(turnMin).toBeGreaterThanOrEqual(5);
    expect(turnMax).toBeLessThanOrEqual(120);
    expect(nonIntegerCounts).toBe(0);
    expect(negatives).toBe(0);
  });

  it('leaves about 3 % of months missing', () => {
    let expected = 0;
    let present = 0;
    for (const model of models) {
      if (model.values.pattern === 'flat') continue;
      expected += model.lastMonth - model.startMonth + 1;
      present += seen.get(model.index)?.months.size ?? 0;
    }
    const missing = 1 - present / expected;
    expect(missing).toBeGreaterThan(0.015);
    expect(missing).toBeLessThan(0.045);
  });

  it('plants flat models that repeat identical values every month', () => {
    const flat = models.filter((m) => m.values.pattern === 'flat');
    expect(flat.length).toBeGreaterThan(5);
    for (const m of flat) {
      for (const ind of m.values.indicators) {
        const s = seriesOf(m, ind);
        expect(s.length).toBeGreaterThanOrEqual(6);
        expect(new Set(s).size).toBe(1);
      }
    }
    const normal = models.filter((m) => m.values.pattern === 'normal' && m.lastMonth - m.startMonth > 6);
    const alsoFlat = normal.filter((m) =>
      m.values.indicators.every((i) => new Set(seriesOf(m, i)).size === 1),
    );
    expect(alsoFlat.length).toBeLessThan(flat.length / 5 + 1);
  });

  it('plants models with one sudden 50× jump', () => {
    const jumps = models.filter((m) => m.values.pattern === 'jump');
    expect(jumps.length).toBeGreaterThan(2);
    let detected = 0;
    for (const m of jumps) {
      const s = seriesOf(m, m.values.jumpIndicator);
      const { months } = modelSeries(m);
      const at = months.indexOf(m.values.jumpMonth);
      if (at < 0) continue; // the jump month itself went missing
      const others = s.filter((_, r) => r !== at).sort((a, b) => a - b);
      const median = others[Math.floor(others.length / 2)] ?? 0;
      if ((s[at] ?? 0) >= 10 * Math.max(1, median)) detected++;
    }
    expect(detected).toBeGreaterThanOrEqual(Math.floor(jumps.length * 0.8));
  });

  it('shows Tết: gifts peak in the weeks before it while other work dips in the holiday', () => {
    const meals = INDICATORS.findIndex((d) => d.code === 'meals_served');
    const records = INDICATORS.findIndex((d) => d.code === 'records_processed');
    const total = (ind: number): Float64Array => {
      const t = new Float64Array(36);
      for (const m of models) {
        if (!m.values.indicators.includes(ind) || m.values.pattern !== 'normal') continue;
        const { months, values } = modelSeries(m);
        const j = m.values.indicators.indexOf(ind);
        const k = m.values.indicators.length;
        months.forEach((month, r) => (t[month] = (t[month] ?? 0) + (values[r * k + j] ?? 0)));
      }
      return t;
    };
    const giftMonth = TET_SHARES.findIndex((s, m) => m >= 24 && s.gift > 0.9); // 2025-01
    const holidayMonth = 13; // 2024-02, Tết on 10 Feb 2024
    const m = total(meals);
    expect((m[giftMonth] ?? 0) / (((m[giftMonth - 2] ?? 0) + (m[giftMonth + 2] ?? 0)) / 2)).toBeGreaterThan(
      1.5,
    );
    const r = total(records);
    expect(
      (r[holidayMonth] ?? 0) / (((r[holidayMonth - 2] ?? 0) + (r[holidayMonth + 2] ?? 0)) / 2),
    ).toBeLessThan(0.85);
  });

  it('has heavy-tailed model sizes', () => {
    const participants = INDICATORS.findIndex((d) => d.code === 'participants');
    const totals = models
      .filter((m) => m.values.indicators.includes(participants))
      .map(
        (m) =>
          seriesOf(m, participants).reduce((a, b) => a + b, 0) /
          Math.max(1, seriesOf(m, participants).length),
      )
      .sort((a, b) => a - b);
    const median = totals[Math.floor(totals.length / 2)] ?? 1;
    const p99 = totals[Math.floor(totals.length * 0.99)] ?? 0;
    expect(p99 / median).toBeGreaterThan(6);
  });

  it('regenerates a model identically and yields as many rows as the series hold', () => {
    const m = models[3];
    if (!m) throw new Error('no model');
    expect(modelSeries(m)).toEqual(modelSeries(m));
    const n = models.reduce((s, mm) => s + modelSeries(mm).months.length * mm.values.indicators.length, 0);
    expect(rowCount).toBe(n);
  });
});
