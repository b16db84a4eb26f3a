/**
 * The two sources of a pivot and their aggregation. Model-level values (counts, when no period or
 * indicator dimension is used) read `model_dim` (alias m); value-level ones read `facts` (alias f). Each
 * source projects the keys `k0…` (and labels `l0…`) once, then one GROUP BY GROUPING SETS computes the
 * details, subtotals and totals together, so a mean at any level is the mean of the underlying values and
 * a distinct count is distinct at every level.
 */
import { listValue } from '@duckdb/node-api';
import type { Filter } from '../../../shared/specs';
import { and, join, raw, sql, type Sql } from '../db/sql';
import type { CatalogCache } from './catalog-cache';
import { dimConditions, periodConditions } from './filter';
import { countAggregate, indicatorAggregate } from './measures';
import { INDICATOR_ALIAS, keySql, labelSql, OTHERS } from './pivot-dims';
import type { Part, PivotPlan } from './pivot-plan';

/** Name of key i, of its label, and of raw value j in the intermediate relations. */
export const k = (i: number) => raw(`k${i}`);
export const l = (i: number) => raw(`l${i}`);
export const x = (j: number) => raw(`x${j}`);

/** Indices 0…n-1. */
export const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** True when key i of `plan` has a separate label column in the sources. */
export function hasLabel(plan: PivotPlan, i: number): boolean {
  const d = plan.dims[i];
  return d !== undefined && labelSql(d, 'f') !== null;
}

/** Columns the aggregates read, carried by each part's source. */
export const PAYLOAD: Record<Part, readonly string[]> = {
  m: ['model_id', 'unit_code'],
  f: ['model_id', 'unit_code', 'indicator_code', 'value', 'weight'],
};

/** The partials of a cube (workspace/derived.ts) the aggregates read instead of values. */
const CUBE_PAYLOAD = ['indicator_code', 's', 'c', 'mn', 'mx', 'sw', 'swv'];

/** The payload of a part in `plan`: the value part reads partials when it reads a cube. */
export function payload(plan: PivotPlan, part: Part): readonly string[] {
  if (part === 'm' || !plan.facts.cube) return PAYLOAD[part];
  return plan.facts.columns.has('unit_code') ? ['unit_code', ...CUBE_PAYLOAD] : CUBE_PAYLOAD;
}

/** Rows of one part with keys and labels projected, filtered by the spec's filter (and `missing: 'hide'`). */
export function sourceSql(plan: PivotPlan, part: Part, filter: Filter | undefined): Sql {
  const cols = plan.dims.flatMap((d, i) => {
    const lab = labelSql(d, part);
    const key = keySql(d, part, plan.grain, part === 'f' && plan.facts.cube);
    return [sql`${key} AS ${k(i)}`, ...(lab ? [sql`${lab} AS ${l(i)}`] : [])];
  });
  const conds =
    part === 'm'
      ? dimConditions(filter, 'm', { activeInPeriod: true })
      : [...dimConditions(filter, 'f'), ...periodConditions(filter)];
  if (plan.hideMissing)
    conds.push(
      ...plan.dims.map(
        (d) => sql`${keySql(d, part, plan.grain, part === 'f' && plan.facts.cube)} IS NOT NULL`,
      ),
    );
  const mine = plan.values.filter((v) => v.part === part);
  if (part === 'f' && mine.every((v) => v.measure.type === 'indicator')) {
    const codes = [
      ...new Set(mine.flatMap((v) => (v.measure.type === 'indicator' ? [v.measure.indicator] : []))),
    ];
    conds.push(sql`f.indicator_code = ANY(${listValue(codes)})`);
  }
  const facts = plan.facts.table;
  const from =
    part === 'm'
      ? raw('model_dim m')
      : plan.dims.includes('indicator')
        ? raw(
            `${facts} f LEFT JOIN indicators ${INDICATOR_ALIAS} ON ${INDICATOR_ALIAS}.code = f.indicator_code`,
          )
        : raw(`${facts} f`);
  return sql`SELECT ${join([...cols, ...payload(plan, part).map((c) => raw(`${part}.${c}`))])} FROM ${from} WHERE ${and(conds)}`;
}

/** The aggregate expression of value j (over alias `m` or `f` of its part), as DOUBLE. */
export function valueAggregate(plan: PivotPlan, j: number, catalog: CatalogCache): Sql {
  const v = plan.values[j];
  if (!v) throw new Error(`no value ${j}`);
  const expr =
    v.measure.type === 'indicator'
      ? indicatorAggregate(v.measure, catalog, v.part === 'f' && plan.facts.cube)
      : countAggregate(v.measure, v.part);
  return sql`CAST(${expr} AS DOUBLE)`;
}

/** `GROUP BY GROUPING SETS (…)` over n keys for grouping ids `grps` (empty text when there are no keys). */
export function groupingSetsSql(n: number, grps: readonly number[], key: (i: number) => Sql = k): Sql {
  if (n === 0) return raw('');
  const sets = grps.map(
    (g) =>
      sql`(${join(
        range(n)
          .filter((i) => !(g & (1 << i)))
          .map(key),
      )})`,
  );
  return sql`GROUP BY GROUPING SETS (${join(sets)})`;
}

/** The grouping id with key 0 as the least significant bit (DuckDB's GROUPING() puts its last argument there). */
export function groupingIdSql(n: number, key: (i: number) => Sql = k): Sql {
  if (n === 0) return raw('CAST(0 AS INTEGER)');
  return sql`CAST(GROUPING(${join(range(n).reverse().map(key))}) AS INTEGER)`;
}

/**
 * Aggregate one part's base relation `base` (aliased as the part letter) rows matching `where`: keys, labels
 * (NULL for rolled-up keys, the missing group and Others), `grp`, and `x{j}` for the part's values.
 */
export function aggregateSql(
  plan: PivotPlan,
  part: Part,
  base: string,
  catalog: CatalogCache,
  where: Sql,
): Sql {
  const n = plan.dims.length;
  const labels = range(n).map((i) => {
    if (hasLabel(plan, i)) {
      return sql`CASE WHEN ${k(i)} IS NULL OR ${k(i)} = ${OTHERS} THEN NULL ELSE any_value(${l(i)}) END AS ${l(i)}`;
    }
    return sql`CASE WHEN ${k(i)} = ${OTHERS} THEN NULL ELSE ${k(i)} END AS ${l(i)}`;
  });
  const vals = plan.values.flatMap((v, j) =>
    v.part === part ? [sql`${valueAggregate(plan, j, catalog)} AS ${x(j)}`] : [],
  );
  const cols = [...range(n).map(k), ...labels, sql`${groupingIdSql(n)} AS grp`, ...vals];
  return sql`SELECT ${join(cols)} FROM ${raw(base)} ${raw(part)} WHERE ${where} ${groupingSetsSql(n, plan.computeGrps)}`;
}
