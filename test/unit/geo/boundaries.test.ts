import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitFiles, previewFile } from '../../../electron/engine/import';
import { geoConfirm, geoReview } from '../../../electron/engine/import/geo/review';
import { GEO_LIMITS } from '../../../electron/engine/import/geo/validate';
import type { Workspace } from '../../../electron/engine/workspace/workspace';
import { derivedStale } from '../../../electron/engine/workspace/derived';
import { DEFAULT_SEED } from '../../../electron/engine/sample/index';
import { Rng } from '../../../electron/engine/sample/rng';
import { generateUnits } from '../../../electron/engine/sample/units';
import { writeUnitFiles } from '../../../electron/engine/sample/units-files';
import { isAtlasError } from '../../../shared/errors';
import { writeCsv } from '../../helpers/files';
import { openTemp, tableChecksums } from '../../helpers/workspace';

let t: Awaited<ReturnType<typeof openTemp>>;
let ws: Workspace;
beforeEach(async () => {
  t = await openTemp();
  ws = t.ws;
});
afterEach(() => t.cleanup());

const square = (x: number, y: number, d = 0.01) => [
  [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ],
];

function units(): string {
  return writeCsv(t.dir, 'don_vi.csv', [
    'Mã ĐVHC,Tên đơn vị,Loại,Tỉnh/Thành phố',
    '26734,Phường Sài Gòn,phường,Thành phố Hồ Chí Minh',
    '26737,Phường Tân Định,phường,Thành phố Hồ Chí Minh',
    '26740,Phường 1,phường,Thành phố Hồ Chí Minh',
  ]);
}

function geojson(name: string, features: { props: Record<string, unknown>; geometry: unknown }[]): string {
  const file = path.join(t.dir, name);
  fs.writeFileSync(
    file,
    JSON.stringify({
      type: 'FeatureCollection',
      features: features.map((f) => ({ type: 'Feature', properties: f.props, geometry: f.geometry })),
    }),
  );
  return file;
}

const poly = (x: number) => ({ type: 'Polygon', coordinates: square(106.7 + x * 0.01, 10.78) });

describe('GeoJSON and TopoJSON boundaries', () => {
  it('TopoJSON arcs become polygons and match by name ("P.01" = "Phường 1")', async () => {
    // Two squares sharing the edge x = 106.71 (arc 1), which the second walks backwards (~1).
    const topo = {
      type: 'Topology',
      arcs: [
        [
          [106.71, 10.78],
          [106.7, 10.78],
          [106.7, 10.79],
          [106.71, 10.79],
        ],
        [
          [106.71, 10.79],
          [106.71, 10.78],
        ],
        [
          [106.71, 10.79],
          [106.72, 10.79],
          [106.72, 10.78],
          [106.71, 10.78],
        ],
      ],
      objects: {
        wards: {
          type: 'GeometryCollection',
          geometries: [
            { type: 'Polygon', arcs: [[0, 1]], properties: { ten: 'P.01' } },
            { type: 'Polygon', arcs: [[~1, 2]], properties: { ten: 'phuong tan dinh' } },
          ],
        },
      },
    };
    const file = path.join(t.dir, 'ranh_gioi.topojson');
    fs.writeFileSync(file, JSON.stringify(topo));
    const [, rep] = await commitFiles(ws, [units(), file]);
    expect(rep?.format).toBe('topojson');
    expect(rep?.boundaryMatch).toMatchObject({
      features: 2,
      matched: 2,
      by: { name: 2 },
      unmatchedUnitCount: 1,
    });
    expect(rep?.boundaryMatch?.unmatchedUnits.map((u) => u.code)).toEqual(['26734']);
    const g = await ws.rows<{ c: string; g: string }>(
      'SELECT unit_code AS c, geometry AS g FROM boundaries ORDER BY 1',
    );
    expect(g.map((r) => r.c)).toEqual(['26737', '26740']);
    const ring = (JSON.parse(g[1]?.g ?? '{}') as { coordinates: number[][][] }).coordinates[0];
    expect(ring?.[0]).toEqual(ring?.[ring.length - 1]);
    expect(ring).toHaveLength(5);
  });

  it('an unmatched feature waits with its candidates; confirming stores it and remembers the name', async () => {
    await commitFiles(ws, [units()]);
    const file = geojson('ranh_gioi.geojson', [
      { props: { code: '26734', name: 'Phường Sài Gòn' }, geometry: poly(0) },
      { props: { name: 'Phường Tân Đinh Mới' }, geometry: poly(1) },
      { props: { name: 'Không có hình' }, geometry: null },
    ]);
    const preview = await previewFile(file, { ws });
    expect(preview.boundaryMatch).toMatchObject({ matched: 1, unmatchedFeatureCount: 1, withoutGeometry: 1 });

    const [rep] = await commitFiles(ws, [file]);
    expect(rep).toMatchObject({ rowsIn: 3, rowsImported: 1, rowsRejected: 1 });
    const m = rep?.boundaryMatch;
    expect(m?.unmatchedFeatures[0]).toMatchObject({
      index: 1,
      name: 'Phường Tân Đinh Mới',
      reason: 'no_match',
    });
    expect(m?.unmatchedFeatures[0]?.candidates[0]?.code).toBe('26737');

    const review = await geoReview(ws);
    expect(review.boundaries).toEqual([
      expect.objectContaining({
        importId: rep?.importId,
        index: 1,
        candidates: [expect.objectContaining({ code: '26737' })],
      }),
    ]);
    const after = await geoConfirm(ws, {
      boundaries: [{ importId: rep?.importId ?? 0, index: 1, unitCode: '26737' }],
    });
    expect(after.boundaryCount).toBe(0);
    const codes = await ws.rows<{ c: string }>('SELECT unit_code AS c FROM boundaries ORDER BY 1');
    expect(codes.map((r) => r.c)).toEqual(['26734', '26737']);

    // The next import of the same file matches that name by itself.
    const [again] = await commitFiles(ws, [file]);
    expect(again?.boundaryMatch).toMatchObject({
      matched: 2,
      by: { code: 1, alias: 1 },
      unmatchedFeatureCount: 0,
    });
  });

  it('confirming a feature that is not pending changes nothing', async () => {
    await commitFiles(ws, [units()]);
    const before = await tableChecksums(ws);
    const err = await geoConfirm(ws, { boundaries: [{ importId: 99, index: 0, unitCode: '26734' }] }).catch(
      (e: unknown) => e,
    );
    expect(isAtlasError(err, 'IMPORT_MAPPING_INVALID')).toBe(true);
    expect(await tableChecksums(ws)).toEqual(before);
  });
});

