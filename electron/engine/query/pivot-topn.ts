/**
 * topN on the first row dimension. The keys are ranked by the chosen value over the whole filtered data
 * (the row's total across all columns, with `per` applied when that dimension is geographic; a share does
 * not change the order), largest first, ties by key; the first N are kept. Every other key is rewritten to
 * `PIVOT_OTHERS` in the source rows BEFORE aggregating, so Others of a mean is the mean of its underlying
 * values and Others of a count is a distinct count, at every level.
 */
import { join, raw, sql, type Sql } from '../db/sql';
import type { CatalogCache } from './catalog-cache';
import { isGeo, OTHERS, unitColumnSql } from './pivot-dims';
import type { Part, PivotPlan } from './pivot-plan';
import { hasLabel, k, l, payload, range, valueAggregate } from './pivot-source';

/** Name of the CTE holding the kept keys (`k`, `hit`). */
export const TOP = 'pivot_top';

/** The source CTE name of a part and the base CTE name (after the Others rewrite). */
export const srcName = (p: Part) => `src_${p}`;
export const baseName = (p: Part, plan: PivotPlan) => (plan.topN ? `base_${p}` : srcName(p));

/**
 * CTE bodies `[name, sql]` for the ranking: the ranked keys and the kept ones. `scope` names the CTE of
 * units in scope when the ranking value is per capita or per km².
 */
export function topNCtes(plan: PivotPlan, catalog: CatalogCache, scope: string | null): [string, Sql][] {
  const top = plan.topN;
  const d0 = plan.dims[0];
  if (!top || !d0) return [];
  const v = plan.values[top.value];
  if (!v) throw new Error(`no value ${top.value}`);
  const agg = valueAggregate(plan, top.value, catalog);
  const ranked = sql`SELECT ${k(0)} AS k, ${agg} AS v FROM ${raw(srcName(v.part))} ${raw(v.part)} GROUP BY ${k(0)}`;
  let rank = ranked;
  if (v.per !== 'none' && isGeo(d0) && scope) {
    const col = v.per === 'per10k' ? raw('pop') : raw('area');
    const scale = v.per === 'per10k' ? raw(' * 10000') : raw('');
    rank = sql`SELECT r.k, r.v / nullif(d.${col}, 0)${scale} AS v FROM (${ranked}) r
      LEFT JOIN (SELECT ${unitColumnSql(d0)} AS k, sum(u.population) AS pop, sum(u.area_km2) AS area
        FROM ${raw(scope)} u GROUP BY 1) d ON d.k IS NOT DISTINCT FROM r.k`;
  }
  return [
    [
      TOP,
      sql`SELECT k, TRUE AS hit FROM (${rank}) ORDER BY v DESC NULLS LAST, k ASC NULLS LAST LIMIT ${top.n}`,
    ],
  ];
}

/** `CASE` rewriting a key expression to Others unless it is kept (needs `LEFT JOIN pivot_top t`). */
export function othersKey(expr: Sql): Sql {
  return sql`CASE WHEN t.hit THEN ${expr} ELSE ${OTHERS} END`;
}

/** The base CTE of a part: its source with key 0 (and its label) rewritten for topN. */
export function baseCte(plan: PivotPlan, part: Part): [string, Sql] | null {
  if (!plan.topN) return null;
  const n = plan.dims.length;
  const cols = range(n).flatMap((i) => {
    const key = i === 0 ? sql`${othersKey(sql`s.${k(0)}`)} AS ${k(0)}` : sql`s.${k(i)}`;
    if (!hasLabel(plan, i)) return [key];
    return [key, i === 0 ? sql`CASE WHEN t.hit THEN s.${l(0)} END AS ${l(0)}` : sql`s.${l(i)}`];
  });
  const carried = payload(plan, part).map((c) => raw(`s.${c}`));
  return [
    baseName(part, plan),
    sql`SELECT ${join([...cols, ...carried])} FROM ${raw(srcName(part))} s
      LEFT JOIN ${raw(TOP)} t ON t.k IS NOT DISTINCT FROM s.${k(0)}`,
  ];
}
