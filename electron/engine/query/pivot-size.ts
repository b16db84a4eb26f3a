/**
 * The cell cap (PIVOT_MAX_ROWS). Grouping millions of cells with distinct counts, then computing shares,
 * sort keys and the Vietnamese-collated order over them takes tens of seconds, and no grid shows them. So:
 * 1. `est` counts the distinct detail keys (one cheap DISTINCT, no aggregates); past the cap the grouping
 *    runs on no rows at all;
 * 2. `size` counts the cells to return once grouped (subtotals included); past the cap the values, windows
 *    and ordering run on no rows;
 * and the result is one marker row instead: grp = PIVOT_TOO_LARGE, v0 = the larger of the two counts (the
 * detail count is a lower bound of the cells when step 1 stopped it).
 * When the catalogue's key bounds prove the pivot cannot reach the cap (`cellBound`: the usual unit × field
 * or field × month pivot), none of this is compiled: the counting cost a distinct aggregation and a few
 * milliseconds of planning on every small pivot.
 */
import { PIVOT_MAX_ROWS, PIVOT_TOO_LARGE } from '../../../shared/pivot-spec';
import { join, raw, sql, type Sql } from '../db/sql';
import type { CatalogCache } from './catalog-cache';
import type { PivotPlan } from './pivot-plan';
import { k, range } from './pivot-source';
import { baseName } from './pivot-topn';

/** The cap as SQL (an engine constant). */
export const CAP = raw(String(PIVOT_MAX_ROWS));

/** Distinct detail keys over both parts (UNION treats NULL keys as equal). */
export function estimateCte(plan: PivotPlan): [string, Sql] {
  const n = plan.dims.length;
  if (n === 0) return ['est', raw('SELECT 1 AS n')];
  const keys = join(range(n).map(k));
  const parts = plan.parts.map((p) => sql`SELECT DISTINCT ${keys} FROM ${raw(baseName(p, plan))}`);
  return ['est', sql`SELECT count(*) AS n FROM (${join(parts, ' UNION ')})`];
}

/** Cells to return (the requested grouping sets only) once grouped. */
export function sizeCte(keep: Sql): [string, Sql] {
  return ['size', sql`SELECT count(*) AS n FROM cells WHERE ${keep}`];
}

/** Condition gating the grouping on the detail estimate. */
export const estimateWithinCap = sql`(SELECT n FROM est) <= ${CAP}`;

/** Condition gating values, windows and ordering on both counts. */
export const sizeWithinCap = sql`${estimateWithinCap} AND (SELECT n FROM size) <= ${CAP}`;

/** The marker row (grp and v0 only; UNION ALL BY NAME fills the rest with NULL). */
export const tooLargeMarker = sql`SELECT ${raw(String(PIVOT_TOO_LARGE))} AS grp, CAST(greatest(e.n, s.n) AS DOUBLE) AS v0
  FROM est e, size s WHERE e.n > ${CAP} OR s.n > ${CAP}`;

/**
 * An upper bound on the cells of the pivot (every computed grouping set, each the product of its kept
 * dimensions' key bounds), or Infinity when a dimension has no bound.
 */
export function cellBound(plan: PivotPlan, catalog: CatalogCache): number {
  let total = 0;
  for (const g of plan.computeGrps) {
    let cells = 1;
    plan.dims.forEach((d, i) => {
      if (g & (1 << i)) return;
      cells *= catalog.keyBound[d] ?? Infinity;
    });
    total += cells;
  }
  return total;
}
