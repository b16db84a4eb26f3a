/**
 * The Pivot page on the sample workspace: build fields × years with two values, compare a cell with the
 * engine's own answer, export XLSX and read it back, drill through to Models, save and reopen a view.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { formatValue } from '../../shared/format';
import { AppShell } from './pages/app-shell';
import { cliQuery, engineModelCount, NetworkLog } from './pages/harness';
import { PivotPage } from './pages/pivot-page';

test.use({ viewport: { width: 1600, height: 1000 } });

const FIELD = 'An sinh xã hội';
const SPEC = {
  kind: 'pivot',
  rows: ['field'],
  columns: ['period'],
  grain: 'year',
  values: [
    { measure: { type: 'count_models' } },
    { measure: { type: 'indicator', indicator: 'funds_mobilized_vnd' } },
  ],
};

/** The engine's detail cell for FIELD in `year`. */
async function engineCell(year: string): Promise<{ models: number; funds: number }> {
  const rows = await cliQuery(SPEC);
  const r = rows.find((x) => x.r0 === FIELD && x.c0 === `${year}-01-01` && Number(x.grp) === 0);
  if (!r) throw new Error(`no engine cell for ${FIELD} ${year}`);
  return { models: Number(r.v0), funds: Number(r.v1) };
}

test('a pivot built in the wells equals the engine, exports to XLSX and drills through to Models', async ({
  page,
}) => {
  const net = new NetworkLog(page);
  const app = new AppShell(page);
  const pivot = new PivotPage(page);
  await app.open('#/pivot');
  await pivot.settled();
  await pivot.clearWell('rows');
  await pivot.clearWell('columns');
  await pivot.addDimension('field', 'rows');
  await pivot.addDimension('period', 'columns');
  await pivot.setGrain('year');
  await pivot.addMeasure('funds_mobilized_vnd');
  await expect(pivot.well('values').locator('.pivot-chip')).toHaveCount(2);
  await pivot.settled();

  const years = (await cliQuery({ ...SPEC, rows: [], values: [{ measure: { type: 'count_models' } }] }))
    .map((r) => String(r.c0 ?? ''))
    .filter((k) => k !== '')
    .sort();
  const year = (years[1] ?? years[0] ?? '').slice(0, 4);
  const expected = await engineCell(year);
  await expect(pivot.cell(FIELD, `${year}-01-01#0`)).toHaveText(formatValue(expected.models, '', 'vi'));
  await expect(pivot.cell(FIELD, `${year}-01-01#1`)).toHaveText(formatValue(expected.funds, '', 'vi'));
  await expect(
    pivot.grid.locator('[role="columnheader"]').filter({ hasText: 'Kinh phí vận động (đồng)' }).first(),
  ).toBeVisible();
  await app.screenshot('pivot');

  // Heat map and a chart of the same spec.
  await page.getByLabel('Tô màu nhiệt').check();
  await app.screenshot('pivot-heat');
  await page.getByTestId('pivot-display').selectOption('stacked');
  await expect(page.getByTestId('pivot-chart').locator('canvas')).toBeVisible();
  await app.screenshot('pivot-chart');
  await page.getByTestId('pivot-display').selectOption('heatmap');
  await expect(page.getByTestId('pivot-chart').locator('canvas').first()).toBeVisible();
  await app.screenshot('pivot-heatmap-chart');
  await page.getByTestId('pivot-display').selectOption('table');
  await pivot.settled();

  // XLSX: the same numbers as the engine.
  const download = await pivot.export('xlsx');
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const file = await download.path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const header = sheet.getRow(1).values as unknown[];
  const col = header.findIndex((v) => v === year);
  expect(col).toBeGreaterThan(1);
  let found = false;
  sheet.eachRow((row) => {
    if (row.getCell(1).value !== FIELD) return;
    found = true;
    expect(row.getCell(col).value).toBe(expected.models);
    expect(row.getCell(col + 1).value).toBeCloseTo(expected.funds, 2);
  });
  expect(found).toBe(true);
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  expect(wb.getWorksheet('Bộ lọc')).toBeTruthy();

  // Drill-through: the models of FIELD in that year.
  await pivot.cell(FIELD, `${year}-01-01#0`).click();
  await expect(page).toHaveURL(/#\/models\?/);
  const drilled = await engineModelCount({
    fields: [FIELD],
    period: { from: `${year}-01`, to: `${year}-12` },
  });
  // The drilled list holds exactly the models the cell counted.
  expect(drilled).toBe(expected.models);
  await expect(page.getByTestId('models-count')).toContainText(
    new Intl.NumberFormat('vi-VN').format(drilled),
  );
  await expect(page.locator('[data-filter="field"] .multi-select__value')).toHaveText(FIELD);
  await app.screenshot('pivot-drill');
  net.expectLoopbackOnly();
});

test('a pivot saved by name reopens from the list, and the layout lives in the URL', async ({ page }) => {
  const net = new NetworkLog(page);
  const app = new AppShell(page);
  const pivot = new PivotPage(page);
  await app.open('#/pivot');
  await pivot.settled();
  await page.getByRole('button', { name: 'Đổi hàng ↔ cột' }).click();
  await expect(pivot.well('rows').locator('[data-chip="period"]')).toBeVisible();
  await expect(page).toHaveURL(/pivot=/);
  // Keyboard: Delete on a chip removes it.
  await pivot.addDimension('status', 'rows');
  await pivot.well('rows').locator('[data-chip="status"]').focus();
  await page.keyboard.press('ArrowUp');
  await expect(pivot.well('rows').locator('[data-chip]').first()).toHaveAttribute('data-chip', 'status');
  await page.keyboard.press('Delete');
  await expect(pivot.well('rows').locator('[data-chip="status"]')).toHaveCount(0);

  // Mouse: native drag and drop from the field list onto a well.
  await page.locator('[data-field="sponsor"]').dragTo(pivot.well('columns'));
  await expect(pivot.well('columns').locator('[data-chip="sponsor"]')).toBeVisible();
  await pivot.well('columns').locator('[data-chip="sponsor"]').focus();
  await page.keyboard.press('Delete');
  await expect(pivot.well('columns').locator('[data-chip="sponsor"]')).toHaveCount(0);

  const name = 'Kiểm thử E2E theo năm';
  await pivot.saveAs(name);
  // The URL follows edits after a short quiet time: wait until it has caught up.
  await expect(page.locator('html[data-hash-pending]')).toHaveCount(0);
  const url = page.url();
  await page.reload();
  await pivot.settled();
  expect(page.url()).toBe(url);
  await expect(pivot.well('rows').locator('[data-chip="period"]')).toBeVisible();

  await app.open('#/pivot?pivot=%7B%7D');
  await pivot.settled();
  await expect(pivot.well('rows').locator('[data-chip="field"]')).toBeVisible();
  await pivot.openSaved(name);
  await expect(pivot.well('rows').locator('[data-chip="period"]')).toBeVisible();
  await expect(pivot.well('columns').locator('[data-chip="field"]')).toBeVisible();
  await pivot.settled();
  await app.screenshot('pivot-saved');
  await pivot.deleteSaved(name);
  net.expectLoopbackOnly();
});

test('170 units × 36 months scroll in a virtualised grid with sticky headers, in English too', async ({
  page,
}) => {
  const net = new NetworkLog(page);
  const app = new AppShell(page);
  const pivot = new PivotPage(page);
  const layout = {
    kind: 'pivot',
    rows: ['unit'],
    columns: ['period'],
    grain: 'month',
    values: [{ measure: { type: 'count_models' } }],
  };
  await app.open(`#/pivot?pivot=${encodeURIComponent(JSON.stringify(layout))}`);
  await pivot.settled();
  await expect(pivot.well('rows').locator('[data-chip="unit"]')).toBeVisible();
  // Virtualised both ways: a screenful of rows and columns in the DOM, not 170 × 37.
  expect(await pivot.grid.locator('[role="row"][data-row-kind]').count()).toBeLessThan(60);
  expect(await pivot.grid.locator('[role="gridcell"]').count()).toBeLessThan(1000);
  await pivot.grid.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
    el.scrollLeft = el.scrollWidth;
  });
  await expect(pivot.grid.locator('[data-row-kind="grand"]')).toBeVisible();
  await expect(pivot.grid.locator('[role="columnheader"]').filter({ hasText: 'Tổng cộng' })).toBeVisible();
  await expect(pivot.grid.locator('[role="columnheader"]').filter({ hasText: 'Phường/Xã' })).toBeVisible();
  await app.screenshot('pivot-large');

  await app.switchLanguage('en');
  await expect(pivot.well('rows')).toContainText('Ward/Commune');
  await expect(pivot.grid.locator('[data-row-kind="grand"]')).toContainText('Grand total');
  await app.screenshot('pivot-english');
  await app.switchLanguage('vi');
  net.expectLoopbackOnly();
});

