/**
 * What e2e specs need from the harness outside the page: its URL, a loopback-only request log, and the
 * engine's own answer to a spec, computed by the `dvk query` CLI on a copy of the very workspace the
 * harness serves (the harness holds the file's lock, so the CLI reads a snapshot).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, type Page } from '@playwright/test';
import WebSocket from 'ws';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

/** The harness URL (token included) from the global setup. */
export function harnessUrl(): URL {
  const u = process.env.DVK_HARNESS_URL;
  if (!u)
    throw new Error(
      'DVK_HARNESS_URL is not set: run through playwright.config.ts (its global setup starts the harness)',
    );
  return new URL(u);
}

/** Records every request and WebSocket of a page; `expectLoopbackOnly` fails on anything off 127.0.0.1. */
export class NetworkLog {
  readonly urls: string[] = [];

  constructor(page: Page) {
    page.on('request', (r) => this.urls.push(r.url()));
    page.on('websocket', (ws) => this.urls.push(ws.url()));
  }

  expectLoopbackOnly(): void {
    expect(this.urls.length).toBeGreaterThan(0);
    const outside = this.urls.filter((u) => {
      const url = new URL(u);
      return !['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1';
    });
    expect(outside).toEqual([]);
  }
}

/** One call on the harness API from the test process (JSON results only: workspace.info, catalog.get). */
export async function harnessCall(method: string, params: unknown = {}): Promise<unknown> {
  const page = harnessUrl();
  const ws = new WebSocket(`ws://${page.host}/api?token=${page.searchParams.get('token') ?? ''}`);
  try {
    return await new Promise((resolve, reject) => {
      ws.once('open', () => ws.send(JSON.stringify({ id: 1, method, params })));
      ws.once('message', (data: WebSocket.RawData) => {
        const msg = JSON.parse(String(data)) as { ok: boolean; result?: unknown; error?: unknown };
        if (msg.ok) resolve(msg.result);
        else reject(new Error(JSON.stringify(msg.error)));
      });
      ws.once('error', reject);
    });
  } finally {
    ws.close();
  }
}

let snapshot: { path: string; dataVersion: number } | null = null;

/**
 * A copy of the served workspace file (DuckDB locks the live one), renewed whenever the served data
 * changed (an import in an earlier test). The WAL is copied too: recent small writes may live only there.
 */
async function workspaceSnapshot(): Promise<string> {
  const info = (await harnessCall('workspace.info')) as { path: string; dataVersion: number };
  if (snapshot?.dataVersion === info.dataVersion) return snapshot.path;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvk-e2e-cli-'));
  const copy = path.join(dir, 'snapshot.duckdb');
  fs.copyFileSync(info.path, copy);
  if (fs.existsSync(`${info.path}.wal`)) fs.copyFileSync(`${info.path}.wal`, `${copy}.wal`);
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  snapshot = { path: copy, dataVersion: info.dataVersion };
  return copy;
}

/** Run a spec with `dvk query --format json` on the workspace snapshot; returns its rows. */
export async function cliQuery(spec: unknown): Promise<Record<string, unknown>[]> {
  const workspace = await workspaceSnapshot();
  const { stdout } = await run(
    process.execPath,
    ['bin/dvk.mjs', 'query', '--workspace', workspace, '--spec', JSON.stringify(spec), '--format', 'json'],
    {
      cwd: repoRoot,
      env: { ...process.env, DVK_DATA_DIR: path.join(path.dirname(workspace), 'data') },
      // Whole rankings (every model with its components) run to tens of MB of JSON.
      maxBuffer: 512 * 1024 * 1024,
    },
  );
  return JSON.parse(stdout) as Record<string, unknown>[];
}

/** Count of models matching `filter`, as the engine computes it. */
export async function engineModelCount(filter?: Record<string, unknown>): Promise<number> {
  const rows = await cliQuery({
    kind: 'aggregate',
    measures: [{ type: 'count_models' }],
    ...(filter ? { filter } : {}),
  });
  return Number(rows[0]?.m0);
}
