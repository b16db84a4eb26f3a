/**
 * Workspace safety nets. Before an import the workspace file is checkpointed and copied to
 * `<dataDir>/backups/` (the last few kept). When a workspace fails to open for a reason other than a
 * lock, its WAL is moved aside (quarantined) and the open retried once; if it still fails the error
 * names the newest backup so the UI can offer it.
 */
import fs from 'node:fs';
import path from 'node:path';

const KEEP = 3;

/** Folder holding the backups of one workspace file. */
export function backupDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

/** Copy a (checkpointed, idle) workspace file into the backup folder; returns the copy's path. */
export function copyBackup(file: string, dataDir: string, now = new Date()): string {
  const dir = backupDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = path.join(dir, `${path.basename(file, '.duckdb')}-${stamp}.duckdb`);
  fs.copyFileSync(file, target);
  const mine = listBackups(file, dataDir);
  for (const old of mine.slice(KEEP)) fs.rmSync(old, { force: true });
  return target;
}

/** Backups of a workspace file, newest first. */
export function listBackups(file: string, dataDir: string): string[] {
  const dir = backupDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  const prefix = `${path.basename(file, '.duckdb')}-`;
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.duckdb'))
    .sort()
    .reverse()
    .map((f) => path.join(dir, f));
}

/** Move a workspace's WAL aside; returns where it went, or null when there was none. */
export function quarantineWal(file: string, now = new Date()): string | null {
  const wal = `${file}.wal`;
  if (!fs.existsSync(wal)) return null;
  const target = `${wal}.quarantined-${now.toISOString().replace(/[:.]/g, '-')}`;
  fs.renameSync(wal, target);
  return target;
}
