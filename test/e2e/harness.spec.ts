/** Smoke test of the web harness: the token gate, the page, and that nothing leaves 127.0.0.1. */
import { expect, test } from '@playwright/test';

function harnessUrl(): URL {
  const u = process.env.DVK_HARNESS_URL;
  if (!u)
    throw new Error(
      'DVK_HARNESS_URL is not set: run through playwright.config.ts (its global setup starts the harness)',
    );
  return new URL(u);
}

test('loads with the token, is titled DVK Atlas and makes no request outside 127.0.0.1', async ({ page }) => {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  page.on('websocket', (ws) => urls.push(ws.url()));

  const response = await page.goto(harnessUrl().href);
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle('DVK Atlas');
  await page.waitForLoadState('networkidle');

  // The cookie set on page load authenticates the API socket, with no token in its URL.
  const info = await page.evaluate(async () => {
    const ws = new WebSocket(`ws://${location.host}/api`);
    return await new Promise<string>((resolve, reject) => {
      ws.onopen = () => ws.send(JSON.stringify({ id: 1, method: 'workspace.info', params: {} }));
      ws.onmessage = (e: MessageEvent) => {
        ws.close();
        resolve(String(e.data));
      };
      ws.onerror = () => reject(new Error('socket refused'));
    });
  });
  expect(JSON.parse(info)).toMatchObject({ id: 1, ok: true });

  expect(urls.length).toBeGreaterThan(1);
  const outside = urls.filter((u) => {
    const url = new URL(u);
    return !['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1';
  });
  expect(outside).toEqual([]);
});

test('without the token the harness answers 403', async ({ page }) => {
  const bare = harnessUrl();
  bare.search = '';
  const response = await page.goto(bare.href);
  expect(response?.status()).toBe(403);
  await expect(page.locator('body')).toContainText('Forbidden');
});
