/**
 * Cached inputs of the benchmarks under test/bench/.cache/ (git-ignored): the sample files per scale and a
 * workspace per scale imported from them the way the app's first run does (`SAMPLE_IMPORT_FILES`). Each
 * entry appears atomically (built in a temp folder, then renamed), so an interrupted run never leaves a
 * half-built cache behind. Delete the folder (or pass --fresh) to rebuild.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_SEED, writeSample } from '../../../electron/engine/sample';
import { commitFiles } from '../../../electron/engine/import';
import { SAMPLE_IMPORT_FILES } from '../../../electron/engine/workspace/first-run';
import { SCHEMA_VERSION } from '../../../electron/engine/workspace/schema';
import { Workspace } from '../../../electron/engine/workspace/workspace';
import { log } from './log';

export const BENCH_DIR = path.resolve(import.meta.dirname, '..');
export const CACHE_DIR = path.join(BENCH_DIR, '.cache');
export const REPO_ROOT = path.resolve(BENCH_DIR, '../..');

/** Build `target` (a folder) via `build(tmp)` unless it exists; atomic by rename. */
async function cached(target: string, build: (tmp: string) => Promise<void>): Promise<string> {
  if (fs.existsSync(target)) return target;
  const tmp = `${target}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  try {
    await build(tmp);
    fs.renameSync(tmp, target);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return target;
}

/** Folder holding the sample files of `scale` (generated once). */
export async function sampleDir(scale: number): Promise<string> {
  return cached(path.join(CACHE_DIR, `sample-s${scale}-seed${DEFAULT_SEED}`), async (tmp) => {
    const t0 = performance.now();
    log(`generating the scale-${scale} sample (scale 10 takes ~70 s) …`);
    await writeSample(tmp, { scale, seed: DEFAULT_SEED });
    log(`  sample written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  });
}

/** A benchmark workspace: its file and the engine's data folder. */
export interface BenchWorkspace {
  file: string;
  dataDir: string;
}

function wsPaths(dir: string): BenchWorkspace {
  return { file: path.join(dir, 'workspace.duckdb'), dataDir: path.join(dir, 'data') };
}

/** The workspace of `scale` with the sample imported as the app's first run does (built once). */
export async function benchWorkspace(scale: number): Promise<BenchWorkspace> {
  const samples = await sampleDir(scale);
  const dir = await cached(path.join(CACHE_DIR, `ws-s${scale}-v${SCHEMA_VERSION}`), async (tmp) => {
    const t0 = performance.now();
    log(`importing the scale-${scale} sample into the benchmark workspace …`);
    const ws = await openBenchWorkspace(wsPaths(tmp));
    try {
      await commitFiles(
        ws,
        SAMPLE_IMPORT_FILES.map((f) => path.join(samples, f)),
      );
    } finally {
      ws.close();
    }
    // The staged copies are not needed once imported.
    fs.rmSync(path.join(tmp, 'data', 'staging'), { recursive: true, force: true });
    log(`  imported in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  });
  return wsPaths(dir);
}

/** Open a benchmark workspace (the engine's own settings: 2 threads, 2 GB). */
export function openBenchWorkspace(b: BenchWorkspace): Promise<Workspace> {
  return Workspace.open({ path: b.file, dataDir: b.dataDir });
}

/** Remove every cache entry (--fresh). */
export function clearCache(): void {
  fs.rmSync(CACHE_DIR, { recursive: true, force: true });
}
