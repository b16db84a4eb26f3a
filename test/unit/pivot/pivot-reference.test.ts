import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineServer } from '../../../electron/engine/server';
import { pivotCases } from './cases';
import { FIXTURE_CASE_DATA, openPivotFixture } from './fixture';
import { loadRaw, type RawData } from './oracle-data';
import { referencePivot } from './oracle';
import { expectSameCells, pivotRows, toCells } from './run';

let t: Awaited<ReturnType<typeof openPivotFixture>>;
let server: EngineServer;
let raw: RawData;

beforeAll(async () => {
  t = await openPivotFixture();
  server = new EngineServer(t.ws);
  raw = await loadRaw(t.ws);
});
afterAll(() => t.cleanup());

describe('pivot results equal a reference computed in plain JS from the raw tables', () => {
  it.each(pivotCases(FIXTURE_CASE_DATA))('$name', async ({ spec }) => {
    const { rows } = await pivotRows(server, spec);
    const expected = referencePivot(spec, raw);
    expect(expected.size).toBeGreaterThan(0);
    expectSameCells(toCells(spec, rows), expected);
  });
});
