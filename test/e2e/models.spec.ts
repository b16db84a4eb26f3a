/**
 * The Models page: the whole list, diacritics-insensitive search, engine-side sort, the detail panel and the
 * integrity flag badges.
 */
import { expect, test } from '@playwright/test';
import { AppShell } from './pages/app-shell';
import { cliQuery, engineModelCount, harnessCall, NetworkLog } from './pages/harness';
import { ModelsPage } from './pages/models-page';

test.use({ viewport: { width: 1440, height: 900 } });

test('lists every model and scrolls through the virtualised table', async ({ page }) => {
  const net = new NetworkLog(page);
  const app = new AppShell(page);
  const models = new ModelsPage(page);
  await app.open('#/models');
  const total = await models.total();
  expect(total).toBe(await engineModelCount());
  // Virtualised: a screenful of rows in the DOM, not thousands.
  expect(await models.rows.count()).toBeLessThan(80);
  await app.screenshot('models');

  await page.locator('.models-table__scroller').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(page.locator(`[data-row-index="${total - 1}"]`)).toBeVisible();
  net.expectLoopbackOnly();
});

test('search finds the same models with and without diacritics', async ({ page }) => {
  const net = new NetworkLog(page);
  const app = new AppShell(page);
  const models = new ModelsPage(page);
  await app.open('#/models');
  const all = await models.total();

  await app.searchFor('cau');
  await expect.poll(() => models.total()).toBeLessThan(all);
  const plain = await models.total();
  const plainIds = await models.firstIds(10);
  expect(plain).toBe(await engineModelCount({ search: 'cau' }));
  await expect.poll(() => page.url()).toContain('q=cau');

  await app.searchFor('cầu');
  await expect(page).toHaveURL(/q=c%E1%BA%A7u/);
  expect(await models.total()).toBe(plain);
  expect(await models.firstIds(10)).toEqual(plainIds);
  await app.screenshot('models-search');
  net.expectLoopbackOnly();
});

test('a header click sorts on the engine, and a row opens its details with sparklines', async ({ page }) => {
  const net = new NetworkLog(page);
  const app = new AppShell(page);
  const models = new ModelsPage(page);
  await app.open('#/models');
  await models.total();

  await models.sortBy('model_id');
  await expect(page.locator('[role="columnheader"][aria-sort="ascending"]')).toHaveCount(1);
  const asc = await models.firstIds(3);
  await models.sortBy('model_id');
  await expect(page.locator('[role="columnheader"][aria-sort="descending"]')).toHaveCount(1);
  await expect.poll(() => models.firstIds(3)).not.toEqual(asc);
  const desc = await models.firstIds(3);
  expect([...desc].sort().reverse()).toEqual(desc);
  await expect.poll(() => page.url()).toContain('sort=model_id&dir=desc');

  const id = (await models.firstIds(1))[0] ?? '';
  await models.openRow(0);
  await expect(models.detail).toContainText(id);
  await expect(models.detail.locator('.indicator svg[role="img"]').first()).toBeVisible();
  await expect(models.detail.locator('.indicator__latest').first()).not.toHaveText('–');
  await expect.poll(() => page.url()).toContain(`model=${id}`);
  await app.screenshot('models-detail');

  // Keyboard: Escape closes the panel; arrows move between rows and Enter opens one.
  await models.detail.locator('h2').press('Escape');
  await expect(models.detail).toHaveCount(0);
  await models.rows.first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(models.detail).toContainText((await models.firstIds(2))[1] ?? '');
  net.expectLoopbackOnly();
});

test('a model the sample planted as suspicious shows its integrity flags as badges', async ({ page }) => {
  const net = new NetworkLog(page);
  const app = new AppShell(page);
  const models = new ModelsPage(page);

  // The engine names the suspicious models: a sudden jump (or a run of identical values) the sample plants.
  const flags = (await harnessCall('flags.list', {})) as { modelId: string; code: string }[];
  const planted = flags.find((f) => f.code === 'spike') ?? flags.find((f) => f.code === 'identical_run');
  expect(planted).toBeDefined();
  const id = planted?.modelId ?? '';
  const codes = [...new Set(flags.filter((f) => f.modelId === id).map((f) => f.code))];
  const [model] = await cliQuery({ kind: 'models', filter: { modelIds: [id] }, limit: 1 });
  const name = String(model?.name);

  await app.open(`#/models?unit=${encodeURIComponent(String(model?.unit_code))}`);
  await expect(page.locator('.models-table')).toHaveAttribute('data-flags', 'ready');
  await app.searchFor(name);
  await expect.poll(() => models.firstIds(50)).toContain(id);
  const row = models.rows.filter({
    has: page.locator('.models-table__cell--model_id', { hasText: new RegExp(`^${id}$`) }),
  });
  const badges = row.locator('.models-table__cell--flags [data-flag]');
  await expect(badges).toHaveCount(codes.length);
  expect((await badges.evaluateAll((els) => els.map((e) => e.getAttribute('data-flag')))).sort()).toEqual(
    [...codes].sort(),
  );
  const badge = row.locator(`[data-flag="${planted?.code}"]`);
  const label = planted?.code === 'spike' ? 'Đột biến' : 'Lặp số liệu';
  await expect(badge).toContainText(label);
  // The explanation (the same words as the Ranking page) is its tooltip and accessible name.
  const explanation = (await badge.getAttribute('aria-label')) ?? '';
  expect(explanation.startsWith(`${label}: `)).toBe(true);
  expect(explanation.length).toBeGreaterThan(label.length + 20);
  expect(await badge.getAttribute('title')).toBe(explanation);
  await app.screenshot('models-flags');

  await app.switchLanguage('en');
  await expect(badge).toContainText(planted?.code === 'spike' ? 'Spike' : 'Repeated values');
  await app.switchLanguage('vi');
  net.expectLoopbackOnly();
});

