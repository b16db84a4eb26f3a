/**
 * Zipped Shapefile (.zip holding .shp + .dbf, optional .prj and .cpg): geometries and attributes are
 * parsed with shpjs from in-memory buffers, then reprojected to WGS 84 with proj4 when the .prj
 * names another coordinate system (VN-2000 / UTM 48N is common in Vietnamese GIS exports). The zip is
 * read with the engine's own bounded zip reader, never unpacked to disk.
 */
import path from 'node:path';
import type proj4 from 'proj4';
import type { Geometry, Position } from 'geojson';
import { AtlasError } from '../../../../shared/errors';
import { ZipFile, type ZipEntry } from '../sources/zip';
import { loadShapefileLibs } from '../../lazy-libs';

/** One feature as read: its attributes and its geometry (WGS 84 lon/lat, or null). */
export interface RawFeature {
  id?: string | number;
  properties: Record<string, unknown>;
  geometry: Geometry | null;
}

/** Largest member read from the zip (a .shp of this size is far beyond any commune layer). */
const MAX_MEMBER_BYTES = 256 * 1024 * 1024;

/** True when the file is a zip whose members include a .shp (an .xlsx is a zip too, without one). */
export async function isShapefileZip(file: string): Promise<boolean> {
  try {
    const zip = await ZipFile.open(file);
    return [...zip.entries.keys()].some((n) => /\.shp$/i.test(n) && !n.includes('__MACOSX'));
  } catch {
    return false;
  }
}

async function readMember(zip: ZipFile, entry: ZipEntry, file: string): Promise<Buffer> {
  if (entry.uncompressedSize > MAX_MEMBER_BYTES)
    throw new AtlasError('FILE_TOO_LARGE', `${path.basename(file)}: ${entry.name} is larger than 256 MB`, {
      file,
      column: entry.name,
    });
  const stream = await zip.openStream(entry);
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of stream) {
    const b = c as Buffer;
    n += b.length;
    if (n > MAX_MEMBER_BYTES) {
      stream.destroy();
      throw new AtlasError('FILE_TOO_LARGE', `${path.basename(file)}: ${entry.name} is larger than 256 MB`, {
        file,
        column: entry.name,
      });
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** proj4's view of a parsed coordinate system (the fields used to tell WGS 84 apart). */
interface ProjInfo {
  projName?: string;
  datumCode?: string;
  datum_params?: (number | string)[];
  units?: string;
}

/** A converter to WGS 84 lon/lat, or null when the .prj already is WGS 84 geographic. */
export async function toWgs84(
  prj: string,
  file: string,
  member: string,
): Promise<((p: Position) => Position) | null> {
  const { proj4 } = await loadShapefileLibs();
  let info: ProjInfo | null = null;
  let conv: proj4.Converter | null = null;
  try {
    info = proj4.Proj(prj) as unknown as ProjInfo;
    conv = proj4(prj, 'WGS84');
  } catch {
    // proj4 throws plain values (sometimes undefined) for text it cannot parse; reported below.
  }
  if (!conv || !info?.projName) {
    throw new AtlasError(
      'IMPORT_PROJECTION_UNKNOWN',
      `${path.basename(file)}: the coordinate system in ${member} is not recognised; re-export the layer in WGS 84 (EPSG:4326) or VN-2000 with a standard .prj`,
      { file, column: member },
    );
  }
  const geographic = info.projName === 'longlat';
  const wgs =
    info.datumCode?.toLowerCase() === 'wgs84' || (info.datum_params ?? []).every((x) => Number(x) === 0);
  if (geographic && wgs) return null;
  const c = conv;
  return (p) => {
    const q = c.forward([p[0] as number, p[1] as number]);
    return [q[0] as number, q[1] as number];
  };
}

function reproject(g: Geometry, f: (p: Position) => Position): Geometry {
  const ring = (r: Position[]) => r.map(f);
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: f(g.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: g.type, coordinates: ring(g.coordinates) } as Geometry;
    case 'MultiLineString':
    case 'Polygon':
      return { type: g.type, coordinates: g.coordinates.map(ring) } as Geometry;
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) };
    default:
      return g;
  }
}

/**
 * Features of every layer in a zipped Shapefile, in WGS 84. Throws FILE_UNREADABLE (not a zip, no
 * .shp, a layer without its .dbf, unparseable .shp/.dbf), IMPORT_PROJECTION_UNKNOWN, FILE_TOO_LARGE.
 */
export async function readShapefileZip(file: string): Promise<RawFeature[]> {
  let zip: ZipFile;
  try {
    zip = await ZipFile.open(file);
  } catch (e) {
    throw new AtlasError(
      'FILE_UNREADABLE',
      `${path.basename(file)}: not a readable zip (${(e as Error).message})`,
      {
        file,
      },
    );
  }
  const names = [...zip.entries.keys()].filter((n) => !n.includes('__MACOSX') && !n.endsWith('/'));
  const layers = names.filter((n) => /\.shp$/i.test(n));
  if (!layers.length)
    throw new AtlasError('FILE_UNREADABLE', `${path.basename(file)}: the zip holds no .shp layer`, { file });
  const sibling = (shp: string, ext: string) => {
    const base = shp.slice(0, -4).toLowerCase();
    return names.find((n) => n.toLowerCase() === `${base}.${ext}`);
  };
  const out: RawFeature[] = [];
  for (const shpName of layers) {
    const dbfName = sibling(shpName, 'dbf');
    if (!dbfName)
      throw new AtlasError(
        'FILE_UNREADABLE',
        `${path.basename(file)}: ${shpName} has no .dbf attribute table beside it (zip the .shp, .shx, .dbf and .prj together)`,
        { file, column: shpName },
      );
    const member = (n: string) => readMember(zip, zip.entries.get(n) as ZipEntry, file);
    const prjName = sibling(shpName, 'prj');
    const cpgName = sibling(shpName, 'cpg');
    const shp = await member(shpName);
    const dbf = await member(dbfName);
    const prj = prjName ? (await member(prjName)).toString('utf8').trim() : '';
    const cpg = cpgName ? (await member(cpgName)).toString('utf8').trim() : undefined;
    const convert = prj ? await toWgs84(prj, file, prjName as string) : null;
    const { parseShp, parseDbf } = await loadShapefileLibs();
    let geoms: (Geometry | null)[];
    let rows: Record<string, unknown>[];
    try {
      geoms = parseShp(shp);
      rows = parseDbf(dbf, cpg);
    } catch (e) {
      throw new AtlasError(
        'FILE_UNREADABLE',
        `${path.basename(file)}: ${shpName} or its .dbf cannot be read (${(e as Error).message})`,
        { file, column: shpName },
      );
    }
    if (rows.length !== geoms.length)
      throw new AtlasError(
        'FILE_UNREADABLE',
        `${path.basename(file)}: ${shpName} has ${geoms.length} shapes but its .dbf has ${rows.length} rows`,
        { file, column: shpName },
      );
    geoms.forEach((g, i) => {
      out.push({
        properties: rows[i] ?? {},
        geometry: g && convert ? reproject(g, convert) : g,
      });
    });
  }
  return out;
}
