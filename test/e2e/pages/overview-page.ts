/** Page object of the Overview: KPI tiles and charts. */
import { expect, type Locator, type Page } from '@playwright/test';

/** KPI tile ids. */
export type KpiId = 'models' | 'active' | 'units' | 'funds' | 'beneficiaries' | 'households';

export class OverviewPage {
  constructor(readonly page: Page) {}

  tile(id: KpiId): Locator {
    return this.page.locator(`[data-kpi="${id}"]`);
  }

  /** The figure of a tile once loaded ("9.593"). */
  async kpiText(id: KpiId): Promise<string> {
    const n = this.tile(id).locator('.kpi__number');
    await expect(n).toBeVisible();
    return (await n.textContent()) ?? '';
  }

  /** A count tile as a number (digits only: "9.593" → 9593). */
  async kpiCount(id: KpiId): Promise<number> {
    return Number((await this.kpiText(id)).replace(/\D/g, ''));
  }

  chart(id: 'by-field' | 'funds-by-month'): Locator {
    return this.page.locator(`[data-chart="${id}"]`);
  }

  /** Wait until both charts have drawn a canvas and no tile or chart is busy. */
  async waitUntilSettled(): Promise<void> {
    await expect(this.chart('by-field').locator('canvas')).toBeVisible();
    await expect(this.chart('funds-by-month').locator('canvas')).toBeVisible();
    await expect(this.page.locator('[aria-busy="true"]')).toHaveCount(0);
  }
}
