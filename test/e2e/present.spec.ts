/**
 * Presentation mode from the header: one item per screen, keys to move and leave, the live filter bar
 * still working inside it; screenshots land in test-results/screens/present-*.png.
 */
import { expect, test } from '@playwright/test';
import { AppShell } from './pages/app-shell';
import { NetworkLog } from './pages/harness';
import { OverviewPage } from './pages/overview-page';

test.use({ viewport: { width: 1600, height: 900 } });

const FIELD = 'An sinh xã hội';

test('presenting the overview shows one chart per screen, moves with the keys and follows the filter', async ({
  page,
}) => {
  const net = new NetworkLog(page);
  const app = new AppShell(page);
  const overview = new OverviewPage(page);
  await app.open('#/overview');
  await app.waitForMark('overview-rendered');
  await overview.waitUntilSettled();
  const charts = await page.locator('[data-chart]').count();
  const firstTitle = await page.locator('[data-chart] .card__title').first().textContent();

  await page.getByTestId('present-open').click();
  const present = page.getByTestId('present');
  await expect(present).toBeVisible();
  const position = page.getByTestId('present-position');
  await expect(position).toHaveText(`1 / ${charts}`);
  await expect(present.locator('[data-present-chart="by-field"] canvas')).toBeVisible();
  await expect(present.locator('[data-present-chart]')).toHaveAttribute('data-filters', 'Bộ lọc: Không lọc');
  await expect(present.locator('[data-present-chart] > .echart')).toHaveAttribute(
    'aria-label',
    firstTitle ?? '',
  );
  await app.screenshot('present-1');

  await page.keyboard.press('ArrowRight');
  await expect(position).toHaveText(`2 / ${charts}`);
  await expect(present.locator('[data-present-chart="funds-by-month"] canvas')).toBeVisible();
  await app.screenshot('present-2');
  await page.keyboard.press('PageDown');
  await expect(position).toHaveText(`${Math.min(3, charts)} / ${charts}`);
  await page.keyboard.press('PageUp');
  await page.keyboard.press('ArrowLeft');
  await expect(position).toHaveText(`1 / ${charts}`);

  // The filter bar inside presentation mode is the live global filter.
  const field = present.locator('[data-filter="field"]');
  await field.locator('button[aria-haspopup]').click();
  await field.getByLabel(FIELD, { exact: true }).check();
  await field.locator('button[aria-haspopup]').press('Escape');
  await expect(present.locator('[data-present-chart]')).toHaveAttribute(
    'data-filters',
    `Bộ lọc: Lĩnh vực: ${FIELD}`,
  );
  // The hash is written after a short quiet time (state/hash-sync.ts): poll, do not read once.
  await expect.poll(() => decodeURIComponent(page.url().replace(/\+/g, ' '))).toContain(`field=${FIELD}`);
  await expect(present).toBeVisible();
  await app.waitForMark('charts-rendered');
  await app.screenshot('present-filtered');

  await page.keyboard.press('Escape');
  await expect(present).toHaveCount(0);
  await expect(page.locator('[data-filter="field"] .multi-select__value')).toHaveText(FIELD);
  net.expectLoopbackOnly();
});

test('presenting the model list shows its first rows in large type', async ({ page }) => {
  const app = new AppShell(page);
  await app.open(`#/models?field=${encodeURIComponent(FIELD)}`);
  await expect(page.getByTestId('models-count')).toContainText(/\d/);
  await page.getByTestId('present-open').click();
  const table = page.locator('[data-present-table="models-list"]');
  await expect(table).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(12);
  const size = await table
    .locator('td')
    .first()
    .evaluate((td) => getComputedStyle(td).fontSize);
  expect(parseFloat(size)).toBeGreaterThanOrEqual(22);
  await app.screenshot('present-table');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('present')).toHaveCount(0);
});
