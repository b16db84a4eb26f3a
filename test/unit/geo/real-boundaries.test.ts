import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitFiles, previewFile } from '../../../electron/engine/import';
import type { Workspace } from '../../../electron/engine/workspace/workspace';
import { openTemp } from '../../helpers/workspace';
import { GEO_FILES, readPlainCsv, realGeoAvailable } from './real-geo';

const available = realGeoAvailable();

let t: Awaited<ReturnType<typeof openTemp>>;
let ws: Workspace;
beforeEach(async () => {
  t = await openTemp();
  ws = t.ws;
});
afterEach(() => t.cleanup());

interface Fc {
  type: string;
  features: { id?: string; properties: Record<string, unknown>; geometry: unknown }[];
}
const readFc = (f: string) => JSON.parse(fs.readFileSync(f, 'utf8')) as Fc;

describe.skipIf(!available)('real 2025 commune boundaries of Ho Chi Minh City and Cần Thơ', () => {
  it('import and match every unit of units_hcmc_cantho_2025.csv by code (168 + 103)', async () => {
    const units = readPlainCsv(GEO_FILES.units);
    const [, hcmc, cantho] = await commitFiles(ws, [GEO_FILES.units, GEO_FILES.hcmc, GEO_FILES.cantho]);
    expect(hcmc?.boundaryMatch).toMatchObject({
      features: 168,
      matched: 168,
      by: { code: 168 },
      unmatchedFeatureCount: 0,
    });
    expect(cantho?.boundaryMatch).toMatchObject({
      features: 103,
      matched: 103,
      by: { code: 103 },
      unmatchedFeatureCount: 0,
    });
    expect(cantho?.boundaryMatch?.unmatchedUnitCount).toBe(0);
    const stored = await ws.rows<{ unit_code: string }>('SELECT unit_code FROM boundaries ORDER BY 1');
    expect(stored.map((r) => r.unit_code)).toEqual(units.map((u) => u.code).sort());
    // Geometry is stored exactly as the file has it (nothing simplified).
    const fc = readFc(GEO_FILES.cantho);
    const first = fc.features[0];
    const g = await ws.rows<{ g: string }>(
      `SELECT geometry AS g FROM boundaries WHERE unit_code = '${String(first?.properties.code)}'`,
    );
    expect(JSON.parse(g[0]?.g ?? 'null')).toEqual(first?.geometry);
    console.info(
      `[geo] real files: HCMC ${hcmc?.boundaryMatch?.matched}/168 matched by code, Cần Thơ ${cantho?.boundaryMatch?.matched}/103`,
    );
  });

  it('match by name alone when the codes are removed (official names, tone-mark variants accepted)', async () => {
    await commitFiles(ws, [GEO_FILES.units]);
    for (const [name, file, n] of [
      ['hcmc', GEO_FILES.hcmc, 168],
      ['cantho', GEO_FILES.cantho, 103],
    ] as const) {
      const fc = readFc(file);
      for (const f of fc.features) {
        delete f.id;
        const p = f.properties;
        // Keep the province and only the name, as the source spelled it when it differs (alt_name).
        f.properties = {
          name: p.alt_name ? `${String(p.type)} ${String(p.alt_name)}` : p.full_name,
          province_name: p.province_name,
        };
      }
      const copy = path.join(t.dir, `${name}_no_codes.geojson`);
      fs.writeFileSync(copy, JSON.stringify(fc));
      const [rep] = await commitFiles(ws, [copy]);
      const m = rep?.boundaryMatch;
      console.info(
        `[geo] ${name} without codes: ${m?.by.name} matched by name, ${m?.unmatchedFeatureCount} unmatched (${m?.unmatchedFeatures
          .map((u) => `${u.name}: ${u.reason}`)
          .join('; ')})`,
      );
      expect(m?.features).toBe(n);
      expect(m?.by.name).toBe(n);
      expect(m?.unmatchedFeatureCount).toBe(0);
    }
    // Every unit got the geometry of its own feature (compared with the original file, by code).
    const stored = new Map(
      (await ws.rows<{ c: string; g: string }>('SELECT unit_code AS c, geometry AS g FROM boundaries')).map(
        (r) => [r.c, r.g],
      ),
    );
    expect(stored.size).toBe(271);
    for (const file of [GEO_FILES.hcmc, GEO_FILES.cantho])
      for (const f of readFc(file).features)
        expect(stored.get(String(f.properties.code)), String(f.properties.full_name)).toBe(
          JSON.stringify(f.geometry),
        );
  });

  it('into an empty workspace the file is the unit list: 168 units are registered with their names', async () => {
    const preview = await previewFile(GEO_FILES.hcmc, { ws });
    expect(preview.boundaryMatch).toMatchObject({ features: 168, registered: 168, matched: 168 });
    await commitFiles(ws, [GEO_FILES.hcmc]);
    const units = await ws.rows<{ n: number; named: number }>(
      `SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE name LIKE 'Phường %' OR name LIKE 'Xã %' OR name LIKE 'Đặc khu %')::INTEGER AS named FROM units`,
    );
    expect(units[0]).toEqual({ n: 168, named: 168 });
  });
});
