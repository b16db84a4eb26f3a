import { defineConfig } from '@playwright/test';

/** Playwright `_electron` tests: run where the Electron binary exists (a desktop or Windows CI). */
export default defineConfig({
  testDir: '.',
  testMatch: /.*\.electron\.spec\.ts/,
  outputDir: '../../test-results/electron',
  timeout: 120_000,
  workers: 1,
});