test('the list is paged: the end, a new sort and a filter mid-scroll all show the engine rows', async ({
  page,
}) => {
  const PAGE = 500;
  const net = new NetworkLog(page);
  const app = new AppShell(page);
  const models = new ModelsPage(page);
  const sent = models.recordModelSpecs();
  const pageOffsets = () => sent.filter((s) => s.limit === PAGE).map((s) => s.offset ?? 0);
  const ids = (rows: Record<string, unknown>[]) => rows.map((r) => String(r.model_id));
  const expectEngineRows = async (engine: string[]) => {
    const shown = await models.loadedRows();
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.map((r) => r.id)).toEqual(shown.map((r) => engine[r.index]));
    return shown;
  };

  await app.open('#/models?sort=name&dir=asc');
  const total = await models.total();
  expect(total).toBe(await engineModelCount());
  expect(total).toBeGreaterThan(4 * PAGE);
  const byName = ids(await cliQuery({ kind: 'models', sort: { by: 'name', dir: 'asc' }, limit: 200000 }));
  expect(byName).toHaveLength(total);
  // The scrollbar spans the whole list from the start.
  const height = await models.scroller.evaluate((el) => el.scrollHeight);
  expect(height).toBeGreaterThan(total * 30);

  // Opening sends the first page and the one ahead, never the whole list.
  await expectEngineRows(byName);
  await expect.poll(pageOffsets).toEqual([0, PAGE]);
  expect(sent.every((s) => (s.limit ?? 0) <= PAGE)).toBe(true);

  // Straight to the end: only the pages on screen are fetched, and the last row is the engine's last.
  await models.scrollTo(1);
  await expect(page.locator(`[data-row-index="${total - 1}"]`)).toBeVisible();
  const end = await expectEngineRows(byName);
  expect(end.at(-1)).toEqual({ index: total - 1, id: byName.at(-1) });
  const endPages = new Set(end.map((r) => Math.floor(r.index / PAGE) * PAGE));
  const afterJump = pageOffsets().slice(2);
  expect(afterJump.length).toBeGreaterThan(0);
  expect(afterJump.length).toBeLessThanOrEqual(3);
  expect(afterJump.every((o) => endPages.has(o) || o === Math.max(...endPages) + PAGE)).toBe(true);
  await app.screenshot('models-paged');

  // Mid-scroll, a new sort: the same count, back at the top, the engine's order — deep rows too.
  await models.scrollTo(0.5);
  await expectEngineRows(byName);
  await models.sortBy('model_id');
  await expect(
    page.locator('[role="columnheader"][aria-sort="ascending"] [data-column="model_id"]'),
  ).toHaveCount(1);
  await expect.poll(() => page.url()).toContain('sort=model_id&dir=asc');
  expect(await models.total()).toBe(total);
  const byId = ids(await cliQuery({ kind: 'models', sort: { by: 'model_id', dir: 'asc' }, limit: 200000 }));
  await expect(page.locator('[data-row-index="0"] .models-table__cell--model_id')).toHaveText(byId[0] ?? '');
  await expectEngineRows(byId);
  await models.scrollTo(0.6);
  await expectEngineRows(byId);

  // Keyboard: End on a row goes to the very last model, its page fetched on the way.
  await models.scrollTo(0);
  await models.rows.first().focus();
  await page.keyboard.press('End');
  const last = page.locator(`[data-row-index="${total - 1}"]`);
  await expect(last).toBeFocused();
  await expect(last.locator('.models-table__cell--model_id')).toHaveText(byId.at(-1) ?? '');

  // Mid-scroll, a filter: the engine's count and first rows for it.
  await models.scrollTo(0.4);
  await app.searchFor('cau');
  await expect.poll(() => models.total()).toBe(await engineModelCount({ search: 'cau' }));
  const cau = ids(
    await cliQuery({
      kind: 'models',
      filter: { search: 'cau' },
      sort: { by: 'model_id', dir: 'asc' },
      limit: 200000,
    }),
  );
  await expect(page.locator('[data-row-index="0"] .models-table__cell--model_id')).toHaveText(cau[0] ?? '');
  await expectEngineRows(cau);

  // Back to the whole list: its pages come from the cache, no request for them.
  const before = sent.length;
  await app.searchFor('');
  await expect.poll(() => models.total()).toBe(total);
  await expectEngineRows(byId);
  expect(sent.length).toBe(before);
  net.expectLoopbackOnly();
});
