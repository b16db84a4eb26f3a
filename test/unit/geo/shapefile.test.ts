import proj4 from 'proj4';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitFiles, previewFile } from '../../../electron/engine/import';
import type { Workspace } from '../../../electron/engine/workspace/workspace';
import { isAtlasError } from '../../../shared/errors';
import { writeCsv } from '../../helpers/files';
import { openTemp, tableChecksums } from '../../helpers/workspace';
import { VN2000_UTM48N, WGS84_PRJ, writeShapefileZip, type Ring, type ShapeRecord } from './shapefile-writer';

let t: Awaited<ReturnType<typeof openTemp>>;
let ws: Workspace;
beforeEach(async () => {
  t = await openTemp();
  ws = t.ws;
});
afterEach(() => t.cleanup());

/** Two adjacent ~2 km squares in central Ho Chi Minh City, in WGS 84 lon/lat (closed rings). */
const SQUARE_A: Ring = [
  [106.7, 10.77],
  [106.72, 10.77],
  [106.72, 10.79],
  [106.7, 10.79],
  [106.7, 10.77],
];
const SQUARE_B: Ring = SQUARE_A.map(([x, y]) => [x + 0.02, y]);
const HOLE: Ring = [
  [106.705, 10.775],
  [106.706, 10.775],
  [106.706, 10.776],
  [106.705, 10.776],
  [106.705, 10.775],
];

const toUtm = proj4('WGS84', VN2000_UTM48N);
const project = (r: Ring): Ring => r.map((p) => toUtm.forward(p) as [number, number]);

function units(dir: string): string {
  return writeCsv(dir, 'units.csv', [
    'Mã ĐVHC,Tên đơn vị,Loại,Tỉnh/Thành phố',
    '26734,Phường Sài Gòn,phường,Thành phố Hồ Chí Minh',
    '26737,Phường Tân Định,phường,Thành phố Hồ Chí Minh',
  ]);
}

type Geometry = { type: string; coordinates: number[][][] };
async function boundary(code: string): Promise<Geometry> {
  const r = await ws.rows<{ g: string }>(`SELECT geometry AS g FROM boundaries WHERE unit_code = '${code}'`);
  return JSON.parse(r[0]?.g ?? 'null') as Geometry;
}

function maxDistance(a: number[][], b: number[][]): number {
  // Same ring up to orientation: compare as sets of positions.
  let worst = 0;
  for (const p of a) {
    const d = Math.min(
      ...b.map((q) => Math.hypot((p[0] as number) - (q[0] as number), (p[1] as number) - (q[1] as number))),
    );
    worst = Math.max(worst, d);
  }
  return worst;
}

