/**
 * Drill-through on the scale-1 sample: for a start year × indicator pivot of model counts, the filter a
 * cell drills to (renderer/src/views/pivot/drill.ts) lists exactly the models the cell counts — the
 * Models view's query returns as many models as the cell says, and the same ones a plain-JS pass over
 * the raw values finds — with and without a period filter, at detail, subtotal and grand-total cells.
 */
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineServer } from '../../../electron/engine/server';
import { cellKeys, drillFilter } from '../../../renderer/src/views/pivot/drill';
import type { PivotSpec } from '../../../shared/pivot-spec';
import type { Filter } from '../../../shared/specs';
import { pivotRows, toCells } from './run';
import { openSampleCopy } from './sample-workspace';

let t: Awaited<ReturnType<typeof openSampleCopy>>;
let server: EngineServer;
/** Per model: its start year and the (indicator, 'YYYY-MM') pairs it reported, read straight from the tables. */
let reported: Map<string, { startYear: string | null; values: [string, string][] }>;

beforeAll(async () => {
  t = await openSampleCopy();
  server = new EngineServer(t.ws, { resultCache: false });
  const models = await t.ws.rows<{ id: string; y: string | null }>(
    `SELECT model_id AS id, CAST(year(start_date) AS VARCHAR) AS y FROM models`,
  );
  reported = new Map(models.map((m) => [m.id, { startYear: m.y, values: [] }]));
  const values = await t.ws.rows<{ model_id: string; code: string; ym: string }>(
    `SELECT model_id, indicator_code AS code, strftime(period_start, '%Y-%m') AS ym FROM indicator_values`,
  );
  for (const v of values) reported.get(v.model_id)?.values.push([v.code, v.ym]);
}, 300_000);
afterAll(() => t?.cleanup());

/** The ids the Models view lists under `filter`. */
async function modelIds(filter: Filter): Promise<string[]> {
  const r = await server.query({ kind: 'models', filter });
  return tableFromIPC(r.arrow)
    .toArray()
    .map((x) => String((x.toJSON() as { model_id: string }).model_id))
    .sort();
}

/** Independently: models with a start year in the list that reported one of the indicators in the period. */
function expectedIds(f: Filter): string[] {
  const out: string[] = [];
  for (const [id, m] of reported) {
    if (f.startYears && (m.startYear === null || !f.startYears.includes(m.startYear))) continue;
    const inPeriod = m.values.filter(
      ([, ym]) => (!f.period?.from || ym >= f.period.from) && (!f.period?.to || ym <= f.period.to),
    );
    if ((f.period?.from || f.period?.to) && !inPeriod.length) continue;
    if (f.indicators && !inPeriod.some(([code]) => f.indicators?.includes(code))) continue;
    out.push(id);
  }
  return out.sort();
}

describe.each<[string, Filter]>([
  ['no filter', {}],
  ['a period filter', { period: { from: '2024-03', to: '2024-08' } }],
])('drilling a start year × indicator cell (%s) lists the models it counts', (_, filter) => {
  it('at every detail, subtotal and grand-total cell', async () => {
    const spec: PivotSpec = {
      kind: 'pivot',
      rows: ['start_year'],
      columns: ['indicator'],
      values: [{ measure: { type: 'count_models' } }],
      filter,
    };
    const cells = [...toCells(spec, (await pivotRows(server, spec)).rows).values()];
    let drilled = 0;
    const bad: string[] = [];
    for (const cell of cells) {
      // grp is GROUPING(row, column): bit 1 = the row key rolled up, bit 0 = the column key.
      const keys = cellKeys(
        spec,
        [cell.keys[0] ?? null],
        cell.grp & 2 ? 0 : 1,
        [cell.keys[1] ?? null],
        cell.grp & 1 ? 0 : 1,
      );
      const next = drillFilter(filter, keys);
      if (!next) continue;
      const ids = await modelIds(next);
      drilled++;
      if (ids.length !== cell.values[0])
        bad.push(`${JSON.stringify(keys)}: ${ids.length} models, cell ${cell.values[0]}`);
      if (ids.join() !== expectedIds(next).join())
        bad.push(`${JSON.stringify(keys)}: not the expected models`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
    // Enough cells really drilled: detail cells under several years and indicators, plus the totals.
    expect(drilled).toBeGreaterThan(20);
  }, 120_000);
});
