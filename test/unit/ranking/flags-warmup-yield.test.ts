/**
 * The idle warm-up yields to requests (flags.ts FlagWarmup): a request that starts while one of its
 * queries runs on the background connection interrupts that query, which runs again once the engine is
 * quiet; and a request that needs flags meanwhile claims the warm-up, which then finishes without waiting
 * for quiet. Real timers and the real engine; the "slow query" stands in for a rule over scale-10 data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedFlags, computeFlags, FlagWarmup, flagsCached } from '../../../electron/engine/query/flags';
import { openTemp } from '../../helpers/workspace';
import { insertFixture } from './fixture';

let t: Awaited<ReturnType<typeof openTemp>>;

beforeAll(async () => {
  t = await openTemp();
  await insertFixture(t.ws);
}, 60_000);
afterAll(async () => {
  await t.ws.closeAsync();
  t.cleanup();
});

/** Long enough (seconds) that the test interrupts it while it runs. */
const SLOW = 'SELECT count(*) FROM range(4000000000) r(i) WHERE i % 7 = 3';
const QUICK = 'SELECT 42';

async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1000 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!cond()) throw new Error(`timed out waiting for ${what}`);
}

describe('the warm-up yields to requests', () => {
  it('a request interrupts its running query, which runs again once the engine is quiet', async () => {
    let busy = false;
    const attempts: ('started' | 'interrupted' | 'done')[] = [];
    const w = new FlagWarmup(
      t.ws,
      () => busy,
      10,
      async (step) => {
        let n = 0;
        await step(async () => {
          attempts.push('started');
          // The first attempt is the slow one (interrupted), the rerun a quick one.
          const q = n++ === 0 ? SLOW : QUICK;
          try {
            await t.ws.onBackground((conn) => conn.run(q));
          } catch (e) {
            attempts.push('interrupted');
            throw e;
          }
          attempts.push('done');
        });
      },
      50,
    );
    w.poke();
    await until(() => attempts.length === 1, 'the slow query to start');
    await new Promise((r) => setTimeout(r, 50));
    // A request arrives and is still running.
    busy = true;
    w.requestStarted();
    await until(() => attempts.length === 2, 'the interruption');
    expect(attempts).toEqual(['started', 'interrupted']);
    // Not run again while the request runs …
    await new Promise((r) => setTimeout(r, 150));
    expect(attempts).toEqual(['started', 'interrupted']);
    // … but once it has finished and the engine has been quiet.
    busy = false;
    w.poke();
    await w.settled();
    expect(attempts).toEqual(['started', 'interrupted', 'started', 'done']);
    // The flags it computed first are the engine's.
    expect(flagsCached(t.ws)).toBe(true);
    expect(await cachedFlags(t.ws)).toEqual(await computeFlags(t.ws, t.ws.read));
  }, 60_000);

  it('a request that needs flags claims a waiting warm-up, which then finishes while requests run', async () => {
    // A new data version, so the default flags are computed again.
    await t.ws.transaction(() => t.ws.bumpDataVersion());
    let busy = false;
    let stepsRun = 0;
    const w = new FlagWarmup(
      t.ws,
      () => busy,
      10,
      async (step) => {
        await step(async () => {
          stepsRun++;
        });
      },
      50,
    );
    w.poke();
    await until(() => flagsCached(t.ws), 'the warm-up to start');
    // From now on a request is always running: an unclaimed warm-up would wait for ever.
    busy = true;
    w.requestStarted();
    const flags = await cachedFlags(t.ws);
    expect(flags).toEqual(await computeFlags(t.ws, t.ws.read));
    await w.settled();
    expect(stepsRun).toBe(1);
  }, 60_000);
});
