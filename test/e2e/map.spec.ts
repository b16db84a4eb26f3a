/**
 * The Map on the sample workspace: colour the units by an indicator (figures equal the engine's), find a
 * unit without diacritics, click it and see Overview and Models filtered to it, click again to clear;
 * points, replication lines and gaps; the map's settings kept in the URL across a reload, a model point
 * opening its details; and the map with a real boundary file from ../shared/geo.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { foldVi } from '../../shared/text';
import { AppShell } from './pages/app-shell';
import { cliQuery, engineModelCount, NetworkLog } from './pages/harness';
import { MapPage } from './pages/map';
import { ModelsPage } from './pages/models-page';
import { OverviewPage } from './pages/overview-page';

test.use({ viewport: { width: 1440, height: 1000 } });

const FUNDS = 'funds_mobilized_vnd';
const repoRoot = path.resolve(import.meta.dirname, '../..');
const realGeo = path.resolve(repoRoot, '../shared/geo');

test('colour by an indicator, click a unit: Overview and Models follow; click again clears', async ({
  page,
}) => {
  const net = new NetworkLog(page);
  const app = new AppShell(page);
  const map = new MapPage(page);
  await app.open('#/map');
  await map.waitReady();

  await map.choose('measure', 'indicator');
  await map.choose('indicator', FUNDS);
  await map.waitReady();
  await expect(map.map.locator('#map-title')).toContainText('Kinh phí vận động');

  // The figures on the page are the engine's: every unit, values and model counts.
  const rows = await cliQuery({ kind: 'map', measure: { type: 'indicator', indicator: FUNDS } });
  expect(rows).toHaveLength(170);
  expect(await map.classUnitTotal()).toBe(170);
  const classes = await map.classTexts();
  expect(classes.length).toBeGreaterThanOrEqual(3);
  expect(classes[0]).toMatch(/đồng/);
  const top = [...rows].sort((a, b) => Number(b.value) - Number(a.value))[0] as Record<string, unknown>;
  const topRow = await map.tableRow(String(top.unit_code));
  expect(topRow.value).toBeCloseTo(Number(top.value), 0);
  expect(topRow.models).toBe(top.models);
  await map.screenshot('map-sample');

  // Find a unit typed without diacritics; the map centres it; hovering shows its name and figure.
  const unit = rows.find((r) => /[ăâđêôơư]/i.test(String(r.unit_name)) && Number(r.models) > 20) ?? top;
  const code = String(unit.unit_code);
  const name = String(unit.unit_name);
  await map.find(foldVi(name).replace(/^(phuong|xa) /, ''), code);
  await map.waitReady();
  const tip = await map.tooltipAtCentre();
  expect(tip).toContain(name);
  expect(tip).toContain(`${new Intl.NumberFormat('vi-VN').format(Number(unit.models))} mô hình`);

  // Click it: the global unit filter is set (URL, filter bar) and the map outlines it.
  await map.clickCentre();
  await expect(map.selection).toContainText(name);
  // The hash follows after the hash sync's quiet time.
  await expect.poll(() => decodeURIComponent(page.url())).toContain(`unit=${code}`);
  await map.waitReady();
  await map.screenshot('map-selected');

  // Every other view follows.
  const expected = await engineModelCount({ units: [code] });
  expect(expected).toBe(unit.models);
  await app.goTo('overview');
  const overview = new OverviewPage(page);
  await expect(overview.tile('models').locator('.kpi__number')).toHaveText(
    new Intl.NumberFormat('vi-VN').format(expected),
  );
  await app.goTo('models');
  const models = new ModelsPage(page);
  expect(await models.total()).toBe(expected);
  await expect(
    page.locator('.models-table [data-row-index] .models-table__cell--unit_name').first(),
  ).toHaveText(name);

  // Back on the map, a second click on the same unit clears the filter.
  await app.goTo('map');
  await map.waitReady();
  await map.clickCentre();
  await expect(map.selection).toHaveCount(0);
  await expect.poll(() => decodeURIComponent(page.url())).not.toContain('unit=');
  await app.goTo('overview');
  await expect(overview.tile('models').locator('.kpi__number')).toHaveText(
    new Intl.NumberFormat('vi-VN').format(await engineModelCount()),
  );
  net.expectLoopbackOnly();
});

test('points by field, replication lines and gaps match the engine', async ({ page }) => {
  const net = new NetworkLog(page);
  const app = new AppShell(page);
  const map = new MapPage(page);
  await app.open('#/map');
  await map.waitReady();
  await page.getByTestId('map-reset').click();

  // Points: the sample's models with coordinates crowd, so the map shows their density; single points on demand.
  await map.choose('mode', 'points');
  await map.waitReady();
  const points = await cliQuery({ kind: 'map', layer: 'points' });
  const fmt = (n: number) => new Intl.NumberFormat('vi-VN').format(n);
  await expect(map.legend).toContainText(`${fmt(points.length)} mô hình có tọa độ`);
  await map.screenshot('map-density');
  await map.choose('point-style', 'points');
  await map.waitReady();
  await expect(map.legend.locator('li').first()).toContainText('(');
  await map.screenshot('map-points');

  // Replication: one line per (origin unit, replica unit) pair between different units.
  await map.choose('mode', 'replication');
  await map.waitReady();
  const lines = (await cliQuery({ kind: 'map', layer: 'replication' })).filter(
    (r) => r.from_unit !== r.to_unit,
  );
  const replicas = lines.reduce((s, r) => s + Number(r.models), 0);
  await expect(map.legend).toContainText(
    `${fmt(lines.length)} tuyến nhân rộng, ${fmt(replicas)} mô hình nhân rộng`,
  );
  await map.screenshot('map-replication');

  // Gaps of one field.
  const field = 'Du lịch bền vững';
  await map.choose('mode', 'gaps');
  await map.choose('field', field);
  await map.waitReady();
  const gaps = await cliQuery({ kind: 'map', layer: 'gaps', field });
  const n = gaps.filter((g) => g.gap === true).length;
  expect(n).toBeGreaterThan(0);
  await expect(map.legend).toContainText(
    `${fmt(n)} / ${fmt(gaps.length)} phường/xã chưa có mô hình lĩnh vực “${field}”`,
  );
  await map.screenshot('map-gaps');
  await app.switchLanguage('en');
  await expect(map.legend).toContainText(`${n} of ${gaps.length} communes have no model in`);
  await app.switchLanguage('vi');

  // Bubbles at unit label points, coloured by class; growth compares the first and last year.
  await map.choose('mode', 'bubbles');
  await map.choose('measure', 'growth');
  await map.choose('indicator', FUNDS);
  await map.waitReady();
  await expect(map.legend).toContainText('So sánh năm 2023 với năm 2025');
  expect(await map.classUnitTotal()).toBe(170);
  await map.screenshot('map-bubbles-growth');
  await map.choose('mode', 'choropleth');
  await map.choose('measure', 'count_models');
  net.expectLoopbackOnly();
});

test('map settings live in the URL: a reload keeps them; a model point opens its details', async ({
  page,
}) => {
  const net = new NetworkLog(page);
  const app = new AppShell(page);
  const map = new MapPage(page);
  await app.open('#/map');
  await map.waitReady();
  await page.getByTestId('map-reset').click();

  const chosen: Record<string, string> = {
    mode: 'bubbles',
    measure: 'indicator',
    indicator: FUNDS,
    method: 'equal',
    classes: '4',
    palette: 'viridis',
  };
  for (const [control, value] of Object.entries(chosen)) await map.choose(control, value);
  await map.waitReady();
  // Written after the hash sync's quiet time: only what differs from the defaults.
  await expect
    .poll(() => decodeURIComponent(page.url()))
    .toContain(
      'map={"mode":"bubbles","measure":"indicator","indicator":"funds_mobilized_vnd","method":"equal","classes":4,"palette":"viridis"}',
    );
  const title = await map.map.locator('#map-title').innerText();
  const classes = await map.classTexts();
  expect(classes).toHaveLength(4);

  await page.reload();
  await map.waitReady();
  for (const [control, value] of Object.entries(chosen))
    await expect(page.getByTestId(`map-${control}`)).toHaveValue(value);
  await expect(map.map).toHaveAttribute('data-mode', 'bubbles');
  await expect(map.map.locator('#map-title')).toHaveText(title);
  expect(await map.classTexts()).toEqual(classes);
  await map.screenshot('map-reloaded');

  // A malformed map setting in a pasted link falls back to the defaults, without an error.
  await app.open(`#/map?map=${encodeURIComponent('{"mode":"satellite","classes":99')}`);
  await map.waitReady();
  await expect(page.getByTestId('map-mode')).toHaveValue('choropleth');
  await expect(page.getByTestId('map-classes')).toHaveValue('5');

  // A model point (found through the engine) centred by the URL's zoom; clicking it opens its details.
  const points = await cliQuery({ kind: 'map', layer: 'points' });
  const p = points.find((r) => typeof r.lon === 'number' && String(r.name).length > 8) ?? points[0];
  expect(p).toBeDefined();
  const id = String(p?.model_id);
  const settings = {
    mode: 'points',
    pointStyle: 'points',
    view: { center: [Number(p?.lon), Number(p?.lat)], zoom: 40 },
  };
  await app.open(
    `#/map?q=${encodeURIComponent(String(p?.name))}&map=${encodeURIComponent(JSON.stringify(settings))}`,
  );
  await map.waitReady();
  await expect(map.map).toHaveAttribute('data-mode', 'points');
  await expect(page.getByTestId('map-point-style')).toHaveValue('points');
  await map.clickCentre();
  await expect(page).toHaveURL(new RegExp(`#/models\\?.*model=${id}`));
  await expect(page.locator('.model-detail')).toContainText(id);
  await map.screenshot('map-point-opens-model');
  // Back returns to the same map.
  await page.goBack();
  await map.waitReady();
  await expect(page.getByTestId('map-mode')).toHaveValue('points');
  net.expectLoopbackOnly();
});

test('a real boundary file from ../shared/geo imports through the CLI and maps', async ({ page }) => {
  test.skip(
    !fs.existsSync(path.join(realGeo, 'hcmc_communes_2025.geojson')),
    `../shared/geo is absent (${realGeo}): no real boundary file to map`,
  );
  test.setTimeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvk-e2e-map-real-'));
  const ws = path.join(dir, 'hcmc.duckdb');
  // A few models in real HCMC units so the map has something to shade (fields cycle; 0–4 per unit).
  const units = fs
    .readFileSync(path.join(realGeo, 'units_hcmc_cantho_2025.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.includes(',79,'))
    .map((l) => l.split(','));
  const fields = ['An sinh xã hội', 'Chỉnh trang đô thị', 'Bảo vệ môi trường'];
  let n = 0;
  const lines = ['Mã mô hình,Tên mô hình,Mã ĐVHC,Lĩnh vực'];
  units.forEach((u, i) => {
    for (let k = 0; k < (i * 7) % 5; k++) {
      n++;
      lines.push(`MH-${String(n).padStart(4, '0')},Mô hình ${n} ${u[2]},${u[0]},${fields[(i + k) % 3]}`);
    }
  });
  const modelsCsv = path.join(dir, 'mo_hinh.csv');
  fs.writeFileSync(modelsCsv, lines.join('\n') + '\n');
  const env = { ...process.env, DVK_HOME: dir, DVK_DATA_DIR: path.join(dir, 'data') };
  await promisify(execFile)(
    process.execPath,
    [
      'bin/dvk.mjs',
      'import',
      '--workspace',
      ws,
      path.join(realGeo, 'units_hcmc_cantho_2025.csv'),
      path.join(realGeo, 'hcmc_communes_2025.geojson'),
      modelsCsv,
    ],
    { cwd: repoRoot, env },
  );
  const server = spawn(process.execPath, ['bin/dvk.mjs', 'serve', '--workspace', ws, '--port', '0'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (c: Buffer) => {
        out += c.toString('utf8');
        const m = /^DVK_HARNESS_URL=(\S+)$/m.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      server.once('exit', (code) => reject(new Error(`dvk serve exited (${code}): ${out}`)));
    });
    const target = new URL(url);
    // Only HCMC: Cần Thơ's 103 units are registered here without a boundary file.
    target.hash = `#/map?province=${encodeURIComponent('Thành phố Hồ Chí Minh')}`;
    await page.goto(target.href);
    const map = new MapPage(page);
    await map.waitReady();
    await map.choose('per', 'per_km2');
    await map.waitReady();
    expect(await map.classUnitTotal()).toBe(168);
    await expect(map.legend).toContainText('103 đơn vị chưa có ranh giới');
    await map.screenshot('map-real-hcmc');
    await map.find('sai gon', '26740');
    await map.waitReady();
    expect(await map.tooltipAtCentre()).toContain('Phường Sài Gòn');
    await map.screenshot('map-real-hcmc-saigon');
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
