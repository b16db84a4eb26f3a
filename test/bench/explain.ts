/**
 * Where the engine's time goes, spec by spec: `npx tsx test/bench/explain.ts [scale] [id substring…]`.
 * For each suite spec: compile time, SQL execution (all chunks fetched, nothing encoded), the full
 * `EngineServer.query` (adds Arrow encoding), then DuckDB's profile of the compiled SQL — run in a separate
 * read-only instance with the engine's threads and memory settings — summed per operator, largest first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { compileSpec } from '../../electron/engine/query';
import { CatalogCache } from '../../electron/engine/query/catalog-cache';
import { prepareRankFlags } from '../../electron/engine/query/rank-flags';
import { EngineServer } from '../../electron/engine/server';
import { benchWorkspace, openBenchWorkspace } from './lib/data';
import { summarise } from './lib/timing';
import { SUITE } from './queries/suite';

interface ProfileNode {
  operator_name?: string;
  operator_timing?: number;
  operator_cardinality?: number;
  children?: ProfileNode[];
}

function operators(n: ProfileNode, acc: Map<string, { s: number; rows: number }>): void {
  if (n.operator_name) {
    const a = acc.get(n.operator_name) ?? { s: 0, rows: 0 };
    a.s += n.operator_timing ?? 0;
    a.rows += n.operator_cardinality ?? 0;
    acc.set(n.operator_name, a);
  }
  for (const c of n.children ?? []) operators(c, acc);
}

async function timeRuns(fn: () => Promise<unknown>, runs = 10): Promise<number> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return summarise(ms).p50;
}

const scale = Number(process.argv[2] ?? 1);
const only = process.argv.slice(3);
const bw = await benchWorkspace(scale);
const entries = SUITE.filter((e) => only.length === 0 || only.some((o) => e.id.includes(o)));

// Engine phases on the engine's own workspace.
const ws = await openBenchWorkspace(bw);
const catalog = await CatalogCache.load(ws);
// As the bench times them: rankings cold, except the entries timed with their percentiles kept.
const server = new EngineServer(ws, { resultCache: false, rankCores: false });
const keptServer = new EngineServer(ws, { resultCache: false });
// As the bench: after the engine's idle warm-up (flags, ranking kernel).
for (const s of [server, keptServer]) await s.warmUp();
const compiled = new Map<string, ReturnType<ReturnType<typeof compileSpec>['build']>>();
console.log(
  `scale ${scale}: p50 ms of 10 runs — compile | plan only (EXPLAIN) | SQL only (fetch all chunks) | engine end to end`,
);
for (const e of entries) {
  // A ranking joins the integrity flags, a temp table the engine fills on the read connection first.
  if (e.spec.kind === 'rank') await prepareRankFlags(ws, ws.read, e.spec.flagOptions);
  const compile = await timeRuns(async () => compileSpec(e.spec, catalog));
  const q = compileSpec(e.spec, catalog).build();
  compiled.set(e.id, q);
  const sqlOnly = await timeRuns(async () => {
    const r = await ws.read.run(q.text, q.params);
    while ((await r.fetchChunk())?.rowCount) {
      /* drain */
    }
  });
  const plan = await timeRuns(() => ws.read.run(`EXPLAIN ${q.text}`, q.params));
  const full = await timeRuns(() => (e.kept ? keptServer : server).query(e.spec));
  const f = (n: number) => n.toFixed(1).padStart(7);
  console.log(
    `${e.id.padEnd(44)} ${compile.toFixed(2).padStart(6)} | ${f(plan)} | ${f(sqlOnly)} | ${f(full)}`,
  );
}
ws.close();

// DuckDB's profile of the same SQL in a separate read-only instance.
const db = await DuckDBInstance.create(bw.file, {
  access_mode: 'READ_ONLY',
  threads: '2',
  memory_limit: '2GB',
});
const c = await db.connect();
const out = path.join(os.tmpdir(), `dvk-bench-profile-${process.pid}.json`);
for (const e of entries) {
  const q = compiled.get(e.id);
  if (!q) continue;
  // A ranking reads the engine's temp flags table: an empty one here (the profile is of the ranking).
  if (e.spec.kind === 'rank')
    await c.run(`CREATE OR REPLACE TEMP TABLE rank_flags (model_id VARCHAR, codes VARCHAR[], json VARCHAR)`);
  await c.run(`PRAGMA enable_profiling = 'json'`);
  await c.run(`PRAGMA profiling_output = '${out}'`);
  await c.run(q.text, q.params);
  await c.run('PRAGMA disable_profiling');
  const root = JSON.parse(fs.readFileSync(out, 'utf8')) as ProfileNode & { latency?: number };
  const acc = new Map<string, { s: number; rows: number }>();
  operators(root, acc);
  const top = [...acc.entries()].sort((a, b) => b[1].s - a[1].s).slice(0, 4);
  console.log(
    `${e.id}: latency ${((root.latency ?? 0) * 1000).toFixed(1)} ms; ` +
      top.map(([k, v]) => `${k} ${(v.s * 1000).toFixed(1)} ms (${v.rows} rows)`).join(', '),
  );
}
c.closeSync();
db.closeSync();
fs.rmSync(out, { force: true });
