/**
 * Importing files through the UI on the harness: drop or choose files, preview and mapping, live
 * validation, commit with progress, the report with rejected rows and their CSV export, then the new
 * models in every view. The models use ids (MH-TEST-…) of their own; the other specs compare with the
 * engine's counts computed after this one has run, so the added models do not break them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { AppShell } from './pages/app-shell';
import { engineModelCount, harnessCall, NetworkLog } from './pages/harness';
import { ImportPage } from './pages/import-page';
import { ModelsPage } from './pages/models-page';
import { OverviewPage } from './pages/overview-page';

test.use({ viewport: { width: 1440, height: 900 } });

const MODELS_HEADER = 'STT,Mã mô hình,Tên mô hình,Mã ĐVHC,Lĩnh vực,Cơ quan chủ trì,Ngày bắt đầu,Tình trạng';

/** Three new models in existing units, and a fourth whose start date cannot be read (row 5). */
function modelsCsv(units: string[]): string {
  const u = (i: number) => units[i % units.length] ?? '';
  return [
    MODELS_HEADER,
    `1,MH-TEST-1,Mô hình thử nghiệm nhập một,${u(0)},An sinh xã hội,Hội Liên hiệp Phụ nữ,15/03/2024,Đang triển khai`,
    `2,MH-TEST-2,Mô hình thử nghiệm nhập hai,${u(1)},Bảo vệ môi trường,Đoàn Thanh niên,2024-05-01,Đang triển khai`,
    `3,MH-TEST-3,Mô hình thử nghiệm nhập ba,${u(2)},Cải cách hành chính,UBND phường/xã,06/2024,Đã hoàn thành`,
    `4,MH-TEST-4,Mô hình ngày sai,${u(0)},An sinh xã hội,Hội Nông dân,31/02/2024,Đang triển khai`,
    ',Tổng cộng,,,,,,',
  ].join('\r\n');
}

/**
 * Long-form values for the new models (Vietnamese number notation included), and April left blank the ways
 * reports write "not reported" (-, x, a dash, nothing): 4 cells, 3 of them funds, skipped and counted.
 */
function valuesCsv(): string {
  const rows = ['Mã mô hình;Kỳ báo cáo;Chỉ tiêu;Giá trị'];
  for (const id of ['MH-TEST-1', 'MH-TEST-2', 'MH-TEST-3']) {
    for (const m of ['01', '02', '03']) {
      rows.push(`${id};${m}/2025;Kinh phí vận động;1.250.000`);
      rows.push(`${id};2025-${m};participants;40`);
    }
  }
  rows.push('MH-TEST-1;04/2025;Kinh phí vận động;-', 'MH-TEST-2;04/2025;Kinh phí vận động;x');
  rows.push('MH-TEST-3;04/2025;Kinh phí vận động;', 'MH-TEST-1;04/2025;participants;–');
  return rows.join('\n');
}

