/** Start and stop `dvk serve` on a benchmark workspace (the real CLI, as the e2e tests do). */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { REPO_ROOT, type BenchWorkspace } from './data';
import { log } from './log';

/**
 * Build the renderer into out/renderer, once per bench run: an earlier build in out/ may be older than the
 * source (measuring a stale UI once hid a change that broke the click check), and a build takes seconds.
 */
let built = false;
export function ensureRendererBuilt(): void {
  if (built) return;
  log('building the renderer (npx electron-vite build) …');
  const r = spawnSync('npx', ['electron-vite', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) throw new Error('electron-vite build failed');
  built = true;
}

export interface RunningHarness {
  url: string;
  stop: () => Promise<void>;
}

export async function startHarness(ws: BenchWorkspace, home: string): Promise<RunningHarness> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['bin/dvk.mjs', 'serve', '--workspace', ws.file, '--port', '0'],
    { cwd: REPO_ROOT, env: { ...process.env, DVK_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dvk serve did not start:\n${out}`)), 120_000);
    const onData = (c: Buffer) => {
      out += c.toString('utf8');
      const m = /^DVK_HARNESS_URL=(\S+)$/m.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`dvk serve exited (${code}):\n${out}`));
    });
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return { url, stop };
}
