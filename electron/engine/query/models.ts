/** Compile the model list (ModelQuery) and one model's values (ModelValuesSpec) to SQL. */
import { listValue } from '@duckdb/node-api';
import type { ModelQuery, ModelValuesSpec } from '../../../shared/specs';
import { and, ident, raw, sql, type Sql } from '../db/sql';
import { dimConditions } from './filter';

/** A page of models with their unit resolved, from `model_dim`. */
export function compileModelQuery(q: ModelQuery): Sql {
  const where = and(dimConditions(q.filter, 'm', { activeInPeriod: true }));
  const dir = q.sort?.dir === 'desc' ? raw('DESC') : raw('ASC');
  const sortExpr = ident(q.sort?.by ?? 'model_id');
  return sql`SELECT model_id, name, unit_code, unit_name, province, field, sponsor, start_date, status, recognition,
      lat, lon, replicated_from
    FROM model_dim m
    WHERE ${where}
    ORDER BY ${sortExpr} ${dir} NULLS LAST, model_id
    LIMIT ${q.limit ?? 100_000} OFFSET ${q.offset ?? 0}`;
}

/** Every value one model reported, ordered by indicator then period. */
export function compileModelValues(q: ModelValuesSpec): Sql {
  const ind = q.indicators?.length ? sql`AND indicator_code = ANY(${listValue(q.indicators)})` : raw('');
  return sql`SELECT indicator_code, period_start, value FROM indicator_values
    WHERE model_id = ${q.modelId} ${ind} ORDER BY indicator_code, period_start`;
}
