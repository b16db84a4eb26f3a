import { tableFromArrays, tableToIPC, tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { AtlasApi, CallOptions, TableResult } from '../../../shared/api';
import { AtlasError } from '../../../shared/errors';
import type { Spec } from '../../../shared/specs';
import { QueryCoordinator } from '../../../renderer/src/state/coordinator';

interface Call {
  spec: Spec;
  view: string | undefined;
}

/** A fake engine: answers every query with a one-row table, or with the error `fail` returns. */
function fakeApi(opts: { dataVersion?: () => number; fail?: (spec: Spec) => AtlasError | null } = {}) {
  const calls: Call[] = [];
  const pending: (() => void)[] = [];
  let hold = false;
  const api: AtlasApi = {
    call: ((method: string, params: unknown, o?: CallOptions) => {
      if (method !== 'query') throw new Error(`unexpected ${method}`);
      calls.push({ spec: params as Spec, view: o?.view });
      const answer = (): TableResult => {
        const err = opts.fail?.(params as Spec);
        if (err) throw err;
        return {
          arrow: tableToIPC(tableFromArrays({ n: Float64Array.from([calls.length]) })),
          rowCount: 1,
          dataVersion: opts.dataVersion?.() ?? 1,
          ms: 1,
        };
      };
      if (!hold) return Promise.resolve().then(answer);
      return new Promise<TableResult>((resolve, reject) =>
        pending.push(() => {
          try {
            resolve(answer());
          } catch (e) {
            reject(e);
          }
        }),
      );
    }) as AtlasApi['call'],
  };
  return {
    api,
    calls,
    holdAnswers: () => (hold = true),
    release: () => pending.splice(0).forEach((f) => f()),
  };
}

const spec = (search: string): Spec => ({ kind: 'models', filter: { search }, limit: 10 });
const coordinatorOver = (api: AtlasApi) =>
  new QueryCoordinator({ api: async () => api, decode: (b) => tableFromIPC(b) });

describe('query coordinator', () => {
  it('passes the view key so the engine can supersede an older request of the same view', async () => {
    const f = fakeApi();
    await coordinatorOver(f.api).run(spec('a'), 'models.list');
    expect(f.calls).toEqual([{ spec: spec('a'), view: 'models.list' }]);
  });

  it('answers a repeated spec from the cache, whatever the order of its keys', async () => {
    const f = fakeApi();
    const c = coordinatorOver(f.api);
    const a = await c.run({ kind: 'models', limit: 10, filter: { search: 'x', fields: ['F'] } }, 'v');
    const b = await c.run({ filter: { fields: ['F'], search: 'x' }, limit: 10, kind: 'models' }, 'v');
    expect(f.calls).toHaveLength(1);
    expect(b).toBe(a);
    expect(c.peek(QueryCoordinator.key(spec('nothing')))).toBeUndefined();
  });

  it('shares one engine call between identical requests of a view in flight', async () => {
    const f = fakeApi();
    f.holdAnswers();
    const c = coordinatorOver(f.api);
    const p1 = c.run(spec('a'), 'v');
    const p2 = c.run(spec('a'), 'v');
    await Promise.resolve();
    await Promise.resolve();
    f.release();
    expect(await p1).toBe(await p2);
    expect(f.calls).toHaveLength(1);
  });

  it('drops cached results when the data version moves on', async () => {
    let version = 1;
    const f = fakeApi({ dataVersion: () => version });
    const c = coordinatorOver(f.api);
    await c.run(spec('a'), 'v');
    version = 2;
    c.noteDataVersion(2);
    await c.run(spec('a'), 'v');
    expect(f.calls).toHaveLength(2);
    expect(c.version).toBe(2);
  });

  it('rejects with the engine code, SUPERSEDED included, and caches nothing for a failure', async () => {
    const f = fakeApi({
      fail: (s) =>
        s.kind === 'models' && s.filter?.search === 'old' ? new AtlasError('SUPERSEDED', 'newer') : null,
    });
    const c = coordinatorOver(f.api);
    await expect(c.run(spec('old'), 'v')).rejects.toMatchObject({ code: 'SUPERSEDED' });
    expect(c.peek(QueryCoordinator.key(spec('old')))).toBeUndefined();
  });

  it('reports an unreachable engine as INTERNAL (shown as a lost connection)', async () => {
    const c = new QueryCoordinator({
      api: () => Promise.reject(new Error('socket refused')),
      decode: (b) => tableFromIPC(b),
    });
    await expect(c.run(spec('a'), 'v')).rejects.toMatchObject({
      code: 'INTERNAL',
      message: 'socket refused',
    });
  });

  it('keeps at most maxEntries results, dropping the least recently used', async () => {
    const f = fakeApi();
    const c = new QueryCoordinator({ api: async () => f.api, decode: (b) => tableFromIPC(b), maxEntries: 2 });
    await c.run(spec('a'), 'v');
    await c.run(spec('b'), 'v');
    c.peek(QueryCoordinator.key(spec('a')));
    await c.run(spec('c'), 'v');
    expect(c.peek(QueryCoordinator.key(spec('a')))).toBeDefined();
    expect(c.peek(QueryCoordinator.key(spec('b')))).toBeUndefined();
  });
});
