/**
 * `dvk serve`: the web harness from the command line. Opens a workspace (by default the sample
 * workspace under DVK_HOME, filled with the sample data on first use), serves the built renderer on
 * 127.0.0.1 and prints the URL with its access token, plus `DVK_HARNESS_URL=<url>` on its own line
 * for scripts. Runs until SIGINT/SIGTERM, then closes the server and the workspace.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { AtlasError } from '../../shared/errors';
import { EngineServer } from '../engine/server';
import { uploadsOnly } from '../engine/path-policy';
import { ensureSampleData } from '../engine/workspace/first-run';
import { Workspace } from '../engine/workspace/workspace';
import { startHarness } from '../harness/server';

interface ServeOptions {
  workspace?: string;
  port: string;
  open?: boolean;
  static?: string;
}

const say = (s: string) => process.stdout.write(s + '\n');

/** The app's home folder: DVK_HOME or ~/.dvk-atlas. */
export function dvkHome(): string {
  return path.resolve(process.env.DVK_HOME ?? path.join(os.homedir(), '.dvk-atlas'));
}

/** The built renderer of this checkout (electron-vite writes it to out/renderer). */
export function defaultStaticDir(): string {
  return path.resolve(import.meta.dirname, '../../out/renderer');
}

/** Open a URL in the default browser; failures are ignored (the URL is printed anyway). */
function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser launcher: the printed URL is enough.
  }
}

/** Progress printer: one line per stage change, at most one per second otherwise. */
function progressPrinter(): (stage: string, done: number, total: number) => void {
  let last = '';
  let at = 0;
  return (stage, done, total) => {
    const now = Date.now();
    if (stage === last && now - at < 1000 && done !== total) return;
    last = stage;
    at = now;
    say(`  ${stage}${total > 0 ? ` ${done}/${total}` : ''}`);
  };
}

/** Resolve on the first SIGINT or SIGTERM. */
function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (sig: NodeJS.Signals) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(sig);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

async function serve(o: ServeOptions): Promise<void> {
  const port = Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new AtlasError('REQUEST_INVALID', `Not a port: ${o.port}`);
  const staticDir = path.resolve(o.static ?? defaultStaticDir());
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    throw new AtlasError(
      'FILE_NOT_FOUND',
      `No built renderer at ${staticDir}. Run \`npm run build\` first (or pass --static <dir>).`,
    );
  }
  const home = dvkHome();
  const file = path.resolve(o.workspace ?? path.join(home, 'sample.duckdb'));
  const ws = await Workspace.open({ path: file, dataDir: path.join(home, 'engine-data') });
  try {
    if (!o.workspace) {
      say(`workspace ${file}`);
      if (await ensureSampleData(ws, path.join(home, 'sample'), { onProgress: progressPrinter() })) {
        say('sample data imported');
      }
    }
    // The page may import only what it uploaded: it never names a file on this machine.
    const server = new EngineServer(ws, { allowPath: uploadsOnly(ws.stagingDir) });
    const harness = await startHarness({ server, staticDir, port });
    say(`DVK Atlas is served at ${harness.url}`);
    say('(loopback only; the token in the URL is the key — stop with Ctrl+C)');
    say(`DVK_HARNESS_URL=${harness.url}`);
    if (o.open) openBrowser(harness.url);
    const sig = await untilSignal();
    say(`${sig}: shutting down`);
    await harness.close();
  } finally {
    // The integrity flags may be computing in the background (their warm-up): stop them before closing.
    await ws.closeAsync();
  }
}

/** Add `dvk serve` to the program. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the UI on 127.0.0.1 with the engine behind a WebSocket (token-guarded)')
    .option('--workspace <file>', 'workspace .duckdb file (default: the sample workspace in DVK_HOME)')
    .option('--port <n>', 'TCP port (0 = any free port)', '0')
    .option('--open', 'open the default browser')
    .option('--static <dir>', 'folder of the built renderer (default: out/renderer)')
    .action(serve);
}