describe('zipped Shapefile boundaries', () => {
  it('a VN-2000 / UTM 48N layer is reprojected to WGS 84 and matched by code and by name', async () => {
    const records: ShapeRecord[] = [
      { rings: [project(SQUARE_A), project(HOLE)], attrs: { MA_XA: '26734', TEN_XA: 'Phường Sài Gòn' } },
      { rings: [project(SQUARE_B)], attrs: { MA_XA: '', TEN_XA: 'P. Tân Định' } },
    ];
    // The projected file really is in metres: eastings near 685 km, northings near 1,191 km.
    const [e, n] = records[0]?.rings[0]?.[0] ?? [0, 0];
    expect(e).toBeGreaterThan(600_000);
    expect(n).toBeGreaterThan(1_100_000);
    const zip = writeShapefileZip(t.dir, 'ranh_gioi_vn2000', records, { prj: VN2000_UTM48N });

    const preview = await previewFile(zip, { ws });
    expect(preview.format).toBe('shapefile');
    expect(preview.sheets.map((s) => s.kind)).toEqual(['boundaries']);

    const [, rep] = await commitFiles(ws, [units(t.dir), zip]);
    expect(rep?.format).toBe('shapefile');
    expect(rep?.rowsImported).toBe(2);
    expect(rep?.boundaryMatch).toMatchObject({ features: 2, matched: 2, by: { code: 1, name: 1 } });

    const a = await boundary('26734');
    expect(a.type).toBe('Polygon');
    expect(a.coordinates).toHaveLength(2);
    // Back in lon/lat within a millimetre-scale tolerance of where the squares were drawn.
    expect(maxDistance(a.coordinates[0] as number[][], SQUARE_A)).toBeLessThan(1e-7);
    expect(maxDistance(a.coordinates[1] as number[][], HOLE)).toBeLessThan(1e-7);
    const b = await boundary('26737');
    expect(maxDistance(b.coordinates[0] as number[][], SQUARE_B)).toBeLessThan(1e-7);
  });

  it('the UTM 48N central meridian comes back at longitude 105° (an independent check of the inverse)', async () => {
    // Easting 500 000 m is the central meridian; 1 000 km of northing is about 9.04° of latitude.
    const ring: Ring = [
      [500_000, 1_000_000],
      [501_000, 1_000_000],
      [501_000, 1_001_000],
      [500_000, 1_001_000],
      [500_000, 1_000_000],
    ];
    const zip = writeShapefileZip(
      t.dir,
      'meridian',
      [{ rings: [ring], attrs: { MA: '99001', TEN: 'Xã Kinh Tuyến' } }],
      {
        prj: VN2000_UTM48N,
      },
    );
    await commitFiles(ws, [zip]);
    const g = await boundary('99001');
    const corner = g.coordinates[0]?.find(
      (p) => Math.abs((p[1] as number) - 9.04) < 0.01 && (p[0] as number) < 105.005,
    );
    expect(corner).toBeDefined();
    // VN-2000 → WGS 84 moves points by well under 0.01° (a few hundred metres at most).
    expect(Math.abs((corner?.[0] as number) - 105)).toBeLessThan(0.01);
  });

  it('a WGS 84 .prj leaves coordinates exactly as written', async () => {
    const zip = writeShapefileZip(
      t.dir,
      'wgs',
      [{ rings: [SQUARE_A], attrs: { CODE: '26734', NAME: 'Sài Gòn' } }],
      {
        prj: WGS84_PRJ,
      },
    );
    await commitFiles(ws, [units(t.dir), zip]);
    const g = await boundary('26734');
    expect(maxDistance(g.coordinates[0] as number[][], SQUARE_A)).toBe(0);
  });

  it('a projected layer without its .prj is refused, naming the feature, and changes nothing', async () => {
    await commitFiles(ws, [units(t.dir)]);
    const before = await tableChecksums(ws);
    const zip = writeShapefileZip(t.dir, 'no_prj', [
      { rings: [project(SQUARE_A)], attrs: { MA_XA: '26734', TEN_XA: 'Phường Sài Gòn' } },
    ]);
    const err = await commitFiles(ws, [zip]).catch((e: unknown) => e);
    expect(isAtlasError(err, 'IMPORT_BAD_GEOMETRY')).toBe(true);
    expect((err as Error).message).toMatch(/feature 1 "Phường Sài Gòn".*projected/);
    expect(await tableChecksums(ws)).toEqual(before);
  });

  it('a layer without its .dbf is refused with a message naming the missing part', async () => {
    const zip = writeShapefileZip(t.dir, 'no_dbf', [{ rings: [SQUARE_A], attrs: { MA: '1' } }], {
      omit: ['dbf'],
    });
    const err = await commitFiles(ws, [zip]).catch((e: unknown) => e);
    expect(isAtlasError(err, 'FILE_UNREADABLE')).toBe(true);
    expect((err as Error).message).toMatch(/no_dbf\.shp has no \.dbf/);
  });

  it('an unknown coordinate system is refused rather than guessed', async () => {
    const zip = writeShapefileZip(t.dir, 'odd', [{ rings: [SQUARE_A], attrs: { MA: '1' } }], {
      prj: 'PROJCS["Nonsense",FOO[1]]',
    });
    const before = await tableChecksums(ws);
    const err = await commitFiles(ws, [zip]).catch((e: unknown) => e);
    expect(isAtlasError(err, 'IMPORT_PROJECTION_UNKNOWN')).toBe(true);
    expect((err as Error).message).toMatch(/odd\.prj is not recognised/);
    expect(await tableChecksums(ws)).toEqual(before);
  });
});
