/**
 * Denominators for `per: 'per10k' | 'per_km2'`, from the `units` table (so a unit with no models still
 * counts when it is in scope). The scope is the filter's geography: units matching its `provinces`,
 * `units` and `unitTypes` (other filters — field, sponsor, search, period — do not shrink it).
 *
 * A cell's denominator is the population (or area) summed over the in-scope units that match the cell's
 * geographic keys (unit → code, unit_type → type, province → province; rolled-up keys match anything).
 * A cell with no geographic key divides by the whole scope. The missing group matches units whose
 * attribute is missing (usually none: NULL rate); the topN Others group matches every unit not kept, so
 * Others divides by the rest of the scope, models or not. A zero or missing denominator gives NULL.
 */
import type { Filter } from '../../../shared/specs';
import { and, inList, join, raw, sql, type Sql } from '../db/sql';
import { isGeo, unitColumnSql } from './pivot-dims';
import type { PivotPlan } from './pivot-plan';
import { groupingIdSql, groupingSetsSql, k, range } from './pivot-source';
import { othersKey, TOP } from './pivot-topn';

/** CTE names of the units in scope and of the denominators. */
export const SCOPE = 'pivot_scope';
export const DEN = 'pivot_den';

/** True when some value is per capita or per km². */
export function needsDenominators(plan: PivotPlan): boolean {
  return plan.values.some((v) => v.per !== 'none');
}

/** Positions (key indices) of the geographic dimensions. */
function geoPositions(plan: PivotPlan): number[] {
  return range(plan.dims.length).filter((i) => isGeo(plan.dims[i] ?? 'field'));
}

/** Units in the filter's geographic scope (alias u in later CTEs). */
export function scopeCte(plan: PivotPlan, filter: Filter | undefined): [string, Sql] {
  const c: Sql[] = [];
  if (filter?.provinces?.length) c.push(inList(raw('u.province'), filter.provinces));
  if (filter?.units?.length) c.push(inList(raw('u.code'), filter.units));
  if (filter?.unitTypes?.length) c.push(inList(raw('u.type'), filter.unitTypes));
  if (plan.hideMissing)
    for (const p of geoPositions(plan)) c.push(sql`${unitColumnSql(plan.dims[p] ?? 'unit')} IS NOT NULL`);
  return [
    SCOPE,
    sql`SELECT u.code, u.type, u.province, u.population, u.area_km2 FROM units u WHERE ${and(c)}`,
  ];
}

/**
 * Denominators per projection of the computed grouping sets onto the geographic keys: columns `g{j}`
 * (key of geographic position j), `ggrp` (its GROUPING id, bit j ↔ position j), `pop`, `area`.
 */
export function denominatorCte(plan: PivotPlan): [string, Sql] {
  const geo = geoPositions(plan);
  const g = (j: number) => raw(`g${j}`);
  const keyed = geo.map((p, j) => {
    const col = unitColumnSql(plan.dims[p] ?? 'unit');
    return sql`${plan.topN && p === 0 ? othersKey(col) : col} AS ${g(j)}`;
  });
  const joinTop =
    plan.topN && geo[0] === 0
      ? sql`LEFT JOIN ${raw(TOP)} t ON t.k IS NOT DISTINCT FROM ${unitColumnSql(plan.dims[0] ?? 'unit')}`
      : raw('');
  const inner = sql`SELECT ${join([...keyed, raw('u.population, u.area_km2')])} FROM ${raw(SCOPE)} u ${joinTop}`;
  const projections = [...new Set(plan.computeGrps.map((grp) => geoBits(grp, geo)))];
  const sets = groupingSetsSql(geo.length, projections, g);
  const cols = [...geo.map((_, j) => g(j)), sql`${groupingIdSql(geo.length, g)} AS ggrp`];
  return [
    DEN,
    sql`SELECT ${join([...cols, raw('sum(population) AS pop, sum(area_km2) AS area')])} FROM (${inner}) d ${sets}`,
  ];
}

/** The geographic part of a grouping id: bit j set when geographic position `geo[j]` is rolled up. */
function geoBits(grp: number, geo: number[]): number {
  return geo.reduce((acc, p, j) => acc | (((grp >> p) & 1) << j), 0);
}

/** `LEFT JOIN` of the denominators onto the cells relation aliased `c` (alias of the denominators: d). */
export function denominatorJoin(plan: PivotPlan): Sql {
  const geo = geoPositions(plan);
  if (geo.length === 0) return sql`CROSS JOIN ${raw(DEN)} d`;
  const bits = geo.map((p, j) => raw(`(((c.grp >> ${p}) & 1) << ${j})`));
  const keys = geo.map((p, j) => sql`c.${k(p)} IS NOT DISTINCT FROM d.${raw(`g${j}`)}`);
  return sql`LEFT JOIN ${raw(DEN)} d ON d.ggrp = (${join(bits, ' | ')}) AND ${and(keys)}`;
}

/** Value j (raw column `x`) divided by its cell's denominator. */
export function perValueSql(per: 'per10k' | 'per_km2', xj: Sql): Sql {
  return per === 'per10k' ? sql`${xj} / nullif(d.pop, 0) * 10000` : sql`${xj} / nullif(d.area, 0)`;
}
