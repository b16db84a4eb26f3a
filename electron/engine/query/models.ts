/** Compile the model list (ModelQuery) and one model's values (ModelValuesSpec) to SQL. */
import { listValue } from '@duckdb/node-api';
import type { ModelColumn, ModelQuery, ModelValuesSpec } from '../../../shared/specs';
import { and, ident, join, raw, sql, type Sql } from '../db/sql';
import { enumType, type ENUM_COLUMNS } from '../workspace/derived';
import { dimConditions } from './filter';

/** A low-cardinality column cast to its ENUM type (read out as codes plus one dictionary; db/arrow.ts). */
const coded = (col: (typeof ENUM_COLUMNS)[number]) => raw(`CAST(m.${col} AS ${enumType(col)}) AS ${col}`);

/** Text columns the list sorts in Vietnamese collation order through their ENUM (created in that order). */
const COLLATED: ReadonlySet<string> = new Set([
  'unit_name',
  'province',
  'field',
  'sponsor',
  'status',
  'recognition',
]);

/**
 * The sort key of a column: names by their precomputed collation rank, the other text columns by their
 * ENUM (collation order), codes, dates and numbers as they are. Vietnamese users expect "ấp …" after "an …",
 * not after "z …" as byte order has it.
 */
function sortKey(by: ModelColumn): Sql {
  if (by === 'name') return raw('m.name_order');
  if (COLLATED.has(by)) return raw(`CAST(m.${by} AS ${enumType(by as (typeof ENUM_COLUMNS)[number])})`);
  return sql`m.${ident(by)}`;
}

/** Up to this many models named by id are listed in one scan (`compileModelQuery`). */
const NAMED_DIRECT_MAX = 1000;

/**
 * Up to this many models in the workspace, every list is one scan (`compileModelQuery`): sorting all the
 * columns of the city's ~7,600 models is cheaper than choosing the page first and joining it back (a
 * 500-row search at scale 1: ~5.5 -> ~3.6 ms); at scale 10 (96,000) the page-then-widen join is faster.
 */
export const LIST_DIRECT_MAX_MODELS = 20_000;

/**
 * A page of models with their unit resolved, from `model_dim`. The unit, field, sponsor, status and
 * recognition columns come out as ENUMs (same text in the Arrow result) so a long list does not decode the
 * same few strings once per row. Text sorts in Vietnamese collation order (`sortKey`).
 */
export function compileModelQuery(q: ModelQuery, opts: { modelCount?: number | null } = {}): Sql {
  const where = and(dimConditions(q.filter, 'm', { activeInPeriod: true }));
  const dir = q.sort?.dir === 'desc' ? raw('DESC') : raw('ASC');
  const key = sortKey(q.sort?.by ?? 'model_id');
  const cols = join([
    raw('m.model_id, m.name'),
    ...(['unit_code', 'unit_name', 'province', 'field', 'sponsor'] as const).map(coded),
    raw('m.start_date'),
    ...(['status', 'recognition'] as const).map(coded),
    raw('m.lat, m.lon, m.replicated_from'),
  ]);
  const order = sql`ORDER BY ${key} ${dir} NULLS LAST, m.model_id`;
  const limit = sql`LIMIT ${q.limit ?? 100_000} OFFSET ${q.offset ?? 0}`;
  // Models named by id (a model's detail, a list of a few): at most those rows are sorted, so one scan
  // answers; the page-then-widen join below scanned `model_dim` twice (6 -> 4 ms for one model at scale 10).
  // So does any list of a workspace of the city's size (LIST_DIRECT_MAX_MODELS).
  const named = q.filter?.modelIds?.length ?? 0;
  const small =
    opts.modelCount !== undefined && opts.modelCount !== null && opts.modelCount <= LIST_DIRECT_MAX_MODELS;
  if (small || (named > 0 && named <= NAMED_DIRECT_MAX))
    return sql`SELECT ${cols} FROM model_dim m WHERE ${where} ${order} ${limit}`;
  // The page is chosen on the narrow (sort key, id) pair first, and only its rows are widened and cast: at
  // scale 10 sorting every column of 96,000 models to keep 500 cost more than the page itself.
  return sql`WITH page AS (SELECT m.model_id FROM model_dim m WHERE ${where} ${order} ${limit})
    SELECT ${cols}
    FROM page p JOIN model_dim m ON m.model_id = p.model_id
    ${order}`;
}

/**
 * Every value one model reported, ordered by indicator then period. Read from `model_values` (the same rows
 * as indicator_values, sorted by model: zone maps skip all but a row group or two).
 */
export function compileModelValues(q: ModelValuesSpec): Sql {
  const ind = q.indicators?.length ? sql`AND indicator_code = ANY(${listValue(q.indicators)})` : raw('');
  return sql`SELECT indicator_code, period_start, value FROM model_values
    WHERE model_id = ${q.modelId} ${ind} ORDER BY indicator_code, period_start`;
}
