/**
 * Export and presentation of the views that draw their own charts and tables: the Trends chart (whole
 * and per panel) as a PNG, the map as an SVG holding its title and legend, the ranked table as an XLSX
 * read back equal to the engine's rank result, presentation mode stepping through the Trends charts, and
 * the export menu closing on Esc and on an outside click. Every file is opened and checked.
 */
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { RANK_PRESETS } from '../../shared/rank-spec';
import { decodePng, inkShare } from '../helpers/png';
import { unzip } from '../helpers/unzip';
import { AppShell } from './pages/app-shell';
import { ExportTools } from './pages/export-page';
import { cliQuery, NetworkLog } from './pages/harness';
import { MapPage } from './pages/map';
import { OverviewPage } from './pages/overview-page';
import { TrendsPage } from './pages/trends';

test.use({ viewport: { width: 1500, height: 950 }, acceptDownloads: true });

/** Open the Trends page with two indicators (two panels) and wait for the drawing. */
async function openTrends(app: AppShell, trends: TrendsPage): Promise<void> {
  await app.open('#/trends');
  await trends.settled();
  await trends.addIndicator('households_supported');
  await trends.settled();
  await expect(trends.page.locator('[data-trends-export]')).toHaveCount(3);
  await trends.page.getByTestId('trends-exports').locator('summary').first().click();
}

test('a Trends chart and each of its panels export as PNG with the export frame', async ({ page }) => {
  const net = new NetworkLog(page);
  const app = new AppShell(page);
  const trends = new TrendsPage(page);
  const tools = new ExportTools(page);
  await openTrends(app, trends);

  const panel = await tools.download('trends-panel-1', 'png2');
  expect(panel.file).toMatch(/2x\.png$/);
  const png = decodePng(panel.bytes);
  expect([png.width, png.height]).toEqual([2560, 1440]);
  // A line, its axes, the title, subtitle and footer: clearly more than a blank canvas.
  expect(inkShare(png)).toBeGreaterThan(0.01);

  const whole = decodePng((await tools.download('trends-chart', 'png3')).bytes);
  expect([whole.width, whole.height]).toEqual([3840, 2160]);
  expect(inkShare(whole)).toBeGreaterThan(0.01);

  // The panel SVG carries the panel's title (the indicator), the filters line and the source.
  const svg = (await tools.download('trends-panel-0', 'svg')).bytes.toString('utf8');
  const title =
    (await page.locator('[data-trends-export="trends-panel-0"] .trends__export-title').textContent()) ?? '';
  expect(title.length).toBeGreaterThan(0);
  const texts = await svgTexts(page, svg);
  expect(texts).toContain(title);
  expect(texts.some((t) => t.startsWith('Bộ lọc:'))).toBe(true);
  expect(texts.some((t) => t.includes('Nguồn: DVK Atlas'))).toBe(true);
  net.expectLoopbackOnly();
});

