/**
 * Read a boundary file (GeoJSON FeatureCollection, TopoJSON Topology or zipped Shapefile) into
 * validated features with the attributes matching needs (code, name, alternative spellings, type,
 * province, area). Geometry is kept exactly as read (after reprojection for Shapefiles).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Geometry } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { AtlasError } from '../../../../shared/errors';
import type { FileFormat } from '../../../../shared/import-types';
import { isShapefileZip, readShapefileZip, type RawFeature } from './shapefile';
import { GEO_LIMITS, validateGeometry } from './validate';

/** A boundary feature ready to match and store. */
export interface GeoFeature {
  /** 0-based position in the file. */
  index: number;
  code: string | null;
  name: string | null;
  altNames: string[];
  type: string | null;
  province: string | null;
  area: number | null;
  /** Validated (Multi)Polygon in WGS 84, or null (the feature is then rejected). */
  geometry: Geometry | null;
}

export type BoundaryFormat = Extract<FileFormat, 'geojson' | 'topojson' | 'shapefile'>;

const MAX_JSON_BYTES = 512 * 1024 * 1024;

const CODE_KEYS = ['code', 'ma', 'ma_dvhc', 'madvhc', 'ma_xa', 'maxa', 'ma_phuong', 'unit_code', 'id'];
const NAME_KEYS = ['full_name', 'name', 'ten', 'ten_dvhc', 'ten_xa', 'tenxa', 'ten_phuong', 'unit_name'];
const ALT_KEYS = ['alt_name', 'ten_khac', 'name_vi'];
const TYPE_KEYS = ['type', 'loai', 'cap'];
const PROVINCE_KEYS = ['province_name', 'province', 'tinh', 'ten_tinh', 'tinh_thanh'];
const AREA_KEYS = ['area_km2', 'dien_tich', 'dientich', 'area'];

function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string' && typeof v !== 'number') return null;
  return String(v).normalize('NFC').trim() || null;
}

/** Property lookup by lower-cased key (Shapefile attribute names are usually upper case). */
function picker(props: Record<string, unknown>): (keys: readonly string[]) => string | null {
  const lower = new Map<string, unknown>();
  for (const [k, v] of Object.entries(props)) if (!lower.has(k.toLowerCase())) lower.set(k.toLowerCase(), v);
  return (keys) => {
    for (const k of keys) {
      const v = text(lower.get(k));
      if (v) return v;
    }
    return null;
  };
}

/** The format of a boundary file, or null when it is not one (decided from its bytes). */
export async function boundaryFormat(file: string): Promise<BoundaryFormat | null> {
  if (await isShapefileZip(file)) return 'shapefile';
  return null;
}

function readJsonFeatures(file: string): { format: BoundaryFormat; raw: RawFeature[] } {
  const size = fs.statSync(file).size;
  if (size > MAX_JSON_BYTES)
    throw new AtlasError('FILE_TOO_LARGE', `${path.basename(file)}: boundary file is larger than 512 MB`, {
      file,
    });
  let doc: { type?: string; features?: unknown[]; objects?: Record<string, unknown> };
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new AtlasError(
      'FILE_UNREADABLE',
      `${path.basename(file)}: not valid JSON (${(e as Error).message})`,
      {
        file,
      },
    );
  }
  if (doc?.type === 'FeatureCollection' && Array.isArray(doc.features))
    return { format: 'geojson', raw: doc.features as RawFeature[] };
  if (doc?.type === 'Topology' && doc.objects && typeof doc.objects === 'object') {
    const raw: RawFeature[] = [];
    for (const key of Object.keys(doc.objects)) {
      let fc: { type?: string; features?: RawFeature[] } & RawFeature;
      try {
        fc = topoFeature(doc as unknown as Topology, key) as unknown as typeof fc;
      } catch (e) {
        throw new AtlasError(
          'FILE_UNREADABLE',
          `${path.basename(file)}: TopoJSON object "${key}" cannot be read (${(e as Error).message})`,
          { file, sheet: key },
        );
      }
      if (fc.type === 'FeatureCollection') raw.push(...(fc.features ?? []));
      else raw.push(fc);
    }
    return { format: 'topojson', raw };
  }
  throw new AtlasError(
    'FILE_FORMAT_UNKNOWN',
    `${path.basename(file)}: not a GeoJSON FeatureCollection or TopoJSON Topology`,
    { file },
  );
}

/**
 * Read and validate every feature of a boundary file. Throws AtlasError for an unreadable file, an
 * unknown projection, a bad or oversized geometry (naming the feature), or too many features.
 * Features without a geometry are returned with `geometry: null` (the loader rejects them).
 */
export async function readBoundaryFile(
  file: string,
): Promise<{ format: BoundaryFormat; features: GeoFeature[] }> {
  const { format, raw } =
    (await boundaryFormat(file)) === 'shapefile'
      ? { format: 'shapefile' as const, raw: await readShapefileZip(file) }
      : readJsonFeatures(file);
  if (raw.length > GEO_LIMITS.maxFeatures)
    throw new AtlasError(
      'IMPORT_GEOMETRY_TOO_LARGE',
      `${path.basename(file)}: ${raw.length} features (at most ${GEO_LIMITS.maxFeatures})`,
      { file },
    );
  let total = 0;
  const features = raw.map((f, index): GeoFeature => {
    const props =
      f && typeof f === 'object' && f.properties && typeof f.properties === 'object' ? f.properties : {};
    const pick = picker(props);
    const code = pick(CODE_KEYS) ?? text(f?.id);
    const name = pick(NAME_KEYS);
    const alt = pick(ALT_KEYS);
    const areaText = pick(AREA_KEYS);
    const area = areaText === null ? NaN : Number(areaText.replace(',', '.'));
    const geometry = (f?.geometry ?? null) as Geometry | null;
    if (geometry) {
      total += validateGeometry(geometry, { file, index, label: name ?? code });
      if (total > GEO_LIMITS.maxVerticesTotal)
        throw new AtlasError(
          'IMPORT_GEOMETRY_TOO_LARGE',
          `${path.basename(file)}: more than ${GEO_LIMITS.maxVerticesTotal} vertices in the file (reached at feature ${index + 1}); simplify it before importing`,
          { file, row: index + 1 },
        );
    }
    return {
      index,
      code,
      name,
      altNames: alt && alt !== name ? [alt] : [],
      type: pick(TYPE_KEYS),
      province: pick(PROVINCE_KEYS),
      area: Number.isFinite(area) ? area : null,
      geometry,
    };
  });
  return { format, features };
}
