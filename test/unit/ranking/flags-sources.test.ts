/**
 * The series and status rules read `model_values` (the derived copy of the values sorted by model) when
 * every value is monthly, and the round-number rule sums its expected shares from one aggregate pass.
 * On seeded random series — round-heavy and ordinary models, values just off a multiple of 10, halves,
 * negatives, values under 10, NULL values — every rule gives exactly the rows it gives on indicator_values
 * filtered to monthly values, and the round-number and status rules exactly the rows of their former SQL
 * (kept here as the oracle). With a quarterly value in the workspace the rules fall back to
 * indicator_values, and the quarterly value changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { flagOptions } from '../../../electron/engine/query/flags';
import {
  identicalRuns,
  MONTHLY,
  monthlySource,
  reportingGaps,
  roundNumbers,
  spikes,
} from '../../../electron/engine/query/flags-series';
import { afterCompletion, beforeStart } from '../../../electron/engine/query/flags-status';
import { sql } from '../../../electron/engine/db/sql';
import { rebuildDerived } from '../../../electron/engine/workspace/derived';
import type { Workspace } from '../../../electron/engine/workspace/workspace';
import type { FlagOptions } from '../../../shared/rank-spec';
import { openTemp } from '../../helpers/workspace';
import { insertFixture, MONTHS, type FixtureModel, rng } from './fixture';

const INDICATORS = ['beneficiaries', 'households_supported', 'participants'] as const;
const STATUSES = ['Đang triển khai', 'Đã hoàn thành', 'Tạm dừng'];

function makeModels(n: number, seed: number): FixtureModel[] {
  const r = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const models: FixtureModel[] = [];
  for (let k = 0; k < n; k++) {
    const values: Record<string, Record<string, number>> = {};
    const roundy = r() < 0.15 ? 0.95 : r() < 0.3 ? 0.5 : 0.1;
    for (const ind of INDICATORS) {
      if (ind !== 'beneficiaries' && r() < 0.2) continue;
      const series: Record<string, number> = {};
      const from = int(0, 8);
      const to = int(from + 2, MONTHS.length);
      for (const m of MONTHS.slice(from, to)) {
        if (r() < 0.15) continue; // a gap
        const x = r();
        series[m] =
          r() < roundy
            ? 10 * int(-5, 60)
            : x < 0.1
              ? int(0, 9)
              : x < 0.2
                ? int(1, 60) * 10 + 1e-9
                : x < 0.3
                  ? int(20, 600) + 0.5
                  : int(11, 900);
      }
      // A run of one value now and then (the identical-run rule), a spike now and then.
      if (k % 11 === 0) for (const m of MONTHS.slice(from, from + 7)) series[m] = 250;
      const m = MONTHS[int(from, to - 1)];
      if (m && r() < 0.2) series[m] = int(100, 400) * 50;
      values[ind] = series;
    }
    models.push({
      id: `S-${String((k * 37) % 1000).padStart(3, '0')}`,
      name: `Mo hinh ${k}`,
      unit: ['00101', '00102', '00103'][k % 3] as string,
      field: 'An sinh xã hội',
      sponsor: `Chu tri ${k}`,
      start: `2024-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`,
      status: STATUSES[int(0, 2)] as string,
      values,
    });
  }
  return models;
}

/** The round-number rule's former SQL: two passes over the monthly values. */
function oldRound(ws: Workspace, conn: DuckDBConnection, o: Required<FlagOptions>) {
  return ws.rows(
    sql`WITH v AS (
        SELECT model_id, indicator_code, CASE WHEN value = round(value) AND round(value) % 10 = 0 THEN 1 ELSE 0 END AS r
        FROM (${MONTHLY}) WHERE abs(value) >= 10
      ), b AS (SELECT indicator_code, avg(r) AS p FROM v GROUP BY indicator_code),
      m AS (SELECT model_id, indicator_code, count(*)::INTEGER AS n, avg(r) AS share FROM v GROUP BY model_id, indicator_code)
      SELECT m.model_id, m.indicator_code, m.n, m.share, b.p AS expected,
        (m.share - b.p) / sqrt(b.p * (1 - b.p) / m.n) AS z
      FROM m JOIN b USING (indicator_code)
      WHERE b.p > 0 AND b.p < 0.9 AND m.n >= 6 AND m.share >= ${o.roundMinShare}
        AND (m.share - b.p) / sqrt(b.p * (1 - b.p) / m.n) >= ${o.roundZ}
      ORDER BY m.model_id, m.indicator_code`,
    conn,
  );
}

