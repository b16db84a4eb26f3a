/**
 * Compile a FieldBandSpec (shared/series-spec.ts): per indicator and period, each model of the field gets
 * its own catalogue aggregate for the period (a quarter of a sum indicator is the model's three months
 * summed, of a mean their mean), then the median and 90th percentile across those models.
 */
import { listValue } from '@duckdb/node-api';
import type { FieldBandSpec } from '../../../shared/series-spec';
import { and, sql, type Sql } from '../db/sql';
import type { CatalogCache } from './catalog-cache';
import { dimConditions, periodConditions } from './filter';
import { catalogAggregateSql, catalogAggs } from './series-agg';
import { truncSql } from './series-compile';

export function compileFieldBand(spec: FieldBandSpec, catalog: CatalogCache): Sql {
  const aggs = catalogAggs(spec.indicators, catalog);
  const grain = spec.grain ?? 'month';
  const conds = [
    sql`f.field = ${spec.field}`,
    sql`f.indicator_code = ANY(${listValue([...spec.indicators])})`,
    ...dimConditions(spec.filter, 'f'),
    ...periodConditions(spec.filter),
  ];
  return sql`WITH src AS (
      SELECT f.indicator_code AS ind, ${truncSql(grain, 'f.period_start')} AS p, f.model_id, f.value, f.weight
      FROM facts f WHERE ${and(conds)}
    ), pm AS (
      SELECT ind, p, model_id, ${catalogAggregateSql(aggs)} AS v FROM src GROUP BY ind, p, model_id
    )
    SELECT ind AS indicator, strftime(p, '%Y-%m-%d') AS period,
      CAST(quantile_cont(v, 0.5) AS DOUBLE) AS p50, CAST(quantile_cont(v, 0.9) AS DOUBLE) AS p90,
      CAST(quantile_cont(v, 0.1) AS DOUBLE) AS p10,
      CAST(count(v) AS INTEGER) AS n
    FROM pm WHERE v IS NOT NULL GROUP BY ind, p ORDER BY ind, p`;
}
