/** Test helpers: temp folders and workspaces on the real DuckDB engine. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Workspace } from '../../electron/engine/workspace/workspace';
import { DATA_TABLES } from '../../electron/engine/workspace/schema';

/** A fresh temp folder, removed by the returned cleanup. */
export function tempDir(prefix = 'dvk-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Open a workspace file (default: a new one) in a temp folder. */
export async function openTemp(file?: string): Promise<{ ws: Workspace; dir: string; cleanup: () => void }> {
  const t = tempDir();
  const ws = await Workspace.open({
    path: file ?? path.join(t.dir, 'w.duckdb'),
    dataDir: path.join(t.dir, 'data'),
  });
  return {
    ws,
    dir: t.dir,
    cleanup: () => {
      ws.close();
      t.cleanup();
    },
  };
}

/** Checksums of every data table, to prove a failed operation changed nothing. */
export async function tableChecksums(ws: Workspace): Promise<Record<string, string>> {
  const tables = [...DATA_TABLES, 'meta'];
  const out: Record<string, string> = {};
  for (const t of tables) {
    const r = await ws.rows<{ n: number; h: string }>(
      `SELECT count(*)::INTEGER AS n, coalesce(CAST(sum(hash(t)) AS VARCHAR), '0') AS h FROM ${t} t`,
    );
    out[t] = `${r[0]?.n}:${r[0]?.h}`;
  }
  return out;
}