test('presentation mode steps through the Trends charts', async ({ page }) => {
  const app = new AppShell(page);
  const trends = new TrendsPage(page);
  await openTrends(app, trends);
  await page.getByTestId('present-open').click();
  const present = page.getByTestId('present');
  await expect(present).toBeVisible();
  const position = page.getByTestId('present-position');
  await expect(position).toHaveText('1 / 3');
  await expect(present.locator('[data-present-chart="trends-chart"] canvas')).toBeVisible();
  await app.screenshot('present-trends-1');
  await page.keyboard.press('ArrowRight');
  await expect(position).toHaveText('2 / 3');
  await expect(present.locator('[data-present-chart="trends-panel-0"] canvas')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(position).toHaveText('3 / 3');
  await expect(present.locator('[data-present-chart="trends-panel-1"] canvas')).toBeVisible();
  await app.screenshot('present-trends-3');
  await page.keyboard.press('Escape');
  await expect(present).toHaveCount(0);
});

test('the Trends deck has a slide per chart: each panel a native line chart, the whole chart a picture', async ({
  page,
}) => {
  const app = new AppShell(page);
  const trends = new TrendsPage(page);
  const tools = new ExportTools(page);
  await openTrends(app, trends);
  const titles = await page.locator('.trends__export-title').allTextContents();
  const { bytes } = await tools.deck();
  const zip = unzip(bytes);
  const slides = [...zip.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
  // A title slide, then the whole chart and its two panels.
  expect(slides).toHaveLength(1 + 3);
  const text = slides.map((n) => zip.get(n)!.toString('utf8')).join('');
  for (const t of titles) expect(text).toContain(t);
  const charts = [...zip.keys()].filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
  expect(charts).toHaveLength(2);
  for (const c of charts) expect(zip.get(c)!.toString('utf8')).toMatch(/<c:lineChart>/);
  expect([...zip.keys()].some((n) => /^ppt\/media\/.+\.png$/.test(n))).toBe(true);
});

test('the map exports as an SVG holding its title and legend', async ({ page }) => {
  const net = new NetworkLog(page);
  const app = new AppShell(page);
  const map = new MapPage(page);
  const tools = new ExportTools(page);
  await app.open('#/map');
  await map.waitReady();
  const title = (await page.locator('#map-title').textContent()) ?? '';
  expect(title.length).toBeGreaterThan(0);
  const firstClass = (await page.getByTestId('map-class-0').textContent()) ?? '';
  expect(firstClass.length).toBeGreaterThan(0);

  const svg = (await tools.download('map', 'svg')).bytes.toString('utf8');
  const texts = await svgTexts(page, svg);
  expect(texts).toContain(title);
  expect(texts).toContain(firstClass.trim());
  expect(texts.some((t) => t.includes('Nguồn: DVK Atlas'))).toBe(true);
  // The units are drawn: many paths besides the legend swatches.
  expect((svg.match(/<path\b/g) ?? []).length).toBeGreaterThan(20);

  const png = decodePng((await tools.download('map', 'png2')).bytes);
  expect([png.width, png.height]).toEqual([2560, 1440]);
  expect(inkShare(png)).toBeGreaterThan(0.05);
  net.expectLoopbackOnly();
});

test('the ranked table exports as XLSX equal to the engine’s ranking', async ({ page }) => {
  const app = new AppShell(page);
  const tools = new ExportTools(page);
  await app.open('#/ranking');
  await expect(page.getByTestId('rank-table').locator('tbody tr').first()).toBeVisible({ timeout: 60_000 });
  const preset = RANK_PRESETS[0];
  if (!preset) throw new Error('no ranking preset');
  // The view's spec: the first preset with the (empty) global filter over the preset's own filter.
  const engine = await cliQuery({ ...preset.spec, filter: { ...(preset.spec.filter ?? {}) } });
  expect(engine.length).toBeGreaterThan(0);
  await expect(page.getByTestId('rank-count')).toContainText(
    new Intl.NumberFormat('vi-VN').format(engine.length),
  );

  const xlsx = await tools.download('ranking-table', 'xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.bytes as never);
  const sheet = wb.worksheets[0]!;
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(sheet.getCell('A1').value).toBe('Hạng');
  expect(sheet.getCell('C1').value).toBe('Mã mô hình');
  expect(sheet.rowCount).toBe(engine.length + 1);
  const got: { rank: unknown; score: unknown; id: unknown; name: unknown }[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    got.push({
      rank: row.getCell(1).value,
      score: row.getCell(2).value,
      id: row.getCell(3).value,
      name: row.getCell(4).value,
    });
  });
  expect(got).toEqual(
    engine.map((r) => ({
      rank: Number(r.rank),
      score: Number(r.score),
      id: String(r.model_id),
      name: String(r.name),
    })),
  );
  // The notes sheet names the table.
  expect(String(wb.worksheets[1]!.getCell('B1').value)).toBe('Xếp hạng mô hình');
});

test('an export menu closes on Esc (focus back on its button) and on a click outside', async ({ page }) => {
  const app = new AppShell(page);
  const tools = new ExportTools(page);
  await app.open('#/ranking');
  await expect(page.getByTestId('rank-table').locator('tbody tr').first()).toBeVisible({ timeout: 60_000 });
  const menu = tools.menu('ranking-table');
  const details = menu.locator('details');
  const summary = menu.locator('summary');

  await summary.click();
  await expect(details).toHaveAttribute('open', '');
  await menu.locator('[data-export="xlsx"]').focus();
  await page.keyboard.press('Escape');
  await expect(details).not.toHaveAttribute('open', '');
  await expect(summary).toBeFocused();

  await summary.click();
  await expect(details).toHaveAttribute('open', '');
  await page.locator('#ranking-title').click();
  await expect(details).not.toHaveAttribute('open', '');
});

test('printed charts take the page width and get their screen size back afterwards', async ({ page }) => {
  const app = new AppShell(page);
  const overview = new OverviewPage(page);
  await app.open('#/overview');
  await app.waitForMark('overview-rendered');
  await overview.waitUntilSettled();
  const canvas = page.locator('[data-chart="by-field"] canvas').first();
  const width = () => canvas.evaluate((c) => c.getBoundingClientRect().width);
  const screen = await width();
  // A4 landscape less 2 × 12 mm margins is 1031 CSS px; the card's padding comes off that.
  expect(screen).toBeLessThan(900);
  await page.emulateMedia({ media: 'print' });
  await expect.poll(width).toBeGreaterThan(950);
  await expect.poll(width).toBeLessThanOrEqual(1031);
  await page.emulateMedia({ media: 'screen' });
  await expect.poll(width).toBe(screen);
});

/** Parse `svg` in the page; fail on a parse error; return its text elements' contents. */
async function svgTexts(page: Page, svg: string): Promise<string[]> {
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.getElementsByTagName('parsererror').length > 0,
      root: doc.documentElement.nodeName,
      texts: [...doc.getElementsByTagName('text')].map((t) => t.textContent ?? ''),
    };
  }, svg);
  expect(parsed.error).toBe(false);
  expect(parsed.root).toBe('svg');
  return parsed.texts;
}
