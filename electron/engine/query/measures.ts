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

/**
 * Aggregate of `f.value` for one indicator measure, restricted to its indicator with a FILTER clause. With
 * `cube` the alias f is a cube (query/planner.ts) and the aggregate composes its partials instead.
 */
export function indicatorAggregate(m: IndicatorMeasure, catalog: CatalogCache, cube = false): Sql {
  const agg = effectiveAgg(m, catalog);
  const f = sql`FILTER (WHERE f.indicator_code = ${m.indicator})`;
  if (cube) return cubeAggregate(agg, f);
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

/** The same aggregates over a cube's partials (s, c, mn, mx, sw, swv; see workspace/derived.ts). */
function cubeAggregate(agg: string, f: Sql): Sql {
  const mean = sql`sum(f.s) ${f} / nullif(sum(f.c) ${f}, 0)`;
  switch (agg) {
    case 'sum':
      return sql`sum(f.s) ${f}`;
    case 'mean':
      return mean;
    case 'weighted_mean':
      return sql`CASE WHEN coalesce(sum(f.sw) ${f}, 0) > 0 THEN sum(f.swv) ${f} / sum(f.sw) ${f} ELSE ${mean} END`;
    case 'min':
      return sql`min(f.mn) ${f}`;
    case 'max':
      return sql`max(f.mx) ${f}`;
    default:
      // The planner never sends a median (or an unknown aggregation) to a cube.
      throw new AtlasError('QUERY_FAILED', `No cube answers the aggregation ${agg}`);
  }
}

/**
 * Distinct-count measures over alias `alias` (m for model_dim, f for facts). `model_dim` holds each model
 * once (the import rejects a repeated id), so there models are counted with a plain count: a distinct
 * count inside GROUPING SETS costs a hash set per group and level.
 */
export function countAggregate(m: Measure, alias: 'm' | 'f'): Sql {
  if (m.type === 'count_units') return raw(`count(DISTINCT ${alias}.unit_code)`);
  return raw(alias === 'm' ? 'count(m.model_id)' : `count(DISTINCT ${alias}.model_id)`);
}
