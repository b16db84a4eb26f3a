/**
 * The integrity flags against the sample generator's own record of the models it planted (value-profile.ts:
 * ~1 % 'flat' = identical values every month, ~0.5 % 'jump' = one value × 50). A planted jump can land on a
 * month the generator then drops as missing; such a model carries no spike in its data, so recall is
 * measured against the jumps that are actually in the data (and reported against all of them too).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFlags } from '../../../electron/engine/query/flags';
import { DEFAULT_SEED, generateSample, modelSeries } from '../../../electron/engine/sample';
import type { FlagCode, ModelFlag } from '../../../shared/rank-spec';
import { openSampleCopy } from '../pivot/sample-workspace';

let copy: Awaited<ReturnType<typeof openSampleCopy>>;
let flags: ModelFlag[];

beforeAll(async () => {
  copy = await openSampleCopy();
  flags = await computeFlags(copy.ws, copy.ws.read);
}, 300_000);
afterAll(() => copy?.cleanup());

const { models } = generateSample(DEFAULT_SEED, 1);

function score(planted: Set<string>, code: FlagCode) {
  const got = new Set(flags.filter((f) => f.code === code).map((f) => f.modelId));
  const tp = [...got].filter((id) => planted.has(id)).length;
  return {
    planted: planted.size,
    flagged: got.size,
    tp,
    recall: tp / planted.size,
    precision: tp / got.size,
  };
}

describe('integrity flags on the sample dataset’s planted models', () => {
  it('finds every model planted with identical values every month, and only those', () => {
    const flat = new Set(models.filter((m) => m.values.pattern === 'flat').map((m) => m.id));
    const s = score(flat, 'identical_run');
    console.log('identical_run vs planted flat:', s);
    expect(flat.size).toBeGreaterThan(50);
    expect(s.recall).toBe(1);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('finds the planted 50× jumps with high recall and precision', () => {
    const jumps = models.filter((m) => m.values.pattern === 'jump');
    const inData = new Set(
      jumps.filter((m) => modelSeries(m).months.includes(m.values.jumpMonth)).map((m) => m.id),
    );
    const all = score(new Set(jumps.map((m) => m.id)), 'spike');
    const s = score(inData, 'spike');
    console.log('spike vs planted jump (all planted):', all, '(jump month in the data):', s);
    expect(inData.size).toBeGreaterThan(20);
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
  });

  it('a planted model is flagged on the indicator and month the generator chose', () => {
    const jump = models.find(
      (m) => m.values.pattern === 'jump' && modelSeries(m).months.includes(m.values.jumpMonth),
    );
    const f = flags.find((x) => x.code === 'spike' && x.modelId === jump?.id);
    expect(f).toBeDefined();
    const month = jump?.values.jumpMonth ?? 0;
    expect(f?.params.period).toBe(
      `${2023 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`,
    );
  });
});
