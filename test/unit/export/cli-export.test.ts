import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/dvk';
import { findChromium, savedViewTarget } from '../../../electron/cli/export';
import { EngineServer } from '../../../electron/engine/server';
import { formatHash } from '../../../renderer/src/state/url-hash';
import type { PivotSpec } from '../../../shared/pivot-spec';
import { viewLink } from '../../../shared/view-link';
import { insertTinyData } from '../../helpers/tiny-data';
import { openTemp } from '../../helpers/workspace';

const FIELD = 'Cải cách hành chính';
const pivot: PivotSpec = {
  kind: 'pivot',
  rows: ['field'],
  columns: [],
  values: [{ measure: { type: 'count_models' } }],
  filter: { fields: [FIELD] },
};

let t: Awaited<ReturnType<typeof openTemp>>;
let file: string;
const home = process.env.DVK_HOME;

beforeAll(async () => {
  t = await openTemp();
  file = t.ws.path;
  process.env.DVK_HOME = path.join(t.dir, 'home');
  await insertTinyData(t.ws);
  const server = new EngineServer(t.ws);
  await server.run('views.save', { name: 'Hành chính tháng', view: 'pivot', spec: pivot });
  await server.run('views.save', {
    name: 'Tổng quan hành chính',
    view: 'overview',
    spec: { hash: viewLink('overview', { fields: [FIELD] }) },
  });
  t.ws.close();
});
afterAll(() => {
  if (home === undefined) delete process.env.DVK_HOME;
  else process.env.DVK_HOME = home;
  t.cleanup();
});

/** Run the CLI, capturing what it prints. */
async function dvk(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const [stdout, stderr] = [process.stdout.write, process.stderr.write];
  let out = '';
  let err = '';
  process.stdout.write = ((s: string) => ((out += s), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write;
  try {
    return { code: await main(args), out, err };
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
  }
}

describe('dvk export', () => {
  it('writes the same view link as the app’s URL hash', () => {
    const filter = {
      fields: [FIELD, 'Y tế'],
      startYears: ['2022'],
      indicators: ['beneficiaries'],
      period: { from: '2024-01', to: '2024-12' },
      search: 'cầu',
    };
    expect(viewLink('overview', filter)).toBe(
      formatHash({ view: 'overview', filter, modelSort: null, selectedModel: null }),
    );
    const { filter: _f, ...layout } = pivot;
    expect(savedViewTarget({ name: 'x', view: 'pivot', spec: pivot, updated: '' }).hash).toBe(
      formatHash({
        view: 'pivot',
        filter: pivot.filter ?? {},
        modelSort: null,
        selectedModel: null,
        pivot: JSON.stringify(layout),
      }),
    );
  });

  it('re-exports a saved pivot as XLSX with its saved filter, without a browser', async () => {
    const out = path.join(t.dir, 'pivot.xlsx');
    const r = await dvk([
      'export',
      '--workspace',
      file,
      '--view',
      'Hành chính tháng',
      '--format',
      'xlsx',
      '--out',
      out,
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(out) as never);
    const data = wb.worksheets[0]!;
    // Only the saved field is left (2 models), then the grand total.
    expect(data.getCell('A2').value).toBe(FIELD);
    expect(data.getCell('B2').value).toBe(2);
    expect(String(wb.worksheets[1]!.getCell('B2').value)).toBe(`Lĩnh vực: ${FIELD}`);
  });

  it('says clearly when the view does not exist or no Chromium is there', async () => {
    const missing = await dvk([
      'export',
      '--workspace',
      file,
      '--view',
      'Không có',
      '--format',
      'png',
      '--out',
      path.join(t.dir, 'x.png'),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(
      /No saved view named "Không có"; saved views: .*"Tổng quan hành chính" \(overview\)/,
    );

    expect(findChromium('/nonexistent/chromium')).toBeNull();
    const noBrowser = await dvk([
      'export',
      '--workspace',
      file,
      '--view',
      'Tổng quan hành chính',
      '--format',
      'png',
      '--out',
      path.join(t.dir, 'x.png'),
      '--chromium',
      '/nonexistent/chromium',
    ]);
    expect(noBrowser.code).toBe(1);
    expect(noBrowser.err).toMatch(/error \[FILE_NOT_FOUND\]: No Chromium found/);
    expect(fs.existsSync(path.join(t.dir, 'x.png'))).toBe(false);
  });

  it('refuses an unknown format before touching anything', async () => {
    const r = await dvk([
      'export',
      '--workspace',
      file,
      '--view',
      'x',
      '--format',
      'gif',
      '--out',
      path.join(t.dir, 'x.gif'),
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/--format must be one of png, svg, xlsx, pptx/);
  });
});
