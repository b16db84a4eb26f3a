/**
 * Row order of the long result: pre-order over the row hierarchy, then over the column hierarchy. At
 * each level a node's subtotal comes first, then its children sorted as the spec says (by label in
 * Vietnamese collation, or by a value at the column total), then the missing group, then Others. Columns
 * always go by label ascending (periods chronologically).
 */
import { join, raw, sql, type Sql } from '../db/sql';
import { grpOf, type PivotPlan } from './pivot-plan';
import type { Dimension } from '../../../shared/specs';
import { enumTypes, OTHERS } from './pivot-dims';
import { k, l, range } from './pivot-source';

/** Name of the sort key of row level i (a node's value at the column total). */
const s = (i: number) => raw(`s${i}`);

/**
 * Window columns `s{i}` for sorting rows by value: the value `v` of the node (k0…ki) at its column
 * total, NULL on rows where key i is rolled up. Empty when sorting by label.
 */
export function sortKeyColumns(plan: PivotPlan, v: Sql): Sql[] {
  if (plan.sort.by !== 'value') return [];
  return range(plan.R).map((i) => {
    const bit = raw(`((grp >> ${i}) & 1)`);
    const target = grpOf(i + 1, 0, plan.R, plan.C);
    const part = join([...range(i + 1).map(k), bit]);
    return sql`CASE WHEN ${bit} = 1 THEN NULL ELSE max(CASE WHEN grp = ${raw(String(target))} THEN ${v} END)
      OVER (PARTITION BY ${part}) END AS ${s(i)}`;
  });
}

/** Subtotal first (0), regular keys (1), the missing group (2), Others (3). */
function bucket(i: number): Sql {
  return sql`CASE WHEN ((grp >> ${raw(String(i))}) & 1) = 1 THEN 0 WHEN ${k(i)} IS NULL THEN 2
    WHEN ${k(i)} = ${OTHERS} THEN 3 ELSE 1 END`;
}

/**
 * Label i in Vietnamese collation order: the cast to the dimension's ENUM (created in that order) where it
 * has one, else COLLATE vi (periods, indicator names).
 */
function byLabel(plan: PivotPlan, i: number): Sql {
  const e = enumTypes(plan.dims[i] as Dimension);
  return e ? sql`CAST(${l(i)} AS ${e.label})` : sql`${l(i)} COLLATE vi`;
}

/** The ORDER BY list. */
export function orderBySql(plan: PivotPlan): Sql {
  const dir = raw(plan.sort.dir === 'desc' ? 'DESC' : 'ASC');
  const terms: Sql[] = [];
  for (const i of range(plan.R)) {
    terms.push(bucket(i));
    if (plan.sort.by === 'value') terms.push(sql`${s(i)} ${dir} NULLS LAST`);
    const labelDir = plan.sort.by === 'label' ? dir : raw('ASC');
    terms.push(sql`${byLabel(plan, i)} ${labelDir} NULLS LAST`, sql`${k(i)} ${labelDir}`);
  }
  for (const j of range(plan.C)) {
    const i = plan.R + j;
    terms.push(bucket(i), sql`${byLabel(plan, i)} ASC NULLS LAST`, sql`${k(i)} ASC`);
  }
  return terms.length ? sql`ORDER BY ${join(terms)}` : raw('');
}
