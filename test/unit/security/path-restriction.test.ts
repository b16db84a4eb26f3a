/**
 * The renderer cannot make the engine read arbitrary files: with the harness policy (uploads only) and
 * the Electron policy (uploads plus dialog grants) import.preview / import.commit refuse every other path
 * with FILE_NOT_ALLOWED, symlinks and `..` included; the real `dvk serve` refuses /etc/passwd over its
 * WebSocket. The CLI (no policy) keeps full access.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParamSchemas, type ResponseMessage } from '../../../shared/api';
import { EngineServer } from '../../../electron/engine/server';
import { GrantedPaths, uploadsOnly } from '../../../electron/engine/path-policy';
import { openTemp, tableChecksums } from '../../helpers/workspace';
import { writeCsv } from '../../helpers/files';
import { openWs, writeStaticSite } from '../harness/clients';

const ROOT = path.resolve(import.meta.dirname, '../../..');
let t: Awaited<ReturnType<typeof openTemp>>;
let outside: string;

/** Send one request through the full dispatcher (validation included); resolve with the final answer. */
function call(server: EngineServer, method: string, params: unknown) {
  return new Promise<Extract<ResponseMessage, { ok: boolean }>>((resolve) => {
    server.handle({ id: 1, method, params }, (m) => {
      if ('ok' in m) resolve(m);
    });
  });
}

const codeOf = (m: Extract<ResponseMessage, { ok: boolean }>) => (m.ok ? 'OK' : m.error.code);

beforeAll(async () => {
  t = await openTemp();
  outside = writeCsv(t.dir, 'don_vi.csv', ['Mã ĐVHC,Tên đơn vị', '00001,Phường Một']);
});
afterAll(() => t.cleanup());

describe('path restriction (harness policy: uploads only)', () => {
  it('refuses system files, files outside uploads, traversal and symlinks, and changes nothing', async () => {
    const server = new EngineServer(t.ws, { allowPath: uploadsOnly(t.ws.stagingDir) });
    const before = await tableChecksums(t.ws);
    const uploads = path.join(t.ws.stagingDir, 'uploads', 'x');
    fs.mkdirSync(uploads, { recursive: true });
    const link = path.join(uploads, 'link.csv');
    fs.symlinkSync(outside, link);
    const hostile = [
      '/etc/passwd',
      '/etc/shadow',
      '/proc/self/environ',
      outside,
      path.join(t.ws.stagingDir, 'uploads', '..', '..', '..', 'don_vi.csv'),
      path.join(t.ws.stagingDir, 'uploads'),
      `${path.join(t.ws.stagingDir, 'uploads')}-evil/x.csv`,
      link,
      t.ws.path,
      'relative/../../etc/passwd',
    ];
    for (const file of hostile) {
      for (const method of ['import.preview', 'import.commit']) {
        const r = await call(server, method, { file });
        expect(codeOf(r), `${method} ${file}`).toBe('FILE_NOT_ALLOWED');
        // The refusal names the file, never its contents.
        if (!r.ok) expect(r.error.message).not.toMatch(/root:/);
      }
    }
    expect(await tableChecksums(t.ws)).toEqual(before);
  });

  it('accepts a file the page uploaded', async () => {
    const server = new EngineServer(t.ws, { allowPath: uploadsOnly(t.ws.stagingDir) });
    const bytes = new Uint8Array(fs.readFileSync(outside));
    const up = await call(server, 'import.upload', { name: 'đơn vị.csv', offset: 0, bytes, done: true });
    expect(up.ok).toBe(true);
    const file = (up as { result: { file: string } }).result.file;
    const r = await call(server, 'import.preview', { file });
    expect(codeOf(r)).toBe('OK');
  });
});

describe('path restriction (Electron policy: uploads plus dialog grants)', () => {
  it('accepts exactly the granted files', async () => {
    const grants = new GrantedPaths();
    const server = new EngineServer(t.ws, { allowPath: grants.allowWithUploads(t.ws.stagingDir) });
    expect(codeOf(await call(server, 'import.preview', { file: outside }))).toBe('FILE_NOT_ALLOWED');
    grants.grant([outside]);
    expect(codeOf(await call(server, 'import.preview', { file: outside }))).toBe('OK');
    const sibling = writeCsv(t.dir, 'khac.csv', ['Mã ĐVHC,Tên đơn vị', '00002,Xã Hai']);
    expect(codeOf(await call(server, 'import.preview', { file: sibling }))).toBe('FILE_NOT_ALLOWED');
    expect(codeOf(await call(server, 'import.preview', { file: '/etc/passwd' }))).toBe('FILE_NOT_ALLOWED');
  });

  it('the CLI (no policy) keeps full access', async () => {
    const server = new EngineServer(t.ws);
    expect(codeOf(await call(server, 'import.preview', { file: outside }))).toBe('OK');
  });
});

describe('every method that takes a path is guarded', () => {
  it('only import.preview and import.commit take a file path (both checked above)', () => {
    const GUARDED = ['import.commit', 'import.preview'];
    const takesPath = Object.entries(ParamSchemas)
      .filter(([, schema]) => {
        const def = (schema as unknown as { _zod: { def: { type: string; shape?: object } } })._zod.def;
        const keys = def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
        return keys.some((k) => /^(file|files|path|paths|dir|folder)$/i.test(k));
      })
      .map(([m]) => m);
    // A new method taking a path must enforce `allowPath` in EngineServer and be added here.
    expect(takesPath.sort()).toEqual(GUARDED);
  });
});

describe('the real `dvk serve`', () => {
  let child: ChildProcess | null = null;
  afterAll(() => {
    child?.kill('SIGTERM');
  });

  it('refuses an import.preview of /etc/passwd over its WebSocket with FILE_NOT_ALLOWED', async () => {
    const site = writeStaticSite(path.join(t.dir, 'serve'));
    const ws = path.join(t.dir, 'serve', 'w.duckdb');
    child = spawn(
      process.execPath,
      ['bin/dvk.mjs', 'serve', '--workspace', ws, '--static', site.root, '--port', '0'],
      { cwd: ROOT, env: { ...process.env, DVK_HOME: path.join(t.dir, 'serve-home') }, stdio: 'pipe' },
    );
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child?.stdout?.on('data', (c: Buffer) => {
        out += c.toString('utf8');
        const m = /^DVK_HARNESS_URL=(\S+)$/m.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      child?.once('exit', (code) => reject(new Error(`dvk serve exited ${code}: ${out}`)));
    });
    const u = new URL(url);
    expect(u.hostname).toBe('127.0.0.1');
    const token = u.searchParams.get('token') ?? '';
    const client = await openWs(`ws://127.0.0.1:${u.port}/api`, { Cookie: `dvk_token=${token}` });
    try {
      client.send({ id: 7, method: 'import.preview', params: { file: '/etc/passwd' } });
      const a = await client.answer(7);
      expect(a.ok).toBe(false);
      expect((a.error as { code: string }).code).toBe('FILE_NOT_ALLOWED');
      client.send({ id: 8, method: 'import.commit', params: { file: '/etc/hostname' } });
      expect(((await client.answer(8)).error as { code: string }).code).toBe('FILE_NOT_ALLOWED');
    } finally {
      await client.close();
    }
  }, 60_000);
});
