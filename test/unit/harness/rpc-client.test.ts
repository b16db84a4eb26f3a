import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineServer } from '../../../electron/engine/server';
import type { Progress } from '../../../shared/api';
import { AtlasError } from '../../../shared/errors';
import type { Spec } from '../../../shared/specs';
import { RpcClient, isDisconnected } from '../../../renderer/src/api/rpc-client';
import { decodeTable, toRows } from '../../../renderer/src/api/arrow';
import { openTemp } from '../../helpers/workspace';
import { insertTinyData } from '../../helpers/tiny-data';
import { LoopTransport } from './loop-transport';

let t: Awaited<ReturnType<typeof openTemp>>;
let engine: EngineServer;

const spec: Spec = { kind: 'aggregate', by: 'field', measures: [{ type: 'count_models' }] };

const client = () => {
  const transport = new LoopTransport(engine);
  return { transport, rpc: new RpcClient(transport) };
};

async function rejection(p: Promise<unknown>): Promise<AtlasError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AtlasError);
    return e as AtlasError;
  }
  throw new Error('expected a rejection');
}

beforeAll(async () => {
  t = await openTemp();
  await insertTinyData(t.ws);
  engine = new EngineServer(t.ws);
});
afterAll(() => t.cleanup());

describe('RpcClient over a real engine', () => {
  it('calls a method and returns its typed result', async () => {
    const { rpc } = client();
    const info = await rpc.call('workspace.info', {});
    expect(info.counts.models).toBe(4);
    expect(rpc.inFlight).toBe(0);
  });

  it('returns query results as Arrow bytes that decode to the same rows as the engine', async () => {
    const { rpc } = client();
    const r = await rpc.call('query', spec);
    const direct = await engine.query(spec);
    expect(toRows(decodeTable(r.arrow))).toEqual(toRows(decodeTable(direct.arrow)));
    expect(toRows(decodeTable(r.arrow))).toContainEqual({ key: 'Lĩnh vực lạ', label: 'Lĩnh vực lạ', m0: 1 });
  });

  it('turns error payloads into AtlasError with code, message and details', async () => {
    const { rpc } = client();
    const bad = await rejection(rpc.call('query', { kind: 'aggregate', by: 'nope' } as unknown as Spec));
    expect(bad.code).toBe('SPEC_INVALID');
    expect(bad.message).toMatch(/by/);
    expect(Array.isArray(bad.details?.issues)).toBe(true);
    const unknown = await rejection(rpc.call('no.such' as 'workspace.info', {}));
    expect(unknown.code).toBe('METHOD_UNKNOWN');
  });

  it('cancels through an AbortSignal: sends {cancel: id} and rejects with CANCELLED', async () => {
    const { rpc, transport } = client();
    const ac = new AbortController();
    const p = rpc.call('query', spec, { signal: ac.signal });
    ac.abort();
    expect((await rejection(p)).code).toBe('CANCELLED');
    const req = transport.sent[0] as { id: number };
    expect(transport.sent[1]).toEqual({ cancel: req.id });
    expect(rpc.inFlight).toBe(0);
    // The client stays usable, and a late answer of the cancelled call is ignored.
    expect((await rpc.call('workspace.info', {})).counts.models).toBe(4);
  });

  it('rejects at once, sending nothing, when the signal is already aborted', async () => {
    const { rpc, transport } = client();
    const ac = new AbortController();
    ac.abort();
    expect((await rejection(rpc.call('query', spec, { signal: ac.signal }))).code).toBe('CANCELLED');
    expect(transport.sent).toEqual([]);
  });

  it('forwards the view key so a newer call supersedes the older one', async () => {
    const { rpc, transport } = client();
    transport.hold();
    const first = rpc.call('query', spec, { view: 'pivot' });
    const second = rpc.call('query', spec, { view: 'pivot' });
    const other = rpc.call('query', spec, { view: 'map' });
    transport.flush();
    expect((await rejection(first)).code).toBe('SUPERSEDED');
    expect((await second).rowCount).toBe(3);
    expect((await other).rowCount).toBe(3);
    expect(transport.sent.map((m) => (m as { view?: string }).view)).toEqual(['pivot', 'pivot', 'map']);
  });

  it('rejects pending calls with a disconnected error when the transport drops, and later calls too', async () => {
    const { rpc, transport } = client();
    transport.hold();
    const p = rpc.call('workspace.info', {});
    transport.drop('socket closed');
    const e = await rejection(p);
    expect(e.code).toBe('INTERNAL');
    expect(e.message).toMatch(/disconnected.*socket closed/i);
    expect(isDisconnected(e)).toBe(true);
    expect(isDisconnected(await rejection(rpc.call('workspace.info', {})))).toBe(true);
  });

  it('reports import progress', async () => {
    const csv = path.join(t.dir, 'don_vi.csv');
    fs.writeFileSync(
      csv,
      '\ufeffMã ĐVHC,Tên đơn vị,Loại,Tỉnh/Thành phố,Dân số,Diện tích (km²)\n' +
        '00201,Xã Một,xã,Thành phố Mẫu,1000,1.5\n00202,Xã Hai,xã,Thành phố Mẫu,2000,2.5\n',
    );
    const { rpc } = client();
    const seen: Progress[] = [];
    const report = await rpc.call('import.commit', { file: csv }, { onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((p) => typeof p.stage === 'string' && p.done <= p.total)).toBe(true);
    expect(report.sheets[0]?.rowsImported).toBe(2);
  });
});
