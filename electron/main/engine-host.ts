/**
 * Starts the engine as a utility process, hands each window a MessagePort to it, and restarts it if
 * it dies (telling the window, which re-connects). The engine opens the workspace itself; main never
 * touches data.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { MessageChannelMain, utilityProcess, type UtilityProcess, type WebContents } from 'electron';

export interface EngineHostOptions {
  entry: string;
  workspace: string;
  dataDir: string;
  sampleDir: string;
}

export class EngineHost {
  private child: UtilityProcess | null = null;
  private readonly windows = new Set<WebContents>();
  private restarts = 0;
  private stopping = false;
  /** Files the user picked in the open dialog; re-sent to a restarted engine. */
  private readonly granted = new Set<string>();
  private grantSeq = 0;

  constructor(private opts: EngineHostOptions) {}

  start(): void {
    const child = utilityProcess.fork(this.opts.entry, [], {
      serviceName: 'DVK Atlas engine',
      stdio: 'inherit',
    });
    this.child = child;
    child.postMessage({
      type: 'open',
      workspace: this.opts.workspace,
      dataDir: this.opts.dataDir,
      sampleDir: this.opts.sampleDir,
    });
    if (this.granted.size > 0) child.postMessage({ type: 'grant', paths: [...this.granted], seq: 0 });
    child.on('exit', (code) => {
      this.child = null;
      if (this.stopping) return;
      // A crash never loses data (imports are single transactions); restart and tell each window.
      this.restarts++;
      for (const wc of this.windows)
        if (!wc.isDestroyed()) wc.send('atlas:engine-restarted', { code, restarts: this.restarts });
      setTimeout(
        () => {
          this.start();
          for (const wc of this.windows) if (!wc.isDestroyed()) this.connect(wc);
        },
        Math.min(5000, 250 * this.restarts),
      );
    });
  }

  /**
   * Let the engine read these user-picked files (the renderer may import nothing else but its uploads).
   * Resolves once the engine has recorded them, so a preview sent right after cannot race the grant.
   */
  grant(paths: readonly string[]): Promise<void> {
    for (const p of paths) this.granted.add(p);
    const child = this.child;
    if (!child || paths.length === 0) return Promise.resolve();
    const seq = ++this.grantSeq;
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve();
      };
      const onMessage = (m: unknown) => {
        if ((m as { type?: string; seq?: number })?.type === 'granted' && (m as { seq?: number }).seq === seq)
          done();
      };
      // An engine that is restarting gets the grants again on start; never hold the dialog forever.
      const timer = setTimeout(done, 2000);
      child.on('message', onMessage);
      child.postMessage({ type: 'grant', paths: [...paths], seq });
    });
  }

  /** Give a window's renderer a fresh port to the engine. */
  connect(wc: WebContents): void {
    if (!this.child) return;
    this.windows.add(wc);
    wc.once('destroyed', () => this.windows.delete(wc));
    const { port1, port2 } = new MessageChannelMain();
    this.child.postMessage({ type: 'connect' }, [port1]);
    wc.postMessage('atlas:engine-port', null, [port2]);
  }

  /** The workspace file the engine has open. */
  get workspace(): string {
    return this.opts.workspace;
  }

  /** Switch to another workspace file (Open): restart the engine on it; no sample data is added. */
  reopen(workspace: string): void {
    this.opts = { ...this.opts, workspace, sampleDir: '' };
    this.child?.kill();
  }

  /**
   * Save as: stop the engine (every import is one committed transaction, so the file and its WAL are
   * consistent at any moment), copy both to `target`, and continue on the copy.
   */
  async saveAs(target: string): Promise<void> {
    const source = this.opts.workspace;
    const exited = this.child
      ? new Promise<void>((r) => this.child?.once('exit', () => r()))
      : Promise.resolve();
    this.stopping = true;
    this.child?.kill();
    await exited;
    try {
      await fs.copyFile(source, target);
      await fs.rm(`${target}.wal`, { force: true });
      await fs.copyFile(`${source}.wal`, `${target}.wal`).catch(() => undefined);
      this.opts = { ...this.opts, workspace: target, sampleDir: '' };
    } finally {
      this.stopping = false;
      this.start();
      for (const wc of this.windows) if (!wc.isDestroyed()) this.connect(wc);
    }
  }

  stop(): void {
    this.stopping = true;
    this.child?.kill();
  }

  static defaultEntry(mainDir: string): string {
    return path.join(mainDir, 'engine.js');
  }
}
