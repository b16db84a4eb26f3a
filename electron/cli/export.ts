/**
 * `dvk export --workspace W --view NAME --format png|svg|xlsx|pptx --out FILE`: re-export a saved view
 * headless, so next month's deck is one scripted command. The saved view carries its filters; the
 * command serves the built UI in-process on a loopback port (the web harness), opens the view in
 * Chromium through playwright-core and uses the UI's own export (PNG/SVG of the first chart, XLSX of
 * the first table, the page's slide deck). A saved pivot's XLSX is written by the engine directly (the
 * same writer the UI's pivot export uses); no browser is needed for it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type * as PlaywrightCore from 'playwright-core';
import type { SavedView } from '../../shared/api';
import { AtlasError } from '../../shared/errors';
import { PivotSpecSchema, type PivotSpec } from '../../shared/pivot-spec';
import { DIMENSION_NAMES } from '../../shared/pivot-text';
import type { Filter } from '../../shared/specs';
import { viewLink } from '../../shared/view-link';
import { EngineServer } from '../engine/server';
import { Workspace } from '../engine/workspace/workspace';
import { startHarness } from '../harness/server';
import { defaultStaticDir, dvkHome } from './serve';

/** Formats `dvk export` writes. */
export const EXPORT_FORMATS = ['png', 'svg', 'xlsx', 'pptx'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Flags for Chromium in containers and CI (no sandbox, no GPU, nothing fetched). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

interface ExportOptions {
  workspace: string;
  view: string;
  format: string;
  out: string;
  scale: string;
  lang: string;
  chromium?: string;
  static?: string;
  timeout: string;
}

/** The Chromium to drive: --chromium, else $DVK_CHROMIUM or Debian's /usr/bin/chromium; null if absent. */
export function findChromium(explicit?: string): string | null {
  // An explicit choice is final: a wrong --chromium is an error, not a silent fallback.
  if (explicit) return fs.existsSync(explicit) ? explicit : null;
  const candidates = [process.env.DVK_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  return null;
}

/** What a saved view opens: its link, and for a pivot its spec (filter included). */
export function savedViewTarget(v: SavedView): { hash: string; pivot: PivotSpec | null } {
  if (v.view === 'pivot') {
    const p = PivotSpecSchema.safeParse(v.spec);
    if (!p.success) throw new AtlasError('SPEC_INVALID', `The saved pivot "${v.name}" is not a valid pivot`);
    const { filter = {}, ...layout } = p.data;
    return { hash: viewLink('pivot', filter, [['pivot', JSON.stringify(layout)]]), pivot: p.data };
  }
  const hash = (v.spec as { hash?: unknown } | null)?.hash;
  if (typeof hash === 'string' && hash.startsWith(`#/${v.view}`)) return { hash, pivot: null };
  throw new AtlasError('SPEC_INVALID', `The saved view "${v.name}" has no screen link to open`);
}

/** One line naming the filters (the pivot workbook's filters sheet). */
export function filterSummary(f: Filter, locale: 'vi' | 'en'): string {
  const names = DIMENSION_NAMES[locale];
  const lists: [keyof Filter, string][] = [
    ['provinces', names.province],
    ['units', names.unit],
    ['unitTypes', names.unit_type],
    ['fields', names.field],
    ['sponsors', names.sponsor],
    ['statuses', names.status],
    ['recognitions', names.recognition],
    ['startYears', names.start_year],
    ['indicators', names.indicator],
  ];
  const parts: string[] = [];
  for (const [k, name] of lists) {
    const v = f[k];
    if (Array.isArray(v) && v.length) parts.push(`${name}: ${v.join(', ')}`);
  }
  if (f.period?.from || f.period?.to)
    parts.push(`${names.period}: ${f.period.from ?? '…'} – ${f.period.to ?? '…'}`);
  if (f.search) parts.push(`${locale === 'vi' ? 'Tìm' : 'Search'}: ${f.search}`);
  return parts.length ? parts.join('; ') : locale === 'vi' ? 'Không lọc' : 'No filter';
}

function checkOptions(o: ExportOptions): {
  format: ExportFormat;
  scale: 2 | 3;
  lang: 'vi' | 'en';
  timeout: number;
} {
  if (!(EXPORT_FORMATS as readonly string[]).includes(o.format))
    throw new AtlasError('REQUEST_INVALID', `--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (o.scale !== '2' && o.scale !== '3') throw new AtlasError('REQUEST_INVALID', '--scale must be 2 or 3');
  if (o.lang !== 'vi' && o.lang !== 'en') throw new AtlasError('REQUEST_INVALID', '--lang must be vi or en');
  const timeout = Number(o.timeout);
  if (!Number.isFinite(timeout) || timeout < 1)
    throw new AtlasError('REQUEST_INVALID', '--timeout must be seconds');
  if (!fs.existsSync(o.workspace)) throw new AtlasError('FILE_NOT_FOUND', `No workspace at ${o.workspace}`);
  const dir = path.dirname(path.resolve(o.out));
  if (!fs.existsSync(dir)) throw new AtlasError('FILE_NOT_FOUND', `No folder for --out: ${dir}`);
  return {
    format: o.format as ExportFormat,
    scale: o.scale === '3' ? 3 : 2,
    lang: o.lang,
    timeout: timeout * 1000,
  };
}

/** Open the view in Chromium on the in-process harness and save the UI's export to `out`. */
async function exportInBrowser(
  server: EngineServer,
  hash: string,
  o: { format: ExportFormat; scale: 2 | 3; lang: 'vi' | 'en'; timeout: number; out: string },
  chromiumPath: string,
  staticDir: string,
): Promise<void> {
  let pw: typeof PlaywrightCore;
  try {
    pw = await import('playwright-core');
  } catch {
    throw new AtlasError('EXPORT_FAILED', 'playwright-core is not installed: run npm ci');
  }
  const harness = await startHarness({ server, staticDir, port: 0 });
  const browser = await pw.chromium.launch({
    executablePath: chromiumPath,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1440, height: 900 },
    });
    // The UI language is read from localStorage at start (page code, so given as text).
    await context.addInitScript({ content: `localStorage.setItem('dvk.lang', ${JSON.stringify(o.lang)});` });
    const page = await context.newPage();
    page.setDefaultTimeout(o.timeout);
    const url = new URL(harness.url);
    url.hash = hash;
    await page.goto(url.href);
    // Ready: the page's items are registered and nothing is loading.
    await page.getByTestId('present-open').and(page.locator(':enabled')).waitFor();
    // Locators, not page functions: the app's CSP forbids evaluating strings.
    await page.locator('[aria-busy="true"]').first().waitFor({ state: 'hidden' });
    let trigger: () => Promise<void>;
    if (o.format === 'pptx') {
      trigger = async () => {
        await page.getByTestId('deck-menu').click();
        await page.getByTestId('deck-download').click();
      };
    } else {
      const action = o.format === 'png' ? `png${o.scale}` : o.format;
      const menu = page.locator(`[data-export-for]:has([data-export="${action}"])`).first();
      if ((await menu.count()) === 0) {
        const what = o.format === 'xlsx' ? 'table' : 'chart';
        throw new AtlasError('EXPORT_FAILED', `The saved view shows no ${what} to export as ${o.format}`);
      }
      if (o.format !== 'xlsx')
        await page.locator('[data-chart] canvas, .pivot-chart canvas').first().waitFor();
      trigger = async () => {
        await menu.locator('summary').click();
        await menu.locator(`[data-export="${action}"]`).click();
      };
    }
    const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
    await download.saveAs(o.out);
  } finally {
    await browser.close();
    await harness.close();
  }
}

async function runExport(o: ExportOptions): Promise<void> {
  const opts = checkOptions(o);
  const out = path.resolve(o.out);
  const ws = await Workspace.open({
    path: path.resolve(o.workspace),
    dataDir: path.join(dvkHome(), 'engine-data'),
  });
  try {
    const server = new EngineServer(ws);
    const views = await server.run('views.list', {});
    const name = o.view.trim();
    const saved = views.find((v) => v.name === name);
    if (!saved) {
      const known = views.map((v) => `"${v.name}" (${v.view})`).join(', ') || 'none';
      throw new AtlasError('REQUEST_INVALID', `No saved view named "${name}"; saved views: ${known}`);
    }
    const target = savedViewTarget(saved);
    if (opts.format === 'xlsx' && target.pivot) {
      const file = await server.run('export.pivot', {
        spec: target.pivot,
        format: 'xlsx',
        title: saved.name,
        filtersText: filterSummary(target.pivot.filter ?? {}, opts.lang),
        locale: opts.lang,
      });
      fs.writeFileSync(out, file.bytes);
    } else {
      const chromium = findChromium(o.chromium);
      if (!chromium) {
        throw new AtlasError(
          'FILE_NOT_FOUND',
          'No Chromium found (looked at --chromium, $DVK_CHROMIUM, /usr/bin/chromium): install it (apt-get install chromium) or pass --chromium PATH',
        );
      }
      const staticDir = path.resolve(o.static ?? defaultStaticDir());
      if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
        throw new AtlasError(
          'FILE_NOT_FOUND',
          `No built renderer at ${staticDir}. Run \`npm run build\` first.`,
        );
      }
      await exportInBrowser(server, target.hash, { ...opts, out }, chromium, staticDir);
    }
    process.stdout.write(`${out}\n`);
  } finally {
    ws.close();
  }
}

/** Add `dvk export` to the program. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export a saved view (with its filters) headless: png | svg | xlsx | pptx')
    .requiredOption('--workspace <file>', 'workspace .duckdb file')
    .requiredOption('--view <name>', 'name of a saved view')
    .requiredOption('--format <f>', 'png | svg | xlsx | pptx')
    .requiredOption('--out <file>', 'file to write')
    .option('--scale <n>', 'PNG pixel ratio: 2 or 3', '2')
    .option('--lang <l>', 'language of titles and labels: vi | en', 'vi')
    .option('--chromium <path>', 'Chromium executable (default: $DVK_CHROMIUM or /usr/bin/chromium)')
    .option('--static <dir>', 'folder of the built renderer (default: out/renderer)')
    .option('--timeout <s>', 'seconds to wait for the view to draw', '120')
    .action(runExport);
}
