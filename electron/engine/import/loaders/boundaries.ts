/**
 * Load a GeoJSON or TopoJSON boundary file: one feature per unit, matched by code (properties code /
 * ma / id / feature id) and registering units it names that are not registered yet. Geometry is stored
 * as GeoJSON text. Features without a code or a geometry are rejected with their index.
 */
import fs from 'node:fs';
import { feature as topoFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { AtlasError } from '../../../../shared/errors';
import { normaliseUnitName } from '../../../../shared/text';
import { sql } from '../../db/sql';
import { idList, type LoadResult } from './context';
import type { Workspace } from '../../workspace/workspace';

interface Feature {
  type: 'Feature';
  id?: string | number;
  properties?: Record<string, unknown> | null;
  geometry?: { type: string; coordinates?: unknown } | null;
}

const MAX_BYTES = 512 * 1024 * 1024;

function readFeatures(file: string): Feature[] {
  const size = fs.statSync(file).size;
  if (size > MAX_BYTES)
    throw new AtlasError('FILE_TOO_LARGE', `Boundary file is larger than 512 MB: ${file}`, { file });
  let doc: { type?: string; features?: Feature[]; objects?: Record<string, unknown> };
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new AtlasError('FILE_UNREADABLE', `Not valid JSON: ${file} (${(e as Error).message})`, { file });
  }
  if (doc?.type === 'FeatureCollection' && Array.isArray(doc.features)) return doc.features;
  if (doc?.type === 'Topology' && doc.objects) {
    const out: Feature[] = [];
    for (const key of Object.keys(doc.objects)) {
      const fc = topoFeature(doc as unknown as Topology, key) as unknown as { features?: Feature[] };
      out.push(...(fc.features ?? []));
    }
    return out;
  }
  throw new AtlasError(
    'FILE_FORMAT_UNKNOWN',
    `Not a GeoJSON FeatureCollection or TopoJSON Topology: ${file}`,
    { file },
  );
}

const str = (v: unknown) =>
  v === null || v === undefined ? null : String(v).normalize('NFC').trim() || null;
const pick = (p: Record<string, unknown>, keys: string[]) => {
  for (const k of keys) {
    const v = str(p[k]);
    if (v) return v;
  }
  return null;
};

export async function loadBoundaries(
  ws: Workspace,
  file: string,
  importId: number,
  replaces: number[],
): Promise<LoadResult> {
  const features = readFeatures(file);
  const seen = new Set<string>();
  let rejected = 0;
  await ws.exec(sql`DELETE FROM boundaries WHERE import_id IN ${idList(replaces)}`);
  for (let i = 0; i < features.length; i++) {
    const f = features[i] as Feature;
    const p = f.properties ?? {};
    let code = pick(p, ['code', 'ma', 'ma_dvhc', 'MA', 'CODE', 'unit_code']) ?? str(f.id);
    if (code && /^[0-9]{1,4}$/.test(code)) code = code.padStart(5, '0');
    const name = pick(p, ['full_name', 'name', 'ten', 'TEN', 'NAME']);
    const reason = !code
      ? 'IMPORT_MISSING_VALUE: code'
      : !f.geometry
        ? 'IMPORT_MISSING_VALUE: geometry'
        : seen.has(code)
          ? 'IMPORT_DUPLICATE_ID'
          : null;
    if (reason) {
      rejected++;
      await ws.exec(
        sql`INSERT INTO import_rejects VALUES (${importId}, ${i + 1}, 'feature', ${reason}, ${code ?? name})`,
      );
      continue;
    }
    seen.add(code as string);
    await ws.exec(sql`DELETE FROM boundaries WHERE unit_code = ${code}`);
    await ws.exec(
      sql`INSERT INTO boundaries VALUES (${code}, ${JSON.stringify(f.geometry)}, ${file}, ${importId})`,
    );
    const area = Number(p.area_km2 ?? p.dien_tich ?? NaN);
    const type = pick(p, ['type', 'loai']) ?? normaliseUnitName(name ?? '').type ?? null;
    await ws.exec(sql`INSERT INTO units SELECT ${code}, ${name ?? code}, ${name}, ${type},
        ${pick(p, ['province_name', 'province', 'tinh'])}, NULL, ${Number.isFinite(area) ? area : null},
        ${normaliseUnitName(name ?? '').key}, ${importId}
      WHERE NOT EXISTS (SELECT 1 FROM units WHERE code = ${code})`);
  }
  return {
    rowsIn: features.length,
    imported: features.length - rejected,
    rejected,
    skipped: 0,
    unregisteredUnits: [],
    unknownFields: [],
    newIndicators: [],
  };
}
