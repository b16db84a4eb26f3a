/**
 * Compile an AggregateSpec: measures grouped by at most one dimension. Model-level measures (counts)
 * come from `model_dim`, value-level measures (indicator aggregates, or counts by period/indicator)
 * from `facts`; the two groupings are joined on the key so a model with no values still counts.
 */
import { listValue } from '@duckdb/node-api';
import type { AggregateSpec, Measure } from '../../../shared/specs';
import { and, join, raw, sql, type Sql } from '../db/sql';
import type { CatalogCache } from './catalog-cache';
import { dimensionSql } from './dimensions';
import { dimConditions, periodConditions } from './filter';
import { countAggregate, indicatorAggregate } from './measures';
import { aggregateFactNeed, FACTS, planFacts } from './planner';

export function compileAggregate(spec: AggregateSpec, catalog: CatalogCache): Sql {
  const valueDim = spec.by === 'period' || spec.by === 'indicator';
  const measures = spec.measures;
  const isValue = (m: Measure) => m.type === 'indicator' || valueDim;
  const parts: { sql: Sql; cols: number[] }[] = [];

  const modelIdx = measures.flatMap((m, i) => (isValue(m) ? [] : [i]));
  if (modelIdx.length) {
    const dim = spec.by ? dimensionSql(spec.by, 'm', spec.grain) : null;
    const cols = modelIdx.map(
      (i) => sql`CAST(${countAggregate(measures[i] as Measure, 'm')} AS DOUBLE) AS ${raw(`m${i}`)}`,
    );
    parts.push({
      cols: modelIdx,
      sql: sql`SELECT ${dim ? sql`${dim.key} AS key, ${dim.label} AS label` : raw(`'' AS key, '' AS label`)}, ${join(cols)}
        FROM model_dim m WHERE ${and(dimConditions(spec.filter, 'm', { activeInPeriod: true }))}
        ${dim ? sql`GROUP BY ${dim.key}` : raw('')}`,
    });
  }

  const valueIdx = measures.flatMap((m, i) => (isValue(m) ? [i] : []));
  if (valueIdx.length) {
    const need = aggregateFactNeed(spec);
    const src = need ? planFacts(need, catalog) : FACTS;
    const dim = spec.by ? dimensionSql(spec.by, 'f', spec.grain, src.cube) : null;
    const cols = valueIdx.map((i) => {
      const m = measures[i] as Measure;
      const expr = m.type === 'indicator' ? indicatorAggregate(m, catalog, src.cube) : countAggregate(m, 'f');
      return sql`CAST(${expr} AS DOUBLE) AS ${raw(`m${i}`)}`;
    });
    const conds = [...dimConditions(spec.filter, 'f'), ...periodConditions(spec.filter)];
    const onlyIndicators = valueIdx.every((i) => (measures[i] as Measure).type === 'indicator');
    if (onlyIndicators) {
      const codes = [
        ...new Set(valueIdx.map((i) => (measures[i] as Extract<Measure, { type: 'indicator' }>).indicator)),
      ];
      conds.push(sql`f.indicator_code = ANY(${listValue(codes)})`);
    }
    parts.push({
      cols: valueIdx,
      sql: sql`SELECT ${dim ? sql`${dim.key} AS key, ${dim.label} AS label` : raw(`'' AS key, '' AS label`)}, ${join(cols)}
        FROM ${raw(src.table)} f WHERE ${and(conds)} ${dim ? sql`GROUP BY ${dim.key}` : raw('')}`,
    });
  }

  let body: Sql;
  if (parts.length === 1) {
    body = sql`SELECT key, label, ${join(measures.map((_, i) => raw(`m${i}`)))} FROM (${(parts[0] as { sql: Sql }).sql}) a`;
  } else {
    const [a, b] = parts as [{ sql: Sql; cols: number[] }, { sql: Sql; cols: number[] }];
    const sel = measures.map((_, i) => raw(a.cols.includes(i) ? `a.m${i}` : `b.m${i}`));
    body = sql`SELECT coalesce(a.key, b.key) AS key, coalesce(a.label, b.label) AS label, ${join(sel)}
      FROM (${a.sql}) a FULL OUTER JOIN (${b.sql}) b ON a.key IS NOT DISTINCT FROM b.key`;
  }
  const order =
    spec.sort === 'value_desc'
      ? raw('ORDER BY m0 DESC NULLS LAST, key')
      : spec.sort === 'value_asc'
        ? raw('ORDER BY m0 ASC NULLS LAST, key')
        : raw('ORDER BY key NULLS LAST');
  const limit = spec.limit ? sql`LIMIT ${spec.limit}` : raw('');
  return sql`SELECT * FROM (${body}) t ${order} ${limit}`;
}
