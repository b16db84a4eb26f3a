/**
 * The scale-1 sample dataset imported through the real pipeline (`ensureSampleData`), built once and cached
 * in the OS temp folder keyed by seed, schema version and derived format (~20 s to build). Each test file gets its own copy
 * (DuckDB allows one instance per file). Concurrent builders take a lock file; the cache appears atomically
 * by rename, so a half-built workspace is never used.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_SEED } from '../../../electron/engine/sample';
import { ensureSampleData } from '../../../electron/engine/workspace/first-run';
import { DERIVED_FORMAT } from '../../../electron/engine/workspace/derived';
import { SCHEMA_VERSION } from '../../../electron/engine/workspace/schema';
import { Workspace } from '../../../electron/engine/workspace/workspace';
import { tempDir } from '../../helpers/workspace';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function build(cacheDir: string, target: string, seed: number): Promise<void> {
  const work = fs.mkdtempSync(path.join(cacheDir, 'build-'));
  try {
    const file = path.join(work, 'w.duckdb');
    const ws = await Workspace.open({ path: file, dataDir: path.join(work, 'data') });
    try {
      await ensureSampleData(ws, path.join(work, 'sample'), { scale: 1, seed });
    } finally {
      ws.close();
    }
    fs.renameSync(file, target);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Path of the cached scale-1 sample workspace for `seed`, building it if needed. */
export async function cachedSampleWorkspace(seed = DEFAULT_SEED): Promise<string> {
  const cacheDir = path.join(os.tmpdir(), `dvk-pivot-sample-s${seed}-v${SCHEMA_VERSION}-d${DERIVED_FORMAT}`);
  const target = path.join(cacheDir, 'w.duckdb');
  fs.mkdirSync(cacheDir, { recursive: true });
  const lock = path.join(cacheDir, 'lock');
  while (!fs.existsSync(target)) {
    let fd: number;
    try {
      fd = fs.openSync(lock, 'wx');
    } catch {
      // Another worker is building it; take over a lock older than 5 minutes (a killed run).
      const st = fs.statSync(lock, { throwIfNoEntry: false });
      if (st && Date.now() - st.mtimeMs > 300_000) fs.rmSync(lock, { force: true });
      await sleep(500);
      continue;
    }
    try {
      if (!fs.existsSync(target)) await build(cacheDir, target, seed);
    } finally {
      fs.closeSync(fd);
      fs.rmSync(lock, { force: true });
    }
  }
  return target;
}

/** A private copy of the cached sample workspace, opened; call `cleanup` when done. */
export async function openSampleCopy(seed = DEFAULT_SEED): Promise<{ ws: Workspace; cleanup: () => void }> {
  const source = await cachedSampleWorkspace(seed);
  const t = tempDir('dvk-pivot-');
  const file = path.join(t.dir, 'w.duckdb');
  fs.copyFileSync(source, file);
  const ws = await Workspace.open({ path: file, dataDir: path.join(t.dir, 'data') });
  return {
    ws,
    cleanup: () => {
      ws.close();
      t.cleanup();
    },
  };
}
