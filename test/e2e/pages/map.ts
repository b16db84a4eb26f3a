/** Page object of the Map page: controls, the map canvas, the finder, legend and data table. */
import { expect, type Locator, type Page } from '@playwright/test';

export class MapPage {
  constructor(readonly page: Page) {}

  get map(): Locator {
    return this.page.getByTestId('map');
  }

  get canvas(): Locator {
    return this.map.locator('.echart');
  }

  get legend(): Locator {
    return this.page.getByTestId('map-legend');
  }

  get selection(): Locator {
    return this.page.getByTestId('map-selection');
  }

  /** Wait until the map has drawn the answer to its current settings and filter. */
  async waitReady(): Promise<void> {
    await expect(this.map).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  }

  /** Choose an option of a control ('mode', 'measure', 'indicator', 'field', 'per', 'method', …) by value. */
  async choose(control: string, value: string): Promise<void> {
    await this.page.getByTestId(`map-${control}`).selectOption(value);
  }

  /** Find a unit by typed text and pick the suggestion for `code`: the map centres on it. */
  async find(text: string, code: string): Promise<void> {
    await this.page.getByTestId('map-find').fill(text);
    await this.page.locator(`.map-finder__list button[data-unit="${code}"]`).click();
  }

  /** Click the middle of the map (where a found unit is centred). */
  async clickCentre(): Promise<void> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('map canvas not visible');
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  /** Hover the middle of the map and return the tooltip text. */
  async tooltipAtCentre(): Promise<string> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('map canvas not visible');
    await this.page.mouse.move(box.x + box.width / 2 - 1, box.y + box.height / 2 - 1);
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tip = this.map.locator('.echart > div').filter({ hasText: /\S/ }).last();
    await expect(tip).toBeVisible();
    return (await tip.innerText()).trim();
  }

  /** Legend class lines ("1.234 – 5.678 đồng (12 đơn vị)"). */
  async classTexts(): Promise<string[]> {
    return this.legend.locator('li[data-testid^="map-class-"]').allInnerTexts();
  }

  /** Units counted over the legend's classes and the no-data entry. */
  async classUnitTotal(): Promise<number> {
    const texts = await this.classTexts();
    return texts.reduce((s, x) => s + Number(/\((\d+) đơn vị\)/.exec(x)?.[1] ?? NaN), 0);
  }

  /** The data table's value (raw number) and model count for one unit. */
  async tableRow(code: string): Promise<{ value: number | null; models: number }> {
    const row = this.page.locator(`[data-testid="map-table"] tr[data-unit="${code}"]`);
    const v = await row.locator('td[data-value]').getAttribute('data-value');
    const m = await row.locator('td[data-models]').getAttribute('data-models');
    return { value: v === null || v === '' ? null : Number(v), models: Number(m) };
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screens/${name}.png` });
  }
}
