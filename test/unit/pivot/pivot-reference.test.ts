import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineServer } from '../../../electron/engine/server';
import { pivotCases } from './cases';
import { FIXTURE_CASE_DATA, openPivotFixture } from './fixture';
import { loadRaw, type RawData } from './oracle-data';
import { referencePivot } from './oracle';
import { expectSameCells, pivotRows, toCells } from './run';

let t: Awaited<ReturnType<typeof openPivotFixture>>;
/** The same engine with the planner free to read cubes, and forced to read `facts` (the fallback). */
let servers: Record<'cubes' | 'facts', EngineServer>;
let raw: RawData;

beforeAll(async () => {
  t = await openPivotFixture();
  servers = {
    cubes: new EngineServer(t.ws, { resultCache: false }),
    facts: new EngineServer(t.ws, { resultCache: false, cubes: false }),
  };
  raw = await loadRaw(t.ws);
});
afterAll(() => t.cleanup());

describe.each(['cubes', 'facts'] as const)(
  'pivot results (planner path: %s) equal a reference computed in plain JS from the raw tables',
  (path) => {
    it.each(pivotCases(FIXTURE_CASE_DATA))('$name', async ({ spec }) => {
      const { rows } = await pivotRows(servers[path], spec);
      const expected = referencePivot(spec, raw);
      expect(expected.size).toBeGreaterThan(0);
      expectSameCells(toCells(spec, rows), expected);
    });
  },
);
