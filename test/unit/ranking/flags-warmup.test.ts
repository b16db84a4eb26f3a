/**
 * The flags warm-up (flags.ts FlagWarmup, wired into EngineServer): once requests have drained and the
 * engine has been idle, the default-option flags of the current data version are computed in the
 * background and cached, equal to a fresh computation; never while a request runs; again after an import
 * changes the data; never over a ranking's own options; a failure (a closed workspace) is logged and
 * swallowed. Only a server facing a UI (a path policy, or `warmFlags`) warms. The idle timer is faked;
 * the flags are computed by the real engine.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cachedFlags, computeFlags, FlagWarmup, flagsCached } from '../../../electron/engine/query/flags';
import { EngineServer } from '../../../electron/engine/server';
import { uploadsOnly } from '../../../electron/engine/path-policy';
import { rebuildDerived } from '../../../electron/engine/workspace/derived';
import { openTemp } from '../../helpers/workspace';
import { insertFixture } from './fixture';

const IDLE = 100;
let t: Awaited<ReturnType<typeof openTemp>>;

beforeAll(async () => {
  t = await openTemp();
  await insertFixture(t.ws);
}, 60_000);
afterAll(() => t.cleanup());
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Copy the first fixture model under a new id, as an import would (new data version). */
async function importOneModel(id: string) {
  const { ws } = t;
  await ws.transaction(async () => {
    await ws.exec(
      `INSERT INTO models SELECT * REPLACE ('${id}' AS model_id) FROM models WHERE model_id = 'M-FLAT12'`,
    );
    await ws.exec(
      `INSERT INTO indicator_values SELECT * REPLACE ('${id}' AS model_id) FROM indicator_values WHERE model_id = 'M-FLAT12'`,
    );
    await ws.bumpDataVersion();
    await rebuildDerived(ws);
  });
}

describe('flags warm-up', () => {
  it('computes the default flags once the engine is idle, equal to a fresh computation', async () => {
    const w = new FlagWarmup(t.ws, () => false, IDLE);
    w.poke();
    vi.advanceTimersByTime(IDLE - 1);
    expect(flagsCached(t.ws)).toBe(false);
    vi.advanceTimersByTime(1);
    expect(flagsCached(t.ws)).toBe(true);
    await w.settled();
    const fresh = await computeFlags(t.ws, t.ws.read);
    expect(fresh.length).toBeGreaterThan(5);
    expect(await cachedFlags(t.ws)).toEqual(fresh);
  });

  it('then runs the next idle work (the ranking kernel’s), after the flags are cached', async () => {
    await importOneModel('M-WARM-0');
    const seen: boolean[] = [];
    const w = new FlagWarmup(
      t.ws,
      () => false,
      IDLE,
      () => {
        seen.push(flagsCached(t.ws));
        return Promise.resolve();
      },
    );
    w.poke();
    vi.advanceTimersByTime(IDLE);
    await w.settled();
    expect(seen).toEqual([true]);
  });

  it('background work runs one at a time: flags under two options asked together are both right', async () => {
    await importOneModel('M-WARM-BG');
    const a = { identicalMonths: 3 };
    const b = { gapMonths: 1 };
    const [fa, fb] = await Promise.all([cachedFlags(t.ws, a), cachedFlags(t.ws, b)]);
    expect(fa).toEqual(await computeFlags(t.ws, t.ws.read, a));
    expect(fb).toEqual(await computeFlags(t.ws, t.ws.read, b));
    expect(fa).not.toEqual(fb);
  });

  it('waits while a request runs, and a new request restarts the idle time', async () => {
    await importOneModel('M-WARM-1');
    let busy = true;
    const w = new FlagWarmup(t.ws, () => busy, IDLE);
    w.poke();
    vi.advanceTimersByTime(IDLE * 3);
    expect(flagsCached(t.ws)).toBe(false);
    busy = false;
    w.poke();
    vi.advanceTimersByTime(IDLE / 2);
    w.poke();
    vi.advanceTimersByTime(IDLE / 2);
    expect(flagsCached(t.ws)).toBe(false);
    vi.advanceTimersByTime(IDLE / 2);
    expect(flagsCached(t.ws)).toBe(true);
    await w.settled();
  });

  it('warms the new data after an import, with the imported model in it', async () => {
    const w = new FlagWarmup(t.ws, () => false, IDLE);
    w.poke();
    vi.advanceTimersByTime(IDLE);
    await w.settled();
    await importOneModel('M-WARM-2');
    expect(flagsCached(t.ws)).toBe(false);
    w.poke();
    vi.advanceTimersByTime(IDLE);
    expect(flagsCached(t.ws)).toBe(true);
    await w.settled();
    const flags = await cachedFlags(t.ws);
    expect(flags.some((f) => f.modelId === 'M-WARM-2' && f.code === 'identical_run')).toBe(true);
    expect(flags).toEqual(await computeFlags(t.ws, t.ws.read));
  });

  it('keeps a ranking’s own options cached for the same data', async () => {
    await importOneModel('M-WARM-3');
    const own = { roundZ: 2 };
    await cachedFlags(t.ws, own);
    const w = new FlagWarmup(t.ws, () => false, IDLE);
    w.poke();
    vi.advanceTimersByTime(IDLE);
    await w.settled();
    expect(flagsCached(t.ws, own)).toBe(true);
    expect(flagsCached(t.ws)).toBe(false);
  });

  it('a failure (the workspace closed meanwhile) is logged, never thrown', async () => {
    const other = await openTemp();
    const w = new FlagWarmup(other.ws, () => false, IDLE);
    w.poke();
    other.cleanup();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      vi.advanceTimersByTime(IDLE);
      await expect(w.settled()).resolves.toBeUndefined();
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/warm-up failed/));
    } finally {
      warn.mockRestore();
    }
  });

  it('only a server facing a UI warms: after its requests drain and the idle time', async () => {
    expect(new EngineServer(t.ws).flagWarmup).toBeNull();
    expect(new EngineServer(t.ws, { allowPath: uploadsOnly(t.ws.stagingDir) }).flagWarmup).not.toBeNull();
    await importOneModel('M-WARM-4');
    const server = new EngineServer(t.ws, { warmFlags: true });
    expect(flagsCached(t.ws)).toBe(false);
    await new Promise((resolve) =>
      server.handle({ id: 1, method: 'workspace.info', params: {} }, (m) => 'ok' in m && resolve(m)),
    );
    vi.runOnlyPendingTimers();
    expect(flagsCached(t.ws)).toBe(true);
    await server.flagWarmup?.settled();
  });
});
