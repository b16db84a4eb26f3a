/** Page object of the Models page: the virtualised table and the detail panel. */
import { expect, type Locator, type Page } from '@playwright/test';

export class ModelsPage {
  constructor(readonly page: Page) {}

  get count(): Locator {
    return this.page.getByTestId('models-count');
  }

  /** Rows currently rendered (the list is virtualised: only those near the viewport exist). */
  get rows(): Locator {
    return this.page.locator('.models-table [role="row"][data-row-index]');
  }

  /** The number of models the page says it lists ("527 mô hình" → 527), once the table is idle. */
  async total(): Promise<number> {
    await expect(this.page.locator('.models__table-host [aria-busy="true"]')).toHaveCount(0);
    await expect(this.count).toHaveText(/\d/);
    return Number(((await this.count.textContent()) ?? '').replace(/\D/g, ''));
  }

  /** Model ids of the first `n` rendered rows. */
  async firstIds(n: number): Promise<string[]> {
    const cells = this.page.locator('.models-table [data-row-index] .models-table__cell--model_id');
    await expect(cells.first()).toBeVisible();
    return (await cells.allTextContents()).slice(0, n);
  }

  sortBy(column: string): Promise<void> {
    return this.page.locator(`.models-table__sort[data-column="${column}"]`).click();
  }

  get detail(): Locator {
    return this.page.locator('.model-detail');
  }

  /** Open the details of the rendered row at `index`. */
  async openRow(index: number): Promise<void> {
    await this.rows.nth(index).click();
    await expect(this.detail.locator('.indicator').first()).toBeVisible();
  }
}
