/**
 * Integrity flags made visible to the ranking SQL: a TEMP table `rank_flags` (model_id, codes VARCHAR[],
 * json) on the connection the ranking runs on, filled from the cached flags engine and refilled only when
 * the data version or the flag options change. Temp tables live per connection, hence the per-connection key.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { listValue } from '@duckdb/node-api';
import type { FlagOptions, ModelFlag } from '../../../shared/rank-spec';
import { sql } from '../db/sql';
import type { Workspace } from '../workspace/workspace';
import { cachedFlags, flagOptions } from './flags';

/** Name of the temp table the ranking joins. */
export const RANK_FLAGS = 'rank_flags';

const loaded = new WeakMap<DuckDBConnection, string>();

/** Group flags by model: codes (distinct, sorted) and the JSON array of the model's flags. */
export function flagsByModel(flags: readonly ModelFlag[]): Map<string, { codes: string[]; json: string }> {
  const by = new Map<string, ModelFlag[]>();
  for (const f of flags) {
    const list = by.get(f.modelId) ?? [];
    list.push(f);
    by.set(f.modelId, list);
  }
  const out = new Map<string, { codes: string[]; json: string }>();
  for (const [id, list] of by)
    out.set(id, { codes: [...new Set(list.map((f) => f.code))].sort(), json: JSON.stringify(list) });
  return out;
}

/** What `rank_flags` holds: the data version and the flag options. */
export function rankFlagsKey(ws: Workspace, options: FlagOptions | undefined): string {
  return `${ws.dataVersion}:${JSON.stringify(flagOptions(options))}`;
}

/** Make sure `rank_flags` on `conn` holds the flags for the current data and `options`. */
export async function prepareRankFlags(
  ws: Workspace,
  conn: DuckDBConnection,
  options: FlagOptions | undefined,
): Promise<void> {
  const key = rankFlagsKey(ws, options);
  if (loaded.get(conn) === key) return;
  const by = flagsByModel(await cachedFlags(ws, options));
  const ids = [...by.keys()];
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ${RANK_FLAGS} (model_id VARCHAR, codes VARCHAR[], json VARCHAR)`,
  );
  if (ids.length) {
    const codes = ids.map((id) => by.get(id)?.codes.join(',') ?? '');
    const json = ids.map((id) => by.get(id)?.json ?? '[]');
    const q = sql`INSERT INTO rank_flags SELECT id, string_split(c, ','), j
      FROM (SELECT unnest(${listValue(ids)}) AS id, unnest(${listValue(codes)}) AS c, unnest(${listValue(json)}) AS j)`.build();
    await conn.run(q.text, q.params);
  }
  loaded.set(conn, key);
}
