/**
 * Compile a PivotSpec to ONE query returning the long-format result described in shared/pivot-spec.ts.
 *
 * Pipeline (CTEs): source rows per part (`src_m` from model_dim, `src_f` from facts) → for topN the kept
 * first-row keys (`pivot_top`) and sources with the rest rewritten to Others (`base_*`) → one
 * GROUP BY GROUPING SETS per part (`agg_*`) → the parts joined on all keys and `grp` with IS NOT DISTINCT
 * FROM (`cells`) → per-capita denominators from `units` (`pivot_scope`, `pivot_den`) and shares as windows
 * (`vals`) → sort keys (`ord`) → only the requested grouping sets (`kept`), ordered. Pivots over the cell cap
 * stop early and return one marker row (`est`, `size`: see pivot-size.ts).
 *
 * Detail rows exist only where data exists (no cross product of empty combinations); missing dimension
 * values are their own group unless `missing: 'hide'`. All user values are bound parameters; identifiers
 * are engine constants.
 */
import { PIVOT_MAX_ROWS, type PivotSpec } from '../../../shared/pivot-spec';
import type { Dimension } from '../../../shared/specs';
import { and, join, raw, sql, type Sql } from '../db/sql';
import type { CatalogCache } from './catalog-cache';
import {
  denominatorCte,
  denominatorJoin,
  needsDenominators,
  perValueSql,
  SCOPE,
  scopeCte,
} from './pivot-percapita';
import { type Part, planPivot, type PivotPlan } from './pivot-plan';
import { orderBySql, sortKeyColumns } from './pivot-order';
import { shareSql } from './pivot-share';
import { enumTypes } from './pivot-dims';
import { aggregateSql, k, l, range, sourceSql, x } from './pivot-source';
import {
  CAP,
  cellBound,
  estimateCte,
  estimateWithinCap,
  sizeCte,
  sizeWithinCap,
  tooLargeMarker,
} from './pivot-size';
import { baseCte, baseName, srcName, topNCtes } from './pivot-topn';

/** Compile a validated pivot spec. Throws SPEC_INVALID (unknown indicator, share or rate of a mean…). */
export function compilePivot(spec: PivotSpec, catalog: CatalogCache): Sql {
  const plan = planPivot(spec, catalog);
  const per = needsDenominators(plan);
  const rankPer = plan.topN !== null && plan.values[plan.topN.value]?.per !== 'none';
  const ctes: [string, Sql][] = [];
  for (const p of plan.parts) ctes.push([srcName(p), sourceSql(plan, p, spec.filter)]);
  if (per || rankPer) ctes.push(scopeCte(plan, spec.filter));
  ctes.push(...topNCtes(plan, catalog, per || rankPer ? SCOPE : null));
  for (const p of plan.parts) {
    const base = baseCte(plan, p);
    if (base) ctes.push(base);
  }
  // Small by construction (the catalogue's key bounds): no counting against the cell cap.
  const small = cellBound(plan, catalog) <= PIVOT_MAX_ROWS;
  if (!small) ctes.push(estimateCte(plan));
  for (const p of plan.parts) {
    ctes.push([
      `agg_${p}`,
      aggregateSql(plan, p, baseName(p, plan), catalog, small ? raw('TRUE') : estimateWithinCap),
    ]);
  }
  ctes.push(['cells', cellsSql(plan)]);
  const keep =
    plan.outputGrps.length === plan.computeGrps.length
      ? raw('TRUE')
      : raw(`grp IN (${plan.outputGrps.join(', ')})`);
  if (!small) ctes.push(sizeCte(keep));
  if (per) ctes.push(denominatorCte(plan));
  ctes.push(['vals', valuesSql(plan, per, small)]);
  const v = plan.sort.value;
  ctes.push([
    'ord',
    sql`SELECT * ${join(
      sortKeyColumns(plan, raw(`v${v}`)).map((c) => sql`, ${c}`),
      '',
    )} FROM vals`,
  ]);
  ctes.push([
    'kept',
    small
      ? sql`SELECT * FROM ord WHERE ${keep}`
      : sql`SELECT * FROM ord WHERE ${keep} UNION ALL BY NAME ${tooLargeMarker}`,
  ]);

  // Keys and labels of model dimensions go out as ENUMs: the same text, read out as codes and a dictionary.
  const key = (i: number) => {
    const e = enumTypes(plan.dims[i] as Dimension);
    return e ? sql`CAST(${k(i)} AS ${e.key})` : k(i);
  };
  const label = (i: number) => {
    const e = enumTypes(plan.dims[i] as Dimension);
    return e ? sql`CAST(${l(i)} AS ${e.label})` : l(i);
  };
  const out = [
    ...range(plan.R).flatMap((i) => [
      sql`${key(i)} AS ${raw(`r${i}`)}`,
      sql`${label(i)} AS ${raw(`r${i}_label`)}`,
    ]),
    ...range(plan.C).flatMap((j) => [
      sql`${key(plan.R + j)} AS ${raw(`c${j}`)}`,
      sql`${label(plan.R + j)} AS ${raw(`c${j}_label`)}`,
    ]),
    raw('CAST(grp AS INTEGER) AS grp'),
    ...plan.values.map((_, j) => raw(`v${j}`)),
  ];
  const withs = join(
    ctes.map(([name, body]) => sql`${raw(name)} AS (${body})`),
    ',\n',
  );
  return sql`WITH ${withs}
    SELECT ${join(out)} FROM kept ${orderBySql(plan)} LIMIT ${CAP}`;
}

/** The two parts joined on every key and the grouping id (or the single part as is). */
function cellsSql(plan: PivotPlan): Sql {
  const n = plan.dims.length;
  const xs = (p: Part, alias: string) =>
    plan.values
      .map((v, j) => (v.part === p ? sql`${raw(alias)}.${x(j)}` : null))
      .filter((e): e is Sql => e !== null);
  if (plan.parts.length === 1) return sql`SELECT * FROM ${raw(`agg_${plan.parts[0] ?? 'f'}`)}`;
  const both = (col: Sql) => sql`coalesce(a.${col}, b.${col}) AS ${col}`;
  const cols = [...range(n).map((i) => both(k(i))), ...range(n).map((i) => both(l(i))), both(raw('grp'))];
  const on = and([
    raw('a.grp = b.grp'),
    ...range(n).map((i) => sql`a.${k(i)} IS NOT DISTINCT FROM b.${k(i)}`),
  ]);
  return sql`SELECT ${join([...cols, ...xs('m', 'a'), ...xs('f', 'b')])} FROM agg_m a FULL OUTER JOIN agg_f b ON ${on}`;
}

/** Final values: raw, per capita / per km², or a share. */
function valuesSql(plan: PivotPlan, per: boolean, small: boolean): Sql {
  const n = plan.dims.length;
  const vals = plan.values.map((v, j) => {
    const xj = sql`c.${x(j)}`;
    const e =
      v.per !== 'none' ? perValueSql(v.per, xj) : v.share !== 'none' ? shareSql(plan, v.share, xj) : xj;
    return sql`CAST(${e} AS DOUBLE) AS ${raw(`v${j}`)}`;
  });
  const cols = [
    ...range(n).map((i) => sql`c.${k(i)}`),
    ...range(n).map((i) => sql`c.${l(i)}`),
    raw('c.grp'),
    ...vals,
  ];
  return sql`SELECT ${join(cols)} FROM cells c ${per ? denominatorJoin(plan) : raw('')} WHERE ${small ? raw('TRUE') : sizeWithinCap}`;
}
