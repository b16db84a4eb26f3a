/** Page object of the Pivot page: field list, wells, toolbar, grid, export and saved views. */
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export class PivotPage {
  constructor(readonly page: Page) {}

  get grid(): Locator {
    return this.page.getByTestId('pivot-grid');
  }

  well(axis: 'rows' | 'columns' | 'values'): Locator {
    return this.page.getByTestId(`pivot-well-${axis}`);
  }

  /** Remove every dimension from a well with its × buttons. */
  async clearWell(axis: 'rows' | 'columns'): Promise<void> {
    const remove = this.well(axis).locator('.pivot-chip__actions button:last-child');
    while ((await remove.count()) > 0) await remove.first().click();
  }

  /** Put a dimension on an axis with the field list's button (the keyboard path). */
  async addDimension(dim: string, axis: 'rows' | 'columns'): Promise<void> {
    const item = this.page.locator(`[data-field="${dim}"]`);
    await item
      .locator('button')
      .nth(axis === 'rows' ? 0 : 1)
      .click();
    await expect(this.well(axis).locator(`[data-chip="${dim}"]`)).toBeVisible();
  }

  /** Add a measure ('count_models', an indicator code) to Values. */
  async addMeasure(id: string): Promise<void> {
    await this.page.locator(`[data-measure="${id}"] button`).click();
  }

  async setGrain(grain: 'month' | 'quarter' | 'year'): Promise<void> {
    await this.page.locator('.pivot-toolbar select').first().selectOption(grain);
  }

  /** The grid once its result is current (not dimmed). */
  async settled(): Promise<void> {
    await expect(this.grid).toBeVisible();
    await expect(this.page.locator('.pivot__grid-host [aria-busy="true"]')).toHaveCount(0);
  }

  /** A value cell by its row keys ('A|x') and column key + value index ('2024-01-01#1'). */
  cell(rowKey: string, colKey: string): Locator {
    return this.grid.locator(`[data-row-kind="detail"][data-row-key="${rowKey}"] [data-col-key="${colKey}"]`);
  }

  /** Click an export button and wait for its download. */
  async export(format: 'xlsx' | 'csv'): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: format === 'xlsx' ? 'Xuất Excel' : 'Xuất CSV' }).click();
    return download;
  }

  async saveAs(name: string): Promise<void> {
    await this.page.locator('.pivot-saved__save input').fill(name);
    await this.page.locator('.pivot-saved__save button').click();
    await expect(this.page.locator('.pivot-saved__status')).toContainText(name);
  }

  async openSaved(name: string): Promise<void> {
    await this.page.locator('.pivot-saved__open select').selectOption(name);
    await this.page.locator('.pivot-saved__open button').first().click();
  }

  async deleteSaved(name: string): Promise<void> {
    await this.page.locator('.pivot-saved__open select').selectOption(name);
    await this.page.locator('.pivot-saved__open button').nth(1).click();
    await expect(this.page.locator(`.pivot-saved__open option[value="${name}"]`)).toHaveCount(0);
  }
}
