/**
 * Integrity flags read from the monthly value series (`indicator_values` at month grain), one SQL query
 * per rule. Each returns plain rows; `flags.ts` turns them into `ModelFlag`s. Thresholds are bound
 * parameters; identifiers are the engine's own.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { FlagOptions } from '../../../shared/rank-spec';
import { STATUSES } from '../../../shared/catalog';
import { raw, sql, type Sql } from '../db/sql';
import type { Workspace } from '../workspace/workspace';

type Opts = Required<FlagOptions>;

/** The status of a model still running ('Đang triển khai'). */
const RUNNING = STATUSES[0];

/** Monthly values only: a quarterly or yearly figure has no month-to-month history to judge. */
export const MONTHLY = sql`SELECT model_id, indicator_code, period_start, value FROM indicator_values
  WHERE period_grain = 'month' AND value IS NOT NULL`;

/** The same rows as `MONTHLY` when every value is monthly: `model_values`, the derived copy sorted by model. */
const MONTHLY_SORTED = sql`SELECT model_id, indicator_code, period_start, value FROM model_values
  WHERE value IS NOT NULL`;

/**
 * Where the rules read the monthly values: `model_values` (derived.ts: indicator_values' model, period,
 * indicator and value, every row, sorted by model id) when the workspace holds no value of another grain —
 * then its non-NULL rows are exactly `MONTHLY`'s — else `MONTHLY`. Every rule groups or partitions by model;
 * on rows already sorted by model the hash tables and sorts stay local (scale 10: reporting gaps in half the
 * time, spikes 40 % and identical runs 20 % less).
 */
