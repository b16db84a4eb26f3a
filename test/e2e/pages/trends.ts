/** Page object of the Trends view: the settings toolbar, the chart canvas and its brush. */
import { expect, type Locator, type Page } from '@playwright/test';

export class TrendsPage {
  constructor(readonly page: Page) {}

  get canvas(): Locator {
    return this.page.getByTestId('trends-canvas');
  }

  get period(): Locator {
    return this.page.getByTestId('trends-period');
  }

  async addIndicator(code: string): Promise<void> {
    await this.page.getByTestId('trends-add-indicator').selectOption(code);
    await expect(this.page.locator(`.trends__chip[data-indicator="${code}"]`)).toBeVisible();
  }

  async splitBy(dim: string, topN?: number): Promise<void> {
    await this.page.getByTestId('trends-split').selectOption(dim);
    if (topN !== undefined) await this.page.getByTestId('trends-topn').fill(String(topN));
  }

  async setGrain(grain: 'month' | 'quarter' | 'year'): Promise<void> {
    await this.page.getByTestId('trends-grain').selectOption(grain);
  }

  async setTransform(t: string): Promise<void> {
    await this.page.getByTestId('trends-transform').selectOption(t);
  }

  /** Wait until the chart has drawn the current result (canvas present, nothing loading). */
  async settled(): Promise<void> {
    await expect(this.canvas.locator('canvas').first()).toBeVisible();
    await expect(this.canvas).toHaveAttribute('data-rendered', /.*/);
    await expect(this.page.locator('.trends [aria-busy="true"]')).toHaveCount(0);
  }

  /**
   * Sweep the mouse across the first panel's time axis from fraction `a` to fraction `b` of its width
   * (the panel spans 5 %–47 % of the canvas with two panels per row, 5 %–97 % with one).
   */
  async brush(a: number, b: number, twoColumns: boolean): Promise<void> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('no trends canvas');
    const left = box.x + box.width * 0.05;
    const width = box.width * (twoColumns ? 0.42 : 0.92);
    const y = box.y + 36 + 22 + 90;
    await this.page.mouse.move(left + width * a, y);
    await this.page.mouse.down();
    await this.page.mouse.move(left + width * ((a + b) / 2), y, { steps: 5 });
    await this.page.mouse.move(left + width * b, y, { steps: 5 });
    await this.page.mouse.up();
  }
}
