/** The Overview on the sample workspace: figures match the engine, filters apply and survive a reload, English works. */
import { expect, test } from '@playwright/test';
import { AppShell } from './pages/app-shell';
import { engineModelCount, NetworkLog } from './pages/harness';
import { OverviewPage } from './pages/overview-page';

test.use({ viewport: { width: 1440, height: 900 } });

test('the sample data loads and the models tile equals the engine’s count', async ({ page }) => {
  const net = new NetworkLog(page);
  const app = new AppShell(page);
  const overview = new OverviewPage(page);
  await app.open();
  await app.waitForMark('overview-rendered');
  await expect(app.heading).toHaveText('Tổng quan');
  await expect(app.sampleBadge).toHaveText('Dữ liệu minh họa');

  const expected = await engineModelCount();
  expect(expected).toBeGreaterThan(7600);
  expect(await overview.kpiCount('models')).toBe(expected);
  expect(await overview.kpiText('models')).toBe(new Intl.NumberFormat('vi-VN').format(expected));
  expect(await overview.kpiCount('active')).toBeLessThanOrEqual(expected);
  await expect(overview.tile('funds').locator('.kpi__unit')).toHaveText('đồng');
  await overview.waitUntilSettled();
  await app.screenshot('overview');
  net.expectLoopbackOnly();
});

test('a field filter updates the figures, marks the re-render, lands in the URL and survives a reload', async ({
  page,
}) => {
  const net = new NetworkLog(page);
  const app = new AppShell(page);
  const overview = new OverviewPage(page);
  await app.open('#/overview');
  await app.waitForMark('overview-rendered');
  await overview.waitUntilSettled();

  await app.chooseFilter('field', 'An sinh xã hội');
  await app.waitForMark('charts-rendered');
  const expected = await engineModelCount({ fields: ['An sinh xã hội'] });
  await expect(overview.tile('models').locator('.kpi__number')).toHaveText(
    new Intl.NumberFormat('vi-VN').format(expected),
  );
  await expect
    .poll(() => decodeURIComponent(page.url().replace(/\+/g, ' ')))
    .toContain('#/overview?field=An sinh xã hội');
  await overview.waitUntilSettled();
  await app.screenshot('overview-filtered');

  await page.reload();
  await app.waitForMark('overview-rendered');
  expect(await overview.kpiCount('models')).toBe(expected);
  await expect(page.locator('[data-filter="field"] .multi-select__value')).toHaveText('An sinh xã hội');

  await app.clearFilters.click();
  await expect(overview.tile('models').locator('.kpi__number')).toHaveText(
    new Intl.NumberFormat('vi-VN').format(await engineModelCount()),
  );
  await expect.poll(() => new URL(page.url()).hash).toBe('#/overview');
  net.expectLoopbackOnly();
});

test('switching to English changes the interface text and is remembered', async ({ page }) => {
  const net = new NetworkLog(page);
  const app = new AppShell(page);
  const overview = new OverviewPage(page);
  await app.open('#/overview');
  await app.waitForMark('overview-rendered');
  await expect(app.navLink('models')).toHaveText(/Mô hình/);

  await app.switchLanguage('en');
  await expect(app.heading).toHaveText('Overview');
  await expect(app.navLink('models')).toHaveText(/Models/);
  await expect(overview.tile('models').locator('.kpi__label')).toHaveText('Models');
  await expect(app.sampleBadge).toHaveText('Sample data');
  await expect(overview.tile('funds').locator('.kpi__unit')).toHaveText('VND');
  const count = await engineModelCount();
  await expect(overview.tile('models').locator('.kpi__number')).toHaveText(
    new Intl.NumberFormat('en-US').format(count),
  );
  await overview.waitUntilSettled();
  await app.screenshot('overview-en');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(app.heading).toHaveText('Overview');
  await app.switchLanguage('vi');
  await expect(app.heading).toHaveText('Tổng quan');
  net.expectLoopbackOnly();
});

test('every page opens from the sidebar, and Back returns to the previous one', async ({ page }) => {
  const net = new NetworkLog(page);
  const app = new AppShell(page);
  await app.open('#/overview');
  for (const view of ['map', 'trends', 'ranking', 'shortlist'] as const) {
    await app.goTo(view);
    await expect(app.navLink(view)).toHaveAttribute('aria-current', 'page');
    await expect(app.heading).not.toBeEmpty();
    await expect(page.getByRole('alert')).toHaveCount(0);
  }
  await page.goBack();
  await expect(app.navLink('ranking')).toHaveAttribute('aria-current', 'page');
  net.expectLoopbackOnly();
});
