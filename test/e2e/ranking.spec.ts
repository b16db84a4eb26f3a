/**
 * Ranking → shortlist → restart → brief, as a person does it: rank with a preset, open a model's
 * breakdown, shortlist three models and write notes, restart the harness (a second `dvk serve` on the
 * same DVK_HOME after stopping the first), see the shortlist intact, export the brief and read it back.
 * Runs on a private harness seeded with a copy of the global harness's workspace, so the restart does
 * not disturb the other specs. A second path checks that the table is the engine's page (sort, flag
 * filter, "show more", a breakdown of a model off the page, the export of the whole table) against the
 * engine's own whole ranking, read with the CLI from a copy of the same workspace.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { expect, test, type Page } from '@playwright/test';
import { FLAG_CODES, RANK_PRESETS } from '../../shared/rank-spec';
import { ExportTools } from './pages/export-page';
import { cliQuery, harnessCall, NetworkLog } from './pages/harness';
import { PrivateHarness, RankingPage, ShortlistPage } from './pages/ranking-page';

test.use({ viewport: { width: 1500, height: 950 } });
test.setTimeout(300_000);

const NOTES = [
  'Nhân rộng cho các phường trung tâm',
  'Cần kiểm tra số liệu quý IV',
  'Mô hình tiêu biểu, ưu tiên',
];
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screens/ranking-${name}.png` });

let harness: PrivateHarness;

test.beforeAll(async () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dvk-e2e-ranking-'));
  const info = (await harnessCall('workspace.info')) as { path: string };
  fs.copyFileSync(info.path, path.join(home, 'sample.duckdb'));
  harness = new PrivateHarness(home);
  await harness.start();
});
test.afterAll(async () => {
  await harness.stop();
  harness.cleanup();
});

test('rank with a preset, explain a score, shortlist three models, restart, export the brief', async ({
  page,
}) => {
  const net = new NetworkLog(page);
  const ranking = new RankingPage(page);
  await page.goto(harness.at('#/ranking'));
  await expect(ranking.rows.first()).toBeVisible({ timeout: 60_000 });

  // A preset for a common question: administrative turnaround with satisfaction.
  await ranking.choosePreset('fast_turnaround_satisfaction');
  await expect(ranking.rows.first().locator('td').nth(4)).toHaveText('Cải cách hành chính');
  await expect(page.getByTestId('rank-count')).toContainText('mô hình được xếp hạng');
  await shot(page, 'table');

  // The breakdown explains the top score: two components, each with percentile and weight, and the peers.
  const top = await ranking.firstIds(3);
  expect(top.length).toBe(3);
  await ranking.row(top[0] ?? '').click();
  await expect(ranking.breakdown).toBeVisible();
  await expect(ranking.breakdown.locator('tbody tr')).toHaveCount(2);
  await expect(ranking.breakdown.locator('tbody tr').first()).toContainText(
    'Thời gian trả kết quả trung bình',
  );
  await expect(page.getByTestId('peer-compare').locator('.peer-compare__line--median')).toHaveCount(2);
  await shot(page, 'breakdown');

  // The flag filter keeps only flagged models, with their badges.
  await page.getByTestId('rank-flag-filter').selectOption('after_completion');
  const flagged = await ranking.rows.count();
  if (flagged > 0) await expect(ranking.rows.first().locator('[data-flag="after_completion"]')).toBeVisible();
  await page.getByTestId('rank-flag-filter').selectOption('');

  for (const id of top) await ranking.shortlist(id);

  // Notes, an owner and a status on the shortlist page.
  const shortlist = new ShortlistPage(page);
  await page.locator('nav a[data-view="shortlist"]').click();
  await expect(shortlist.rows).toHaveCount(3);
  for (const [i, id] of top.entries()) await shortlist.addNote(id, NOTES[i] ?? '');
  await shortlist.setOwner(top[0] ?? '', 'Trần Văn Bình');
  await shortlist.setStatus(top[1] ?? '', 'approved');
  await shortlist
    .row(top[0] ?? '')
    .locator('.shortlist-table__name')
    .click();
  await expect(page.getByTestId('coverage-panel')).toContainText('phường/xã');
  // With the coverage panel open, every row's note and its save button still fit inside the list's card
  // (they used to run past its right edge, clipped).
  const card = await page.locator('.shortlist__list').boundingBox();
  for (const id of top)
    for (const testId of ['shortlist-note', 'shortlist-save-note', 'shortlist-status', 'shortlist-owner']) {
      const box = await shortlist.row(id).getByTestId(testId).boundingBox();
      expect(box && card && box.x + box.width <= card.x + card.width, `${id} ${testId} inside the card`).toBe(
        true,
      );
    }
  await shot(page, 'shortlist');

  // A real restart: stop the serving process, start a new one on the same home, open its new URL.
  await harness.stop();
  await harness.start();
  await page.goto(harness.at('#/shortlist'));
  await expect(shortlist.rows).toHaveCount(3);
  for (const [i, id] of top.entries())
    await expect(shortlist.row(id).getByTestId('shortlist-note')).toHaveValue(NOTES[i] ?? '');
  await expect(shortlist.row(top[0] ?? '').getByTestId('shortlist-owner')).toHaveValue('Trần Văn Bình');
  await expect(shortlist.row(top[1] ?? '').getByTestId('shortlist-status')).toHaveValue('approved');
  await shot(page, 'after-restart');

  // The brief, exported by the engine, read back.
  const names = await Promise.all(
    top.map((id) => shortlist.row(id).locator('.shortlist-table__name').innerText()),
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvk-e2e-brief-'));
  try {
    const [xlsxDl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('brief-xlsx').click(),
    ]);
    const xlsxFile = path.join(dir, 'brief.xlsx');
    await xlsxDl.saveAs(xlsxFile);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsxFile);
    const list = wb.getWorksheet('Danh sách');
    expect([2, 3, 4].map((r) => list?.getRow(r).getCell(2).value)).toEqual(top);
    expect([2, 3, 4].map((r) => list?.getRow(r).getCell(3).value)).toEqual(names);
    expect([2, 3, 4].map((r) => list?.getRow(r).getCell(15).value)).toEqual(NOTES);
    expect(list?.getRow(3).getCell(9).value).toBe('Đã duyệt nhân rộng');

    const [pptxDl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('brief-pptx').click(),
    ]);
    const pptxFile = path.join(dir, 'brief.pptx');
    await pptxDl.saveAs(pptxFile);
    const zip = await JSZip.loadAsync(fs.readFileSync(pptxFile));
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides.length).toBe(4);
    for (const [i, name] of names.entries()) {
      const xml = (await zip.file(`ppt/slides/slide${i + 2}.xml`)?.async('string')) ?? '';
      expect(xml).toContain(name.replace(/&/g, '&amp;'));
      expect(xml).toContain(NOTES[i]);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  await shot(page, 'exported');

  // The Models page offers the same star on every row: add one more model, see it listed, take it off.
  await page.locator('nav a[data-view="models"]').click();
  const star = page.locator('.models-table [data-row-index="0"] [data-shortlist-toggle]');
  await expect(star).toHaveAttribute('aria-pressed', 'false');
  await star.click();
  await expect(star).toHaveAttribute('aria-pressed', 'true');
  const added = (await star.getAttribute('data-shortlist-toggle')) ?? '';
  await shot(page, 'models-star');
  await page.locator('nav a[data-view="shortlist"]').click();
  await expect(shortlist.rows).toHaveCount(4);
  await expect(shortlist.row(added)).toBeVisible();
  await shortlist.row(added).locator('.shortlist-table__remove').click();
  await expect(shortlist.rows).toHaveCount(3);
  net.expectLoopbackOnly();
});

/** One ranked model as the engine lists it. */
interface Ranked {
  id: string;
  name: string;
  rank: number;
  flags: string[];
}

