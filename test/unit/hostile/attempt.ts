/**
 * One hostile-file attempt through the public import API (previewFile, then commitFiles), recorded as
 * plain JSON so a child process can report it: each step's result or error (typed AtlasError or not),
 * whether any workspace table changed, and the process's peak RSS.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AtlasError } from '../../../shared/errors';
import { commitFiles, previewFile } from '../../../electron/engine/import';
import type { Workspace } from '../../../electron/engine/workspace/workspace';
import { tableChecksums } from '../../helpers/workspace';

export interface StepError {
  ok: false;
  /** The AtlasError code, or 'UNTYPED' for anything else thrown. */
  code: string;
  message: string;
  details?: Record<string, unknown>;
}
export type Step<T> = ({ ok: true } & T) | StepError;

export interface Attempt {
  preview: Step<{ sheets: { sheet: string; kind: string; columns: number; sample: string[][] }[] }>;
  commit: Step<{ rows: { kind: string; rowsIn: number; rowsImported: number; rowsRejected: number }[] }>;
  changed: boolean;
  maxRssMb: number;
}

function stepError(e: unknown): StepError {
  if (e instanceof AtlasError) {
    return { ok: false, code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) };
  }
  return { ok: false, code: 'UNTYPED', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
}

export async function attemptImport(ws: Workspace, file: string, encoding?: string): Promise<Attempt> {
  const before = await tableChecksums(ws);
  let preview: Attempt['preview'];
  try {
    const p = await previewFile(file, encoding ? { encoding } : {});
    preview = {
      ok: true,
      sheets: p.sheets.map((s) => ({
        sheet: s.sheet,
        kind: s.kind,
        columns: s.columns.length,
        sample: s.sampleRows.slice(0, 5).map((r) => r.map((c) => String(c ?? '').slice(0, 200))),
      })),
    };
  } catch (e) {
    preview = stepError(e);
  }
  let commit: Attempt['commit'];
  try {
    const reports = await commitFiles(ws, [file], encoding ? { encoding } : {});
    commit = {
      ok: true,
      rows: reports.flatMap((r) =>
        r.sheets.map((s) => ({
          kind: s.kind,
          rowsIn: s.rowsIn,
          rowsImported: s.rowsImported,
          rowsRejected: s.rowsRejected,
        })),
      ),
    };
  } catch (e) {
    commit = stepError(e);
  }
  const after = await tableChecksums(ws);
  return {
    preview,
    commit,
    changed: JSON.stringify(before) !== JSON.stringify(after),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

/** How long a child import may run before it is killed (a hung import fails the test, never lingers). */
const CHILD_TIMEOUT_MS = 110_000;

/**
 * Attempt an import of `file` in a child process (test/unit/hostile/children/import-child.ts) on a
 * private copy of the workspace `base`, inside `parentDir`; peak memory is measured there, apart from the
 * test runner. The child is killed if it outlives CHILD_TIMEOUT_MS.
 */
export async function attemptInChild(
  root: string,
  parentDir: string,
  base: string,
  file: string,
): Promise<Attempt> {
  const dir = fs.mkdtempSync(path.join(parentDir, 'child-'));
  const copy = path.join(dir, 'w.duckdb');
  fs.copyFileSync(base, copy);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/unit/hostile/children/import-child.ts', copy, path.join(dir, 'data'), file],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, CHILD_TIMEOUT_MS);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  if (timedOut)
    throw new Error(`import child killed after ${CHILD_TIMEOUT_MS / 1000} s: ${path.basename(file)}`);
  const last = out.trim().split('\n').pop() ?? '';
  if (code !== 0 || !last.startsWith('{'))
    throw new Error(`import child exited ${code}: ${err.slice(-3000)}`);
  fs.rmSync(dir, { recursive: true, force: true });
  return JSON.parse(last) as Attempt;
}
