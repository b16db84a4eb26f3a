/**
 * Writes small zipped Shapefiles byte by byte (ESRI Shapefile Technical Description, 1998; dBASE III
 * tables), the way GIS tools lay them out: .shp polygons with clockwise outer rings, the .shx index,
 * a .dbf attribute table, an optional .prj and .cpg, all in a stored (uncompressed) zip.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export type Ring = [number, number][];

export interface ShapeRecord {
  /** Polygon rings (first is the outer ring); written clockwise for outer rings as the format asks. */
  rings: Ring[];
  attrs: Record<string, string>;
}

function signedArea(r: Ring): number {
  let s = 0;
  for (let i = 0; i < r.length - 1; i++) {
    const a = r[i] as [number, number];
    const b = r[i + 1] as [number, number];
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
}

/** Outer rings clockwise (negative signed area), holes counter-clockwise. */
function orient(rings: Ring[]): Ring[] {
  return rings.map((r, i) => {
    const cw = signedArea(r) < 0;
    return (i === 0) === cw ? r : [...r].reverse();
  });
}

function bbox(points: [number, number][]): [number, number, number, number] {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function header(fileBytes: number, box: [number, number, number, number]): Buffer {
  const h = Buffer.alloc(100);
  h.writeInt32BE(9994, 0);
  h.writeInt32BE(fileBytes / 2, 24);
  h.writeInt32LE(1000, 28);
  h.writeInt32LE(5, 32); // Polygon
  box.forEach((v, i) => h.writeDoubleLE(v, 36 + i * 8));
  return h;
}

/** The .shp and .shx bytes of polygon records. */
export function shpAndShx(records: ShapeRecord[]): { shp: Buffer; shx: Buffer } {
  const contents = records.map((rec) => {
    const rings = orient(rec.rings);
    const points = rings.flat();
    const c = Buffer.alloc(44 + 4 * rings.length + 16 * points.length);
    c.writeInt32LE(5, 0);
    bbox(points).forEach((v, i) => c.writeDoubleLE(v, 4 + i * 8));
    c.writeInt32LE(rings.length, 36);
    c.writeInt32LE(points.length, 40);
    let start = 0;
    rings.forEach((r, i) => {
      c.writeInt32LE(start, 44 + 4 * i);
      start += r.length;
    });
    const p0 = 44 + 4 * rings.length;
    points.forEach(([x, y], i) => {
      c.writeDoubleLE(x, p0 + 16 * i);
      c.writeDoubleLE(y, p0 + 16 * i + 8);
    });
    return c;
  });
  const all = bbox(records.flatMap((r) => r.rings.flat()));
  const shpLen = 100 + contents.reduce((s, c) => s + 8 + c.length, 0);
  const shpParts = [header(shpLen, all)];
  const shxParts = [header(100 + 8 * contents.length, all)];
  let offset = 100;
  contents.forEach((c, i) => {
    const rh = Buffer.alloc(8);
    rh.writeInt32BE(i + 1, 0);
    rh.writeInt32BE(c.length / 2, 4);
    shpParts.push(rh, c);
    const ix = Buffer.alloc(8);
    ix.writeInt32BE(offset / 2, 0);
    ix.writeInt32BE(c.length / 2, 4);
    shxParts.push(ix);
    offset += 8 + c.length;
  });
  return { shp: Buffer.concat(shpParts), shx: Buffer.concat(shxParts) };
}

/** A dBASE III table of text fields (UTF-8 bytes; pair it with a .cpg saying UTF-8). */
export function dbf(fields: string[], rows: Record<string, string>[]): Buffer {
  const widths = fields.map((f) => Math.max(1, ...rows.map((r) => Buffer.byteLength(r[f] ?? '', 'utf8'))));
  const headerLen = 32 + 32 * fields.length + 1;
  const recordLen = 1 + widths.reduce((a, b) => a + b, 0);
  const h = Buffer.alloc(headerLen);
  h.writeUInt8(0x03, 0);
  h.writeUInt8(125, 1);
  h.writeUInt8(7, 2);
  h.writeUInt8(1, 3);
  h.writeUInt32LE(rows.length, 4);
  h.writeUInt16LE(headerLen, 8);
  h.writeUInt16LE(recordLen, 10);
  fields.forEach((f, i) => {
    const o = 32 + 32 * i;
    h.write(f.slice(0, 10), o, 'latin1');
    h.write('C', o + 11, 'latin1');
    h.writeUInt8(widths[i] as number, o + 16);
  });
  h.writeUInt8(0x0d, headerLen - 1);
  const body = rows.map((r) => {
    const b = Buffer.alloc(recordLen, 0x20);
    let o = 1;
    fields.forEach((f, i) => {
      b.write(r[f] ?? '', o, 'utf8');
      o += widths[i] as number;
    });
    return b;
  });
  return Buffer.concat([h, ...body, Buffer.from([0x1a])]);
}

/** A stored (method 0) zip of the given members. */
export function zip(members: Record<string, Buffer | string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(members)) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const loc = Buffer.alloc(30);
    loc.writeUInt32LE(0x04034b50, 0);
    loc.writeUInt16LE(20, 4);
    loc.writeUInt16LE(0x0800, 6);
    loc.writeUInt32LE(crc, 14);
    loc.writeUInt32LE(data.length, 18);
    loc.writeUInt32LE(data.length, 22);
    loc.writeUInt16LE(nameBuf.length, 26);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(0x0800, 8);
    cen.writeUInt32LE(crc, 16);
    cen.writeUInt32LE(data.length, 20);
    cen.writeUInt32LE(data.length, 24);
    cen.writeUInt16LE(nameBuf.length, 28);
    cen.writeUInt32LE(offset, 42);
    locals.push(loc, nameBuf, data);
    centrals.push(cen, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  const count = Object.keys(members).length;
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(count, 8);
  eocd.writeUInt16LE(count, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** VN-2000 / UTM zone 48N (EPSG:3405) as OGC WKT, with its TOWGS84 shift. */
export const VN2000_UTM48N =
  'PROJCS["VN-2000 / UTM zone 48N",GEOGCS["VN-2000",DATUM["Vietnam_2000",SPHEROID["WGS 84",6378137,298.257223563],' +
  'TOWGS84[-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278]],' +
  'PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],' +
  'PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",105],PARAMETER["scale_factor",0.9996],' +
  'PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1],AUTHORITY["EPSG","3405"]]';

/** WGS 84 geographic, as ESRI writes it. */
export const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/** Write `name.zip` in `dir` holding one layer; returns its path. */
export function writeShapefileZip(
  dir: string,
  name: string,
  records: ShapeRecord[],
  opts: { prj?: string; fields?: string[]; omit?: ('dbf' | 'shx')[] } = {},
): string {
  const fields = opts.fields ?? [...new Set(records.flatMap((r) => Object.keys(r.attrs)))];
  const { shp, shx } = shpAndShx(records);
  const members: Record<string, Buffer | string> = { [`${name}.shp`]: shp };
  if (!opts.omit?.includes('shx')) members[`${name}.shx`] = shx;
  if (!opts.omit?.includes('dbf'))
    members[`${name}.dbf`] = dbf(
      fields,
      records.map((r) => r.attrs),
    );
  if (opts.prj) members[`${name}.prj`] = opts.prj;
  members[`${name}.cpg`] = 'UTF-8';
  const file = path.join(dir, `${name}.zip`);
  fs.writeFileSync(file, zip(members));
  return file;
}