test('a start year × indicator cell drills to exactly the models it counts, shown as removable chips', async ({
  page,
}) => {
  const app = new AppShell(page);
  const pivot = new PivotPage(page);
  const layout = {
    kind: 'pivot',
    rows: ['start_year'],
    columns: ['indicator'],
    values: [{ measure: { type: 'count_models' } }],
  };
  const period = { from: '2024-01', to: '2024-12' };
  const cells = (await cliQuery({ ...layout, filter: { period } })).filter(
    (r) => Number(r.grp) === 0 && r.r0 && r.c0 && Number(r.v0) > 0,
  );
  await app.open(
    `#/pivot?from=${period.from}&to=${period.to}&pivot=${encodeURIComponent(JSON.stringify(layout))}`,
  );
  await pivot.settled();
  // The last start year's first indicator column (the grid draws only the columns in view).
  const startYear = String(
    cells
      .map((r) => r.r0)
      .sort()
      .at(-1),
  );
  const first = pivot.grid
    .locator(`[data-row-kind="detail"][data-row-key="${startYear}"] [data-col-key$="#0"]`)
    .first();
  await expect(first).toBeVisible();
  const indicator = String(await first.getAttribute('data-col-key')).replace(/#0$/, '');
  const cell = cells.find((r) => r.r0 === startYear && r.c0 === indicator);
  if (!cell) throw new Error(`no engine cell ${startYear} × ${indicator}`);
  const count = Number(cell.v0);
  const yearTotal = await engineModelCount({ startYears: [startYear], period });
  // A drill that ignored the indicator key would list every model of the year.
  expect(count).toBeLessThan(yearTotal);
  await expect(pivot.cell(startYear, `${indicator}#0`)).toHaveText(formatValue(count, '', 'vi'));
  await pivot.cell(startYear, `${indicator}#0`).click();
  await expect(page).toHaveURL(/#\/models\?.*startYear=/);
  await expect(page).toHaveURL(new RegExp(`indicator=${indicator}`));
  await expect(page.getByTestId('models-count')).toContainText(new Intl.NumberFormat('vi-VN').format(count));
  const chips = page.locator('.filter-bar__chip');
  await expect(chips.filter({ hasText: `Năm bắt đầu: ${startYear}` })).toBeVisible();
  const indicatorChip = page.locator('[data-filter="indicators"]');
  await expect(indicatorChip).toContainText('Đã báo cáo chỉ tiêu');
  await expect(indicatorChip).not.toContainText(indicator);
  await app.screenshot('pivot-drill-start-year-indicator');

  // Removing the indicator chip widens the list to every model of that start year active in the period.
  await indicatorChip.getByRole('button').click();
  await expect(indicatorChip).toHaveCount(0);
  await expect(page.getByTestId('models-count')).toContainText(
    new Intl.NumberFormat('vi-VN').format(yearTotal),
  );
});

test('a pivot over the cell cap explains itself instead of drawing', async ({ page }) => {
  const app = new AppShell(page);
  const layout = {
    kind: 'pivot',
    rows: ['unit', 'sponsor', 'indicator'],
    columns: ['period'],
    grain: 'month',
    values: [{ measure: { type: 'count_models' } }],
  };
  await app.open(`#/pivot?pivot=${encodeURIComponent(JSON.stringify(layout))}`);
  await expect(page.getByTestId('pivot-too-large')).toContainText('thêm bộ lọc');
  await app.screenshot('pivot-too-large');
});
