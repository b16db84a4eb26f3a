/**
 * RankSpec → SQL (one statement). Steps, as CTEs:
 * 1. `md`: models in the filter (model_dim), minus those carrying an excluded flag (the user's choice);
 * 2. `fv`: their values in the filter's period (facts);
 * 3. `a`: one row per model: catalogue aggregate of each indicator used (sums summed, means averaged,
 *    turnaround weighted by records), months reported per indicator and overall, expected months, the
 *    totals of beneficiaries and funds, the trend (mean over indicators of the OLS slope of value ÷ mean per
 *    month, sign reversed when lower is better), the unit's population;
 * 4. `r`: each component's raw value (`c{i}_raw`); models with none are dropped;
 * 5. `p`: per component the percentile rank within the peer group (`percent_rank()` over the models of the
 *    group that have a value, ascending — descending for lower-is-better), the group's median and its
 *    top decile (the 90th percentile, or the 10th for lower-is-better);
 * 6. score = 100 × Σ wᵢ·coalesce(pctᵢ, 0) ÷ Σ wᵢ, rank by score (ties by model id), flags joined.
 * Identifiers are the engine's own; indicator codes, weights, dates and filter values are bound.
 */
import { listValue } from '@duckdb/node-api';
import { STATUSES } from '../../../shared/catalog';
import type { RankSpec } from '../../../shared/rank-spec';
import { and, join, raw, sql, type Sql } from '../db/sql';
import type { CatalogCache } from './catalog-cache';
import { dimConditions, periodConditions } from './filter';
import { indicatorAggregate } from './measures';
import { BENEFICIARIES, FUNDS, componentIndicators, componentRaw, higherIsBetter } from './rank-components';
import { RANK_FLAGS } from './rank-flags';

/** Columns describing each ranked model, in output order. */
export const RANK_MODEL_COLUMNS = [
  'model_id',
  'name',
  'unit_code',
  'unit_name',
  'unit_type',
  'field',
  'sponsor',
  'status',
] as const;

function peerKey(peer: RankSpec['peer']): Sql {
  switch (peer ?? 'field') {
    case 'field':
      return raw(`coalesce(m.field, '')`);
    case 'unit_type':
      return raw(`coalesce(m.unit_type, '')`);
    case 'all':
      return raw(`'all'`);
  }
}

/**
 * The value percentiles order by: rounded to 12 significant digits, so two models whose values are equal
 * (say the same mean satisfaction) tie even when parallel float summation left them one ulp apart.
 */
function rankKey(col: Sql): Sql {
  return sql`CASE WHEN ${col} = 0 OR NOT isfinite(${col}) THEN ${col} ELSE round(${col}, CAST(11 - floor(log10(abs(${col}))) AS INTEGER)) END`;
}

