/**
 * The Trends view on the sample workspace: pick indicators, split by field, brush a period on the time
 * axis and see the Overview and the Pivot follow that period (their figures equal the engine's answer
 * for it); screenshots of the view.
 */
import { expect, test } from '@playwright/test';
import { formatValue } from '../../shared/format';
import { AppShell } from './pages/app-shell';
import { cliQuery, engineModelCount, NetworkLog } from './pages/harness';
import { OverviewPage } from './pages/overview-page';
import { PivotPage } from './pages/pivot-page';
import { TrendsPage } from './pages/trends';

test.use({ viewport: { width: 1600, height: 1100 } });

const FIELD = 'An sinh xã hội';

test('indicators split by field; a brush sets the global period and Overview and Pivot follow it', async ({
  page,
}) => {
  const net = new NetworkLog(page);
  const app = new AppShell(page);
  const trends = new TrendsPage(page);
  await app.open('#/trends');
  await expect(app.heading).toHaveText('Xu hướng');
  await trends.settled();
  await trends.addIndicator('households_supported');
  await trends.splitBy('field', 4);
  await trends.settled();
  await expect(page.locator('.trends__chip')).toHaveCount(2);
  await expect(trends.period).toHaveText('Chưa lọc theo thời gian');
  await app.screenshot('trends-split-by-field');

  // The chart's engine result: 4 fields + Others, two indicators.
  const series = await cliQuery({
    kind: 'series',
    indicators: ['funds_mobilized_vnd', 'households_supported'],
    split: { by: 'field', topN: 4 },
  });
  expect(new Set(series.map((r) => r.series)).size).toBe(5);

  const allModels = await engineModelCount();
  await trends.brush(0.35, 0.65, true);
  await expect(trends.period).toHaveText(/^Khoảng thời gian đang lọc: \d\d\/\d{4} – \d\d\/\d{4}$/);
  // The URL follows filter edits after a short quiet time (hash-sync.ts), so poll it.
  const hashParam = (key: string) =>
    new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '').get(key) ?? '';
  await expect.poll(() => hashParam('from')).toMatch(/^\d{4}-\d\d$/);
  const from = hashParam('from');
  const to = hashParam('to');
  expect(from).toMatch(/^\d{4}-\d\d$/);
  expect(to >= from).toBe(true);
  await trends.settled();
  await app.screenshot('trends-brushed');

  // The Overview follows: its model count is the engine's count for the brushed period.
  const overview = new OverviewPage(page);
  await app.goTo('overview');
  await overview.waitUntilSettled();
  const inPeriod = await engineModelCount({ period: { from, to } });
  expect(inPeriod).toBeLessThan(allModels);
  await expect.poll(() => overview.kpiCount('models')).toBe(inPeriod);

  // The Pivot follows: fields × years, count of models, only the brushed years, equal to the engine.
  const pivot = new PivotPage(page);
  await app.goTo('pivot');
  await pivot.settled();
  const spec = {
    kind: 'pivot',
    rows: ['field'],
    columns: ['period'],
    grain: 'year',
    values: [{ measure: { type: 'count_models' } }],
  };
  const cells = await cliQuery({ ...spec, filter: { period: { from, to } } });
  const year = from.slice(0, 4);
  const cell = cells.find((r) => r.r0 === FIELD && r.c0 === `${year}-01-01` && Number(r.grp) === 0);
  expect(cell).toBeDefined();
  await expect(pivot.cell(FIELD, `${year}-01-01#0`)).toHaveText(formatValue(Number(cell?.v0), '', 'vi'));
  const outside = (await cliQuery(spec))
    .map((r) => String(r.c0 ?? ''))
    .filter((c) => c && (c.slice(0, 4) < from.slice(0, 4) || c.slice(0, 4) > to.slice(0, 4)));
  for (const c of new Set(outside)) await expect(pivot.cell(FIELD, `${c}#0`)).toHaveCount(0);

  // Back on Trends the period is shaded and can be cleared.
  await app.goTo('trends');
  await trends.settled();
  await expect(trends.period).toContainText('Khoảng thời gian đang lọc');
  await page.getByRole('button', { name: 'Bỏ lọc thời gian' }).click();
  await expect(trends.period).toHaveText('Chưa lọc theo thời gian');
  net.expectLoopbackOnly();
});

test('small multiples per field with flags and a moving average, in English', async ({ page }) => {
  const net = new NetworkLog(page);
  const app = new AppShell(page);
  const trends = new TrendsPage(page);
  await app.open('#/trends');
  await trends.settled();
  await trends.splitBy('field', 3);
  await page.getByTestId('trends-multiples').selectOption('series');
  await trends.setGrain('quarter');
  await trends.setTransform('ma3');
  await trends.settled();
  await app.switchLanguage('en');
  await expect(app.heading).toHaveText('Trends');
  await trends.settled();
  await app.screenshot('trends-small-multiples-en');
  net.expectLoopbackOnly();
});

test('the model detail charts every indicator the model reports against its field’s median and P90', async ({
  page,
}) => {
  const net = new NetworkLog(page);
  const app = new AppShell(page);
  const field = 'Cải cách hành chính';
  const [model] = await cliQuery({ kind: 'models', filter: { fields: [field] }, limit: 1 });
  const id = String(model?.model_id);
  const values = await cliQuery({ kind: 'model_values', modelId: id });
  const codes = [...new Set(values.map((v) => String(v.indicator_code)))];
  expect(codes.length).toBeGreaterThan(0);
  const band = await cliQuery({ kind: 'field_band', field, indicators: codes });
  expect(new Set(band.map((b) => b.indicator))).toEqual(new Set(codes));
  expect(band.every((b) => Number(b.p90) >= Number(b.p50))).toBe(true);

  await app.open(`#/models?model=${encodeURIComponent(id)}`);
  const trend = page.getByTestId('model-trend');
  await expect(trend).toHaveAttribute('data-panels', String(codes.length));
  // Drawn with the band: the render key carries the band's spec key once it has arrived.
  await expect(trend.getByTestId('trends-canvas')).toHaveAttribute('data-rendered', /\|.+/);
  await trend.scrollIntoViewIfNeeded();
  await app.screenshot('trends-model-detail');
  net.expectLoopbackOnly();
});

test('models side by side show their gaps, start and stop; the settings survive a reload', async ({
  page,
}) => {
  const net = new NetworkLog(page);
  const app = new AppShell(page);
  const trends = new TrendsPage(page);
  const stopped = await cliQuery({
    kind: 'models',
    filter: { statuses: ['Tạm dừng'], fields: [FIELD] },
    limit: 2,
  });
  const ids = stopped.map((m) => String(m.model_id));
  expect(ids).toHaveLength(2);
  await app.open('#/trends');
  await trends.settled();
  await trends.splitBy('models');
  await page.getByTestId('trends-model-ids').fill(ids.join(', '));
  await page.getByTestId('trends-model-ids').blur();
  await trends.settled();
  // The engine's answer for the chart: both models, each with a NULL row wherever it did not report.
  const rows = await cliQuery({ kind: 'series', indicators: ['funds_mobilized_vnd'], modelIds: ids });
  expect(new Set(rows.map((r) => r.series))).toEqual(new Set(ids));
  expect(rows.some((r) => r.raw === null && Number(r.n) === 0)).toBe(true);
  await app.screenshot('trends-models');
  await page.reload();
  await trends.settled();
  await expect(page.getByTestId('trends-split')).toHaveValue('models');
  await expect(page.getByTestId('trends-model-ids')).toHaveValue(ids.join(', '));
  net.expectLoopbackOnly();
});
