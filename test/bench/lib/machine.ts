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
