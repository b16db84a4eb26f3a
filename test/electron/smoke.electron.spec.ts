import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { _electron as electron, expect, test } from '@playwright/test';

const require = createRequire(import.meta.url);
function electronBinary(): string | null {
  try {
    const p = require('electron') as unknown;
    return typeof p === 'string' && fs.existsSync(p) ? p : null;
  } catch {
    return null;
  }
}
const binary = electronBinary();
if (!binary)
  console.log(
    'Electron tests skipped: the Electron binary is not installed on this machine (it cannot be downloaded here).',
  );

test.describe('the desktop app', () => {
  test.skip(!binary, 'the Electron binary is not installed on this machine');

  test('opens on the sample workspace with a secure window and shows the Overview', async () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'dvk-electron-'));
    const app = await electron.launch({
      executablePath: binary as string,
      args: [path.resolve(import.meta.dirname, '../..'), `--user-data-dir=${userData}`],
    });
    try {
      const win = await app.firstWindow();
      await expect(win).toHaveTitle('DVK Atlas');
      const pageGlobals = await win.evaluate(() => ({
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        atlas: typeof (window as unknown as { atlas?: unknown }).atlas,
      }));
      expect(pageGlobals).toEqual({ require: 'undefined', process: 'undefined', atlas: 'object' });
      await expect(win.getByRole('navigation')).toBeVisible({ timeout: 90_000 });
      await win.screenshot({ path: 'test-results/electron/overview.png' });
    } finally {
      await app.close();
      fs.rmSync(userData, { recursive: true, force: true });
    }
  });
});
