/**
 * Export from the real UI, and every file opened and checked: chart PNGs (2×/3× size, not blank), SVG
 * (parses, holds the title, embeds the font), the clipboard, the models table as XLSX/CSV (read back
 * equal to the engine's list for the same filter), the slide deck (slides, Vietnamese text, native
 * charts) and the printed PDF (one page for the header and figures, one per chart).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { decodePng, inkShare, pdfPageCount } from '../helpers/png';
import { unzip } from '../helpers/unzip';
import { AppShell } from './pages/app-shell';
import { ExportTools } from './pages/export-page';
import { cliQuery, engineModelCount, harnessCall, harnessUrl, NetworkLog } from './pages/harness';
import { OverviewPage } from './pages/overview-page';

test.use({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });

const FIELD = 'An sinh xã hội';

test('a chart exports as PNG at 2× and 3×, as SVG with title and font, and copies to the clipboard', async ({
  page,
  context,
}) => {
  const net = new NetworkLog(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harnessUrl().origin });
  const app = new AppShell(page);
  const overview = new OverviewPage(page);
  const tools = new ExportTools(page);
  await app.open(`#/overview?field=${encodeURIComponent(FIELD)}`);
  await app.waitForMark('overview-rendered');
  await overview.waitUntilSettled();
  const title = (await overview.chart('by-field').locator('.card__title').textContent()) ?? '';
  expect(title.length).toBeGreaterThan(0);

  for (const ratio of [2, 3] as const) {
    const { bytes, file } = await tools.download('by-field', `png${ratio}`);
    expect(file).toMatch(new RegExp(`${ratio}x\\.png$`));
    const png = decodePng(bytes);
    expect([png.width, png.height]).toEqual([1280 * ratio, 720 * ratio]);
    // Bars, axis labels, title and footer: clearly more than a blank canvas.
    expect(inkShare(png)).toBeGreaterThan(0.01);
  }

  const svg = (await tools.download('by-field', 'svg')).bytes.toString('utf8');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.getElementsByTagName('parsererror').length > 0,
      root: doc.documentElement.nodeName,
      texts: [...doc.getElementsByTagName('text')].map((t) => t.textContent ?? ''),
      style: doc.getElementsByTagName('style')[0]?.textContent ?? '',
    };
  }, svg);
  expect(parsed.error).toBe(false);
  expect(parsed.root).toBe('svg');
  expect(parsed.texts).toContain(title);
  // The subtitle names the filter in force; the footer the source.
  expect(parsed.texts.some((t) => t.includes(FIELD))).toBe(true);
  expect(parsed.texts.some((t) => t.includes('Nguồn: DVK Atlas'))).toBe(true);
  expect(parsed.style).toMatch(/@font-face\{font-family:'Be Vietnam Pro'[^}]*data:font\/woff2;base64,/);

  expect(await tools.copy('by-field')).toBe('Đã sao chép ảnh biểu đồ vào bộ nhớ tạm.');
  const clip = await page.evaluate(async () => {
    const items = await navigator.clipboard.read();
    const blob = await items[0]?.getType('image/png');
    return blob ? blob.size : 0;
  });
  expect(clip).toBeGreaterThan(10_000);
  net.expectLoopbackOnly();
});

test('the model list exports as XLSX and CSV with the rows the engine lists for the filter', async ({
  page,
}) => {
  const net = new NetworkLog(page);
  const app = new AppShell(page);
  const tools = new ExportTools(page);
  await app.open(`#/models?field=${encodeURIComponent(FIELD)}&sort=model_id&dir=asc`);
  const expectedCount = await engineModelCount({ fields: [FIELD] });
  await expect(page.getByTestId('models-count')).toContainText(
    new Intl.NumberFormat('vi-VN').format(expectedCount),
  );
  const engine = await cliQuery({
    kind: 'models',
    filter: { fields: [FIELD] },
    sort: { by: 'model_id', dir: 'asc' },
    limit: 200000,
  });
  expect(engine).toHaveLength(expectedCount);

  const xlsx = await tools.download('models-list', 'xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.bytes as never);
  const sheet = wb.worksheets[0]!;
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(sheet.getRow(1).font?.bold).toBe(true);
  expect(sheet.getCell('A1').value).toBe('Mã');
  expect(sheet.getCell('B1').value).toBe('Tên mô hình');
  expect(sheet.rowCount).toBe(expectedCount + 1);
  const ids: string[] = [];
  const names: string[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    ids.push(String(row.getCell(1).value));
    names.push(String(row.getCell(2).value));
  });
  expect(ids).toEqual(engine.map((r) => String(r.model_id)));
  expect(names).toEqual(engine.map((r) => String(r.name)));
  // The notes sheet records the filter in force.
  expect(String(wb.worksheets[1]!.getCell('B2').value)).toContain(FIELD);

  const csv = await tools.download('models-list', 'csv');
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
  expect(lines).toHaveLength(expectedCount + 1);
  expect(lines[1]?.startsWith(`${String(engine[0]?.model_id)},`)).toBe(true);
  net.expectLoopbackOnly();
});

test('the overview becomes a 16:9 deck with one slide per chart, native charts and Vietnamese text', async ({
  page,
}) => {
  const net = new NetworkLog(page);
  const app = new AppShell(page);
  const overview = new OverviewPage(page);
  const tools = new ExportTools(page);
  await app.open('#/overview');
  await app.waitForMark('overview-rendered');
  await overview.waitUntilSettled();
  const titles = await page.locator('[data-chart] .card__title').allTextContents();
  expect(titles.length).toBeGreaterThanOrEqual(2);

  const { bytes } = await tools.deck();
  const zip = unzip(bytes);
  const slides = [...zip.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
  expect(slides).toHaveLength(titles.length + 1);
  const pres = zip.get('ppt/presentation.xml')!.toString('utf8');
  const size = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(pres);
  expect(Number(size?.[1]) / Number(size?.[2])).toBeCloseTo(16 / 9, 2);
  const text = slides.map((s) => zip.get(s)!.toString('utf8')).join('');
  expect(text).toContain('DVK Atlas — Tổng quan');
  for (const t of titles) expect(text).toContain(t);
  expect(text).toContain('Bộ lọc: Không lọc');
  const charts = [...zip.keys()].filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
  expect(charts.length).toBeGreaterThanOrEqual(1);
  expect(zip.get(charts[0]!)!.toString('utf8')).toMatch(/<c:(bar|line|pie)Chart>/);
  net.expectLoopbackOnly();
});

test('printing the overview gives an A4 landscape PDF with a page per chart', async ({ page }) => {
  const app = new AppShell(page);
  const overview = new OverviewPage(page);
  await app.open('#/overview');
  await app.waitForMark('overview-rendered');
  await overview.waitUntilSettled();
  const charts = await page.locator('[data-chart]').count();
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  fs.mkdirSync('test-results/exports', { recursive: true });
  fs.writeFileSync('test-results/exports/overview.pdf', pdf);
  // Page 1: the frame (title, filters, data date) and the figures; then one page per chart.
  expect(pdfPageCount(pdf)).toBe(1 + charts);
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(Buffer.from(pdf).toString('latin1'));
  // A4 landscape in points: 842 × 595.
  expect(Math.round(Number(box?.[1]))).toBe(842);
  expect(Math.round(Number(box?.[2]))).toBe(595);
});

test('dvk export re-renders a screen saved in the UI, with its filters, headless (PNG, SVG and PPTX)', async ({
  page,
}) => {
  const chromium = process.env.DVK_CHROMIUM ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    console.log(`skipped: dvk export needs Chromium and there is none at ${chromium}`);
    test.skip(true, `no Chromium at ${chromium}`);
  }
  test.setTimeout(300_000);
  const app = new AppShell(page);
  const overview = new OverviewPage(page);
  await app.open(`#/overview?field=${encodeURIComponent(FIELD)}`);
  await app.waitForMark('overview-rendered');
  await overview.waitUntilSettled();
  const name = 'Tổng quan an sinh (E2E)';
  await page.getByTestId('deck-menu').click();
  await page.getByTestId('screen-name').fill(name);
  await page.getByTestId('screen-save').click();
  await expect(page.getByText(`Đã lưu “${name}” cùng bộ lọc hiện tại.`)).toBeVisible();

  // The harness holds the workspace's lock: the CLI works on a copy (with its WAL).
  const info = (await harnessCall('workspace.info')) as { path: string };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvk-e2e-export-'));
  try {
    const copy = path.join(dir, 'copy.duckdb');
    fs.copyFileSync(info.path, copy);
    if (fs.existsSync(`${info.path}.wal`)) fs.copyFileSync(`${info.path}.wal`, `${copy}.wal`);
    const run = (format: string, out: string) =>
      promisify(execFile)(
        process.execPath,
        ['bin/dvk.mjs', 'export', '--workspace', copy, '--view', name, '--format', format, '--out', out],
        {
          cwd: path.resolve(import.meta.dirname, '../..'),
          env: { ...process.env, DVK_HOME: path.join(dir, 'home') },
        },
      );
    const pngFile = path.join(dir, 'overview.png');
    const png = await run('png', pngFile);
    expect(png.stdout.trim()).toBe(pngFile);
    const img = decodePng(fs.readFileSync(pngFile));
    expect([img.width, img.height]).toEqual([2560, 1440]);
    expect(inkShare(img)).toBeGreaterThan(0.01);

    const svgFile = path.join(dir, 'overview.svg');
    await run('svg', svgFile);
    const svg = fs.readFileSync(svgFile, 'utf8');
    expect(svg).toMatch(/^<svg[^>]*width="1280" height="720"/);
    expect(svg).toContain(`Lĩnh vực: ${FIELD}`);

    const deckFile = path.join(dir, 'overview.pptx');
    await run('pptx', deckFile);
    const zip = unzip(fs.readFileSync(deckFile));
    const slides = [...zip.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(slides).toHaveLength(1 + (await page.locator('[data-chart]').count()));
    // The saved filter is in force in the headless export.
    expect(slides.map((s) => zip.get(s)!.toString('utf8')).join('')).toContain(`Lĩnh vực: ${FIELD}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
