/** Facts about the machine and checkout a result was measured on. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import { REPO_ROOT } from './data';

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  duckdb: string;
  platform: string;
  gitCommit: string;
  /** Files changed in the working tree (other work in progress was measured too). */
  gitDirtyFiles: number;
  loadAvgAtStart: number[];
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

export async function machineInfo(): Promise<MachineInfo> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const v = (await c.runAndReadAll('SELECT version() AS v')).getRowObjects()[0]?.v;
  c.closeSync();
  db.closeSync();
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    duckdb: String(v),
    platform: `${os.platform()} ${os.release()}`,
    gitCommit: git(['rev-parse', 'HEAD']) || 'unknown',
    gitDirtyFiles: git(['status', '--porcelain']).split('\n').filter(Boolean).length,
    loadAvgAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

/** An integer loop of `n` steps (the JS half of the speed probe). */
function spin(n: number): number {
  let h = 0;
  for (let i = 0; i < n; i++) h = (Math.imul(h, 31) + i) | 0;
  return h;
}

/** A fixed amount of work timed on this machine now: how fast it runs at the moment of the run. */
export interface SpeedProbe {
  /** `sum(hash(i))` over 10 million integers in DuckDB (2 threads), median of 7, ms. */
  duckdbMs: number;
  /** A fixed integer loop of 50 million steps in JS, median of 5, ms. */
  jsMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/**
 * Time the same fixed work in DuckDB and in JS. The machine's speed drifts by up to 50 % over minutes (a shared
 * host): the probe, taken at the start and the end of a run, tells a slow phase from a slow change.
 */
export async function speedProbe(): Promise<SpeedProbe> {
  const db = await DuckDBInstance.create(':memory:', { threads: '2' });
  const c = await db.connect();
  const q = 'SELECT sum(hash(i)) FROM range(10000000) t(i)';
  await c.run(q);
  const duck: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    await c.run(q);
    duck.push(performance.now() - t0);
  }
  c.closeSync();
  db.closeSync();
  const js: number[] = [];
  let h = 0;
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    h ^= spin(50_000_000);
    if (r > 1) js.push(performance.now() - t0); // the first calls compile it
  }
  if (h === 42) process.stderr.write(''); // keeps the result alive
  return { duckdbMs: Math.round(median(duck) * 10) / 10, jsMs: Math.round(median(js) * 10) / 10 };
}
