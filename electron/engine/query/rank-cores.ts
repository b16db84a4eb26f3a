/**
 * Kept first stages of rankings (rank-compile.ts `rankCoreSql`): each model's raw component values and
 * percentiles within its peer group, in a TEMP table per ranking core, plus its group statistics. The
 * percentiles are most of a ranking's cost — five sorts of every model in scope, about 150 ms of 96,000
 * models on two cores — and they do not depend on the weights, the sort, the flag shown or the page, which
 * are what the analyst changes most. A spec whose core is kept runs only the second stage (score, rank,
 * page): tens of milliseconds at any scale.
 *
 * Keyed by the core's canonical JSON (component definitions in order, peer group, filter, exclusions, flag
 * options) and the data version plus derived generation: an import or a rebuild drops them all. Temp
 * tables live per connection, hence one store per connection. At most `MAX_CORES` are kept, least
 * recently used first out (a core of 96,000 models and five components is about 5 MB).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { RankSpec } from '../../../shared/rank-spec';
import { raw, sql, type Sql } from '../db/sql';
import type { StatementCache } from '../db/statements';
import type { CatalogCache } from './catalog-cache';
import { rankCoreSql, rankPageSql, rankStatsSql } from './rank-compile';
import { ResultCache } from './result-cache';

/** Cores kept per connection. */
export const MAX_CORES = 4;

interface Store {
  version: string;
  /** Core key → table number, least recently used first. */
  cores: Map<string, number>;
  next: number;
}

const stores = new WeakMap<DuckDBConnection, Store>();

/** The part of a spec the first stage depends on. */
export function coreKey(spec: RankSpec): string {
  return ResultCache.key({
    components: spec.components.map((c) => ({ ...c, weight: undefined })),
    peer: spec.peer ?? 'field',
    filter: spec.filter ?? {},
    exclude: spec.exclude ?? [],
    flagOptions: spec.flagOptions ?? {},
  });
}

/** The name a core is made under before it is renamed to its number. */
const STAGE = 'rank_core_stage';

const tables = (n: number) => ({ p: `rank_core_${n}`, g: `rank_core_${n}_g` });

async function drop(conn: DuckDBConnection, n: number): Promise<void> {
  const t = tables(n);
  await conn.run(`DROP TABLE IF EXISTS ${t.g}`);
  await conn.run(`DROP TABLE IF EXISTS ${t.p}`);
}

/**
 * The SQL answering `spec` on `conn` from its kept core, computing and keeping the core first when it is
 * not kept. `version` identifies the data (a change drops every core of the connection). The flags table
 * the ranking reads (rank-flags.ts) must be ready on `conn`. `statements`: the connection's kept statements.
 */
export async function rankFromCore(
  conn: DuckDBConnection,
  spec: RankSpec,
  catalog: CatalogCache,
  version: string,
  statements?: StatementCache,
): Promise<Sql> {
  let store = stores.get(conn);
  if (!store || store.version !== version) {
    if (store) for (const n of store.cores.values()) await drop(conn, n);
    store = { version, cores: new Map(), next: store?.next ?? 0 };
    stores.set(conn, store);
  }
  const key = coreKey(spec);
  let n = store.cores.get(key);
  if (n === undefined) {
    n = store.next++;
    const t = tables(n);
    try {
      // Made under one name and renamed, so the statement's text is the same for every core of this shape
      // (a filter change): a kept statement (db/statements.ts) only binds the new values.
      const made = sql`CREATE OR REPLACE TEMP TABLE ${raw(STAGE)} AS ${rankCoreSql(spec, catalog)}`;
      if (statements) await statements.run(made, version);
      else {
        const q = made.build();
        await conn.run(q.text, q.params);
      }
      await conn.run(`ALTER TABLE ${STAGE} RENAME TO ${t.p}`);
      const stats = rankStatsSql(spec, catalog, t.p).build();
      await conn.run(`CREATE OR REPLACE TEMP TABLE ${t.g} AS ${stats.text}`, stats.params);
    } catch (e) {
      // Interrupted or failed: nothing half-made is kept.
      await drop(conn, n).catch(() => undefined);
      await conn.run(`DROP TABLE IF EXISTS ${STAGE}`).catch(() => undefined);
      throw e;
    }
    while (store.cores.size >= MAX_CORES) {
      const [oldKey, old] = store.cores.entries().next().value as [string, number];
      store.cores.delete(oldKey);
      await drop(conn, old);
    }
  } else {
    store.cores.delete(key);
  }
  store.cores.set(key, n);
  return rankPageSql(spec, tables(n));
}