test('the table is the engine’s page: show more, sort by name, a flag filter, a breakdown off the page', async ({
  page,
}) => {
  const net = new NetworkLog(page);
  const ranking = new RankingPage(page);
  const tools = new ExportTools(page);
  const vi = new Intl.NumberFormat('vi-VN');
  const collator = new Intl.Collator('vi');
  const preset = RANK_PRESETS[0];
  if (!preset) throw new Error('no ranking preset');
  // The view's spec at first: the first preset with the (empty) global filter over its own filter.
  const base = { ...preset.spec, filter: { ...(preset.spec.filter ?? {}) } };
  const all: Ranked[] = (await cliQuery(base)).map((r) => ({
    id: String(r.model_id),
    name: String(r.name),
    rank: Number(r.rank),
    flags: r.flag_codes ? String(r.flag_codes).split(',') : [],
  }));
  expect(all.length).toBeGreaterThan(200);
  const ids = (list: readonly Ranked[]) => list.map((r) => r.id);
  // Names in Vietnamese collation order, ties in rank order: what sorting by name must give.
  const byName = (list: readonly Ranked[]) =>
    [...list].sort((a, b) => collator.compare(a.name, b.name) || a.rank - b.rank);

  await page.goto(harness.at('#/ranking'));
  await expect(ranking.rows).toHaveCount(100, { timeout: 60_000 });
  expect(await ranking.ids()).toEqual(ids(all.slice(0, 100)));
  await expect(page.getByTestId('rank-count')).toContainText(vi.format(all.length));
  await expect(ranking.shown).toHaveText(`Hiển thị 100 / ${vi.format(all.length)}`);

  // "Show more" appends the next hundred under the first.
  await ranking.showMore();
  await expect(ranking.rows).toHaveCount(200);
  expect(await ranking.ids()).toEqual(ids(all.slice(0, 200)));
  await expect(ranking.shown).toHaveText(`Hiển thị 200 / ${vi.format(all.length)}`);

  // A model of the first hundred by rank that the name order puts past its first hundred.
  const named = byName(all);
  const later = new Set(ids(named.slice(100)));
  const target = all.slice(0, 100).find((r) => later.has(r.id));
  if (!target) throw new Error('every one of the first hundred models sorts into the first hundred names');
  await ranking.row(target.id).click();
  await expect(ranking.breakdown.locator('#breakdown-title')).toHaveText(`Chi tiết điểm: ${target.name}`);

  // Sorting by name: the first hundred names in Vietnamese order ('Đ…' among the D's), the model off the
  // page, its breakdown still open with its rank among all.
  await ranking.sortBy('name');
  await expect(ranking.rows).toHaveCount(100);
  await expect.poll(() => ranking.ids()).toEqual(ids(named.slice(0, 100)));
  await expect(ranking.table.locator('th[aria-sort="ascending"]')).toContainText('Mô hình');
  await expect(ranking.row(target.id)).toHaveCount(0);
  await expect(ranking.breakdown.locator('#breakdown-title')).toHaveText(`Chi tiết điểm: ${target.name}`);
  await expect(ranking.breakdown.locator('.breakdown__meta')).toContainText(target.id);
  await expect(ranking.breakdown.locator('.breakdown__score')).toContainText(`#${vi.format(target.rank)}`);

  // The flag most models carry: only its rows, still by name, counted as the engine counts them.
  const flag = FLAG_CODES.map((code) => ({ code, rows: all.filter((r) => r.flags.includes(code)) })).sort(
    (a, b) => b.rows.length - a.rows.length,
  )[0];
  if (!flag || flag.rows.length === 0) throw new Error('no flagged model in the ranking');
  const counted = await cliQuery({ ...base, only: flag.code, counts: true, limit: 1 });
  const matching = Number(counted[0]?.matching);
  expect(matching).toBe(flag.rows.length);
  const first = Math.min(100, matching);
  await ranking.flagFilter(flag.code);
  await expect(ranking.shown).toHaveText(`Hiển thị ${vi.format(first)} / ${vi.format(matching)}`);
  await expect(ranking.rows).toHaveCount(first);
  await expect(ranking.rows.locator(`[data-flag="${flag.code}"]`)).toHaveCount(first);
  expect(await ranking.ids()).toEqual(ids(byName(flag.rows).slice(0, first)));
  await expect(page.getByTestId('rank-count')).toContainText(vi.format(all.length));
  await expect(ranking.breakdown.locator('#breakdown-title')).toHaveText(`Chi tiết điểm: ${target.name}`);
  await shot(page, 'paged');
  await ranking.shown.scrollIntoViewIfNeeded();
  await shot(page, 'paged-foot');

  // The export holds the whole table as shown (every flagged model, by name), titled so.
  const label =
    (await page.locator(`[data-testid="rank-flag-filter"] option[value="${flag.code}"]`).textContent()) ?? '';
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await tools.download('ranking-table', 'xlsx')).bytes as never);
  const sheet = wb.worksheets[0];
  expect(sheet?.rowCount).toBe(matching + 1);
  const exported: unknown[] = [];
  sheet?.eachRow((row, n) => {
    if (n > 1) exported.push(row.getCell(3).value);
  });
  expect(exported).toEqual(ids(byName(flag.rows)));
  expect(String(wb.worksheets[1]?.getCell('B1').value)).toBe(
    `Xếp hạng mô hình, xếp theo Mô hình (tăng dần) — chỉ mô hình có cờ “${label}”`,
  );

  // Leaving the flagged models out of the ranking: the page empties, and the breakdown of a flagged model
  // closes without an error (the model is no longer ranked).
  const flagged = (await ranking.ids())[0] ?? '';
  await ranking.row(flagged).click();
  await expect(ranking.breakdown.locator('.breakdown__meta')).toContainText(flagged);
  const left = await cliQuery({ ...base, exclude: [flag.code], counts: true, limit: 1 });
  await ranking.exclude(FLAG_CODES.indexOf(flag.code), true);
  await expect(page.getByTestId('rank-count')).toContainText(vi.format(Number(left[0]?.ranked)));
  await expect(ranking.breakdown).toHaveCount(0);
  await expect(page.locator('.state--error')).toHaveCount(0);
  net.expectLoopbackOnly();
});
