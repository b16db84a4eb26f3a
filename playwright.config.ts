/**
 * End-to-end tests on the web harness (`dvk serve`) in Debian's Chromium. The global setup starts the
 * harness on a fresh sample workspace and passes its tokenised URL as DVK_HARNESS_URL. Build the
 * renderer first: `npx electron-vite build && npx playwright test`.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  globalSetup: './test/e2e/global-setup.ts',
  timeout: 60_000,
  // One engine behind the harness: keep the paths sequential so they do not supersede each other.
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.DVK_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
});
