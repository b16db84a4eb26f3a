import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { EngineServer } from '../../../electron/engine/server';
import { startHarness, type Harness } from '../../../electron/harness/server';
import type { Spec } from '../../../shared/specs';
import { openTemp } from '../../helpers/workspace';
import { insertTinyData } from '../../helpers/tiny-data';
import { openWs, request, writeStaticSite } from './clients';

let t: Awaited<ReturnType<typeof openTemp>>;
let engine: EngineServer;
let harness: Harness;
let site: ReturnType<typeof writeStaticSite>;

const spec: Spec = { kind: 'aggregate', by: 'field', measures: [{ type: 'count_models' }] };
const wsUrl = (query = '') => `ws://127.0.0.1:${harness.port}/api${query}`;
const cookie = () => ({ Cookie: `dvk_token=${harness.token}` });
const rowsOf = (bytes: Uint8Array) =>
  tableFromIPC(bytes)
    .toArray()
    .map((r) => ({ ...r.toJSON() }));

beforeAll(async () => {
  t = await openTemp();
  await insertTinyData(t.ws);
  engine = new EngineServer(t.ws);
  site = writeStaticSite(t.dir);
  harness = await startHarness({ server: engine, staticDir: site.root, port: 0 });
});
afterAll(async () => {
  await harness.close();
  t.cleanup();
});

