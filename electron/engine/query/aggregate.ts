/**
 * Compile an AggregateSpec: measures grouped by at most one dimension. Model-level measures (counts)
 * and value-level measures (indicator aggregates) are computed in separate groupings and joined on the
 * key, so a model with no values still counts, and a mean-type indicator is averaged over the
 * underlying values (never a mean of means, never summed).
 */
import type { AggregateSpec, Measure } from '../../../shared/specs';
import { AtlasError } from '../../../shared/errors';
import { listValue } from '@duckdb/node-api';
import { and, join, raw, sql, type Sql } from '../db/sql';
import { dimensionSql } from './dimensions';
import { modelConditions, valueConditions } from './filter';
import type { CatalogCache } from './catalog-cache';

/** SQL aggregate of `v.value` (and weight `w` when weighted) for one indicator measure. */
export function indicatorAggregate(m: Extract<Measure, { type: 'indicator' }>, catalog: CatalogCache, cond: Sql): Sql {
  const def = catalog.indicator(m.indicator);
  if (!def) throw new AtlasError('SPEC_INVALID', `Unknown indicator: ${m.indicator}`, { indicator: m.indicator });
  const agg = !m.agg || m.agg === 'catalog' ? def.aggregation : m.agg;
  const f = sql`FILTER (WHERE ${cond})`;
  switch (agg) {
    case 'sum':
      return sql`sum(v.value) ${f}`;
    case 'mean':
      return sql`avg(v.value) ${f}`;
    case 'weighted_mean': {
      // Weighted by the catalogue's weight indicator where a weight is reported; plain mean otherwise.
      const fw = sql`FILTER (WHERE ${cond} AND w.value IS NOT NULL AND w.value > 0)`;
      return sql`CASE WHEN coalesce(sum(w.value) ${fw}, 0) > 0
        THEN sum(v.value * w.value) ${fw} / sum(w.value) ${fw} ELSE avg(v.value) ${f} END`;
    }
    case 'median':
      return sql`median(v.value) ${f}`;
    case 'min':
      return sql`min(v.value) ${f}`;
    case 'max':
      return sql`max(v.value) ${f}`;
    default:
      throw new AtlasError('SPEC_INVALID', `Unknown aggregation: ${String(agg)}`);
  }
}

/** The weight indicator a measure needs joined, if any. */
function weightOf(m: Measure, catalog: CatalogCache): string | null {
  if (m.type !== 'indicator') return null;
  const def = catalog.indicator(m.indicator);
  const agg = !m.agg || m.agg === 'catalog' ? def?.aggregation : m.agg;
  return agg === 'weighted_mean' ? (def?.weight_by ?? null) : null;
}

export function compileAggregate(spec: AggregateSpec, catalog: CatalogCache): Sql {
  const dim = spec.by ? dimensionSql(spec.by, spec.grain) : null;
  const valueDim = dim?.valueLevel ?? false;
  const measures = spec.measures;
  const isValueMeasure = (m: Measure) => m.type === 'indicator' || valueDim;
  const modelIdx = measures.map((m, i) => (isValueMeasure(m) ? -1 : i)).filter((i) => i >= 0);
  const valueIdx = measures.map((m, i) => (isValueMeasure(m) ? i : -1)).filter((i) => i >= 0);
  const keySel = dim ? sql`${dim.key} AS key, ${dim.label} AS label` : raw(`'' AS key, '' AS label`);
  const groupBy = dim ? sql`GROUP BY ${dim.key}` : raw('');
  const parts: { sql: Sql; cols: number[] }[] = [];

  if (modelIdx.length) {
    const cols = modelIdx.map((i) => {
      const m = measures[i] as Measure;
      const expr = m.type === 'count_units' ? raw('count(DISTINCT m.unit_code)') : raw('count(DISTINCT m.model_id)');
      return sql`CAST(${expr} AS DOUBLE) AS ${raw(`m${i}`)}`;
    });
    parts.push({
      cols: modelIdx,
      sql: sql`SELECT ${keySel}, ${join(cols)}
        FROM models m LEFT JOIN units u ON u.code = m.unit_code
        WHERE ${and(modelConditions(spec.filter, { periodOnStart: true }))} ${groupBy}`,
    });
  }
  if (valueIdx.length) {
    const codes = new Set<string>();
    const weights = new Map<string, string>(); // weighted indicator → its weight indicator
    for (const i of valueIdx) {
      const m = measures[i] as Measure;
      if (m.type === 'indicator') codes.add(m.indicator);
      const w = weightOf(m, catalog);
      if (w && m.type === 'indicator') weights.set(m.indicator, w);
    }
    const anyModelCount = valueIdx.some((i) => (measures[i] as Measure).type !== 'indicator');
    const cols = valueIdx.map((i) => {
      const m = measures[i] as Measure;
      if (m.type === 'indicator') {
        return sql`CAST(${indicatorAggregate(m, catalog, sql`v.indicator_code = ${m.indicator}`)} AS DOUBLE) AS ${raw(`m${i}`)}`;
      }
      const expr = m.type === 'count_units' ? raw('count(DISTINCT m.unit_code)') : raw('count(DISTINCT m.model_id)');
      return sql`CAST(${expr} AS DOUBLE) AS ${raw(`m${i}`)}`;
    });
    const conds = [...modelConditions(spec.filter), ...valueConditions(spec.filter)];
    if (!anyModelCount && codes.size) conds.push(sql`v.indicator_code = ANY(${listOf([...codes])})`);
    // One weight row per weighted value row at most: the join is keyed on the (indicator, weight) pair.
    const pairs = [...weights].map(([ind, w]) => sql`(v.indicator_code = ${ind} AND w.indicator_code = ${w})`);
    const weightJoin = pairs.length
      ? sql`LEFT JOIN indicator_values w ON w.model_id = v.model_id AND w.period_start = v.period_start
            AND (${join(pairs, ' OR ')})`
      : raw('');
    const indJoin = spec.by === 'indicator' ? raw('LEFT JOIN indicators i ON i.code = v.indicator_code') : raw('');
    parts.push({
      cols: valueIdx,
      sql: sql`SELECT ${keySel}, ${join(cols)}
        FROM indicator_values v JOIN models m ON m.model_id = v.model_id
        LEFT JOIN units u ON u.code = m.unit_code ${indJoin} ${weightJoin}
        WHERE ${and(conds)} ${groupBy}`,
    });
  }

  const out = measures.map((_, i) => raw(`m${i}`));
  let body: Sql;
  if (parts.length === 1) {
    body = sql`SELECT key, label, ${join(out)} FROM (${(parts[0] as { sql: Sql }).sql}) a`;
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


function listOf(values: string[]) {
  return listValue(values);
}
