import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../../electron/engine/workspace/workspace';
import { commitFiles } from '../../../electron/engine/import';
import { listBackups } from '../../../electron/engine/workspace/backup';
import { tempDir } from '../../helpers/workspace';
import { writeCsv } from '../../helpers/files';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const INDICATORS = [
  'beneficiaries',
  'participants',
  'labor_days',
  'meals_served',
  'trees_planted',
  'houses_built',
  'funds_mobilized_vnd',
  'households_supported',
];
const VALUES = 1000 * 36 * INDICATORS.length;
let t: ReturnType<typeof tempDir>;
let file: string;
let dataDir: string;
let valuesCsv: string;

async function counts(): Promise<{ values: number; ok: number; running: number }> {
  const ws = await Workspace.open({ path: file, dataDir });
  try {
    const r = await ws.rows<{ values: number; ok: number; running: number }>(
      `SELECT (SELECT count(*)::INTEGER FROM indicator_values) AS values,
              (SELECT count(*)::INTEGER FROM imports WHERE status = 'ok' AND kind = 'values_long') AS ok,
              (SELECT count(*)::INTEGER FROM imports WHERE status = 'running') AS running`,
    );
    return r[0] as { values: number; ok: number; running: number };
  } finally {
    ws.close();
  }
}

/** Start `dvk import` in a child process and SIGKILL it after `ms`; resolves when it is gone. */
function importAndKill(ms: number, target = file): Promise<'killed' | 'finished'> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/dvk.mjs', 'import', '--workspace', target, valuesCsv], {
      cwd: ROOT,
      env: { ...process.env, DVK_DATA_DIR: path.join(t.dir, 'cli-data') },
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL' ? 'killed' : 'finished');
    });
  });
}

beforeAll(async () => {
  t = tempDir();
  file = path.join(t.dir, 'Nguyễn Văn Ánh', 'Dữ liệu 2025', 'w.duckdb');
  dataDir = path.join(t.dir, 'data');
  const units = writeCsv(t.dir, 'units.csv', ['Mã ĐVHC,Tên đơn vị', '00001,Phường Một', '00002,Xã Hai']);
  const models = writeCsv(t.dir, 'models.csv', [
    'Mã mô hình,Tên mô hình,Mã ĐVHC',
    ...Array.from({ length: 1000 }, (_, i) => `MH-${i},Mô hình ${i},0000${(i % 2) + 1}`),
  ]);
  const ws = await Workspace.open({ path: file, dataDir });
  await commitFiles(ws, [units, models]);
  ws.close();
  const lines = ['Mã mô hình,Kỳ báo cáo,Chỉ tiêu,Giá trị'];
  for (let m = 0; m < 1000; m++)
    for (let month = 0; month < 36; month++)
      for (const ind of INDICATORS) {
        const period = `${2023 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
        lines.push(`MH-${m},${period},${ind},${(m * 7 + month) % 97}`);
      }
  valuesCsv = path.join(t.dir, 'chỉ tiêu.csv');
  fs.writeFileSync(valuesCsv, lines.join('\n') + '\n');
}, 120_000);
afterAll(() => t.cleanup());

describe('crash consistency', () => {
  it('after kill -9 at any point of an import the workspace holds the state before or after it, never between', async () => {
    // How long a whole import takes here (on a copy), so the kill points spread over all its phases.
    const probe = path.join(t.dir, 'probe.duckdb');
    fs.copyFileSync(file, probe);
    const t0 = Date.now();
    expect(await importAndKill(120_000, probe)).toBe('finished');
    const total = Date.now() - t0;
    const seen: string[] = [];
    for (const frac of [0.2, 0.45, 0.65, 0.8, 0.9, 0.97]) {
      const ms = Math.round(total * frac);
      const before = await counts();
      const outcome = await importAndKill(ms);
      const after = await counts();
      seen.push(`${ms}ms:${outcome}:${after.values}`);
      expect(after.running).toBe(0);
      // Either untouched, or the whole file landed (every value, one ok import of it).
      if (after.values === before.values) expect(after.ok).toBe(before.ok);
      else {
        expect(after.values).toBe(VALUES);
        expect(after.ok).toBe(1);
      }
    }
    // The last step runs to completion: the import works on the same, never-corrupted workspace.
    expect(await importAndKill(120_000)).toBe('finished');
    const done = await counts();
    expect(done).toMatchObject({ values: VALUES, ok: 1, running: 0 });
    const cliData = path.join(t.dir, 'cli-data');
    const backups = fs.readdirSync(cliData).flatMap((d) => listBackups(file, path.join(cliData, d)));
    expect(backups.length).toBeGreaterThan(0);
    console.log(`import ${total} ms; crash points: ${seen.join(', ')}`);
  }, 240_000);
});
