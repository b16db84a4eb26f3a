/**
 * Responsiveness under load: 200 rapid changes of the period filter (as a user sweeping the "from" month
 * picker), driven through the real select on the Models page, twice. Each change is a new spec for the
 * same view, so older queries are superseded. Asserts: no page error and no console error (no unhandled
 * rejection from superseded calls), the page ends showing the data of the FINAL state (the engine's own
 * count for that filter), the serving process's memory does not grow from one sweep to the next, and no
 * long task over 100 ms during the sweeps (PerformanceObserver 'longtask', installed before the app).
 */
import fs from 'node:fs';
import os from 'node:os';
import { expect, test, type Page } from '@playwright/test';
import { AppShell } from './pages/app-shell';
import { engineModelCount, NetworkLog } from './pages/harness';
import { ModelsPage } from './pages/models-page';

test.use({ viewport: { width: 1440, height: 900 } });

/** VmRSS of the `dvk serve` process (engine included), in MB; null where /proc is missing. */
function serverRssMb(): number | null {
  const pid = process.env.DVK_HARNESS_PID;
  if (!pid) return null;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Fire `n` changes of the "from" month select, a few ms apart, cycling through its months; returns the last. */
async function sweep(page: Page, n: number): Promise<string> {
  return page.evaluate(async (count) => {
    const select = document.querySelector<HTMLSelectElement>('.period-range select');
    if (!select) throw new Error('no period select');
    const months = [...select.options].map((o) => o.value).filter((v) => v !== '');
    const setValue = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set;
    let last = '';
    for (let i = 0; i < count; i++) {
      // Back and forth over the range, like a slider drag.
      const k = i % (2 * months.length);
      last = months[k < months.length ? k : 2 * months.length - 1 - k] ?? '';
      setValue?.call(select, last);
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 4));
    }
    return last;
  }, n);
}

test('200 rapid filter changes: only the latest result shows, no errors, memory stable, no long tasks', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const net = new NetworkLog(page);
  const app = new AppShell(page);
  const models = new ModelsPage(page);
  await app.open('#/models');
  await models.total();

  // A first sweep warms caches; memory is compared between the ends of the second and third sweeps.
  await sweep(page, 200);
  await models.total();
  const rss: (number | null)[] = [serverRssMb()];
  const longTasks: number[] = [];
  let last = '';
  for (let round = 0; round < 2; round++) {
    await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
    last = await sweep(page, 200);
    const shown = await models.total();
    // Only the latest spec's answer is on screen: the engine's count for the final filter.
    await expect.poll(() => models.total()).toBe(await engineModelCount({ period: { from: last } }));
    expect(shown).toBeGreaterThanOrEqual(0);
    await expect(page).toHaveURL(new RegExp(`from=${last}`));
    longTasks.push(
      ...(await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks)),
    );
    rss.push(serverRssMb());
  }
  await app.screenshot('load-after-sweeps');
  console.log(
    `load: 3 × 200 changes, last month ${last}; server RSS MB ${rss.map((r) => r?.toFixed(0)).join(' → ')}; ` +
      `long tasks during sweeps: ${longTasks.length} (max ${Math.max(0, ...longTasks).toFixed(0)} ms)`,
  );
  expect(errors).toEqual([]);
  // A long task is wall time: on a machine whose cores are oversubscribed (other builds and tests
  // running) the renderer thread is descheduled and every task looks long, so the 100 ms budget is
  // asserted only when the load average leaves the page a core; otherwise it is reported, not failed.
  const perCore = (os.loadavg()[0] ?? 0) / Math.max(1, os.cpus().length);
  const worst = Math.max(0, ...longTasks);
  const detail = `long tasks: ${longTasks.map((d) => d.toFixed(0)).join(', ') || 'none'} (load ${perCore.toFixed(1)}/core)`;
  if (perCore <= 1) expect(worst, detail).toBeLessThanOrEqual(100);
  else test.info().annotations.push({ type: 'long-tasks-not-asserted', description: detail });
  const [r1, , r3] = rss;
  if (r1 != null && r3 != null) {
    expect(r3).toBeLessThan(1536);
    expect(r3 - r1, 'server memory grew between sweeps').toBeLessThan(150);
  }
  net.expectLoopbackOnly();
});
