/**
 * Page objects of the Ranking and Shortlist pages, and a private `dvk serve` the ranking spec can stop and
 * start again on the same DVK_HOME (a real restart: a new process, a new token, the same workspace file).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** A `dvk serve` process of the test's own, on `home`. */
export class PrivateHarness {
  private child: ChildProcess | null = null;
  url = '';

  constructor(readonly home: string) {}

  /** Start `dvk serve` and wait for its URL. */
  async start(): Promise<string> {
    const child = spawn(process.execPath, ['bin/dvk.mjs', 'serve', '--port', '0'], {
      cwd: repoRoot,
      env: { ...process.env, DVK_HOME: this.home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const log: string[] = [];
    this.url = await new Promise<string>((resolve, reject) => {
      let buffer = '';
      const timer = setTimeout(() => reject(new Error(`dvk serve did not start:\n${log.join('')}`)), 240_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        log.push(chunk.toString('utf8'));
        const m = /^DVK_HARNESS_URL=(\S+)$/m.exec(buffer);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString('utf8')));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`dvk serve exited (${code}):\n${log.join('')}`));
      });
    });
    return this.url;
  }

  /** Stop the process with SIGTERM (its clean shutdown closes the workspace) and wait for it to exit. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  /** The URL with a hash route. */
  at(hash: string): string {
    const u = new URL(this.url);
    u.hash = hash;
    return u.href;
  }

  /** Remove the home folder (after `stop`). */
  cleanup(): void {
    fs.rmSync(this.home, { recursive: true, force: true });
  }
}

export class RankingPage {
  constructor(readonly page: Page) {}

  get table(): Locator {
    return this.page.getByTestId('rank-table');
  }
  get rows(): Locator {
    return this.table.locator('tbody tr');
  }
  get breakdown(): Locator {
    return this.page.getByTestId('rank-breakdown');
  }

  async choosePreset(id: string): Promise<void> {
    await this.page.getByTestId('rank-preset').selectOption(id);
  }

  /** Model ids of the first `n` rows. */
  async firstIds(n: number): Promise<string[]> {
    const ids = await this.rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-model-id') ?? ''));
    return ids.slice(0, n);
  }

  row(modelId: string): Locator {
    return this.table.locator(`tr[data-model-id="${modelId}"]`);
  }

  /** Model ids of every row on the page, in table order. */
  async ids(): Promise<string[]> {
    return this.rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-model-id') ?? ''));
  }

  /** "Hiển thị 100 / 7.612": rows shown of the rows matching. */
  get shown(): Locator {
    return this.page.getByTestId('rank-shown');
  }

  /** Click a column's sort button ('name', 'unit', 'field', 'flags', 'rank'). */
  async sortBy(column: string): Promise<void> {
    await this.table.locator(`.rank-table__head--${column} button`).click();
  }

  async flagFilter(code: string): Promise<void> {
    await this.page.getByTestId('rank-flag-filter').selectOption(code);
  }

  async showMore(): Promise<void> {
    await this.page.getByTestId('rank-show-more').click();
  }

  /** Tick or untick "leave out models flagged with" `index` (the order of FLAG_CODES). */
  async exclude(index: number, on: boolean): Promise<void> {
    await this.page.locator('.rank-controls__exclude input[type="checkbox"]').nth(index).setChecked(on);
  }

  async shortlist(modelId: string): Promise<void> {
    const star = this.row(modelId).locator(`[data-shortlist-toggle="${modelId}"]`);
    await star.click();
    await expect(star).toHaveAttribute('aria-pressed', 'true');
  }
}

export class ShortlistPage {
  constructor(readonly page: Page) {}

  get rows(): Locator {
    return this.page.getByTestId('shortlist-table').locator('tbody tr');
  }
  row(modelId: string): Locator {
    return this.page.locator(`tr[data-model-id="${modelId}"]`);
  }

  async addNote(modelId: string, note: string): Promise<void> {
    const r = this.row(modelId);
    await r.getByTestId('shortlist-note').fill(note);
    await r.getByTestId('shortlist-save-note').click();
    await expect(r.getByTestId('shortlist-save-note')).toBeDisabled();
  }

  async setOwner(modelId: string, owner: string): Promise<void> {
    const input = this.row(modelId).getByTestId('shortlist-owner');
    await input.fill(owner);
    await input.blur();
    await expect(this.row(modelId).locator('.shortlist-table__status')).not.toBeEmpty();
  }

  async setStatus(modelId: string, status: 'candidate' | 'approved' | 'rejected'): Promise<void> {
    await this.row(modelId).getByTestId('shortlist-status').selectOption(status);
    await expect(this.row(modelId).getByTestId('shortlist-status')).toHaveValue(status);
  }
}
