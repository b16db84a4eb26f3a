/**
 * SQL for measures. Indicator measures aggregate `facts` (alias f) with the catalogue's aggregation:
 * sums are summed, means averaged over all underlying values (never a mean of means), weighted means
 * weighted by `f.weight` where a weight was reported. Counts are distinct counts of models or units.
 */
import type { Measure } from '../../../shared/specs';
import { AtlasError } from '../../../shared/errors';
import { raw, sql, type Sql } from '../db/sql';
import type { CatalogCache } from './catalog-cache';

export type IndicatorMeasure = Extract<Measure, { type: 'indicator' }>;

/** The effective aggregation of an indicator measure ('catalog' resolved). */
export function effectiveAgg(m: IndicatorMeasure, catalog: CatalogCache): string {
  const def = catalog.indicator(m.indicator);
  if (!def)
    throw new AtlasError('SPEC_INVALID', `Unknown indicator: ${m.indicator}`, { indicator: m.indicator });
  return !m.agg || m.agg === 'catalog' ? def.aggregation : m.agg;
}

/** Aggregate of `f.value` for one indicator measure, restricted to its indicator with a FILTER clause. */
export function indicatorAggregate(m: IndicatorMeasure, catalog: CatalogCache): Sql {
  const agg = effectiveAgg(m, catalog);
  const f = sql`FILTER (WHERE f.indicator_code = ${m.indicator})`;
  switch (agg) {
    case 'sum':
      return sql`sum(f.value) ${f}`;
    case 'mean':
      return sql`avg(f.value) ${f}`;
    case 'weighted_mean': {
      const fw = sql`FILTER (WHERE f.indicator_code = ${m.indicator} AND f.weight > 0 AND f.value IS NOT NULL)`;
      return sql`CASE WHEN coalesce(sum(f.weight) ${fw}, 0) > 0
        THEN sum(f.value * f.weight) ${fw} / sum(f.weight) ${fw} ELSE avg(f.value) ${f} END`;
    }
    case 'median':
      return sql`median(f.value) ${f}`;
    case 'min':
      return sql`min(f.value) ${f}`;
    case 'max':
      return sql`max(f.value) ${f}`;
    default:
      throw new AtlasError('SPEC_INVALID', `Unknown aggregation: ${agg}`);
  }
}

/** Distinct-count measures over alias `alias` (m for model_dim, f for facts). */
export function countAggregate(m: Measure, alias: 'm' | 'f'): Sql {
  return m.type === 'count_units'
    ? raw(`count(DISTINCT ${alias}.unit_code)`)
    : raw(`count(DISTINCT ${alias}.model_id)`);
}
