/** Page object of the export layer: per-item export menus, the header's deck/print/present tools. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Download, type Locator, type Page } from '@playwright/test';

const OUT = 'test-results/exports';

export class ExportTools {
  constructor(readonly page: Page) {}

  /** The export menu of one chart or table ('by-field', 'models-list'). */
  menu(itemId: string): Locator {
    return this.page.locator(`[data-export-for="${itemId}"]`);
  }

  status(itemId: string): Locator {
    return this.page.getByTestId(`export-status-${itemId}`);
  }

  /** Choose `action` ('png2', 'png3', 'svg', 'xlsx', 'csv') and return the downloaded file's path and bytes. */
  async download(itemId: string, action: string): Promise<{ file: string; bytes: Buffer }> {
    const menu = this.menu(itemId);
    await menu.locator('summary').click();
    const [dl] = await Promise.all([
      this.page.waitForEvent('download'),
      menu.locator(`[data-export="${action}"]`).click(),
    ]);
    return this.save(dl);
  }

  /** Click the copy action of a chart and return the status text it shows. */
  async copy(itemId: string): Promise<string> {
    const menu = this.menu(itemId);
    await menu.locator('summary').click();
    await menu.locator('[data-export="copy"]').click();
    const status = this.status(itemId);
    await expect(status).not.toHaveText(/^$|Đang xuất/);
    return (await status.textContent()) ?? '';
  }

  /** Download the slide deck of the current page (every item ticked). */
  async deck(): Promise<{ file: string; bytes: Buffer }> {
    await this.page.getByTestId('deck-menu').click();
    const [dl] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 60_000 }),
      this.page.getByTestId('deck-download').click(),
    ]);
    return this.save(dl);
  }

  private async save(dl: Download): Promise<{ file: string; bytes: Buffer }> {
    fs.mkdirSync(OUT, { recursive: true });
    const file = path.join(OUT, dl.suggestedFilename());
    await dl.saveAs(file);
    return { file, bytes: fs.readFileSync(file) };
  }
}
