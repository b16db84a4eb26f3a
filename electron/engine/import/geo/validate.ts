/**
 * Geometry checks for boundary features, run after any reprojection: only (Multi)Polygons, every
 * ring closed with at least four positions, every position finite lon/lat in range, and a bounded
 * vertex count. A failing feature stops the import with an error naming the file and the feature;
 * nothing is repaired or simplified silently.
 */
import path from 'node:path';
import { AtlasError } from '../../../../shared/errors';

/** Size limits: a commune polygon has a few thousand vertices; these leave room for detailed files. */
export const GEO_LIMITS = {
  /** Vertices in one feature. */
  maxVerticesPerFeature: 250_000,
  /** Vertices in one file. */
  maxVerticesTotal: 5_000_000,
  /** Features in one file. */
  maxFeatures: 100_000,
} as const;

/** Where a feature sits, for error messages: 1-based number and its code or name. */
export interface FeaturePlace {
  file: string;
  /** 0-based index in the file. */
  index: number;
  label: string | null;
}

type Position = number[];

function fail(
  code: 'IMPORT_BAD_GEOMETRY' | 'IMPORT_GEOMETRY_TOO_LARGE',
  where: FeaturePlace,
  why: string,
): never {
  const name = where.label ? ` "${where.label}"` : '';
  throw new AtlasError(code, `${path.basename(where.file)}: feature ${where.index + 1}${name}: ${why}`, {
    file: where.file,
    row: where.index + 1,
    ...(where.label ? { column: where.label, feature: where.label } : {}),
    reason: why,
  });
}

function checkPosition(p: unknown, where: FeaturePlace): void {
  if (!Array.isArray(p) || p.length < 2) fail('IMPORT_BAD_GEOMETRY', where, 'a position is not [lon, lat]');
  const [x, y] = p as Position;
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y))
    fail('IMPORT_BAD_GEOMETRY', where, 'a coordinate is not a finite number');
  if (Math.abs(x) > 180 || Math.abs(y) > 90)
    fail(
      'IMPORT_BAD_GEOMETRY',
      where,
      Math.abs(x) > 1000 || Math.abs(y) > 1000
        ? `coordinates (${x}, ${y}) look projected (metres), not WGS 84 longitude/latitude; supply the .prj or a WGS 84 file`
        : `coordinate (${x}, ${y}) is outside longitude −180…180 / latitude −90…90`,
    );
}

function checkRing(ring: unknown, where: FeaturePlace): number {
  if (!Array.isArray(ring)) fail('IMPORT_BAD_GEOMETRY', where, 'a ring is not a list of positions');
  if (ring.length < 4)
    fail('IMPORT_BAD_GEOMETRY', where, `a ring has ${ring.length} positions (at least 4 needed)`);
  for (const p of ring) checkPosition(p, where);
  const a = ring[0] as Position;
  const b = ring[ring.length - 1] as Position;
  if (a[0] !== b[0] || a[1] !== b[1])
    fail('IMPORT_BAD_GEOMETRY', where, 'a ring is not closed (its first and last positions differ)');
  return ring.length;
}

function checkPolygon(rings: unknown, where: FeaturePlace): number {
  if (!Array.isArray(rings) || rings.length === 0)
    fail('IMPORT_BAD_GEOMETRY', where, 'a polygon has no rings');
  let n = 0;
  for (const r of rings) n += checkRing(r, where);
  return n;
}

/**
 * Validates one feature's geometry (GeoJSON, lon/lat). Returns its vertex count. Throws
 * IMPORT_BAD_GEOMETRY (wrong type, open ring, bad or out-of-range coordinate) or
 * IMPORT_GEOMETRY_TOO_LARGE, naming the feature.
 */
export function validateGeometry(g: unknown, where: FeaturePlace): number {
  const geom = g as { type?: unknown; coordinates?: unknown };
  if (!geom || typeof geom !== 'object') fail('IMPORT_BAD_GEOMETRY', where, 'the geometry is not an object');
  let n = 0;
  // Size first: a huge geometry is refused before its millions of positions are walked.
  const vertices = countPositions(geom.coordinates);
  if (vertices > GEO_LIMITS.maxVerticesPerFeature)
    fail(
      'IMPORT_GEOMETRY_TOO_LARGE',
      where,
      `more than ${GEO_LIMITS.maxVerticesPerFeature} vertices (the limit per feature); simplify the file (e.g. mapshaper -simplify) before importing`,
    );
  if (geom.type === 'Polygon') n = checkPolygon(geom.coordinates, where);
  else if (geom.type === 'MultiPolygon') {
    if (!Array.isArray(geom.coordinates) || geom.coordinates.length === 0)
      fail('IMPORT_BAD_GEOMETRY', where, 'a multipolygon has no polygons');
    for (const poly of geom.coordinates) n += checkPolygon(poly, where);
  } else
    fail(
      'IMPORT_BAD_GEOMETRY',
      where,
      `geometry type ${String(geom.type)} cannot be a unit boundary (Polygon or MultiPolygon needed)`,
    );
  return n;
}

/** Positions in nested coordinate arrays (a bounded walk: stops counting above the limit). */
function countPositions(c: unknown): number {
  let n = 0;
  const stack: unknown[] = [c];
  while (stack.length) {
    const x = stack.pop();
    if (!Array.isArray(x)) continue;
    if (typeof x[0] === 'number') {
      n++;
      if (n > GEO_LIMITS.maxVerticesPerFeature) return n;
      continue;
    }
    for (const y of x) stack.push(y);
  }
  return n;
}
