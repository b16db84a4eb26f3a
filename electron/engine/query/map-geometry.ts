/**
 * The workspace's unit boundaries as one GeoJSON FeatureCollection for the map (`geo.boundaries`). The
 * geometries are stored as GeoJSON text per unit; here they are parsed once per data version, rounded to
 * 5 decimals (about a metre: the payload shrinks by half and nothing visible changes), given a label
 * point (polylabel on the largest polygon: always inside the unit, unlike a centroid of a crescent-shaped
 * ward) and cached until the next import.
 */
import polylabel from 'polylabel';
import type { BoundaryCollection, BoundaryFeature } from '../../../shared/map-spec';
import type { Workspace } from '../workspace/workspace';

type Ring = [number, number][];
type Polygon = Ring[];

const cache = new WeakMap<Workspace, BoundaryCollection>();

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

function isPosition(p: unknown): p is [number, number] {
  return Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);
}

/** A ring rounded, with consecutive duplicate positions (from rounding) dropped; null when degenerate. */
function cleanRing(ring: unknown): Ring | null {
  if (!Array.isArray(ring)) return null;
  const out: Ring = [];
  for (const p of ring) {
    if (!isPosition(p)) return null;
    const q: [number, number] = [round5(p[0]), round5(p[1])];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out.length >= 4 ? out : null;
}

function cleanPolygon(rings: unknown): Polygon | null {
  if (!Array.isArray(rings) || rings.length === 0) return null;
  const outer = cleanRing(rings[0]);
  if (!outer) return null;
  const holes = rings.slice(1).flatMap((r) => {
    const h = cleanRing(r);
    return h ? [h] : [];
  });
  return [outer, ...holes];
}

/** Polygons of a stored geometry (a bare geometry or a Feature), or null when it is not polygonal. */
export function polygonsOf(text: string): Polygon[] | null {
  let g: unknown;
  try {
    g = JSON.parse(text);
  } catch {
    return null;
  }
  if (g && typeof g === 'object' && (g as { type?: unknown }).type === 'Feature')
    g = (g as { geometry?: unknown }).geometry;
  if (!g || typeof g !== 'object') return null;
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  if (!Array.isArray(coordinates)) return null;
  const polys =
    type === 'Polygon'
      ? [cleanPolygon(coordinates)]
      : type === 'MultiPolygon'
        ? coordinates.map(cleanPolygon)
        : [];
  const ok = polys.filter((p): p is Polygon => p !== null);
  return ok.length ? ok : null;
}

/** Planar area of a ring (shoelace; only compared between rings of one unit). */
function ringArea(r: Ring): number {
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const [xi, yi] = r[i] as [number, number];
    const [xj, yj] = r[j] as [number, number];
    a += (xj + xi) * (yj - yi);
  }
  return Math.abs(a / 2);
}

/** The label point of a unit: polylabel on its largest polygon, precision ~10 m. */
export function labelPoint(polys: Polygon[]): [number, number] {
  const largest = polys.reduce((a, b) => (ringArea(b[0] as Ring) > ringArea(a[0] as Ring) ? b : a));
  const p = polylabel(largest, 1e-4);
  return [round5(p[0]), round5(p[1])];
}

/** Load (or reuse) the boundaries of the workspace's current data version. */
export async function loadBoundaries(ws: Workspace): Promise<BoundaryCollection> {
  const hit = cache.get(ws);
  if (hit && hit.dataVersion === ws.dataVersion) return hit;
  const dataVersion = ws.dataVersion;
  // One boundary per unit code: the latest import wins.
  const rows = await ws.rows<{ code: string; name: string | null; geometry: string }>(
    `SELECT b.unit_code AS code, u.name, b.geometry
     FROM boundaries b LEFT JOIN (SELECT code, any_value(name) AS name FROM units GROUP BY code) u ON u.code = b.unit_code
     QUALIFY row_number() OVER (PARTITION BY b.unit_code ORDER BY b.import_id DESC NULLS LAST) = 1
     ORDER BY b.unit_code`,
  );
  const missing = (
    await ws.rows<{ code: string }>(
      `SELECT DISTINCT code FROM units WHERE code NOT IN (SELECT unit_code FROM boundaries) ORDER BY code`,
    )
  ).map((r) => r.code);
  const features: BoundaryFeature[] = [];
  let unreadable = 0;
  let bbox: [number, number, number, number] | null = null;
  for (const r of rows) {
    const polys = polygonsOf(r.geometry);
    if (!polys) {
      unreadable++;
      continue;
    }
    for (const poly of polys)
      for (const [x, y] of poly[0] as Ring) {
        bbox = bbox
          ? [Math.min(bbox[0], x), Math.min(bbox[1], y), Math.max(bbox[2], x), Math.max(bbox[3], y)]
          : [x, y, x, y];
      }
    features.push({
      type: 'Feature',
      properties: { code: r.code, name: r.name ?? r.code, label: labelPoint(polys) },
      geometry:
        polys.length === 1
          ? { type: 'Polygon', coordinates: polys[0] as Polygon }
          : { type: 'MultiPolygon', coordinates: polys },
    });
  }
  const result: BoundaryCollection = {
    type: 'FeatureCollection',
    features,
    bbox,
    missing,
    unreadable,
    dataVersion,
  };
  cache.set(ws, result);
  return result;
}
