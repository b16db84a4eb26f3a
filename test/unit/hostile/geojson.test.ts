/**
 * Hostile boundary files through the public import API (previewFile + commitFiles): invalid, degenerate
 * and enormous geometry. Each imports what is valid (rejecting the rest with a reason) or fails with a
 * typed error naming the file, and a failed import changes nothing. The enormous and deeply nested files
 * run in a child process whose peak RSS must stay under 1.5 GB. (GEO IMPORT is rewriting the boundary
 * loader: these tests use only the public API.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitFiles } from '../../../electron/engine/import';
import { Workspace } from '../../../electron/engine/workspace/workspace';
import { tempDir } from '../../helpers/workspace';
import { writeCsv } from '../../helpers/files';
import { attemptImport, attemptInChild, type Attempt } from './attempt';
import { writeRepeated } from './make-files';

const ROOT = path.resolve(import.meta.dirname, '../../..');
let t: ReturnType<typeof tempDir>;
let base: string;
let ws: Workspace;
const tried: string[] = [];

const square = (x: number, y: number, d = 0.01) => [
  [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ],
];
const feature = (code: string, geometry: unknown) => ({
  type: 'Feature',
  properties: { code, name: code === '00001' ? 'Phường Một' : 'Xã Hai' },
  geometry,
});

function check(name: string, a: Attempt, file: string): void {
  tried.push(`${name}: ${a.commit.ok ? 'imported' : a.commit.code}, ${Math.round(a.maxRssMb)} MB`);
  for (const step of [a.preview, a.commit]) {
    if (step.ok) continue;
    expect(step.code, `${name}: ${step.message}`).not.toBe('UNTYPED');
    expect(step.code, `${name}: ${step.message}`).not.toBe('INTERNAL');
    expect(path.basename(String(step.details?.file ?? '')), `${name}: names the file`).toBe(
      path.basename(file),
    );
  }
  if (!a.commit.ok) expect(a.changed, `${name}: failed import changed the workspace`).toBe(false);
  expect(a.maxRssMb).toBeLessThan(1536);
}

/** Attempt an import in a child process on a private copy of the base workspace. */
function inChild(file: string): Promise<Attempt> {
  return attemptInChild(ROOT, t.dir, base, file);
}

beforeAll(async () => {
  t = tempDir('dvk-geo-hostile-');
  base = path.join(t.dir, 'base.duckdb');
  const w = await Workspace.open({ path: base, dataDir: path.join(t.dir, 'base-data') });
  await commitFiles(w, [
    writeCsv(t.dir, 'units.csv', ['Mã ĐVHC,Tên đơn vị', '00001,Phường Một', '00002,Xã Hai']),
  ]);
  w.close();
  const copy = path.join(t.dir, 'w.duckdb');
  fs.copyFileSync(base, copy);
  ws = await Workspace.open({ path: copy, dataDir: path.join(t.dir, 'data') });
}, 120_000);

afterAll(() => {
  ws?.close();
  t?.cleanup();
  console.log(`hostile boundary files tried: ${tried.length}\n  ${tried.join('\n  ')}`);
});

describe('invalid geometry', () => {
  const cases: [string, unknown][] = [
    ['null geometry', feature('00001', null)],
    ['unknown type', feature('00001', { type: 'Banana', coordinates: [1, 2] })],
    [
      'string coordinates',
      feature('00001', {
        type: 'Polygon',
        coordinates: [
          [
            ['a', 'b'],
            ['c', 'd'],
          ],
        ],
      }),
    ],
    ['coordinates not nested', feature('00001', { type: 'Polygon', coordinates: [106.6, 10.8] })],
    [
      'unclosed ring',
      feature('00001', {
        type: 'Polygon',
        coordinates: [
          [
            [106.6, 10.8],
            [106.7, 10.8],
            [106.7, 10.9],
          ],
        ],
      }),
    ],
    [
      'two-point ring',
      feature('00001', {
        type: 'Polygon',
        coordinates: [
          [
            [106.6, 10.8],
            [106.6, 10.8],
          ],
        ],
      }),
    ],
    ['out of range', feature('00001', { type: 'Polygon', coordinates: square(500, 200) })],
    [
      'bow tie',
      feature('00001', {
        type: 'Polygon',
        coordinates: [
          [
            [106.6, 10.8],
            [106.7, 10.9],
            [106.7, 10.8],
            [106.6, 10.9],
            [106.6, 10.8],
          ],
        ],
      }),
    ],
    [
      'geometry collection',
      feature('00001', { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1, 2] }] }),
    ],
    ['point', feature('00001', { type: 'Point', coordinates: [106.6, 10.8] })],
    ['no properties', { type: 'Feature', geometry: { type: 'Polygon', coordinates: square(106.6, 10.8) } }],
  ];

  it('each broken feature (beside a valid one) is rejected or the file refused, never a crash', async () => {
    for (const [i, [name, bad]] of cases.entries()) {
      const file = path.join(t.dir, `ranh giới ${i}.geojson`);
      const doc = {
        type: 'FeatureCollection',
        features: [bad, feature('00002', { type: 'Polygon', coordinates: square(106.7, 10.9) })],
      };
      fs.writeFileSync(file, JSON.stringify(doc));
      const a = await attemptImport(ws, file);
      check(`geojson ${name}`, a, file);
    }
  });

  it('non-finite numbers (1e999), a truncated file and a non-GeoJSON object fail clearly or reject', async () => {
    const files: [string, string][] = [
      [
        'vô cực.geojson',
        `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"00001"},"geometry":{"type":"Polygon","coordinates":[[[1e999,10],[106,-1e999],[106,10],[1e999,10]]]}}]}`,
      ],
      [
        'cụt.geojson',
        JSON.stringify({
          type: 'FeatureCollection',
          features: [feature('00001', { type: 'Polygon', coordinates: square(106.6, 10.8) })],
        }).slice(0, 80),
      ],
      ['không phải.geojson', JSON.stringify({ type: 'FeatureCollection', features: 'none' })],
      ['mảng.geojson', '[1,2,3]'],
    ];
    for (const [name, text] of files) {
      const file = path.join(t.dir, name);
      fs.writeFileSync(file, text);
      check(name, await attemptImport(ws, file), file);
    }
  });
});

describe('enormous geometry (child process, peak RSS < 1.5 GB)', () => {
  it('one polygon of 3 million vertices (~90 MB)', async () => {
    const file = path.join(t.dir, 'khổng lồ.geojson');
    const n = 3_000_000;
    const head = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"00001","name":"Phường Một"},"geometry":{"type":"Polygon","coordinates":[[`;
    const vertex = '[106.612345,10.812345],';
    await writeRepeated(file, head, vertex, Buffer.byteLength(head) + n * vertex.length);
    fs.appendFileSync(file, '[106.612345,10.812345]]]}}]}');
    check('3M-vertex polygon', await inChild(file), file);
  }, 300_000);

  it('coordinates nested 200,000 deep', async () => {
    const file = path.join(t.dir, 'lồng sâu.geojson');
    const depth = 200_000;
    fs.writeFileSync(
      file,
      `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"00001"},"geometry":{"type":"Polygon","coordinates":${'['.repeat(depth)}1${']'.repeat(depth)}}}]}`,
    );
    check('deep nesting', await inChild(file), file);
  }, 120_000);
});