describe('harness HTTP', () => {
  it('refuses a request without the token', async () => {
    const r = await request(harness.port, '/');
    expect(r.status).toBe(403);
    expect(r.body).toMatch(/Forbidden/);
    expect(r.body).not.toMatch(/DVK Atlas/);
    expect(r.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a wrong token, in the URL or in the cookie', async () => {
    expect((await request(harness.port, '/?token=wrong')).status).toBe(403);
    expect((await request(harness.port, `/?token=${harness.token}x`)).status).toBe(403);
    expect((await request(harness.port, '/', { headers: { Cookie: 'dvk_token=wrong' } })).status).toBe(403);
  });

  it('serves the page for the right token and hands the token over as a strict HttpOnly cookie', async () => {
    const r = await request(harness.port, `/?token=${harness.token}`);
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>DVK Atlas</title>');
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['content-security-policy']).toContain("connect-src 'self' ws://127.0.0.1:*");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
    expect(r.headers['set-cookie']).toEqual([
      `dvk_token=${harness.token}; HttpOnly; SameSite=Strict; Path=/`,
    ]);
    expect(harness.url).toBe(`http://127.0.0.1:${harness.port}/?token=${harness.token}`);
  });

  it('serves assets with the cookie alone, with the right content types', async () => {
    const types: Record<string, string> = {
      '/assets/app.js': 'text/javascript; charset=utf-8',
      '/assets/app.css': 'text/css; charset=utf-8',
      '/assets/logo.svg': 'image/svg+xml',
      '/assets/font.woff2': 'font/woff2',
      '/assets/data.json': 'application/json; charset=utf-8',
      '/assets/app.js.map': 'application/json; charset=utf-8',
      '/index.html': 'text/html; charset=utf-8',
    };
    for (const [p, type] of Object.entries(types)) {
      const r = await request(harness.port, p, { headers: cookie() });
      expect(r.status, p).toBe(200);
      expect(r.headers['content-type'], p).toBe(type);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['set-cookie']).toBeUndefined();
    }
    const head = await request(harness.port, '/assets/app.js', { headers: cookie(), method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('15');
    expect(head.body).toBe('');
  });

  it('never serves anything outside the static folder', async () => {
    const attempts = [
      '/../package.json',
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/%2e%2e/package.json',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e%5c%2e%2e%5csecret.txt',
      '/..\\secret.txt',
      `/${encodeURIComponent(site.secret)}`,
      '/%00index.html',
      '/%zz',
      '/assets/link.txt',
    ];
    for (const p of attempts) {
      const r = await request(harness.port, p, { headers: cookie() });
      expect([400, 403, 404], p).toContain(r.status);
      expect(r.body, p).not.toContain('TOP-SECRET');
      expect(r.body, p).not.toContain('"name"');
    }
  });

  it('lists no directories and answers only GET and HEAD', async () => {
    expect((await request(harness.port, '/assets/', { headers: cookie() })).status).toBe(404);
    expect((await request(harness.port, '/assets', { headers: cookie() })).status).toBe(404);
    expect((await request(harness.port, '/nope.js', { headers: cookie() })).status).toBe(404);
    const post = await request(harness.port, '/', { headers: cookie(), method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('refuses a foreign Host header even with the token (DNS rebinding)', async () => {
    const r = await request(harness.port, `/?token=${harness.token}`, {
      headers: { Host: `evil.example:${harness.port}` },
    });
    expect(r.status).toBe(403);
  });
});

describe('harness network exposure', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(harness.address.address).toBe('127.0.0.1');
    expect(harness.address.family).toBe('IPv4');
    await expect(
      startHarness({ server: engine, staticDir: site.root, host: '0.0.0.0' as '127.0.0.1' }),
    ).rejects.toThrow(/127\.0\.0\.1 only/);
  });

  const others = Object.values(os.networkInterfaces())
    .flat()
    .filter(
      (i): i is os.NetworkInterfaceInfo => !!i && i.address !== '127.0.0.1' && !i.address.startsWith('fe80'),
    );
  const name =
    others.length > 0
      ? `is unreachable through the other local addresses (${others.map((i) => i.address).join(', ')})`
      : 'is unreachable through other local addresses (skipped: this machine has no address but 127.0.0.1)';
  it.skipIf(others.length === 0)(name, async () => {
    for (const i of others) {
      const err = await new Promise<string>((resolve) => {
        const s = net.connect({ host: i.address, port: harness.port });
        s.once('connect', () => {
          s.destroy();
          resolve('connected');
        });
        s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      });
      expect(err, i.address).not.toBe('connected');
    }
  });
});

describe('harness WebSocket', () => {
  it('refuses an upgrade without the token, with a wrong one, or on another path', async () => {
    await expect(openWs(wsUrl())).rejects.toThrow(/HTTP 401/);
    await expect(openWs(wsUrl('?token=nope'))).rejects.toThrow(/HTTP 403/);
    await expect(openWs(wsUrl(), { Cookie: 'dvk_token=nope' })).rejects.toThrow(/HTTP 403/);
    await expect(openWs(`ws://127.0.0.1:${harness.port}/other?token=${harness.token}`)).rejects.toThrow(
      /HTTP 404/,
    );
  });

  it('refuses a cross-origin upgrade even with the token', async () => {
    await expect(openWs(wsUrl(), { ...cookie(), Origin: 'http://evil.example' })).rejects.toThrow(/HTTP 403/);
    await expect(openWs(wsUrl(), { ...cookie(), Origin: 'http://127.0.0.1:1' })).rejects.toThrow(/HTTP 403/);
    const ok = await openWs(wsUrl(), { ...cookie(), Origin: `http://127.0.0.1:${harness.port}` });
    await ok.close();
  });

  it('answers a query with Arrow bytes equal to running it directly', async () => {
    const c = await openWs(wsUrl(), cookie());
    c.send({ id: 1, method: 'query', params: spec });
    const a = await c.answer(1);
    expect(a.ok).toBe(true);
    const result = a.result as { arrow: Uint8Array; rowCount: number };
    expect(result.arrow).toBeInstanceOf(Uint8Array);
    const direct = await engine.query(spec);
    expect(result.rowCount).toBe(direct.rowCount);
    expect(rowsOf(result.arrow)).toEqual(rowsOf(direct.arrow));
    expect(rowsOf(result.arrow).length).toBe(3);
    await c.close();
  });

  it('accepts the token in the socket URL and answers JSON methods', async () => {
    const c = await openWs(wsUrl(`?token=${harness.token}`));
    c.send({ id: 7, method: 'workspace.info', params: {} });
    const a = await c.answer(7);
    expect(a.ok).toBe(true);
    expect((a.result as { counts: Record<string, number> }).counts.models).toBe(4);
    await c.close();
  });

  it('answers malformed frames with REQUEST_INVALID and keeps serving', async () => {
    const c = await openWs(wsUrl(), cookie());
    const bad: (string | Uint8Array)[] = [
      'not json',
      '{"id": 3, "method": 5}',
      '{"foo": 1}',
      new Uint8Array([1, 2]),
      new Uint8Array([255, 255, 0, 0, 1, 2, 3]),
      new Uint8Array([3, 0, 0, 0, 120, 121, 122]),
    ];
    for (const frame of bad) {
      c.socket.send(frame);
      const m = await c.next();
      expect(m.ok, String(frame)).toBe(false);
      expect((m.error as { code: string }).code, String(frame)).toBe('REQUEST_INVALID');
    }
    c.send({ id: 4, method: 'no.such', params: {} });
    expect(((await c.answer(4)).error as { code: string }).code).toBe('METHOD_UNKNOWN');
    c.send({ id: 5, method: 'query', params: { kind: 'nope' } });
    expect(((await c.answer(5)).error as { code: string }).code).toBe('SPEC_INVALID');
    c.send({ id: 6, method: 'query', params: spec });
    expect((await c.answer(6)).ok).toBe(true);
    await c.close();
  });

  it('closes a socket that sends a frame over the size limit, and stays up', async () => {
    const c = await openWs(wsUrl(), cookie());
    const closed = new Promise<number>((resolve) => c.socket.once('close', (code: number) => resolve(code)));
    c.socket.send(new Uint8Array(16 * 1024 * 1024 + 1));
    expect(await closed).toBe(1009);
    const again = await openWs(wsUrl(), cookie());
    again.send({ id: 1, method: 'workspace.info', params: {} });
    expect((await again.answer(1)).ok).toBe(true);
    await again.close();
  });
});

describe('harness static folder', () => {
  it('refuses a missing static folder', async () => {
    await expect(startHarness({ server: engine, staticDir: path.join(t.dir, 'missing') })).rejects.toThrow();
  });
});
