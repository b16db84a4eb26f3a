/**
 * The renderer's shaping of a ranking result (rank-rows.ts) on real engine answers over the constructed
 * data: whole rankings, the pages the Ranking view asks for (sort, flag filter, paging, counts), one
 * model's row (`focus`), and the specs the view builds for them (rank-state.ts).
 */
import { tableFromArrays, tableFromIPC, type Table } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineServer } from '../../../electron/engine/server';
import type { RankSpec } from '../../../shared/rank-spec';
import { rankCounts, rankRows, type RankRow } from '../../../renderer/src/views/ranking/rank-rows';
import {
  answeredSpec,
  focusSpec,
  pageSpec,
  rankingOf,
  wholeTableSpec,
} from '../../../renderer/src/views/ranking/rank-state';
import { openTemp } from '../../helpers/workspace';
import { insertFixture } from './fixture';

let t: Awaited<ReturnType<typeof openTemp>>;
let engine: EngineServer;
let rows: RankRow[];
const spec: RankSpec = {
  kind: 'rank',
  peer: 'all',
  components: [
    { type: 'indicator', indicator: 'households_supported', per: 'per_month', weight: 2 },
    { type: 'reporting_share', weight: 1 },
  ],
};
const ask = async (s: RankSpec): Promise<Table> => tableFromIPC((await engine.query(s)).arrow);

beforeAll(async () => {
  t = await openTemp();
  await insertFixture(t.ws);
  engine = new EngineServer(t.ws);
  rows = rankRows(await ask(spec), spec.components);
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

  it('a page with counts: its rows, the models ranked and the rows matching before paging', async () => {
    const table = await ask(pageSpec(spec, { by: 'rank', dir: 'asc' }, null, 5));
    expect(rankRows(table, spec.components)).toEqual(rows.slice(0, 5));
    expect(rankCounts(table)).toEqual({ ranked: 16, matching: 16 });
    // A whole ranking without `counts` carries none.
    expect(rankCounts(await ask(spec))).toBeNull();
  });

  it('a flag filter keeps the flagged models with their ranks among all, and counts them', async () => {
    const table = await ask(pageSpec(spec, { by: 'rank', dir: 'asc' }, 'duplicate', 100));
    const dup = rows.filter((r) => r.flagCodes.includes('duplicate'));
    expect(dup.map((r) => r.modelId).sort()).toEqual(['M-DUP-A', 'M-DUP-B']);
    expect(rankRows(table, spec.components)).toEqual(dup);
    expect(rankCounts(table)).toEqual({ ranked: 16, matching: 2 });
  });

  it('a page past the last row is one row with NULL model columns: no row, the counts still read', async () => {
    const table = await ask({ ...pageSpec(spec, { by: 'rank', dir: 'asc' }, 'duplicate', 10), offset: 10 });
    expect(table.numRows).toBe(1);
    expect(table.getChild('model_id')?.get(0)).toBeNull();
    expect(rankRows(table, spec.components)).toEqual([]);
    expect(rankCounts(table)).toEqual({ ranked: 16, matching: 2 });
  });

  it('skips a NULL-model row in a table built by hand too (ranks of the rest unchanged)', () => {
    const table = tableFromArrays({
      rank: Int32Array.from([7, 0]),
      score: Float64Array.from([41.5, 0]),
      model_id: ['M-1', null],
      name: ['Một', null],
      ranked: [BigInt(9), BigInt(9)],
      matching: [BigInt(1), BigInt(1)],
    });
    const got = rankRows(table, spec.components);
    expect(got.map((r) => [r.modelId, r.rank, r.score])).toEqual([['M-1', 7, 41.5]]);
    // BIGINT counts decode as bigint: read as numbers.
    expect(rankCounts(table)).toEqual({ ranked: 9, matching: 1 });
  });

  it('rows come in the engine’s sort order: names in Vietnamese collation order, ties by rank', async () => {
    const table = await ask(pageSpec(spec, { by: 'name', dir: 'asc' }, null, 100));
    const byName = rankRows(table, spec.components);
    const vi = new Intl.Collator('vi');
    const expected = [...rows].sort((a, b) => vi.compare(a.name, b.name) || a.rank - b.rank);
    expect(byName.map((r) => r.modelId)).toEqual(expected.map((r) => r.modelId));
    // 'Điểm tựa an sinh' sorts among the D's, not after 'Z' as bytes would put it.
    const names = byName.map((r) => r.name);
    expect(names.indexOf('Điểm tựa an sinh')).toBeLessThan(names.indexOf('Hẻm xanh sạch đẹp'));
  });

  it('a focused model comes alone with its rank among all; a model not ranked gives no row', async () => {
    const spike = rows.find((r) => r.modelId === 'M-SPIKE');
    const focused = rankRows(await ask(focusSpec(spec, 'M-SPIKE')), spec.components);
    expect(focused).toEqual([spike]);
    expect(rankRows(await ask(focusSpec(spec, 'M-NOT-THERE')), spec.components)).toEqual([]);
  });

  it('the whole table as shown: every row, the same sort and flag filter, no paging', async () => {
    const page = pageSpec(spec, { by: 'flags', dir: 'desc' }, 'duplicate', 1);
    const whole = wholeTableSpec(page);
    expect(whole).toEqual({ ...spec, sort: { by: 'flags', dir: 'desc' }, only: 'duplicate' });
    // Most flags first, ties in rank order.
    const expected = rows
      .filter((r) => r.flagCodes.includes('duplicate'))
      .sort((a, b) => b.flagCodes.length - a.flagCodes.length || a.rank - b.rank);
    expect(rankRows(await ask(whole), spec.components)).toEqual(expected);
  });

  it('builds page and focus specs from the ranking alone (a saved view’s paging fields are dropped)', () => {
    const saved: RankSpec = {
      ...spec,
      sort: { by: 'name', dir: 'desc' },
      only: 'spike',
      limit: 3,
      focus: 'X',
    };
    expect(rankingOf(saved)).toEqual(spec);
    expect(pageSpec(saved, { by: 'unit', dir: 'asc' }, null, 200)).toEqual({
      ...spec,
      sort: { by: 'unit', dir: 'asc' },
      offset: 0,
      limit: 200,
      counts: true,
    });
    expect(focusSpec(saved, 'M-GAP')).toEqual({ ...spec, focus: 'M-GAP' });
  });

  it('reads back the spec a result answers from its key, paging fields included, or falls back', () => {
    expect(answeredSpec(JSON.stringify(spec), { ...spec, peer: 'field' })).toEqual(spec);
    const page = pageSpec(spec, { by: 'field', dir: 'desc' }, 'reporting_gap', 300);
    expect(answeredSpec(JSON.stringify(page), spec)).toEqual(page);
    expect(answeredSpec('not json', spec)).toBe(spec);
    expect(answeredSpec(null, spec)).toBe(spec);
  });
});
