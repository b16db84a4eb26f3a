/**
 * Closing a workspace while work runs on its background connection (the integrity flags, computing for
 * seconds at scale 10, or their idle warm-up): `closeAsync` interrupts the work, waits for it and closes.
 * A plain close during a running query never returned (Ctrl+C on `dvk serve` hung the process).
 */
import { describe, expect, it } from 'vitest';
import { openTemp } from '../../helpers/workspace';

describe('closing with background work running', () => {
  it('interrupts the background query, waits for it, then releases the workspace', async () => {
    const t = await openTemp();
    let started = false;
    const work = t.ws.onBackground(async (conn) => {
      started = true;
      // Minutes of work unless interrupted.
      return conn.run('SELECT sum(a.range * b.range) FROM range(100000) a, range(100000) b');
    });
    const failed = work.then(
      () => 'finished',
      (e: unknown) => String(e),
    );
    while (!started) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 200));
    await t.ws.closeAsync();
    expect(await failed).toMatch(/interrupt/i);
    // The file is free again: it opens in this process.
    const again = await openTemp(t.ws.path);
    again.ws.close();
    t.cleanup();
  }, 60_000);

  it('closes at once when nothing runs in the background, and twice is harmless', async () => {
    const t = await openTemp();
    expect(
      await t.ws.onBackground(async (conn) => (await conn.runAndReadAll('SELECT 42 AS x')).getRows()),
    ).toEqual([[42]]);
    await t.ws.closeAsync();
    await t.ws.closeAsync();
    t.ws.close();
    t.cleanup();
  });
});
