/** The renderer's shaping of a ranking result (rank-rows.ts) on a real engine answer over the constructed data. */
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineServer } from '../../../electron/engine/server';
import type { RankSpec } from '../../../shared/rank-spec';
import {
  filterByFlag,
  rankRows,
  sortRows,
  type RankRow,
} from '../../../renderer/src/views/ranking/rank-rows';
import { answeredSpec } from '../../../renderer/src/views/ranking/rank-state';
import { openTemp } from '../../helpers/workspace';
import { insertFixture } from './fixture';

let t: Awaited<ReturnType<typeof openTemp>>;
let rows: RankRow[];
const spec: RankSpec = {
  kind: 'rank',
  peer: 'all',
  components: [
    { type: 'indicator', indicator: 'households_supported', per: 'per_month', weight: 2 },
    { type: 'reporting_share', weight: 1 },
  ],
};

beforeAll(async () => {
  t = await openTemp();
  await insertFixture(t.ws);
  const r = await new EngineServer(t.ws).query(spec);
  rows = rankRows(tableFromIPC(r.arrow), spec.components);
});
afterAll(() => t.cleanup());

describe('ranking rows in the renderer', () => {
  it('each row’s component points add up to its score, and ranks run 1..n', () => {
    expect(rows.length).toBe(16);
    rows.forEach((r, i) => {
      expect(r.rank).toBe(i + 1);
      expect(r.parts.reduce((s, p) => s + p.points, 0)).toBeCloseTo(r.score, 9);
    });
  });

  it('a flagged model carries its flags, and the reporting share counts the months it missed', () => {
    const spike = rows.find((r) => r.modelId === 'M-SPIKE');
    expect(spike?.flagCodes).toEqual(['spike']);
    expect(spike?.flags[0]?.params.period).toBe('2025-03');
    // The gap model reported 19 of 24 expected months.
    expect(rows.find((r) => r.modelId === 'M-GAP')?.parts[1]?.raw).toBeCloseTo(19 / 24, 12);
  });

  it('sorts by a column (ties keep rank order) and filters by a flag', () => {
    const byName = sortRows(rows, 'name', 'asc').map((r) => r.name);
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b, 'vi')));
    expect(sortRows(rows, 'rank', 'desc')[0]?.rank).toBe(rows.length);
    expect(
      filterByFlag(rows, 'duplicate')
        .map((r) => r.modelId)
        .sort(),
    ).toEqual(['M-DUP-A', 'M-DUP-B']);
    expect(filterByFlag(rows, null).length).toBe(rows.length);
  });

  it('reads back the spec a result answers from its key, or falls back', () => {
    expect(answeredSpec(JSON.stringify(spec), { ...spec, peer: 'field' })).toEqual(spec);
    expect(answeredSpec('not json', spec)).toBe(spec);
    expect(answeredSpec(null, spec)).toBe(spec);
  });
});
