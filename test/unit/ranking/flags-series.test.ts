/**
 * The identical-run and spike rules (flags-series.ts, computed with integer keys, gaps and islands and a
 * candidate pre-filter) equal a direct JS reading of their definitions on seeded random series built to
 * hit the edge cases: runs broken by a missing month or by another value, the same value in two runs,
 * runs below the magnitude threshold, negative values, series whose MAD is 0, ties.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFlags } from '../../../electron/engine/query/flags';
import { DEFAULT_FLAG_OPTIONS, type ModelFlag } from '../../../shared/rank-spec';
import { openTemp } from '../../helpers/workspace';
import { insertFixture, MONTHS, type FixtureModel, rng } from './fixture';

// In code order: flags of one model and rule come out ordered by indicator.
const INDICATORS = ['beneficiaries', 'households_supported'] as const;

function makeModels(n: number, seed: number): FixtureModel[] {
  const r = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const models: FixtureModel[] = [];
  for (let k = 0; k < n; k++) {
    const values: Record<string, Record<string, number>> = {};
    for (const ind of INDICATORS) {
      const months = MONTHS.filter(() => r() > 0.08);
      const kind = r();
      const series: Record<string, number> = {};
      const base = int(20, 400);
      months.forEach((m) => {
        // Constant series (MAD 0), negative series, or noisy ones.
        series[m] = kind < 0.15 ? base : kind < 0.25 ? -int(5, 300) : base + int(-30, 30);
      });
      // Runs of a repeated value, some below the magnitude threshold, some sharing a value.
      for (let j = int(0, 3); j > 0; j--) {
        const at = int(0, months.length - 1);
        const len = int(3, 10);
        const v = [3, 8, 12, 257, -40, base][int(0, 5)] as number;
        for (const m of months.slice(at, at + len)) series[m] = v;
      }
      // Spikes: large jumps, sometimes two equal ones (a tie on z).
      if (r() < 0.4) {
        const spike = base * int(10, 80) + int(0, 5);
        for (let j = int(1, 2); j > 0; j--) {
          const m = months[int(0, months.length - 1)];
          if (m) series[m] = spike;
        }
      }
      values[ind] = series;
    }
    models.push({
      id: `R-${String(k).padStart(3, '0')}`,
      name: `Mo hinh ngau nhien ${k} ${'abcdefghij'.repeat(3).slice(k % 10, (k % 10) + 8)}`,
      unit: ['00101', '00102', '00103'][k % 3] as string,
      field: 'An sinh xã hội',
      sponsor: `Chu tri ${k}`,
      start: '2024-01-01',
      status: 'Đang triển khai',
      values,
    });
  }
  return models;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length / 2;
  return s.length % 2 ? (s[Math.floor(h)] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
};
const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

/** The rules as their documentation states them, one series at a time. */
function oracle(models: FixtureModel[]) {
  const o = DEFAULT_FLAG_OPTIONS;
  const runs: ModelFlag[] = [];
  const spikes: {
    modelId: string;
    indicator: string;
    period: string;
    value: number;
    median: number;
    z: number;
  }[] = [];
  for (const m of models)
    for (const ind of INDICATORS) {
      const pts = Object.entries(m.values[ind] ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
      let best: { len: number; value: number; from: string; to: string } | null = null;
      let start = 0;
      for (let i = 1; i <= pts.length; i++) {
        const cont =
          i < pts.length &&
          monthIndex(pts[i]?.[0] as string) === monthIndex(pts[i - 1]?.[0] as string) + 1 &&
          pts[i]?.[1] === pts[i - 1]?.[1];
        if (cont) continue;
        const len = i - start;
        const value = pts[start]?.[1] as number;
        if (len >= o.identicalMonths && Math.abs(value) >= o.identicalMinValue && (!best || len > best.len))
          best = { len, value, from: pts[start]?.[0] as string, to: pts[i - 1]?.[0] as string };
        start = i;
      }
      if (best)
        runs.push({
          modelId: m.id,
          code: 'identical_run',
          indicator: ind,
          params: { months: best.len, value: best.value, from: best.from, to: best.to },
        });
      const xs = pts.map(([, v]) => v);
      if (xs.length < o.spikeMinHistory) continue;
      const med = median(xs);
      const mad = median(xs.map((x) => Math.abs(x - med)));
      const meanad = xs.reduce((s, x) => s + Math.abs(x - med), 0) / xs.length;
      let top: (typeof spikes)[number] | null = null;
      for (const [period, x] of pts) {
        const z = mad > 0 ? (0.6745 * (x - med)) / mad : meanad > 0 ? (x - med) / (1.253314 * meanad) : null;
        if (z === null || z < o.spikeZ || x < o.spikeRatio * Math.max(Math.abs(med), 1)) continue;
        if (!top || z > top.z) top = { modelId: m.id, indicator: ind, period, value: x, median: med, z };
      }
      if (top) spikes.push(top);
    }
  return { runs, spikes };
}

let t: Awaited<ReturnType<typeof openTemp>>;
let models: FixtureModel[];
let flags: ModelFlag[];

beforeAll(async () => {
  t = await openTemp();
  models = makeModels(120, 20251122);
  await insertFixture(t.ws, models);
  flags = await computeFlags(t.ws, t.ws.read);
}, 120_000);
afterAll(() => t.cleanup());

describe('identical runs and spikes equal their definitions on random series', () => {
  it('identical runs: the longest run per series (earliest on a tie), with value, months and range', () => {
    const want = oracle(models).runs;
    const got = flags.filter((f) => f.code === 'identical_run');
    expect(want.length).toBeGreaterThan(10);
    expect(got).toEqual(want);
  });

  it('spikes: the largest robust z per series (earliest on a tie), MAD 0 falling back to the mean deviation', () => {
    const want = oracle(models).spikes;
    const got = flags.filter((f) => f.code === 'spike');
    expect(want.length).toBeGreaterThan(10);
    expect(
      got.map((f) => [f.modelId, f.indicator, f.params.period, f.params.value, f.params.median]),
    ).toEqual(want.map((w) => [w.modelId, w.indicator, w.period, w.value, w.median]));
    got.forEach((f, i) => expect(f.params.z).toBeCloseTo(Math.round((want[i]?.z ?? 0) * 10) / 10, 6));
  });
});
