/**
 * Importing a boundary file through the import view on the harness: the preview shows how its
 * features match the units, the report lists the feature no unit matched with its likely unit, and the
 * user confirms it. The file reuses the sample's own geometry for the two units it names, so the
 * boundaries other specs draw are unchanged.
 */
import { expect, test } from '@playwright/test';
import type { BoundaryCollection } from '../../shared/map-spec';
import type { CatalogInfo } from '../../shared/api';
import type { GeoReview } from '../../shared/import-types';
import { AppShell } from './pages/app-shell';
import { harnessCall, NetworkLog } from './pages/harness';
import { ImportPage } from './pages/import-page';

test.use({ viewport: { width: 1440, height: 900 } });

test('a boundary file is matched in the preview, and an unmatched feature is confirmed in the report', async ({
  page,
}) => {
  const net = new NetworkLog(page);
  const catalog = (await harnessCall('catalog.get')) as CatalogInfo;
  const shapes = (await harnessCall('geo.boundaries')) as BoundaryCollection;
  const withShape = catalog.units.filter((u) => shapes.features.some((f) => f.properties.code === u.code));
  const [a, b] = withShape;
  expect(a && b).toBeTruthy();
  if (!a || !b) return;
  const shapeOf = (code: string) => shapes.features.find((f) => f.properties.code === code)?.geometry;
  // The second feature has no code and a name that is close to, but not, its unit's name.
  const looseName = `${b.name} (cũ)`;
  const geojson = JSON.stringify({
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { code: a.code, name: a.name }, geometry: shapeOf(a.code) },
      { type: 'Feature', properties: { name: looseName }, geometry: shapeOf(b.code) },
    ],
  });

  const app = new AppShell(page);
  const imp = new ImportPage(page);
  await app.open('#/overview');
  await imp.open();
  await imp.drop([{ name: 'e2e-ranh-gioi.geojson', content: geojson }]);
  await imp.waitReady('e2e-ranh-gioi.geojson');
  const card = imp.file('e2e-ranh-gioi.geojson');
  await expect(card.getByTestId('file-format')).toHaveText('GeoJSON');
  await expect(card.getByTestId('boundary-match-summary')).toContainText('1/2 ranh giới đã ghép được');
  await expect(card.getByTestId('boundary-unmatched-features')).toContainText(looseName);
  await expect(card.getByTestId('boundary-unmatched-features')).toContainText(b.name);
  await imp.screenshot('geo-import-1-preview', true);

  await imp.commitButton.click();
  await expect(imp.report).toBeVisible({ timeout: 60_000 });
  await expect(imp.rowsImported('e2e-ranh-gioi.geojson')).toHaveText('1');
  const review = page.getByTestId('geo-review');
  const row = review.locator(`tr[data-feature="${looseName}"]`);
  await expect(row).toBeVisible();
  const select = row.getByRole('combobox');
  // The likely unit is offered first, right after the placeholder.
  await expect(select.locator('option').nth(1)).toHaveAttribute('value', b.code);
  await expect(page.getByTestId('geo-confirm')).toBeDisabled();
  await select.selectOption(b.code);
  await imp.screenshot('geo-import-2-review', true);
  await page.getByTestId('geo-confirm').click();
  await expect(page.getByTestId('geo-review-saved')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('geo-review-empty')).toBeVisible();

  // The engine agrees: nothing waits, and the unit's boundary is the one the file gave it.
  const after = (await harnessCall('geo.review')) as GeoReview;
  expect(after.boundaries.find((x) => x.name === looseName)).toBeUndefined();
  const shapesAfter = (await harnessCall('geo.boundaries')) as BoundaryCollection;
  expect(shapesAfter.features.find((f) => f.properties.code === b.code)?.geometry).toEqual(shapeOf(b.code));
  net.expectLoopbackOnly();
});
