/**
 * Shares as window functions over the computed cells (relation with keys k0…, `grp` and raw values x…):
 * - 'grand':  value ÷ the grand-total cell;
 * - 'row':    value ÷ the cell with the same row keys and row level, all columns rolled up (the row total);
 * - 'column': value ÷ the cell with the same column keys and column level, all rows rolled up.
 * The plan computes those total cells even when the caller did not ask for totals. A zero total gives NULL.
 * Only additive measures reach here (the plan rejects shares of means, medians, minima and maxima).
 */
import { join, raw, sql, type Sql } from '../db/sql';
import type { PivotPlan } from './pivot-plan';
import { k, range } from './pivot-source';

/** The share of raw value `xj` for mode `share`. */
export function shareSql(plan: PivotPlan, share: 'grand' | 'row' | 'column', xj: Sql): Sql {
  const { R, C, rowMask, colMask, allMask } = plan;
  if (share === 'grand') return ratio(xj, raw(`grp = ${allMask}`), []);
  if (share === 'row') {
    return ratio(xj, raw(`grp & ${colMask} = ${colMask}`), [...range(R).map(k), raw(`grp & ${rowMask}`)]);
  }
  return ratio(xj, raw(`grp & ${rowMask} = ${rowMask}`), [
    ...range(C).map((j) => k(R + j)),
    raw(`grp & ${colMask}`),
  ]);
}

function ratio(xj: Sql, totalCell: Sql, partition: Sql[]): Sql {
  const over = partition.length ? sql`PARTITION BY ${join(partition)}` : raw('');
  return sql`${xj} / nullif(max(CASE WHEN ${totalCell} THEN ${xj} END) OVER (${over}), 0)`;
}
