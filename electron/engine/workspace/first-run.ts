/**
 * First start: an empty workspace gets the illustrative sample dataset, generated deterministically and
 * imported through the same pipeline a user's files take (so the sample exercises the real importer).
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeSample } from '../sample';
import { commitFiles } from '../import';
import type { Workspace } from './workspace';

/** The sample files imported at first start, in the order the importer needs them. */
export const SAMPLE_IMPORT_FILES = [
  'don_vi_hanh_chinh.csv',
  'ranh_gioi.geojson',
  'mo_hinh.xlsx',
  'chi_tieu.csv',
];

/**
 * If the workspace holds no models, write the sample into `sampleDir` (reusing it when present) and
 * import it. Returns true when it imported.
 */
export async function ensureSampleData(
  ws: Workspace,
  sampleDir: string,
  opts: {
    scale?: number;
    seed?: number;
    onProgress?: (stage: string, done: number, total: number) => void;
  } = {},
): Promise<boolean> {
  const n = await ws.rows<{ n: number }>('SELECT count(*)::INTEGER AS n FROM models');
  if ((n[0]?.n ?? 0) > 0) return false;
  const files = SAMPLE_IMPORT_FILES.map((f) => path.join(sampleDir, f));
  if (!files.every((f) => fs.existsSync(f))) {
    await writeSample(sampleDir, {
      scale: opts.scale ?? 1,
      seed: opts.seed ?? 20250701,
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
  }
  await commitFiles(ws, files, opts.onProgress ? { onProgress: opts.onProgress } : {});
  return true;
}
