/** Page object of the Models page: the virtualised, paged table and the detail panel. */
import { expect, type Locator, type Page, type WebSocket } from '@playwright/test';

/** A `models` spec the page sent to the engine (read from the WebSocket frames). */
export interface SentModelSpec {
  limit?: number;
  offset?: number;
  sort?: { by: string; dir?: string };
  filter?: Record<string, unknown>;
}

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

  /** The scrolling element of the table. */
  get scroller(): Locator {
    return this.page.locator('.models-table__scroller');
  }

  /** Scroll the list to `fraction` of its height (0 top, 1 end). */
  async scrollTo(fraction: number): Promise<void> {
    await this.scroller.evaluate((el, f) => {
      el.scrollTop = f * (el.scrollHeight - el.clientHeight);
    }, fraction);
  }

  /** Wait until every rendered row holds its model (no page still loading), then their indexes and ids. */
  async loadedRows(): Promise<{ index: number; id: string }[]> {
    await expect(this.page.locator('.models-table [data-placeholder]')).toHaveCount(0);
    await expect(this.rows.first()).toBeVisible();
    return this.rows.evaluateAll((els) =>
      els.map((el) => ({
        index: Number(el.getAttribute('data-row-index')),
        id: el.querySelector('.models-table__cell--model_id')?.textContent ?? '',
      })),
    );
  }

  /**
   * Record the `models` specs the page sends from now on (query requests on the API WebSocket); the
   * returned array fills as they go. Call before the page opens.
   */
  recordModelSpecs(): SentModelSpec[] {
    const sent: SentModelSpec[] = [];
    this.page.on('websocket', (ws: WebSocket) =>
      ws.on('framesent', ({ payload }) => {
        if (typeof payload !== 'string') return;
        try {
          const msg = JSON.parse(payload) as { method?: string; params?: { kind?: string } };
          if (msg.method === 'query' && msg.params?.kind === 'models') sent.push(msg.params as SentModelSpec);
        } catch {
          // Not JSON: an upload chunk.
        }
      }),
    );
    return sent;
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
