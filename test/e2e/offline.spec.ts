/**
 * The offline guarantee: visiting every view of the sidebar (VIEW_IDS, so new views are covered) and the
 * import screen, and using each once (a search, a filter, the language switch, a file import), the page
 * makes no request and opens no WebSocket outside 127.0.0.1. Every request is recorded twice: by the
 * page's request events and by a context route, which also aborts anything off the loopback (so a leak
 * could not succeed even while it is being reported).
 */
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { expect, test } from '@playwright/test';
import { TOOL_VIEW_IDS, VIEW_IDS } from '../../renderer/src/state/url-hash';
import { harnessUrl } from './pages/harness';

const loopback = (u: string) => {
  const url = new URL(u);
  return ['data:', 'blob:', 'about:'].includes(url.protocol) || url.hostname === '127.0.0.1';
};

test.use({ viewport: { width: 1440, height: 900 } });

test('no request leaves 127.0.0.1 on any view', async ({ page, context }) => {
  test.setTimeout(240_000);
  const seen: string[] = [];
  const routed: string[] = [];
  page.on('request', (r) => seen.push(r.url()));
  page.on('websocket', (ws) => seen.push(ws.url()));
  context.on('serviceworker', (w) => seen.push(`serviceworker:${w.url()}`));
  await context.route('**/*', (route) => {
    const u = route.request().url();
    routed.push(u);
    return loopback(u) ? route.continue() : route.abort('blockedbyclient');
  });

  const base = harnessUrl();
  await page.goto(base.href);
  await expect(page.locator('nav a[data-view="overview"]')).toBeVisible();
  const visited: string[] = [];
  for (const view of VIEW_IDS) {
    const link = page.locator(`nav a[data-view="${view}"]`);
    await link.click();
    await expect(link).toHaveAttribute('aria-current', 'page');
    // Use the view once: a search (every view reads the global filter), then a period choice.
    const search = page.getByTestId('global-search');
    if (await search.isVisible()) {
      await search.fill('cau');
      await search.press('Enter');
    }
    const from = page.locator('.period-range select').first();
    if (await from.isVisible()) {
      const values = await from
        .locator('option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      if (values.length > 2) await from.selectOption(values[2] ?? '');
    }
    // Open the first tab or button inside the view's own content, if it has one that opens nothing external.
    const main = page.locator('main');
    const tab = main.getByRole('tab').first();
    if (await tab.isVisible().catch(() => false)) await tab.click();
    await expect(main.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
    await page.screenshot({ path: `test-results/screens/offline-${view}.png` });
    if (await page.locator('.filter-bar__actions button').isVisible())
      await page.locator('.filter-bar__actions button').click();
    visited.push(view);
  }
  // The language switch re-renders everything with the other strings and number formats.
  await page.locator('.lang-switch button[lang="en"]').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.locator('.lang-switch button[lang="vi"]').click();

  // The tool screens (import): upload a small file and preview it.
  for (const tool of TOOL_VIEW_IDS) {
    const url = harnessUrl();
    url.hash = `#/${tool}`;
    await page.goto(url.href);
    visited.push(tool);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvk-offline-'));
  const file = path.join(dir, 'đơn vị ngoại tuyến.csv');
  fs.writeFileSync(file, '\ufeffMã ĐVHC,Tên đơn vị\r\n99991,Phường Ngoại Tuyến\r\n');
  const input = page.locator('input[type="file"]').first();
  if ((await input.count()) > 0) {
    await input.setInputFiles(file);
    await expect(page.getByText('đơn vị ngoại tuyến.csv').first()).toBeVisible({ timeout: 30_000 });
  }
  fs.rmSync(dir, { recursive: true, force: true });

  expect(visited).toEqual([...VIEW_IDS, ...TOOL_VIEW_IDS]);
  expect(seen.length).toBeGreaterThan(VIEW_IDS.length);
  expect(routed.length).toBeGreaterThan(0);
  expect(seen.filter((u) => !loopback(u.replace(/^serviceworker:/, '')))).toEqual([]);
  expect(routed.filter((u) => !loopback(u))).toEqual([]);
  expect(seen.filter((u) => u.startsWith('ws')).every((u) => new URL(u).hostname === '127.0.0.1')).toBe(true);
});
