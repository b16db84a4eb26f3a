import { describe, expect, it } from 'vitest';
import type { AtlasApi, CallOptions, Method, Params, Results } from '../../../shared/api';
import { AtlasError } from '../../../shared/errors';
import { CHUNK_BYTES, uploadFile } from '../../../renderer/src/api/files';

/** A fake engine that keeps upload chunks the way the real one checks them (in order, by offset). */
function fakeEngine() {
  const calls: Params<'import.upload'>[] = [];
  let stored = new Uint8Array(0);
  const api: AtlasApi = {
    call<M extends Method>(method: M, params: Params<M>, opts: CallOptions = {}): Promise<Results[M]> {
      if (method !== 'import.upload') throw new Error(`unexpected ${method}`);
      if (opts.signal?.aborted) return Promise.reject(new AtlasError('CANCELLED', 'cancelled'));
      const p = params as Params<'import.upload'>;
      calls.push(p);
      if (p.offset !== stored.length) throw new Error('out of order');
      const next = new Uint8Array(stored.length + p.bytes.length);
      next.set(stored);
      next.set(p.bytes, stored.length);
      stored = next;
      const result = {
        uploadId: p.uploadId ?? '00000000-0000-4000-8000-000000000000',
        received: stored.length,
        file: p.done ? `/staging/uploads/x/${p.name}` : null,
      };
      return Promise.resolve(result as Results[M]);
    },
  };
  return { api, calls, bytes: () => stored };
}

describe('chunked upload', () => {
  it('sends the file in order, names the upload after the first chunk and returns the staged path', async () => {
    const data = new Uint8Array(10_000).map((_, i) => i % 251);
    const file = new File([data], 'mô hình.csv');
    const engine = fakeEngine();
    const progress: [number, number][] = [];
    const path = await uploadFile(engine.api, file, (s, t) => progress.push([s, t]), undefined, 4096);
    expect(path).toBe('/staging/uploads/x/mô hình.csv');
    expect(engine.bytes()).toEqual(data);
    expect(engine.calls.map((c) => [c.offset, c.bytes.length, c.done, c.uploadId ?? null])).toEqual([
      [0, 4096, false, null],
      [4096, 4096, false, '00000000-0000-4000-8000-000000000000'],
      [8192, 1808, true, '00000000-0000-4000-8000-000000000000'],
    ]);
    expect(progress).toEqual([
      [0, 10_000],
      [4096, 10_000],
      [8192, 10_000],
      [10_000, 10_000],
    ]);
  });

  it('sends an empty file as one final chunk (the engine then says it is empty)', async () => {
    const engine = fakeEngine();
    await uploadFile(engine.api, new File([], 'empty.csv'));
    expect(engine.calls).toHaveLength(1);
    expect(engine.calls[0]).toMatchObject({ offset: 0, done: true });
  });

  it('stops when cancelled', async () => {
    const engine = fakeEngine();
    const ctl = new AbortController();
    ctl.abort();
    await expect(
      uploadFile(engine.api, new File(['abc'], 'a.csv'), undefined, ctl.signal),
    ).rejects.toMatchObject({
      code: 'CANCELLED',
    });
    expect(engine.calls).toHaveLength(0);
  });

  it('uses ~4 MB chunks by default', () => {
    expect(CHUNK_BYTES).toBe(4 * 1024 * 1024);
  });
});
