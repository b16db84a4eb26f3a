/**
 * A workspace file open in one `dvk` process (here `dvk serve`, as the app would hold it) cannot be
 * opened by a second process: `dvk info`, `dvk import` and a second `dvk serve` exit non-zero with a clear
 * WORKSPACE_LOCKED message naming the file, and the file is unharmed (readable once the first process
 * has gone). Real child processes; DuckDB's own file lock does the work across processes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/workspace';
import { writeCsv } from '../../helpers/files';
import { writeStaticSite } from '../harness/clients';

const ROOT = path.resolve(import.meta.dirname, '../../..');
let t: ReturnType<typeof tempDir>;
let file: string;
let holder: ChildProcess | null = null;

function dvk(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/dvk.mjs', ...args], {
      cwd: ROOT,
      env: { ...process.env, DVK_HOME: path.join(t.dir, 'home') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.once('exit', (code) => resolve({ code, out, err }));
  });
}

beforeAll(async () => {
  t = tempDir('dvk-lock-');
  file = path.join(t.dir, 'Nguyễn Văn Ánh', 'Dữ liệu 2025', 'khóa.duckdb');
  const units = writeCsv(t.dir, 'units.csv', ['Mã ĐVHC,Tên đơn vị', '00001,Phường Một']);
  expect((await dvk(['import', '--workspace', file, units])).code).toBe(0);
  const site = writeStaticSite(path.join(t.dir, 'site'));
  holder = spawn(process.execPath, ['bin/dvk.mjs', 'serve', '--workspace', file, '--static', site.root], {
    cwd: ROOT,
    env: { ...process.env, DVK_HOME: path.join(t.dir, 'home') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    holder?.stdout?.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      if (/DVK_HARNESS_URL=/.test(out)) resolve();
    });
    holder?.once('exit', (code) => reject(new Error(`dvk serve exited ${code}: ${out}`)));
  });
}, 120_000);

afterAll(() => {
  if (holder && holder.exitCode === null) holder.kill('SIGTERM');
  t.cleanup();
});

describe('a workspace open in another process', () => {
  it('dvk info, dvk import and a second dvk serve are refused with WORKSPACE_LOCKED', async () => {
    const units = writeCsv(t.dir, 'more.csv', ['Mã ĐVHC,Tên đơn vị', '00002,Xã Hai']);
    for (const args of [
      ['info', '--workspace', file],
      ['import', '--workspace', file, units],
      ['serve', '--workspace', file, '--static', path.join(t.dir, 'site', 'site')],
    ]) {
      const r = await dvk(args);
      expect(r.code, `${args[0]}: ${r.out}${r.err}`).not.toBe(0);
      const text = r.out + r.err;
      expect(text).toContain('WORKSPACE_LOCKED');
      expect(text).toContain('khóa.duckdb');
      // A clear sentence, not a stack trace.
      expect(text).not.toMatch(/\n\s+at /);
    }
  }, 120_000);

  it('the file is intact once the first process has gone', async () => {
    const exited = new Promise<void>((resolve) => holder?.once('exit', () => resolve()));
    holder?.kill('SIGTERM');
    await exited;
    const r = await dvk(['info', '--workspace', file, '--json']);
    expect(r.code, r.err).toBe(0);
    const info = JSON.parse(r.out) as { counts: Record<string, number> };
    expect(info.counts.units).toBe(1);
  }, 60_000);
});
