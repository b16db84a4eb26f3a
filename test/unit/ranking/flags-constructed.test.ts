import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFlags } from '../../../electron/engine/query/flags';
import type { FlagCode, ModelFlag } from '../../../shared/rank-spec';
import { openTemp } from '../../helpers/workspace';
import { insertFixture } from './fixture';

let t: Awaited<ReturnType<typeof openTemp>>;
let flags: ModelFlag[];

beforeAll(async () => {
  t = await openTemp();
  await insertFixture(t.ws);
  flags = await computeFlags(t.ws, t.ws.read);
});
afterAll(() => t.cleanup());

const of = (id: string, code?: FlagCode) =>
  flags.filter((f) => f.modelId === id && (!code || f.code === code));
const flagged = (code: FlagCode) =>
  [...new Set(flags.filter((f) => f.code === code).map((f) => f.modelId))].sort();

describe('integrity flags on constructed data', () => {
  it('a steady model carries no flag at all', () => {
    expect(of('M-STEADY')).toEqual([]);
    expect(of('M-SEASON')).toEqual([]);
  });

  it('12 identical consecutive months are flagged, with the run, value and months; 5 are not', () => {
    expect(flagged('identical_run')).toEqual(['M-FLAT12']);
    expect(of('M-FLAT12', 'identical_run')).toEqual([
      {
        modelId: 'M-FLAT12',
        code: 'identical_run',
        indicator: 'households_supported',
        params: { months: 12, value: 257, from: '2024-07', to: '2025-06' },
      },
    ]);
  });

  it('the run length is configurable', async () => {
    const f = await computeFlags(t.ws, t.ws.read, { identicalMonths: 5 });
    expect([...new Set(f.filter((x) => x.code === 'identical_run').map((x) => x.modelId))].sort()).toEqual([
      'M-FLAT12',
      'M-FLAT5',
    ]);
  });

  it('a single 50× value is flagged as a spike in its month; a seasonal peak is not', () => {
    expect(flagged('spike')).toEqual(['M-SPIKE']);
    const s = of('M-SPIKE', 'spike')[0];
    expect(s?.params.period).toBe('2025-03');
    expect(Number(s?.params.z)).toBeGreaterThanOrEqual(10);
  });

  it('values before the start month are flagged; the start month itself is not', () => {
    expect(flagged('before_start')).toEqual(['M-BEFORE']);
    expect(of('M-BEFORE', 'before_start')[0]?.params).toEqual({
      n: 5,
      first: '2024-01',
      start: '2024-06-15',
    });
  });

  it('a completed model still reporting in the last month of data is flagged', () => {
    expect(flagged('after_completion')).toEqual(['M-DONE']);
    expect(of('M-DONE', 'after_completion')[0]?.params).toEqual({ status: 'Đã hoàn thành', last: '2025-12' });
  });

  it('a model whose values are all multiples of 10 shows an excess of round numbers', () => {
    expect(flagged('round_numbers')).toContain('M-ROUND');
    expect(flagged('round_numbers')).not.toContain('M-STEADY');
    const r = of('M-ROUND', 'round_numbers')[0];
    expect(r?.params.share).toBe(1);
    expect(Number(r?.params.expected)).toBeLessThan(0.5);
  });

  it('near-identical names in the same unit, field and sponsor are likely duplicates; replicas and other units are not', () => {
    expect(flagged('duplicate')).toEqual(['M-DUP-A', 'M-DUP-B']);
    expect(of('M-DUP-A', 'duplicate')[0]?.params.other).toBe('M-DUP-B');
    expect(Number(of('M-DUP-B', 'duplicate')[0]?.params.similarity)).toBeGreaterThanOrEqual(0.9);
  });

  it('five months without any value are a reporting gap', () => {
    expect(flagged('reporting_gap')).toEqual(['M-GAP']);
    expect(of('M-GAP', 'reporting_gap')[0]?.params).toEqual({
      months: 5,
      after: '2024-06',
      before: '2024-12',
    });
  });

  it('flags never remove a model: every model is still in model_dim', async () => {
    const n = await t.ws.rows<{ n: number }>('SELECT count(*)::INTEGER AS n FROM model_dim');
    expect(n[0]?.n).toBe(16);
  });
});
