/** Page object of the import screen: choosing or dropping files, the preview, the commit and the report. */
import fs from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

/** A file made inside the page (for simulated drops). */
export interface PageFile {
  name: string;
  /** Text content, or raw bytes. */
  content: string | number[];
}

export class ImportPage {
  constructor(readonly page: Page) {}

  /** The sidebar's "Nhập dữ liệu" button. */
  get navButton(): Locator {
    return this.page.locator('a.sidebar__import');
  }

  async open(): Promise<void> {
    await this.navButton.click();
    await expect(this.page.locator('.import')).toBeVisible();
  }

  /** Choose files through the file chooser the "Chọn tệp…" button opens. */
  async chooseFiles(paths: string[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByTestId('import-choose').click();
    await (await chooser).setFiles(paths);
  }

  /** Drag files over the window (the drop hint shows), without dropping yet. */
  async dragOver(files: PageFile[]): Promise<void> {
    await this.dispatchDrag(files, ['dragenter', 'dragover']);
  }

  /** Drop files anywhere on the window, as a user dragging them from the file manager would. */
  async drop(files: PageFile[]): Promise<void> {
    await this.dispatchDrag(files, ['dragenter', 'dragover', 'drop']);
  }

  private async dispatchDrag(files: PageFile[], types: string[]): Promise<void> {
    await this.page.evaluate(
      ([list, events]) => {
        const dt = new DataTransfer();
        for (const f of list) {
          const body = typeof f.content === 'string' ? f.content : new Uint8Array(f.content);
          dt.items.add(new File([body], f.name));
        }
        const target = document.querySelector('main') ?? document.body;
        for (const type of events) {
          target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
        }
      },
      [files, types] as const,
    );
  }

  /** A file's card (preview or report) by file name. */
  file(name: string): Locator {
    return this.page.locator(`.import-file[data-file="${name}"]`);
  }

  /** Wait until a file has been staged and previewed. */
  async waitReady(name: string): Promise<void> {
    await expect(this.file(name)).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
  }

  kindSelect(name: string): Locator {
    return this.file(name).getByTestId('sheet-kind');
  }

  target(name: string, column: number): Locator {
    return this.file(name).getByTestId(`target-${column}`);
  }

  get commitButton(): Locator {
    return this.page.getByTestId('import-commit');
  }

  get blockers(): Locator {
    return this.page.getByTestId('import-blockers');
  }

  get progress(): Locator {
    return this.page.getByTestId('import-progress');
  }

  /** The progress bar's percentage, or null once the progress screen has gone. */
  async progressValue(): Promise<number | null> {
    const bar = this.progress.getByRole('progressbar');
    if ((await bar.count()) === 0) return null;
    return Number((await bar.getAttribute('aria-valuenow', { timeout: 1000 }).catch(() => null)) ?? 0);
  }

  get report(): Locator {
    return this.page.getByTestId('import-report');
  }

  /** Rows imported / rejected of a file's first sheet in the report. */
  rowsImported(name: string): Locator {
    return this.file(name).getByTestId('rows-imported').first();
  }

  rowsRejected(name: string): Locator {
    return this.file(name).getByTestId('rows-rejected').first();
  }

  async showRejects(name: string): Promise<Locator> {
    await this.file(name).getByTestId('show-rejects').first().click();
    const panel = this.file(name).getByTestId('rejects-panel');
    await expect(panel.locator('tbody tr').first()).toBeVisible();
    return panel;
  }

  /** Export a file's rejects to CSV; resolves with the downloaded name and text (BOM kept). */
  async exportRejects(name: string): Promise<{ name: string; text: string }> {
    const download = this.page.waitForEvent('download');
    await this.file(name).getByTestId('rejects-export').click();
    const d = await download;
    const path = await d.path();
    return { name: d.suggestedFilename(), text: fs.readFileSync(path, 'utf8') };
  }

  async viewData(): Promise<void> {
    await this.page.getByTestId('import-view-data').click();
  }

  async screenshot(name: string, fullPage = false): Promise<void> {
    await this.page.screenshot({ path: `test-results/screens/${name}.png`, fullPage });
  }
}
