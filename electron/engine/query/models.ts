/** Compile a ModelQuery (the model list page) to SQL. */
import type { ModelQuery, ModelValuesSpec } from '../../../shared/specs';
import { listValue } from '@duckdb/node-api';
import { and, ident, raw, sql, type Sql } from '../db/sql';
import { modelConditions } from './filter';

/** Columns of the model list, in order. Unit name and province prefer the registered unit's values. */
export function compileModelQuery(q: ModelQuery): Sql {
  const where = and(modelConditions(q.filter, { periodOnStart: true }));
  const by = q.sort?.by ?? 'model_id';
  const dir = q.sort?.dir === 'desc' ? raw('DESC') : raw('ASC');
  const sortExpr = by === 'unit_name' ? raw('unit_name') : by === 'province' ? raw('province') : ident(by);
  const limit = q.limit ?? 100_000;
  const offset = q.offset ?? 0;
  return sql`SELECT m.model_id, m.name, m.unit_code, coalesce(u.name, m.unit_name) AS unit_name,
      coalesce(u.province, m.province) AS province, m.field, m.sponsor, m.start_date, m.status, m.recognition,
      m.lat, m.lon, m.replicated_from
    FROM models m LEFT JOIN units u ON u.code = m.unit_code
    WHERE ${where}
    ORDER BY ${sortExpr} ${dir} NULLS LAST, m.model_id
    LIMIT ${limit} OFFSET ${offset}`;
}

/** Every value one model reported, ordered by indicator then period. */
export function compileModelValues(q: ModelValuesSpec): Sql {
  const ind = q.indicators?.length ? sql`AND indicator_code = ANY(${listValue(q.indicators)})` : raw('');
  return sql`SELECT indicator_code, period_start, value FROM indicator_values
    WHERE model_id = ${q.modelId} ${ind} ORDER BY indicator_code, period_start`;
}
