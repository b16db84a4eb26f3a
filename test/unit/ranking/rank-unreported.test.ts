/**
 * A model that never reported a value is never ranked, whatever the components: no evidence, no credit.
 * The tiny dataset's MH-4 is registered with no values at all. The reporting share once came out as 1 for
 * it (DuckDB's `least(1.0, NULL)` is 1.0, since LEAST ignores NULLs), which ranked a model with no reports
 * above every model that reported: exactly the "good on paper" model the ranking must not reward.
 */
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineServer } from '../../../electron/engine/server';
import type { RankComponent, RankSpec } from '../../../shared/rank-spec';
import { insertTinyData } from '../../helpers/tiny-data';
import { openTemp } from '../../helpers/workspace';

let t: Awaited<ReturnType<typeof openTemp>>;

beforeAll(async () => {
  t = await openTemp();
  await insertTinyData(t.ws);
});
afterAll(() => t?.cleanup());

async function ranked(server: EngineServer, components: RankComponent[]) {
  const spec: RankSpec = { kind: 'rank', peer: 'all', components };
  return tableFromIPC((await server.query(spec)).arrow)
    .toArray()
    .map((r) => ({ id: String(r.model_id), share: r.c0_raw as number | null }));
}

describe('models without values', () => {
  const paths = [
    { name: 'columnar kernel', opts: {} },
    { name: 'SQL, one statement', opts: { rankKernel: false, rankCores: false } },
    { name: 'SQL, kept core', opts: { rankKernel: false } },
  ];
  for (const path of paths) {
    it(`are not ranked on the reporting share (${path.name})`, async () => {
      const server = new EngineServer(t.ws, { resultCache: false, ...path.opts });
      const rows = await ranked(server, [{ type: 'reporting_share', weight: 1 }]);
      expect(rows.map((r) => r.id).sort()).toEqual(['MH-1', 'MH-2', 'MH-3']);
      for (const r of rows) {
        expect(r.share).toBeGreaterThan(0);
        expect(r.share).toBeLessThanOrEqual(1);
      }
      // Nor on any other component they have no value for.
      const all = await ranked(server, [
        { type: 'reporting_share', weight: 1 },
        { type: 'months_active', weight: 1 },
        { type: 'trend', weight: 1 },
      ]);
      expect(all.map((r) => r.id)).not.toContain('MH-4');
    });
  }
});
