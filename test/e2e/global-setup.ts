/**
 * Playwright global setup: start `dvk serve` (the real CLI) on a fresh temp DVK_HOME (the sample
 * workspace is generated and imported there, ~20 s) and hand its URL, token included, to the tests as
 * DVK_HARNESS_URL. The returned teardown stops exactly that process with SIGTERM (a clean shutdown).
 *
 * Env: DVK_E2E_PORT (default 0 = any free port), DVK_E2E_HOME (reuse a home folder between runs instead
 * of a fresh temp one; it is then left in place).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const START_TIMEOUT_MS = 240_000;

function waitForUrl(child: ReturnType<typeof spawn>, log: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(
      () => reject(new Error(`dvk serve did not start:\n${log.join('')}`)),
      START_TIMEOUT_MS,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      log.push(text);
      buffer += text;
      const m = /^DVK_HARNESS_URL=(\S+)$/m.exec(buffer);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`dvk serve exited (${code}) before serving:\n${log.join('')}`));
    });
  });
}

/** Start the harness; returns the teardown. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!fs.existsSync(path.join(repoRoot, 'out/renderer/index.html'))) {
    throw new Error(
      'No built renderer in out/renderer: run `npx electron-vite build` before `npx playwright test`.',
    );
  }
  const ownHome = !process.env.DVK_E2E_HOME;
  const home = process.env.DVK_E2E_HOME ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dvk-e2e-'));
  const child = spawn(process.execPath, ['bin/dvk.mjs', 'serve', '--port', process.env.DVK_E2E_PORT ?? '0'], {
    cwd: repoRoot,
    env: { ...process.env, DVK_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const url = await waitForUrl(child, log).catch((e: unknown) => {
    child.kill('SIGKILL');
    throw e;
  });
  process.env.DVK_HARNESS_URL = url;
  // The serving process (engine included), for specs that sample its memory (load.spec.ts).
  process.env.DVK_HARNESS_PID = String(child.pid ?? '');

  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (ownHome) fs.rmSync(home, { recursive: true, force: true });
  };
}