describe('invalid boundary geometry is refused, naming the feature, and the workspace is unchanged', () => {
  const cases: [string, unknown, RegExp][] = [
    [
      'an open ring',
      { type: 'Polygon', coordinates: [square(106.7, 10.78)[0]?.slice(0, 4)] },
      /feature 2 "Phường Tân Định": a ring is not closed/,
    ],
    [
      'a point',
      { type: 'Point', coordinates: [106.7, 10.78] },
      /feature 2 "Phường Tân Định": geometry type Point/,
    ],
    [
      'a latitude out of range',
      { type: 'Polygon', coordinates: square(106.7, 95) },
      /feature 2 "Phường Tân Định": coordinate \(106\.7, 95\) is outside/,
    ],
    [
      'a non-numeric coordinate',
      {
        type: 'Polygon',
        coordinates: [
          [
            [106.7, '10'],
            [106.71, 10.78],
            [106.71, 10.79],
            [106.7, '10'],
          ],
        ],
      },
      /feature 2 "Phường Tân Định": a coordinate is not a finite number/,
    ],
  ];
  for (const [what, geometry, message] of cases) {
    it(what, async () => {
      await commitFiles(ws, [units()]);
      const before = await tableChecksums(ws);
      const file = geojson('xau.geojson', [
        { props: { code: '26734', name: 'Phường Sài Gòn' }, geometry: poly(0) },
        { props: { code: '26737', name: 'Phường Tân Định' }, geometry },
      ]);
      const err = await commitFiles(ws, [units(), file]).catch((e: unknown) => e);
      expect(isAtlasError(err, 'IMPORT_BAD_GEOMETRY')).toBe(true);
      expect((err as Error).message).toMatch(message);
      expect((err as { details?: { row?: number; file?: string } }).details).toMatchObject({ row: 2, file });
      expect(await tableChecksums(ws)).toEqual(before);
    });
  }

  it('an enormous geometry is refused before it is stored', async () => {
    const n = GEO_LIMITS.maxVerticesPerFeature + 10;
    const ring: number[][] = [];
    for (let i = 0; i < n - 1; i++) {
      const a = (2 * Math.PI * i) / (n - 1);
      ring.push([106.7 + 0.01 * Math.cos(a), 10.78 + 0.01 * Math.sin(a)]);
    }
    ring.push(ring[0] as number[]);
    const file = geojson('khong_lo.geojson', [
      {
        props: { code: '26734', name: 'Phường Sài Gòn' },
        geometry: { type: 'Polygon', coordinates: [ring] },
      },
    ]);
    const before = await tableChecksums(ws);
    const err = await commitFiles(ws, [file]).catch((e: unknown) => e);
    expect(isAtlasError(err, 'IMPORT_GEOMETRY_TOO_LARGE')).toBe(true);
    expect((err as Error).message).toMatch(/feature 1 "Phường Sài Gòn": more than 250000 vertices/);
    expect(await tableChecksums(ws)).toEqual(before);
  });
});

describe('confirming boundaries keeps the derived tables current', () => {
  it('bumps the data version without marking the derived tables stale', async () => {
    await commitFiles(ws, [units()]);
    const file = geojson('ranh_gioi.geojson', [
      { props: { name: 'Phường Tân Đinh Mới' }, geometry: poly(1) },
    ]);
    const [rep] = await commitFiles(ws, [file]);
    const version = ws.dataVersion;
    await geoConfirm(ws, { boundaries: [{ importId: rep?.importId ?? 0, index: 0, unitCode: '26737' }] });
    expect(ws.dataVersion).toBe(version + 1);
    expect(await derivedStale(ws)).toBe(false);
  });
});

describe('the sample dataset', () => {
  it('its generated boundaries import through the same path and match every unit by code', async () => {
    const units = generateUnits(new Rng(DEFAULT_SEED, 'units'));
    const csv = path.join(t.dir, 'don_vi_hanh_chinh.csv');
    const geo = path.join(t.dir, 'ranh_gioi.geojson');
    await writeUnitFiles(csv, geo, units);
    const [, rep] = await commitFiles(ws, [csv, geo]);
    expect(rep?.boundaryMatch).toMatchObject({
      features: units.length,
      matched: units.length,
      by: { code: units.length },
      unmatchedFeatureCount: 0,
      unmatchedUnitCount: 0,
    });
  });
});
