/**
 * The engine never reaches the network: queries needing an absent extension (spatial, httpfs, remote
 * URLs, S3, remote ATTACH) fail clearly, the extension folder stays empty (nothing was downloaded), the
 * settings that would allow it are off and cannot be turned back on (configuration is locked).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTemp } from '../../helpers/workspace';

let t: Awaited<ReturnType<typeof openTemp>>;
beforeAll(async () => {
  t = await openTemp();
});
afterAll(() => t.cleanup());

const extensionFiles = () => {
  const dir = path.join(t.ws.dataDir, 'extensions');
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }) : [];
};

describe('offline engine', () => {
  it('a query needing an absent extension fails clearly, and nothing is downloaded', async () => {
    const attempts = [
      `SELECT * FROM st_read('x.shp')`,
      `SELECT ST_Point(1, 2)`,
      `SELECT * FROM read_csv('https://example.com/data.csv')`,
      `SELECT * FROM read_parquet('s3://bucket/data.parquet')`,
      `SELECT * FROM read_json('http://127.0.0.1:9/x.json')`,
      `ATTACH 'https://example.com/remote.duckdb' AS remote`,
      `SELECT * FROM sqlite_scan('x.db', 't')`,
    ];
    for (const q of attempts) {
      const err = await t.ws.rows(q).then(
        () => null,
        (e: unknown) => (e instanceof Error ? e.message : String(e)),
      );
      expect(err, q).not.toBeNull();
      expect(err, q).toMatch(/extension|disabled|not (found|exist)|Permission|external/i);
    }
    for (const q of ['INSTALL spatial', 'INSTALL httpfs FROM core', 'LOAD httpfs', 'FORCE INSTALL spatial']) {
      await expect(t.ws.exec(q), q).rejects.toThrow();
    }
    expect(extensionFiles()).toEqual([]);
    // Even listing installed extensions touches the file system, which is closed to DuckDB.
    await expect(t.ws.rows('SELECT * FROM duckdb_extensions()')).rejects.toThrow(/disabled by configuration/);
  });

  it('autoinstall, autoload, community extensions and external access are off, and stay off', async () => {
    const settings = await t.ws.rows<{ name: string; value: string }>(
      `SELECT name, value FROM duckdb_settings() WHERE name IN
        ('autoinstall_known_extensions', 'autoload_known_extensions', 'allow_community_extensions',
         'enable_external_access', 'lock_configuration')`,
    );
    const byName = Object.fromEntries(settings.map((s) => [s.name, s.value]));
    expect(byName).toEqual({
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      allow_community_extensions: 'false',
      enable_external_access: 'false',
      lock_configuration: 'true',
    });
    for (const s of [
      'SET autoinstall_known_extensions = true',
      'SET enable_external_access = true',
      'SET allow_community_extensions = true',
      "SET custom_extension_repository = 'http://evil.example'",
      'SET lock_configuration = false',
    ]) {
      await expect(t.ws.exec(s), s).rejects.toThrow(/lock|cannot|disabled/i);
    }
  });
});