export function compileRank(spec: RankSpec, catalog: CatalogCache): Sql {
  const inds = componentIndicators(spec.components, catalog);
  const [, completed, paused] = STATUSES;

  const mdConds = dimConditions(spec.filter, 'm', { activeInPeriod: true });
  if (spec.exclude?.length) {
    mdConds.push(
      sql`m.model_id NOT IN (SELECT x.model_id FROM ${raw(RANK_FLAGS)} x WHERE list_has_any(x.codes, ${listValue([...spec.exclude])}))`,
    );
  }
  const fvConds = periodConditions(spec.filter);
  fvConds.push(raw('f.model_id IN (SELECT model_id FROM md)'));

  const perIndicator = inds.flatMap((code, i) => [
    sql`${indicatorAggregate({ type: 'indicator', indicator: code }, catalog)} AS ${raw(`i${i}`)}`,
    sql`count(DISTINCT f.period_start) FILTER (WHERE f.indicator_code = ${code}) AS ${raw(`i${i}_months`)}`,
  ]);

  const comps = spec.components;
  const rawCols = comps.map((c, i) => sql`${componentRaw(c, inds)} AS ${raw(`c${i}_raw`)}`);
  const anyValue = comps.map((_, i) => raw(`c${i}_raw IS NOT NULL`));
  const pctCols = comps.flatMap((c, i) => {
    const col = raw(`c${i}_raw`);
    const hib = higherIsBetter(c, catalog);
    const w = sql`PARTITION BY peer, (${col} IS NULL)`;
    return [
      sql`CASE WHEN ${col} IS NULL THEN NULL ELSE percent_rank() OVER (${w} ORDER BY ${rankKey(col)} ${raw(hib ? 'ASC' : 'DESC')}) END AS ${raw(`c${i}_pct`)}`,
      sql`median(${col}) OVER (PARTITION BY peer) AS ${raw(`c${i}_median`)}`,
      sql`quantile_cont(${col}, ${hib ? 0.9 : 0.1}) OVER (PARTITION BY peer) AS ${raw(`c${i}_top10`)}`,
    ];
  });
  const totalWeight = comps.reduce((s, c) => s + c.weight, 0);
  const weighted = join(
    comps.map((c, i) => sql`${c.weight} * coalesce(${raw(`c${i}_pct`)}, 0)`),
    ' + ',
  );
  const outCols = comps.flatMap((_, i) => [`c${i}_raw`, `c${i}_pct`, `c${i}_median`, `c${i}_top10`]);

  return sql`WITH md AS (
      SELECT m.*, ${peerKey(spec.peer)} AS peer FROM model_dim m WHERE ${and(mdConds)}
    ), fv AS (
      SELECT f.model_id, f.indicator_code, f.period_start, f.value, f.weight FROM facts f WHERE ${and(fvConds)}
    ), rng AS (SELECT min(period_start) AS d0, max(period_start) AS d1 FROM fv),
    tr AS (
      SELECT s.model_id, avg(CASE WHEN i.higher_is_better THEN s.slope ELSE -s.slope END) AS trend
      FROM (
        SELECT model_id, indicator_code,
          regr_slope(value, date_diff('month', DATE '2000-01-01', period_start)) / nullif(avg(value), 0) AS slope
        FROM fv WHERE value IS NOT NULL GROUP BY model_id, indicator_code HAVING count(*) >= 3
      ) s JOIN indicators i ON i.code = s.indicator_code
      WHERE s.slope IS NOT NULL AND isfinite(s.slope)
      GROUP BY s.model_id
    ), agg AS (
      SELECT f.model_id, count(DISTINCT f.period_start) AS months, min(f.period_start) AS first_p,
        max(f.period_start) AS last_p,
        sum(f.value) FILTER (WHERE f.indicator_code = ${BENEFICIARIES}) AS beneficiaries,
        sum(f.value) FILTER (WHERE f.indicator_code = ${FUNDS}) AS funds
        ${perIndicator.length ? sql`, ${join(perIndicator)}` : raw('')}
      FROM fv f GROUP BY f.model_id
    ), a AS (
      SELECT md.*, agg.* EXCLUDE (model_id), tr.trend,
        date_diff('month', greatest(date_trunc('month', coalesce(md.start_date, rng.d0)), rng.d0),
          CASE WHEN md.status IN (${completed}, ${paused}) THEN agg.last_p ELSE rng.d1 END) + 1 AS expected
      FROM md JOIN agg USING (model_id) LEFT JOIN tr USING (model_id) CROSS JOIN rng
    ), r AS (
      SELECT a.model_id, a.peer, ${join(rawCols)} FROM a
    ), p AS (
      SELECT r.*, ${join(pctCols)} FROM r WHERE ${join(anyValue, ' OR ')}
    ), s AS (
      SELECT p.*, 100.0 * (${weighted}) / ${totalWeight} AS score FROM p
    )
    SELECT row_number() OVER (ORDER BY s.score DESC, s.model_id)::INTEGER AS rank, s.score, s.peer,
      ${join(RANK_MODEL_COLUMNS.map((c) => raw(`md.${c}`)))}, strftime(md.start_date, '%Y-%m-%d') AS start_date,
      ${join(outCols.map((c) => raw(`s.${c}`)))},
      array_to_string(fl.codes, ',') AS flag_codes, fl.json AS flags_json
    FROM s JOIN md USING (model_id) LEFT JOIN ${raw(RANK_FLAGS)} fl USING (model_id)
    ORDER BY rank
    ${spec.limit ? sql`LIMIT ${spec.limit}` : raw('')}`;
}
