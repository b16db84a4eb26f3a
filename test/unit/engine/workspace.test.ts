import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../../electron/engine/workspace/workspace';
import { SCHEMA_VERSION } from '../../../electron/engine/workspace/schema';
import { INDICATORS } from '../../../shared/catalog';
import { isAtlasError } from '../../../shared/errors';
import { openTemp, tempDir } from '../../helpers/workspace';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

describe('workspace', () => {
  it('creates the schema at the current version and seeds the indicator catalogue', async () => {
    const t = await openTemp();
    cleanups.push(t.cleanup);
    const v = await t.ws.rows<{ value: string }>(`SELECT value FROM meta WHERE key = 'schema_version'`);
    expect(Number(v[0]?.value)).toBe(SCHEMA_VERSION);
    const ind = await t.ws.rows<{ code: string; aggregation: string }>(
      'SELECT code, aggregation FROM indicators ORDER BY code',
    );
    expect(ind).toHaveLength(INDICATORS.length);
    expect(ind.find((i) => i.code === 'satisfaction_pct')?.aggregation).toBe('mean');
    expect(ind.find((i) => i.code === 'turnaround_minutes')?.aggregation).toBe('weighted_mean');
  });

  it('keeps data across close and reopen, without seeding the catalogue twice', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = path.join(t.dir, 'Nguyễn Văn Ánh', 'Dữ liệu 2025', 'w.duckdb');
    const a = await Workspace.open({ path: file, dataDir: path.join(t.dir, 'data') });
    await a.exec(`INSERT INTO notes VALUES ('MH-1', 'ghi chú', 'An', now()::TIMESTAMP)`);
    a.close();
    const b = await Workspace.open({ path: file, dataDir: path.join(t.dir, 'data') });
    expect(await b.rows('SELECT note FROM notes')).toEqual([{ note: 'ghi chú' }]);
    expect((await b.rows<{ n: number }>('SELECT count(*)::INTEGER AS n FROM indicators'))[0]?.n).toBe(
      INDICATORS.length,
    );
    b.close();
  });

  it('refuses a workspace written by a newer schema', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = path.join(t.dir, 'w.duckdb');
    const a = await Workspace.open({ path: file, dataDir: path.join(t.dir, 'data') });
    await a.exec(`UPDATE meta SET value = '999' WHERE key = 'schema_version'`);
    a.close();
    await expect(Workspace.open({ path: file, dataDir: path.join(t.dir, 'data') })).rejects.toSatisfy((e) =>
      isAtlasError(e, 'WORKSPACE_NEWER'),
    );
  });

  it('refuses to open the same file twice in one process', async () => {
    const t = await openTemp();
    cleanups.push(t.cleanup);
    await expect(Workspace.open({ path: t.ws.path, dataDir: path.join(t.dir, 'data2') })).rejects.toSatisfy(
      (e) => isAtlasError(e, 'WORKSPACE_LOCKED'),
    );
  });

  it('gives WORKSPACE_LOCKED when another process holds the file', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = path.join(t.dir, 'w.duckdb');
    const child = spawn(
      process.execPath,
      [
        '-e',
        `require('@duckdb/node-api').DuckDBInstance.create(${JSON.stringify(file)}).then(async i => { await (await i.connect()).run('CREATE TABLE x(a INT)'); console.log('ready'); setInterval(() => {}, 1000); })`,
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
        child.on('exit', () => reject(new Error('holder exited')));
      });
      await expect(Workspace.open({ path: file, dataDir: path.join(t.dir, 'data') })).rejects.toSatisfy((e) =>
        isAtlasError(e, 'WORKSPACE_LOCKED'),
      );
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('refuses extension installs and loads without trying the network', async () => {
    const t = await openTemp();
    cleanups.push(t.cleanup);
    await expect(t.ws.rows(`SELECT * FROM st_read('x.shp')`)).rejects.toThrow(/spatial/i);
    await expect(t.ws.exec('INSTALL spatial')).rejects.toThrow(/disabled|Permission/i);
    await expect(t.ws.exec('LOAD spatial')).rejects.toThrow(/disabled|Permission/i);
    await expect(t.ws.exec(`SET autoinstall_known_extensions = true`)).rejects.toThrow(/locked/i);
    expect(fs.readdirSync(path.join(t.dir, 'data', 'extensions'))).toEqual([]);
  });

  it('lets DuckDB read only files staged in the workspace data folder', async () => {
    const t = await openTemp();
    cleanups.push(t.cleanup);
    const outside = path.join(t.dir, 'outside.csv');
    fs.writeFileSync(outside, 'a,b\n1,2\n');
    await expect(
      t.ws.rows({ build: () => ({ text: 'SELECT * FROM read_csv($1)', params: [outside] }) } as never),
    ).rejects.toThrow(/disabled by configuration|Permission/i);
    const inside = path.join(t.ws.stagingDir, 'inside.csv');
    fs.writeFileSync(inside, 'a,b\n1,2\n');
    const r = await t.ws.rows<{ a: number }>({
      build: () => ({ text: 'SELECT a::INTEGER AS a FROM read_csv($1)', params: [inside] }),
    } as never);
    expect(r).toEqual([{ a: 1 }]);
  });

  it('rolls a failed transaction back completely', async () => {
    const t = await openTemp();
    cleanups.push(t.cleanup);
    await expect(
      t.ws.transaction(async () => {
        await t.ws.exec(`INSERT INTO notes VALUES ('MH-1', 'a', NULL, NULL)`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await t.ws.rows('SELECT * FROM notes')).toEqual([]);
  });
});
