import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { EngineServer } from '../../../electron/engine/server';
import { startHarness, type Harness } from '../../../electron/harness/server';
import type { Spec } from '../../../shared/specs';
import { decodeTable, toRows } from '../../../renderer/src/api/arrow';
import { RpcClient, isDisconnected } from '../../../renderer/src/api/rpc-client';
import {
  WebSocketTransport,
  harnessSocketUrl,
  type SocketEvents,
  type SocketFactory,
} from '../../../renderer/src/api/ws-transport';
import { openTemp } from '../../helpers/workspace';
import { insertTinyData } from '../../helpers/tiny-data';
import { writeStaticSite } from './clients';

/** The `ws` package behind the transport's SocketFactory (Node 20 has no stable global WebSocket). */
const nodeSocket: SocketFactory = (url, on) => {
  const s = new WebSocket(url);
  s.on('open', () => on.open());
  s.on('message', (d: Buffer, isBinary: boolean) =>
    on.message(isBinary ? new Uint8Array(d) : d.toString('utf8')),
  );
  s.on('close', () => on.close());
  s.on('error', () => undefined);
  return { send: (text) => s.send(text), close: () => s.close() };
};

const spec: Spec = { kind: 'aggregate', by: 'field', measures: [{ type: 'count_models' }] };
let t: Awaited<ReturnType<typeof openTemp>>;
let engine: EngineServer;
let harness: Harness;

beforeAll(async () => {
  t = await openTemp();
  await insertTinyData(t.ws);
  engine = new EngineServer(t.ws);
  harness = await startHarness({ server: engine, staticDir: writeStaticSite(t.dir).root });
});
afterAll(async () => {
  await harness.close();
  t.cleanup();
});

describe('harnessSocketUrl', () => {
  it('points at /api on the page host and passes on the token', () => {
    expect(harnessSocketUrl({ protocol: 'http:', host: '127.0.0.1:4000', search: '?token=a-b_c' })).toBe(
      'ws://127.0.0.1:4000/api?token=a-b_c',
    );
    expect(harnessSocketUrl({ protocol: 'https:', host: 'h:1', search: '' })).toBe('wss://h:1/api');
  });
});

describe('RpcClient over the WebSocket transport and the harness', () => {
  it('uploads a file in binary chunks and imports it through the harness', async () => {
    const url = harnessSocketUrl({
      protocol: 'http:',
      host: `127.0.0.1:${harness.port}`,
      search: `?token=${harness.token}`,
    });
    const rpc = new RpcClient(new WebSocketTransport(url, { factory: nodeSocket }));
    const csv = new TextEncoder().encode(
      '\ufeffMã ĐVHC,Tên đơn vị,Loại\n00201,Phường Tải Lên,phường\n00202,Xã Tải Lên,xã\n',
    );
    const a = await rpc.call('import.upload', {
      name: '../../đơn vị.csv',
      offset: 0,
      bytes: csv.slice(0, 20),
      done: false,
    });
    expect(a.file).toBeNull();
    const b = await rpc.call('import.upload', {
      uploadId: a.uploadId,
      name: '../../đơn vị.csv',
      offset: 20,
      bytes: csv.slice(20),
      done: true,
    });
    expect(b.received).toBe(csv.length);
    expect(b.file).toMatch(/uploads[\\/][0-9a-f-]{36}[\\/]đơn vị\.csv$/);
    const preview = await rpc.call('import.preview', { file: b.file as string });
    expect(preview.sheets[0]?.kind).toBe('units');
    const report = await rpc.call('import.commit', { file: b.file as string });
    expect(report.rowsImported).toBe(2);
    const out = await rpc
      .call('import.upload', { uploadId: a.uploadId, name: 'x.csv', offset: 5, bytes: csv, done: true })
      .catch((e: unknown) => e);
    expect(out).toMatchObject({ code: 'REQUEST_INVALID' });
    rpc.close();
  });

  it('round-trips a query in a binary frame, then fails calls promptly once the harness is gone', async () => {
    const url = harnessSocketUrl({
      protocol: 'http:',
      host: `127.0.0.1:${harness.port}`,
      search: `?token=${harness.token}`,
    });
    const transport = new WebSocketTransport(url, { factory: nodeSocket, minDelayMs: 20, maxDelayMs: 50 });
    const rpc = new RpcClient(transport);
    const r = await rpc.call('query', spec);
    expect(toRows(decodeTable(r.arrow))).toEqual(toRows(decodeTable((await engine.query(spec)).arrow)));
    expect(transport.connected).toBe(true);

    const closes: string[] = [];
    transport.onClose((reason) => closes.push(reason));
    await harness.close();
    expect(isDisconnected(await rpc.call('workspace.info', {}).catch((e: unknown) => e))).toBe(true);
    expect(closes[0]).toMatch(/connection lost|cannot connect/);
    rpc.close();
  });
});

describe('WebSocketTransport reconnection', () => {
  it('reconnects with backoff after a drop and sends what was queued meanwhile', async () => {
    const sockets: { on: SocketEvents; sent: string[]; closed: boolean }[] = [];
    const factory: SocketFactory = (_url, on) => {
      const s = { on, sent: [] as string[], closed: false };
      sockets.push(s);
      return { send: (text) => s.sent.push(String(text)), close: () => void (s.closed = true) };
    };
    const transport = new WebSocketTransport('ws://x/api', { factory, minDelayMs: 10, maxDelayMs: 40 });
    const reasons: string[] = [];
    transport.onClose((r) => reasons.push(r));
    expect(sockets.length).toBe(1);
    transport.send({ id: 1, method: 'workspace.info', params: {} });
    expect(sockets[0]?.sent).toEqual([]);
    sockets[0]?.on.open();
    expect(sockets[0]?.sent).toEqual(['{"id":1,"method":"workspace.info","params":{}}']);

    sockets[0]?.on.close();
    expect(reasons).toEqual(['connection lost']);
    expect(transport.connected).toBe(false);
    transport.send({ id: 2, method: 'workspace.info', params: {} });
    await new Promise((r) => setTimeout(r, 60));
    expect(sockets.length).toBe(2);
    sockets[1]?.on.close();
    expect(reasons).toEqual(['connection lost', 'cannot connect']);
    transport.send({ id: 3, method: 'workspace.info', params: {} });
    await new Promise((r) => setTimeout(r, 120));
    expect(sockets.length).toBe(3);
    sockets[2]?.on.open();
    // Message 2 was lost with the failed attempt (its call was rejected through onClose); 3 goes out.
    expect(sockets[2]?.sent).toEqual(['{"id":3,"method":"workspace.info","params":{}}']);

    transport.close();
    expect(sockets[2]?.closed).toBe(true);
    expect(() => transport.send({ cancel: 3 })).toThrow(/closed/);
    await new Promise((r) => setTimeout(r, 60));
    expect(sockets.length).toBe(3);
  });

  it('decodes text and binary frames and ignores garbage', () => {
    let on: SocketEvents | undefined;
    const transport = new WebSocketTransport('ws://x/api', {
      factory: (_u, e) => {
        on = e;
        return { send: () => undefined, close: () => undefined };
      },
    });
    const got: unknown[] = [];
    transport.onMessage((m) => got.push(m));
    on?.open();
    on?.message('{"id":1,"ok":true,"result":{}}');
    on?.message(new Uint8Array([1]).buffer);
    on?.message('not json');
    on?.message(42);
    expect(got).toEqual([{ id: 1, ok: true, result: {} }]);
    transport.close();
  });
});