let dir: string;
test.beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvk-e2e-import-'));
});
test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('files dropped anywhere open the import screen; unreadable files say why', async ({ page }) => {
  const net = new NetworkLog(page);
  const app = new AppShell(page);
  const imp = new ImportPage(page);
  await app.open('#/overview');
  await app.waitForMark('overview-rendered');

  const files = [
    { name: 'e2e-drop-models.csv', content: `${MODELS_HEADER}\n1,MH-DROP-1,Thả tệp,00001,An sinh xã hội,,,` },
    { name: 'e2e-empty.csv', content: '' },
    // An old-Excel signature over garbage: the engine cannot read it.
    {
      name: 'e2e-broken.xls',
      content: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(600).fill(7)],
    },
  ];
  await imp.dragOver(files);
  await expect(page.locator('.drop-target')).toBeVisible();
  await imp.screenshot('import-0-drag');
  await imp.drop(files);
  await expect(page.locator('.drop-target')).toHaveCount(0);
  await expect(app.heading).toHaveText('Nhập dữ liệu');
  expect(new URL(page.url()).hash).toMatch(/^#\/import/);

  await imp.waitReady('e2e-drop-models.csv');
  await expect(imp.kindSelect('e2e-drop-models.csv')).toHaveValue('models');
  const empty = imp.file('e2e-empty.csv');
  await expect(empty.locator('[data-error-code="FILE_EMPTY"]')).toBeVisible();
  await expect(empty.locator('.import-error__title')).toHaveText('Tệp trống, không có dữ liệu.');
  await expect(empty.locator('.import-error__place')).toContainText('e2e-empty.csv');
  const broken = imp.file('e2e-broken.xls');
  await expect(broken.locator('.import-error')).toBeVisible();
  await expect(broken.locator('.import-error__title')).toContainText('Không đọc được tệp');
  await expect(broken.locator('.import-error__action')).toContainText('.xlsx');
  await expect(imp.commitButton).toBeDisabled();
  await expect(imp.blockers).toContainText('Không đọc được tệp “e2e-empty.csv”');
  await imp.screenshot('import-0-dropped', true);

  // The same screen in English.
  await app.switchLanguage('en');
  await expect(app.heading).toHaveText('Import data');
  await expect(empty.locator('.import-error__title')).toHaveText('The file is empty.');
  await app.switchLanguage('vi');

  // Removing the unreadable file unblocks the import; "Bỏ tất cả" starts over without importing.
  await empty.getByRole('button', { name: 'Bỏ tệp e2e-empty.csv' }).click();
  await broken.getByRole('button', { name: 'Bỏ tệp e2e-broken.xls' }).click();
  await expect(imp.commitButton).toBeEnabled();
  await page.getByRole('button', { name: 'Bỏ tất cả' }).click();
  await expect(page.getByTestId('import-dropzone')).toBeVisible();
  net.expectLoopbackOnly();
});

