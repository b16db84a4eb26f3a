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
 *
 * `counts` are aggregates (`count(*)`, `count(*) FILTER (…)`) computed per distinct value in the same
 * scan, so a caller that needs figures per value pays no second pass over `from`; they come back per
 * value, in order (an empty map without `counts`).
 */
export async function distinctMap(
  ws: Workspace,
  name: string,
  from: Sql,
  expr: Sql,
  outCols: readonly string[],
  fn: (s: string) => (string | null)[],
  counts: readonly Sql[] = [],
): Promise<Map<string, number[]>> {
  let select = sql`${expr} AS s`;
  counts.forEach((c, i) => (select = sql`${select}, (${c})::BIGINT AS ${raw(`n${i}`)}`));
  const rows = await ws.rows<Record<string, unknown> & { s: string }>(
    counts.length
      ? sql`SELECT ${select} FROM ${from} WHERE ${expr} IS NOT NULL GROUP BY 1`
      : sql`SELECT DISTINCT ${expr} AS s FROM ${from} WHERE ${expr} IS NOT NULL`,
    ws.write,
  );
  const keys = rows.map((r) => r.s);
  const found = new Map<string, number[]>();
  if (counts.length)
    for (const r of rows)
      found.set(
        r.s,
        counts.map((_, i) => Number(r[`n${i}`] ?? 0)),
      );
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
    return found;
  }
  // @duckdb/node-api 1.5.5 drops the values of a bound list whose first item is null, so nulls travel
  // as a sentinel and are restored in SQL.
  const NUL = '\u0000∅';
  const cols = outCols.map(
    (c, i) =>
      sql`nullif(unnest(${listValue((outs[i] as (string | null)[]).map((v) => v ?? NUL))}::VARCHAR[]), ${NUL}) AS ${raw(c)}`,
  );
  let list = sql`unnest(${listValue(keys)}::VARCHAR[]) AS s`;
  for (const c of cols) list = sql`${list}, ${c}`;
  await ws.exec(sql`CREATE TEMP TABLE ${raw(name)} AS SELECT ${list}`);
  return found;
}
