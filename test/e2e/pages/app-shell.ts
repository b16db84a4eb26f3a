/** Page object of the app shell: navigation, language switch, global search and filter bar. */
import { expect, type Locator, type Page } from '@playwright/test';
import { harnessUrl } from './harness';

/** Page ids, as in the URL hash. */
export type ViewId = 'overview' | 'pivot' | 'map' | 'trends' | 'models' | 'ranking' | 'shortlist';

export class AppShell {
  constructor(readonly page: Page) {}

  /** Open the app on a hash route (e.g. '#/models?q=cau'). */
  async open(hash = ''): Promise<void> {
    const url = harnessUrl();
    url.hash = hash;
    await this.page.goto(url.href);
    await expect(this.navLink('overview')).toBeVisible();
  }

  navLink(view: ViewId): Locator {
    return this.page.locator(`nav a[data-view="${view}"]`);
  }

  async goTo(view: ViewId): Promise<void> {
    await this.navLink(view).click();
    await expect(this.navLink(view)).toHaveAttribute('aria-current', 'page');
  }

  get heading(): Locator {
    return this.page.locator('.page-header__title');
  }

  get sampleBadge(): Locator {
    return this.page.getByTestId('sample-badge');
  }

  get search(): Locator {
    return this.page.getByTestId('global-search');
  }

  /** Type a search and press Enter (skips the debounce). */
  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    await this.search.press('Enter');
  }

  async switchLanguage(lang: 'vi' | 'en'): Promise<void> {
    await this.page.locator(`.lang-switch button[lang="${lang}"]`).click();
    await expect(this.page.locator('html')).toHaveAttribute('lang', lang);
  }

  /** Tick one value of a filter-bar checklist ('field', 'status', …), by its visible label. */
  async chooseFilter(filter: string, label: string): Promise<void> {
    const root = this.page.locator(`[data-filter="${filter}"]`);
    await root.locator('button[aria-haspopup]').click();
    await root.getByLabel(label, { exact: true }).check();
    await root.locator('button[aria-haspopup]').press('Escape');
  }

  get clearFilters(): Locator {
    return this.page.locator('.filter-bar__actions button');
  }

  /** Resolve once a performance mark exists (the benchmarks' render marks). */
  async waitForMark(name: string, count = 1): Promise<void> {
    await this.page.waitForFunction(
      ([n, c]) => performance.getEntriesByName(n as string, 'mark').length >= (c as number),
      [name, count] as const,
    );
  }

  /** Save a screenshot of the current screen under test-results/screens/. */
  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screens/${name}.png` });
  }
}
