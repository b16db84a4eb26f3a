/**
 * The catalogue aggregation of several indicators in one GROUP BY that has the indicator code among its
 * keys: one CASE picks, per group, the aggregate its indicator's catalogue entry names. Sums are summed,
 * means averaged over every underlying value (never a mean of means), weighted means weighted by the
 * `weight` column (`facts.weight`: the catalogue's `weight_by` indicator in the same model and month),
 * falling back to the plain mean when no positive weight was reported in the group.
 *
 * The same aggregates compose from a cube's additive partials (`partials`: the cube's `s` = Σvalue, `c` =
 * count of values, `sw` = Σweight and `swv` = Σvalue×weight over positive weights, workspace/derived.ts,
 * read as columns `v_s`, `v_c`, `v_sw`, `v_swv` so they cannot clash with a series key `s`) when the planner
 * sends a series to a cube: Σs, Σs ÷ Σc (the mean of every value, never a mean of means) and Σswv ÷ Σsw
 * with the same fallback.
 */
import { listValue } from '@duckdb/node-api';
import { AtlasError } from '../../../shared/errors';
import { raw, sql, type Sql } from '../db/sql';
import type { CatalogCache } from './catalog-cache';

export type CatalogAgg = 'sum' | 'mean' | 'weighted_mean';

/** The catalogue aggregation of each code; SPEC_INVALID for an unknown code or aggregation. */
export function catalogAggs(codes: readonly string[], catalog: CatalogCache): Map<string, CatalogAgg> {
  const out = new Map<string, CatalogAgg>();
  for (const code of codes) {
    const def = catalog.indicator(code);
    if (!def) throw new AtlasError('SPEC_INVALID', `Unknown indicator: ${code}`, { indicator: code });
    const agg = def.aggregation;
    if (agg !== 'sum' && agg !== 'mean' && agg !== 'weighted_mean')
      throw new AtlasError('SPEC_INVALID', `Unknown aggregation: ${agg}`, { indicator: code });
    out.set(code, agg);
  }
  return out;
}

/**
 * The aggregate of one catalogue aggregation over columns `value` and `weight` (any numeric type), or over
 * the partials `v_s`, `v_c`, `v_sw`, `v_swv` with `partials`.
 */
export function aggregateOf(agg: CatalogAgg, partials = false): Sql {
  if (partials) {
    const mean = 'sum(v_s) / nullif(sum(v_c), 0)';
    if (agg === 'sum') return raw('sum(v_s)');
    if (agg === 'mean') return raw(mean);
    return raw(`CASE WHEN coalesce(sum(v_sw), 0) > 0 THEN sum(v_swv) / sum(v_sw) ELSE ${mean} END`);
  }
  if (agg === 'sum') return raw('sum(value)');
  if (agg === 'mean') return raw('avg(value)');
  const w = 'FILTER (WHERE weight > 0 AND value IS NOT NULL)';
  return raw(`CASE WHEN coalesce(sum(weight) ${w}, 0) > 0
      THEN sum(value * weight) ${w} / sum(weight) ${w} ELSE avg(value) END`);
}

/**
 * The aggregate expression (DOUBLE) over columns `ind`, `value` and `weight` (or the partials, with
 * `partials`) of a relation grouped by (at least) `ind`. Indicator codes are bound values; only the
 * structure is SQL text.
 */
export function catalogAggregateSql(aggs: Map<string, CatalogAgg>, ind = 'ind', partials = false): Sql {
  const kinds: CatalogAgg[] = ['sum', 'mean', 'weighted_mean'];
  const arms = kinds.flatMap((a) => {
    const codes = [...aggs].filter(([, x]) => x === a).map(([c]) => c);
    return codes.length
      ? [sql` WHEN ${raw(ind)} = ANY(${listValue(codes)}) THEN ${aggregateOf(a, partials)}`]
      : [];
  });
  return sql`CAST(CASE${arms.reduce((acc, x) => sql`${acc}${x}`, raw(''))} END AS DOUBLE)`;
}