test('import models and values: preview, mapping, progress, report, rejects CSV, new data everywhere', async ({
  page,
}) => {
  const net = new NetworkLog(page);
  const app = new AppShell(page);
  const imp = new ImportPage(page);
  const overview = new OverviewPage(page);
  const catalog = (await harnessCall('catalog.get')) as { units: { code: string }[] };
  const unitCodes = catalog.units.slice(0, 3).map((u) => u.code);
  expect(unitCodes).toHaveLength(3);
  const modelsFile = path.join(dir, 'e2e-models.csv');
  const valuesFile = path.join(dir, 'e2e-values.csv');
  fs.writeFileSync(modelsFile, `\uFEFF${modelsCsv(unitCodes)}`);
  fs.writeFileSync(valuesFile, valuesCsv());

  await app.open('#/overview');
  await app.waitForMark('overview-rendered');
  const before = await overview.kpiCount('models');

  // (a) choose the files
  await imp.open();
  await expect(app.heading).toHaveText('Nhập dữ liệu');
  await expect(imp.navButton).toHaveAttribute('aria-current', 'page');
  await imp.screenshot('import-1-choose');
  await imp.chooseFiles([modelsFile, valuesFile]);

  // (b) preview: kinds and suggested mapping
  await imp.waitReady('e2e-models.csv');
  await imp.waitReady('e2e-values.csv');
  const m = imp.file('e2e-models.csv');
  await expect(m.getByTestId('file-format')).toHaveText('CSV / văn bản');
  await expect(imp.kindSelect('e2e-models.csv')).toHaveValue('models');
  await expect(imp.target('e2e-models.csv', 0)).toHaveValue('row_number');
  await expect(imp.target('e2e-models.csv', 1)).toHaveValue('model_id');
  await expect(imp.target('e2e-models.csv', 2)).toHaveValue('name');
  await expect(imp.target('e2e-models.csv', 3)).toHaveValue('unit_code');
  await expect(imp.target('e2e-models.csv', 6)).toHaveValue('start_date');
  await expect(m.locator('.import-mapping tbody tr').first()).toContainText('MH-TEST-1');
  await expect(imp.kindSelect('e2e-values.csv')).toHaveValue('values_long');
  await expect(imp.target('e2e-values.csv', 2)).toHaveValue('indicator');
  await expect(imp.target('e2e-values.csv', 3)).toHaveValue('value');
  await expect(imp.commitButton).toBeEnabled();
  await imp.screenshot('import-2-preview', true);

  // Live validation: without a name column the import is blocked and says which column is missing.
  await imp.target('e2e-models.csv', 2).selectOption('');
  await expect(imp.commitButton).toBeDisabled();
  await expect(imp.blockers).toContainText('thiếu cột “Tên mô hình”');
  await expect(m.getByTestId('sheet-issues')).toContainText('Tên mô hình');
  await imp.screenshot('import-2-missing-column');
  await imp.target('e2e-models.csv', 2).selectOption('name');
  await expect(imp.commitButton).toBeEnabled();

  // (c) commit with progress
  await imp.commitButton.click();
  await expect(imp.progress).toBeVisible();
  await expect(imp.progress.getByRole('progressbar')).toBeVisible();
  await expect(imp.progress.getByTestId('import-cancel')).toBeVisible();
  // Screenshot once the bar has moved (unless the import finishes first).
  await expect.poll(async () => ((await imp.progressValue()) ?? 100) > 0).toBe(true);
  if ((await imp.progressValue()) !== null) await imp.screenshot('import-3-progress');

  // (d) report
  await expect(imp.report).toBeVisible({ timeout: 60_000 });
  await expect(imp.rowsImported('e2e-models.csv')).toHaveText('3');
  await expect(imp.rowsRejected('e2e-models.csv')).toHaveText('1');
  await expect(imp.rowsImported('e2e-values.csv')).toHaveText('18');
  await expect(imp.rowsRejected('e2e-values.csv')).toHaveText('0');
  // The blank cells are neither imported nor rejected: the report counts them, and names the indicators.
  const blank = imp.file('e2e-values.csv').getByTestId('values-blank');
  await expect(blank).toContainText(
    '4 ô giá trị để trống (không báo cáo) — không tính là 0 (18% số ô giá trị',
  );
  await expect(blank.getByTestId('values-blank-top')).toHaveText(
    'Để trống nhiều nhất: Kinh phí vận động (3 ô); Lượt người dân tham gia (1 ô).',
  );
  await expect(imp.file('e2e-models.csv').getByTestId('values-blank')).toHaveCount(0);
  await imp.screenshot('import-4-report', true);

  const rejects = await imp.showRejects('e2e-models.csv');
  const row = rejects.locator('tr[data-reject-row="5"]');
  await expect(row).toContainText('Ngày bắt đầu');
  await expect(row).toContainText('Ngày không đọc được');
  await expect(row).toContainText('31/02/2024');
  await imp.screenshot('import-5-rejects', true);

  const csv = await imp.exportRejects('e2e-models.csv');
  expect(csv.name).toBe('e2e-models-dong-bi-loai.csv');
  expect(csv.text.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.text.slice(1).trimEnd().split('\r\n');
  expect(lines).toEqual([
    'Dòng,Cột,Lý do,Mã lý do,Giá trị trong tệp',
    '5,Ngày bắt đầu,Ngày không đọc được,IMPORT_BAD_DATE,31/02/2024',
  ]);

  // "Xem dữ liệu": the Overview shows the new models, as the engine counts them.
  await imp.viewData();
  await expect(app.heading).toHaveText('Tổng quan');
  await expect.poll(() => overview.kpiCount('models')).toBe(before + 3);
  expect(await engineModelCount()).toBe(before + 3);
  await overview.waitUntilSettled();
  await imp.screenshot('import-6-overview');

  // Models: the new model is found by search and has its indicator values.
  const models = new ModelsPage(page);
  await app.goTo('models');
  await app.searchFor('MH-TEST-1');
  await expect.poll(() => models.firstIds(5)).toEqual(['MH-TEST-1']);
  await models.openRow(0);
  await expect(models.detail).toContainText('Mô hình thử nghiệm nhập một');
  await imp.screenshot('import-7-models');
  net.expectLoopbackOnly();
});
