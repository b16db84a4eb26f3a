/**
 * Parse the distinct values of a staged text column in JS (periods, dates, indicator names: a few
 * hundred or thousand distinct strings even in a 2-million-row file) and expose the mapping as a temp
 * table to join on, so the JS parser is the single source of truth and the bulk work stays in SQL.
 */
import { listValue } from '@duckdb/node-api';
import type { Workspace } from '../workspace/workspace';
import { raw, sql, type Sql } from '../db/sql';

/**
 * Create temp table `name(s VARCHAR, <outCols> VARCHAR)` mapping each distinct non-null `expr` of
 * `from` through `fn` (which returns one string or null per output column).
 */
export async function distinctMap(
  ws: Workspace,
  name: string,
  from: Sql,
  expr: Sql,
  outCols: readonly string[],
  fn: (s: string) => (string | null)[],
): Promise<void> {
  const rows = await ws.rows<{ s: string }>(
    sql`SELECT DISTINCT ${expr} AS s FROM ${from} WHERE ${expr} IS NOT NULL`,
    ws.write,
  );
  const keys = rows.map((r) => r.s);
  const outs: (string | null)[][] = outCols.map(() => []);
  for (const k of keys) {
    const r = fn(k);
    outCols.forEach((_, i) => (outs[i] as (string | null)[]).push(r[i] ?? null));
  }
  await ws.exec(raw(`DROP TABLE IF EXISTS ${name}`));
  if (keys.length === 0) {
    // An empty list parameter has no element type in DuckDB: create the empty table directly.
    await ws.exec(
      raw(`CREATE TEMP TABLE ${name} (s VARCHAR${outCols.map((c) => `, ${c} VARCHAR`).join('')})`),
    );
    return;
  }
  // @duckdb/node-api 1.5.5 drops the values of a bound list whose first item is null, so nulls travel
  // as a sentinel and are restored in SQL.
  const NUL = '\u0000∅';
  const cols = outCols.map(
    (c, i) =>
      sql`nullif(unnest(${listValue((outs[i] as (string | null)[]).map((v) => v ?? NUL))}::VARCHAR[]), ${NUL}) AS ${raw(c)}`,
  );
  let select = sql`unnest(${listValue(keys)}::VARCHAR[]) AS s`;
  for (const c of cols) select = sql`${select}, ${c}`;
  await ws.exec(sql`CREATE TEMP TABLE ${raw(name)} AS SELECT ${select}`);
}
