import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FLAT_RUN, seriesFlags } from '../../../renderer/src/views/trends/series-flags';
import { seasonalIndices } from '../../../renderer/src/views/trends/trends-data';
import { tetPeriods, TET_DATES } from '../../../shared/tet';

describe('data-quality flags of a series', () => {
  it('flags a 50× jump and nothing else in a noisy series', () => {
    const values = [10, 12, 9, 11, 13, 10, 500, 12, 11, null, 10, 9];
    expect(seriesFlags(values)).toEqual([{ index: 6, kind: 'jump' }]);
  });

  it('flags a run of identical values, broken by a missing period', () => {
    const run = Array.from({ length: FLAT_RUN }, () => 7);
    expect(seriesFlags([1, 2, ...run, 3]).map((f) => f.index)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(seriesFlags([...run.slice(0, 3), null, ...run.slice(0, 3)])).toEqual([]);
    expect(seriesFlags(Array.from({ length: 10 }, () => 0))).toEqual([]);
  });

  it('never flags a gap and returns indices on the axis', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null }), { maxLength: 40 }),
        (vs) => {
          for (const f of seriesFlags(vs)) {
            expect(f.index).toBeGreaterThanOrEqual(0);
            expect(f.index).toBeLessThan(vs.length);
            expect(vs[f.index]).not.toBeNull();
          }
        },
      ),
    );
  });
});

describe('the Tết table', () => {
  it('holds one date per year 2020–2030, in late January or February', () => {
    expect(TET_DATES.map((d) => d.slice(0, 4))).toEqual(
      Array.from({ length: 11 }, (_, i) => String(2020 + i)),
    );
    for (const d of TET_DATES)
      expect(d >= `${d.slice(0, 4)}-01-21` && d <= `${d.slice(0, 4)}-02-20`).toBe(true);
    expect(tetPeriods('month').find((p) => p.date === '2024-02-10')?.period).toBe('2024-02-01');
    expect(tetPeriods('quarter').find((p) => p.date === '2024-02-10')?.period).toBe('2024-01-01');
  });
});

describe('seasonal periods (Tết)', () => {
  // A steady series with one Tết peak: robust z ≈ 6.6 against its own history (MAD ≈ 2).
  const steady = [100, 104, 98, 102, 101, 99, 103, 97, 100, 102, 120, 101, 99, 100];
  it('a Tết peak is not a suspicious jump, but the same peak elsewhere is', () => {
    expect(seriesFlags(steady, new Set([10]))).toEqual([]);
    expect(seriesFlags(steady)).toEqual([{ index: 10, kind: 'jump' }]);
  });
  it('a 50× spike in a Tết month is still flagged', () => {
    const spiked = steady.map((v, i) => (i === 10 ? 5000 : v));
    expect(seriesFlags(spiked, new Set([10]))).toEqual([{ index: 10, kind: 'jump' }]);
  });
  it('the Tết month and the month before it are seasonal at month grain; only the quarter at quarter grain', () => {
    const months = ['2024-01-01', '2024-02-01', '2024-03-01'];
    expect([...seasonalIndices(months, 'month')].sort()).toEqual([0, 1]);
    expect([...seasonalIndices(['2024-01-01', '2024-04-01'], 'quarter')]).toEqual([0]);
    expect([...seasonalIndices(['2024-01-01'], 'year')]).toEqual([]);
  });
});
