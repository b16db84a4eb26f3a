/**
 * UI benchmark in Chromium through the web harness: time from navigation to the Overview's
 * `overview-rendered` mark, then 20 filter clicks on bars of the "models by field" chart, each timed from
 * the click (a capturing listener marks it in the page) to the next `charts-rendered` mark (every visible
 * chart re-drawn). Each click gives a filter not seen before (fields added one by one, then removed one
 * by one), so no answer comes from the renderer's result cache. JS heap from performance.memory.
 */
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CACHE_DIR, benchWorkspace } from './lib/data';
import { ensureRendererBuilt, startHarness } from './lib/harness';
import { log } from './lib/log';
import { summarise, type Timing } from './lib/timing';

export interface UiResult {
  scale: number;
  loadToOverviewMs: number;
  filterToCharts: Timing;
  heapAfterLoadMb: number;
  heapAfterClicksMb: number;
  clicks: number;
  /** Clicks that changed the filter but got no `charts-rendered` mark within the timeout. */
  missedMarks: number;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Page positions of the bars of the field chart, found by hovering along each band until the cursor is a pointer. */
async function barPositions(page: Page): Promise<{ x: number; y: number }[]> {
  const canvas = page.locator('[data-chart="by-field"] canvas').first();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no field chart canvas');
  const out: { x: number; y: number }[] = [];
  // Bars are 30 px bands from the top of the plot (grid top 8, bottom 16).
  const count = Math.round((box.height - 24) / 30);
  const band = (box.height - 24) / count;
  for (let i = 0; i < count; i++) {
    const y = box.y + 8 + band * (i + 0.5);
    for (let x = box.x + 40; x < box.x + box.width - 60; x += 6) {
      await page.mouse.move(x, y);
      const cursor = await page.evaluate(() => {
        const c = document.querySelector('[data-chart="by-field"] canvas');
        return c?.parentElement ? getComputedStyle(c.parentElement).cursor : '';
      });
      if (cursor === 'pointer') {
        out.push({ x: x + 3, y });
        break;
      }
    }
  }
  return out;
}

const heapMb = (page: Page) =>
  page.evaluate(
    () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize / 2 ** 20,
  );

const markCount = (page: Page, name: string) =>
  page.evaluate((n) => performance.getEntriesByName(n, 'mark').length, name);

export async function runUi(scale: number, clicks = 20): Promise<UiResult> {
  // A click whose mark has not come by then counts as missed (see `missedMarks`).
  const markTimeoutMs = scale >= 10 ? 15_000 : 5_000;
  ensureRendererBuilt();
  const ws = await benchWorkspace(scale);
  const harness = await startHarness(ws, path.join(CACHE_DIR, `ui-home-s${scale}`));
  const browser = await chromium.launch({
    executablePath: process.env.DVK_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const url = new URL(harness.url);
    url.hash = '#/overview';
    log(`scale ${scale}: loading the Overview in Chromium …`);
    await page.goto(url.href);
    await page.waitForFunction(
      () => performance.getEntriesByName('overview-rendered', 'mark').length > 0,
      null,
      { timeout: 120_000 },
    );
    const loadToOverviewMs = await page.evaluate(
      () => performance.getEntriesByName('overview-rendered', 'mark')[0]?.startTime ?? NaN,
    );
    const heapAfterLoadMb = await heapMb(page);
    await page.evaluate(() =>
      window.addEventListener('click', () => performance.mark('bench-click'), { capture: true }),
    );
    const bars = await barPositions(page);
    if (bars.length < 2) throw new Error(`found ${bars.length} bars in the field chart`);
    // Add fields one by one, then remove them in the same order: every filter is new.
    const adds = Math.min(bars.length, Math.ceil(clicks / 2) + 1);
    const order = [...bars.slice(0, adds), ...bars.slice(0, adds)].slice(0, clicks);
    const times: number[] = [];
    let missed = 0;
    for (const bar of order) {
      const before = await markCount(page, 'charts-rendered');
      const hash = await page.evaluate(() => location.hash);
      await page.mouse.click(bar.x, bar.y);
      const drawn = await page
        .waitForFunction((n) => performance.getEntriesByName('charts-rendered', 'mark').length > n, before, {
          timeout: markTimeoutMs,
        })
        .then(() => true)
        .catch(() => false);
      // The URL follows filter edits after a short quiet time (hash-sync.ts): let it catch up first.
      await page.waitForFunction(() => !document.documentElement.dataset.hashPending);
      if ((await page.evaluate(() => location.hash)) === hash)
        throw new Error('a bar click did not change the filter');
      if (!drawn) {
        missed++;
        continue;
      }
      times.push(
        await page.evaluate(() => {
          const click = performance.getEntriesByName('bench-click', 'mark').at(-1);
          const mark = performance.getEntriesByName('charts-rendered', 'mark').at(-1);
          return (mark?.startTime ?? NaN) - (click?.startTime ?? NaN);
        }),
      );
    }
    const heapAfterClicksMb = await heapMb(page);
    log(
      `  overview ${loadToOverviewMs.toFixed(0)} ms, filter→charts p50 ${summarise(times).p50.toFixed(0)} ms, ${missed} marks missed`,
    );
    return {
      scale,
      loadToOverviewMs,
      filterToCharts: summarise(times),
      heapAfterLoadMb,
      heapAfterClicksMb,
      clicks: order.length,
      missedMarks: missed,
    };
  } finally {
    await browser.close();
    await harness.stop();
  }
}
