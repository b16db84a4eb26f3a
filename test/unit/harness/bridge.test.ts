/**
 * The socket ↔ engine bridge, observed from the engine's side with a recording handler (the real
 * engine round trip is in server.test.ts): per-socket ids and views, cancel on close.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseMessage } from '../../../shared/api';
import { startHarness, type Harness } from '../../../electron/harness/server';
import { tempDir } from '../../helpers/workspace';
import { openWs, writeStaticSite } from './clients';

interface Seen {
  raw: Record<string, unknown>;
  send: (m: ResponseMessage) => void;
}

const seen: Seen[] = [];
const recorder = {
  handle: (raw: unknown, send: (m: ResponseMessage) => void) =>
    void seen.push({ raw: raw as Record<string, unknown>, send }),
};
let harness: Harness;
let dir: ReturnType<typeof tempDir>;

const waitFor = async (pred: () => boolean) => {
  for (let i = 0; i < 200 && !pred(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(pred()).toBe(true);
};

beforeAll(async () => {
  dir = tempDir();
  harness = await startHarness({ server: recorder, staticDir: writeStaticSite(dir.dir).root });
});
afterAll(async () => {
  await harness.close();
  dir.cleanup();
});

describe('socket bridge', () => {
  it('gives each socket its own id space and view keys, and maps answers back', async () => {
    seen.length = 0;
    const headers = { Cookie: `dvk_token=${harness.token}` };
    const a = await openWs(`ws://127.0.0.1:${harness.port}/api`, headers);
    const b = await openWs(`ws://127.0.0.1:${harness.port}/api`, headers);
    a.send({ id: 1, method: 'query', params: {}, view: 'pivot' });
    b.send({ id: 1, method: 'query', params: {}, view: 'pivot' });
    await waitFor(() => seen.length === 2);
    const [sa, sb] = seen as [Seen, Seen];
    expect(sa.raw.id).not.toBe(sb.raw.id);
    expect(sa.raw.view).not.toBe(sb.raw.view);
    expect(String(sa.raw.view)).toMatch(/\/pivot$/);

    sb.send({ id: sb.raw.id as number, progress: { done: 1, total: 2, stage: 's' } });
    sb.send({ id: sb.raw.id as number, ok: true, result: { from: 'b' } });
    sa.send({ id: sa.raw.id as number, ok: true, result: { from: 'a' } });
    expect(await b.next()).toEqual({ id: 1, progress: { done: 1, total: 2, stage: 's' } });
    expect(await b.next()).toEqual({ id: 1, ok: true, result: { from: 'b' } });
    expect(await a.next()).toEqual({ id: 1, ok: true, result: { from: 'a' } });
    await a.close();
    await b.close();
  });

  it('forwards a cancel under the engine id and cancels what is in flight when the socket closes', async () => {
    seen.length = 0;
    const c = await openWs(`ws://127.0.0.1:${harness.port}/api?token=${harness.token}`);
    c.send({ id: 10, method: 'query', params: {} });
    c.send({ id: 11, method: 'query', params: {} });
    await waitFor(() => seen.length === 2);
    const [s10, s11] = seen as [Seen, Seen];
    c.send({ cancel: 10 });
    c.send({ cancel: 99 });
    await waitFor(() => seen.length === 3);
    expect(seen[2]?.raw).toEqual({ cancel: s10.raw.id });
    await c.close();
    await waitFor(() => seen.length >= 5);
    const cancels = seen.slice(3).map((s) => s.raw);
    expect(cancels).toContainEqual({ cancel: s11.raw.id });
    expect(cancels).toContainEqual({ cancel: s10.raw.id });
  });

  it('refuses a second request with an id that is still in flight', async () => {
    seen.length = 0;
    const c = await openWs(`ws://127.0.0.1:${harness.port}/api?token=${harness.token}`);
    c.send({ id: 1, method: 'query', params: {} });
    c.send({ id: 1, method: 'query', params: {} });
    const m = await c.next();
    expect(m).toMatchObject({ id: 1, ok: false, error: { code: 'REQUEST_INVALID' } });
    expect(seen.length).toBe(1);
    await c.close();
  });
});