export async function monthlySource(ws: Workspace, conn: DuckDBConnection): Promise<Sql> {
  const r = await ws.rows<{ other: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM indicator_values WHERE period_grain <> 'month') AS other`,
    conn,
  );
  return r[0]?.other === false ? MONTHLY_SORTED : MONTHLY;
}

/**
 * The monthly values keyed by integers (`keyed`: model_key from model_dim, `ik` numbering the indicator
 * codes, `mi` = year × 12 + month − 1) plus the numbering (`ik`): windows and groups over small integers
 * instead of model id and indicator code strings, which took most of these rules' time at scale 10.
 * Every value's model is in model_dim and its indicator in the catalogue (the import adds new ones).
 */
const keyed = (
  src: Sql,
) => sql`ik AS (SELECT code, CAST(row_number() OVER (ORDER BY code) AS INTEGER) AS ik FROM indicators),
  keyed AS (
    SELECT d.model_key, k.ik, x.value, CAST(year(x.period_start) * 12 + month(x.period_start) - 1 AS INTEGER) AS mi
    FROM (${src}) x JOIN model_dim d ON d.model_id = x.model_id JOIN ik k ON k.code = x.indicator_code
  )`;

/** 'YYYY-MM' of a month index `mi` (year × 12 + month − 1). */
const monthText = (mi: string) => raw(`strftime(make_date((${mi}) // 12, (${mi}) % 12 + 1, 1), '%Y-%m')`);

export interface IdenticalRunRow {
  model_id: string;
  indicator_code: string;
  value: number;
  months: number;
  first: string;
  last: string;
}

/**
 * The longest run per model and indicator of the same value in consecutive calendar months, when it is at
 * least `identicalMonths` long and the value's magnitude is at least `identicalMinValue` (a model building
 * 1 bridge a month, or 0, repeats by chance; 1,234 households every month does not).
 */
export function identicalRuns(
  ws: Workspace,
  conn: DuckDBConnection,
  o: Opts,
  src: Sql = MONTHLY,
): Promise<IdenticalRunRow[]> {
  // One window pass over integer keys finds the values that continue a run (same value as the month
  // before); runs are then islands among those few rows: within one series and value, months minus their
  // row number are constant along consecutive months. A run is its continuing months plus the one it
  // starts from. Values below the magnitude threshold can never count and are left out first.
  return ws.rows<IdenticalRunRow>(
    sql`WITH ${keyed(src)}, v AS (
        SELECT model_key, ik, value, mi FROM keyed WHERE abs(value) >= ${o.identicalMinValue}
      ), c AS (
        SELECT model_key, ik, value, mi FROM (
          SELECT *, lag(mi) OVER w AS pm, lag(value) OVER w AS pv
          FROM v WINDOW w AS (PARTITION BY model_key, ik ORDER BY mi)
        ) WHERE pm = mi - 1 AND pv = value
      ), s AS (
        SELECT *, mi - row_number() OVER (PARTITION BY model_key, ik, value ORDER BY mi) AS run FROM c
      ), r AS (
        SELECT model_key, ik, any_value(value) AS value, count(*) + 1 AS months, min(mi) - 1 AS first_mi,
          max(mi) AS last_mi
        FROM s GROUP BY model_key, ik, value, run HAVING count(*) + 1 >= ${o.identicalMonths}
      )
      SELECT d.model_id, k.code AS indicator_code, r.value, r.months::INTEGER AS months,
        ${monthText('r.first_mi')} AS first, ${monthText('r.last_mi')} AS last
      FROM r JOIN model_dim d ON d.model_key = r.model_key JOIN ik k ON k.ik = r.ik
      QUALIFY row_number() OVER (PARTITION BY r.model_key, r.ik ORDER BY r.months DESC, r.first_mi) = 1
      ORDER BY d.model_id, k.code`,
    conn,
  );
}

export interface SpikeRow {
  model_id: string;
  indicator_code: string;
  period: string;
  value: number;
  median: number;
  z: number;
}

/**
 * The largest upward spike per model and indicator: robust z = 0.6745·(x − median) / MAD on the model's own
 * history of that indicator (Iglewicz & Hoaglin's modified z-score). When the MAD is 0 (most values equal)
 * the mean absolute deviation stands in, z = (x − median) / (1.253314·MeanAD), as is usual. A spike needs
 * z ≥ `spikeZ`, a value at least `spikeRatio` × max(median, 1) (seasonal peaks of a very steady series have
 * a large z but are only a few times the median) and a history of at least `spikeMinHistory` values.
 */
export function spikes(
  ws: Workspace,
  conn: DuckDBConnection,
  o: Opts,
  src: Sql = MONTHLY,
): Promise<SpikeRow[]> {
  // The median and MAD per series (holistic: most of this rule's time) are computed only for series that
  // can hold a spike. A spike needs value ≥ ratio × max(|median|, 1); in a series without negative values
  // the median is at least the minimum, so such a series needs max ≥ ratio × max(min, 1) — a cheap test
  // that leaves about one series in seven at scale 10. Only candidate values get a z-score, and the mean
  // absolute deviation is computed only for candidate series whose MAD is 0.
  return ws.rows<SpikeRow>(
    sql`WITH v AS (${src}),
      b AS (
        SELECT model_id, indicator_code FROM v GROUP BY model_id, indicator_code
        HAVING count(*) >= ${o.spikeMinHistory}
          AND (min(value) < 0 OR max(value) >= ${o.spikeRatio} * greatest(min(value), 1))
      ), w AS (SELECT v.* FROM v JOIN b USING (model_id, indicator_code)),
      m AS (
        SELECT model_id, indicator_code, median(value) AS med, mad(value) AS mad
        FROM w GROUP BY model_id, indicator_code
      ), c AS (
        SELECT w.model_id, w.indicator_code, w.period_start, w.value, m.med, m.mad
        FROM w JOIN m USING (model_id, indicator_code)
        WHERE w.value >= ${o.spikeRatio} * greatest(abs(m.med), 1)
      ), k AS (SELECT DISTINCT model_id, indicator_code, med FROM c WHERE NOT (mad > 0)),
      d AS (
        SELECT w.model_id, w.indicator_code, avg(abs(w.value - k.med)) AS meanad
        FROM w JOIN k USING (model_id, indicator_code) GROUP BY w.model_id, w.indicator_code
      ), z AS (
        SELECT c.model_id, c.indicator_code, c.period_start, c.value, c.med,
          CASE WHEN c.mad > 0 THEN 0.6745 * (c.value - c.med) / c.mad
               WHEN d.meanad > 0 THEN (c.value - c.med) / (1.253314 * d.meanad) END AS z
        FROM c LEFT JOIN d USING (model_id, indicator_code)
      )
      SELECT model_id, indicator_code, strftime(period_start, '%Y-%m') AS period, value, med AS median, z
      FROM z WHERE z >= ${o.spikeZ}
      QUALIFY row_number() OVER (PARTITION BY model_id, indicator_code ORDER BY z DESC, period_start) = 1
      ORDER BY model_id, indicator_code`,
    conn,
  );
}

export interface RoundRow {
  model_id: string;
  indicator_code: string;
  n: number;
  share: number;
  expected: number;
  z: number;
}

/**
 * An excess of round numbers: among a model's values of an indicator with magnitude ≥ 10, the share that
 * are whole multiples of 10, against the expectation — that indicator's share over every model. The excess
 * is a one-sided binomial z = (share − p) / √(p(1 − p)/n); flagged at z ≥ `roundZ` with share ≥
 * `roundMinShare` and n ≥ 6. Indicators whose values are round by nature (money rounded to 10,000 đồng:
 * p ≥ 0.9) cannot show an excess and are skipped.
 */
export function roundNumbers(
  ws: Workspace,
  conn: DuckDBConnection,
  o: Opts,
  src: Sql = MONTHLY,
): Promise<RoundRow[]> {
  // One aggregate pass over the values: per model and indicator the count `n` and the round ones `k`; each
  // indicator's share is summed from those few hundred thousand rows instead of a second pass over every
  // value. Integer sums are exact, so k / n and Σk / Σn are the very doubles avg() of the 0/1 flags gave.
  return ws.rows<RoundRow>(
    sql`WITH m AS (
        SELECT model_id, indicator_code, count(*)::INTEGER AS n,
          count(*) FILTER (WHERE value = round(value) AND round(value) % 10 = 0)::INTEGER AS k
        FROM (${src}) WHERE abs(value) >= 10 GROUP BY model_id, indicator_code
      ), b AS (SELECT indicator_code, sum(k)::DOUBLE / sum(n)::DOUBLE AS p FROM m GROUP BY indicator_code),
      s AS (
        SELECT m.model_id, m.indicator_code, m.n, m.k::DOUBLE / m.n AS share, b.p
        FROM m JOIN b USING (indicator_code)
      )
      SELECT model_id, indicator_code, n, share, p AS expected, (share - p) / sqrt(p * (1 - p) / n) AS z
      FROM s
      WHERE p > 0 AND p < 0.9 AND n >= 6 AND share >= ${o.roundMinShare}
        AND (share - p) / sqrt(p * (1 - p) / n) >= ${o.roundZ}
      ORDER BY model_id, indicator_code`,
    conn,
  );
}

export interface GapRow {
  model_id: string;
  months: number;
  after: string;
  before: string | null;
}

/**
 * The longest run per model of calendar months with no value at all, when at least `gapMonths` long:
 * between two reports, or — for a model whose status says it is still running — from its last report to
 * the last month of data (`before` NULL).
 */
export function reportingGaps(
  ws: Workspace,
  conn: DuckDBConnection,
  o: Opts,
  src: Sql = MONTHLY,
): Promise<GapRow[]> {
  return ws.rows<GapRow>(
    sql`WITH p AS (SELECT DISTINCT model_id, period_start FROM (${src})),
      e AS (SELECT max(period_start) AS last_data FROM p),
      g AS (
        SELECT model_id, lag(period_start) OVER (PARTITION BY model_id ORDER BY period_start) AS prev, period_start AS next
        FROM p
      ), inner_gaps AS (
        SELECT model_id, date_diff('month', prev, next) - 1 AS months, prev AS after, next AS before
        FROM g WHERE prev IS NOT NULL
      ), tail_gaps AS (
        SELECT p.model_id, date_diff('month', max(p.period_start), any_value(e.last_data)) AS months,
          max(p.period_start) AS after, NULL::DATE AS before
        FROM p JOIN models m USING (model_id) CROSS JOIN e
        WHERE m.status IS NULL OR m.status = ${RUNNING}
        GROUP BY p.model_id
      ), all_gaps AS (SELECT * FROM inner_gaps UNION ALL SELECT * FROM tail_gaps)
      SELECT model_id, months::INTEGER AS months, strftime(after, '%Y-%m') AS after,
        strftime(before, '%Y-%m') AS before
      FROM all_gaps WHERE months >= ${o.gapMonths}
      QUALIFY row_number() OVER (PARTITION BY model_id ORDER BY months DESC, after) = 1
      ORDER BY model_id`,
    conn,
  );
}
