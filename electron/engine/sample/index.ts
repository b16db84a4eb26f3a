/**
 * The built-in sample dataset (`dvk sample`): a fictional city, "Thành phố Mẫu", with ~170 units and
 * their boundaries, ~9,600 × scale "Dân vận khéo" models and ~1.1 million × scale monthly indicator
 * values, written as the CSV / GeoJSON / XLSX files real departments export. Deterministic: the same
 * seed and scale give byte-identical CSV and GeoJSON and identical XLSX cell content.
 */

import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AtlasError } from '../../../shared/errors';
import { writeModelsCsv, writeModelsXlsx } from './models-files';
import { generateModels } from './models';
import { illustrativeNote, writeReadme } from './readme-file';
import { Rng } from './rng';
import { type SampleFile, type SampleManifest, type SampleModel, type SampleUnit } from './types';
import { writeUnitFiles } from './units-files';
import { generateUnits } from './units';
import { writeValuesCsv } from './values-csv';
import { writeValuesXlsx } from './values-xlsx';

export { generateUnits, UNIT_COUNTS } from './units';
export { generateModels, MODELS_PER_SCALE, modelId } from './models';
export { modelSeries, valueRows, countValueRows, type ModelSeries } from './values';
export { Rng } from './rng';
export { periodIso, periodSlash, yearOf as yearOfMonth, MONTH_COUNT, FIRST_YEAR } from './calendar';
export { VALUE_HEADERS } from './values-csv';
export { REPORT_HEADERS, VALUE_XLSX_HEADER_ROWS, MAX_SHEET_ROWS } from './values-xlsx';
export { MODEL_HEADERS, MODEL_XLSX_HEADER_ROW, MODEL_SHEET } from './models-files';
export { UNIT_HEADERS } from './units-files';
export * from './types';

/** Seed used when none is given. */
export const DEFAULT_SEED = 20250701;

/** Fixed names of the files `writeSample` writes. */
export const SAMPLE_FILES = {
  units: 'don_vi_hanh_chinh.csv',
  boundaries: 'ranh_gioi.geojson',
  modelsXlsx: 'mo_hinh.xlsx',
  modelsCsv: 'mo_hinh.csv',
  valuesCsv: 'chi_tieu.csv',
  valuesXlsx: 'chi_tieu.xlsx',
  readme: 'README.txt',
} as const;

/** Options of `writeSample`. */
export interface SampleOptions {
  /** Multiplies the number of models (not units); any positive number, default 1. */
  scale?: number;
  /** PRNG seed (an unsigned 32-bit integer), default `DEFAULT_SEED`. */
  seed?: number;
  /** Called as each stage advances; `done` / `total` are in the stage's own units. */
  onProgress?: (stage: string, done: number, total: number) => void;
}

/** The in-memory part of a sample: units and models (values are regenerated lazily from the models). */
export interface SampleData {
  units: SampleUnit[];
  models: SampleModel[];
}

/** Units and models for `seed` and `scale`, without writing anything. */
export function generateSample(seed: number = DEFAULT_SEED, scale = 1): SampleData {
  validate(seed, scale);
  const units = generateUnits(new Rng(seed, 'units'));
  const models = generateModels(new Rng(seed, 'models'), units, scale);
  return { units, models };
}

function validate(seed: number, scale: number): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new AtlasError('REQUEST_INVALID', `sample seed must be an integer in 0..4294967295, got ${seed}`, {
      seed,
    });
  }
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1000) {
    throw new AtlasError('REQUEST_INVALID', `sample scale must be a number in (0, 1000], got ${scale}`, {
      scale,
    });
  }
}

/**
 * Generate the sample dataset into `outDir` (created if missing; existing files of the same names are
 * overwritten). Returns what was written, with row counts and sizes. Throws `AtlasError` REQUEST_INVALID
 * for a bad seed or scale; file-system errors propagate.
 */
export async function writeSample(outDir: string, opts: SampleOptions = {}): Promise<SampleManifest> {
  const t0 = performance.now();
  const seed = opts.seed ?? DEFAULT_SEED;
  const scale = opts.scale ?? 1;
  const progress = opts.onProgress ?? ((): void => undefined);
  validate(seed, scale);
  await mkdir(outDir, { recursive: true });
  const path = (name: string): string => join(outDir, name);
  const note = illustrativeNote(seed, scale);

  progress('units', 0, 1);
  const { units, models } = generateSample(seed, scale);
  progress('units', 1, 1);
  await writeUnitFiles(path(SAMPLE_FILES.units), path(SAMPLE_FILES.boundaries), units);

  progress('models', 0, 2);
  await writeModelsCsv(path(SAMPLE_FILES.modelsCsv), models, units);
  progress('models', 1, 2);
  await writeModelsXlsx(path(SAMPLE_FILES.modelsXlsx), models, units, seed, note);
  progress('models', 2, 2);

  const valueRows = await writeValuesCsv(path(SAMPLE_FILES.valuesCsv), models, (d, t) =>
    progress('values-csv', d, t),
  );
  const wide = await writeValuesXlsx(path(SAMPLE_FILES.valuesXlsx), models, seed, note, (d, t) =>
    progress('values-xlsx', d, t),
  );
  const readmeLines = await writeReadme(path(SAMPLE_FILES.readme), {
    seed,
    scale,
    units: units.length,
    models: models.length,
    valueRows,
  });
  progress('readme', 1, 1);

  const entries: Omit<SampleFile, 'bytes'>[] = [
    { name: SAMPLE_FILES.units, kind: 'units', format: 'csv', rows: units.length },
    { name: SAMPLE_FILES.boundaries, kind: 'boundaries', format: 'geojson', rows: units.length },
    { name: SAMPLE_FILES.modelsXlsx, kind: 'models', format: 'xlsx', rows: models.length },
    { name: SAMPLE_FILES.modelsCsv, kind: 'models', format: 'csv', rows: models.length },
    { name: SAMPLE_FILES.valuesCsv, kind: 'values', format: 'csv', rows: valueRows },
    { name: SAMPLE_FILES.valuesXlsx, kind: 'values', format: 'xlsx', rows: wide.rows },
    { name: SAMPLE_FILES.readme, kind: 'readme', format: 'txt', rows: readmeLines },
  ];
  const files: SampleFile[] = [];
  for (const e of entries) files.push({ ...e, bytes: (await stat(path(e.name))).size });
  return {
    outDir,
    seed,
    scale,
    files,
    totals: { units: units.length, models: models.length, valueRows },
    elapsedMs: Math.round(performance.now() - t0),
  };
}