/** The status rules' former SQL, on indicator_values. */
function oldStatus(ws: Workspace, conn: DuckDBConnection) {
  return Promise.all([
    ws.rows(
      `SELECT v.model_id, count(*)::INTEGER AS n, strftime(min(v.period_start), '%Y-%m') AS first,
        strftime(any_value(m.start_date), '%Y-%m-%d') AS start
      FROM indicator_values v JOIN models m USING (model_id)
      WHERE m.start_date IS NOT NULL AND v.period_start < date_trunc('month', m.start_date)
      GROUP BY v.model_id ORDER BY v.model_id`,
      conn,
    ),
    ws.rows(
      `WITH e AS (SELECT max(period_start) AS last_data FROM indicator_values)
      SELECT m.model_id, any_value(m.status) AS status, strftime(any_value(e.last_data), '%Y-%m') AS last
      FROM models m JOIN indicator_values v USING (model_id) CROSS JOIN e
      WHERE m.status IN ('Đã hoàn thành', 'Tạm dừng') AND v.period_start = e.last_data
      GROUP BY m.model_id ORDER BY m.model_id`,
      conn,
    ),
  ]);
}

const OPTIONS: FlagOptions[] = [
  {},
  { roundZ: 1, roundMinShare: 0, identicalMonths: 3, gapMonths: 2 },
  { roundZ: 2, roundMinShare: 0.3, spikeZ: 3, spikeRatio: 3 },
];

let monthly: Awaited<ReturnType<typeof openTemp>>;
let mixed: Awaited<ReturnType<typeof openTemp>>;

beforeAll(async () => {
  const models = makeModels(240, 20251124);
  monthly = await openTemp();
  mixed = await openTemp();
  for (const t of [monthly, mixed]) {
    await insertFixture(t.ws, models);
    // NULL values (never a flag's evidence), and in one workspace values of another grain.
    // A NULL in every month a quarter of the models left blank: it must not close a reporting gap.
    await t.ws.exec(`INSERT INTO indicator_values
      SELECT m.model_id, d.month, 'month', 'beneficiaries', NULL, NULL
      FROM models m, (SELECT unnest(generate_series(DATE '2024-01-01', DATE '2025-12-01', INTERVAL 1 MONTH))::DATE AS month) d
      WHERE hash(m.model_id) % 4 = 0 AND NOT EXISTS (SELECT 1 FROM indicator_values v
        WHERE v.model_id = m.model_id AND v.period_start = d.month AND v.indicator_code = 'beneficiaries')`);
  }
  await mixed.ws.exec(`INSERT INTO indicator_values
    SELECT model_id, DATE '2023-10-01', 'quarter', indicator_code, 3000, NULL FROM indicator_values
    WHERE period_start = DATE '2024-06-01' AND hash(model_id) % 3 = 0`);
  for (const t of [monthly, mixed]) await rebuildDerived(t.ws);
}, 120_000);
afterAll(() => {
  monthly?.cleanup();
  mixed?.cleanup();
});

describe('flag rules on model_values and in one aggregate pass', () => {
  it('reads model_values only when every value is monthly', async () => {
    expect(await monthlySource(monthly.ws, monthly.ws.read)).not.toBe(MONTHLY);
    expect(await monthlySource(mixed.ws, mixed.ws.read)).toBe(MONTHLY);
  });

  it.each(OPTIONS.map((o) => [JSON.stringify(o), o] as const))(
    'every series rule gives the same rows from either source (%s)',
    async (_, options) => {
      const { ws } = monthly;
      const o = flagOptions(options);
      const src = await monthlySource(ws, ws.read);
      const rules = [identicalRuns, spikes, roundNumbers, reportingGaps] as const;
      for (const rule of rules) {
        const rows = await rule(ws, ws.read, o, src);
        expect(rows).toEqual(await rule(ws, ws.read, o));
        expect(rows.length, rule.name).toBeGreaterThan(0);
      }
    },
  );

  it.each(OPTIONS.map((o) => [JSON.stringify(o), o] as const))(
    'the round-number rule equals its former two-pass SQL (%s)',
    async (_, options) => {
      for (const { ws } of [monthly, mixed]) {
        const o = flagOptions(options);
        const want = await oldRound(ws, ws.read, o);
        expect(await roundNumbers(ws, ws.read, o, await monthlySource(ws, ws.read))).toEqual(want);
        expect(want.length).toBeGreaterThan(3);
      }
    },
  );

  it('the status rules equal their former SQL on indicator_values', async () => {
    for (const { ws } of [monthly, mixed]) {
      const [before, after] = await oldStatus(ws, ws.read);
      expect(await beforeStart(ws, ws.read)).toEqual(before);
      expect(await afterCompletion(ws, ws.read)).toEqual(after);
      expect(before.length).toBeGreaterThan(3);
      expect(after.length).toBeGreaterThan(3);
    }
  });

  it('a value of another grain changes no series rule', async () => {
    for (const options of OPTIONS) {
      const o = flagOptions(options);
      const src = await monthlySource(mixed.ws, mixed.ws.read);
      for (const rule of [identicalRuns, spikes, roundNumbers, reportingGaps] as const)
        expect(await rule(mixed.ws, mixed.ws.read, o, src)).toEqual(
          await rule(monthly.ws, monthly.ws.read, o, await monthlySource(monthly.ws, monthly.ws.read)),
        );
    }
  });
});
