/**
 * Import benchmark: the scale-1 sample imported into a fresh workspace from CSV, from XLSX and from Parquet,
 * each in its own child process (wall time of `commitFiles`, rows/s, the child's peak RSS). Units and
 * boundaries exist only as CSV and GeoJSON, so every variant imports them too. Each variant runs `runs`
 * times (3; quick: 1) into a fresh workspace and reports its median run: one import of a few seconds on a
 * shared 2-core machine varies by ±5 %, as much as the margin to its target.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { SAMPLE_FILES } from '../../electron/engine/sample';
import { runChild } from './lib/child';
import { CACHE_DIR, sampleDir } from './lib/data';
import { log } from './lib/log';

export interface ImportResult {
  source: 'CSV' | 'XLSX' | 'Parquet';
  files: string[];
  openMs: number;
  importMs: number;
  rowsIn: number;
  rowsImported: number;
  rowsRejected: number;
  rowsPerSec: number;
  maxRssMb: number;
  /** Wall time of every run, ms, in run order (the row is the median run). */
  runsMs: number[];
}

const q = (p: string) => `'${p.replace(/'/g, "''")}'`;

/** The models and values of the sample as Parquet, written once by a plain DuckDB (not the engine). */
async function parquetFiles(samples: string): Promise<{ models: string; values: string }> {
  const dir = path.join(CACHE_DIR, `${path.basename(samples)}-parquet`);
  const files = { models: path.join(dir, 'mo_hinh.parquet'), values: path.join(dir, 'chi_tieu.parquet') };
  if (fs.existsSync(files.values)) return files;
  fs.mkdirSync(dir, { recursive: true });
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  // Text as exported (leading zeros, dd/mm/yyyy dates); values as DOUBLE.
  const csv = (f: string) => `read_csv(${q(path.join(samples, f))}, all_varchar = true)`;
  await c.run(`COPY (SELECT * FROM ${csv(SAMPLE_FILES.modelsCsv)}) TO ${q(files.models)} (FORMAT parquet)`);
  await c.run(`COPY (SELECT * REPLACE (TRY_CAST("Giá trị" AS DOUBLE) AS "Giá trị") FROM ${csv(SAMPLE_FILES.valuesCsv)})
    TO ${q(files.values + '.tmp')} (FORMAT parquet)`);
  c.closeSync();
  db.closeSync();
  fs.renameSync(files.values + '.tmp', files.values);
  return files;
}

export async function runImports(runs = 3): Promise<ImportResult[]> {
  const samples = await sampleDir(1);
  const pq = await parquetFiles(samples);
  const common = [SAMPLE_FILES.units, SAMPLE_FILES.boundaries].map((f) => path.join(samples, f));
  const variants: [ImportResult['source'], string[]][] = [
    [
      'CSV',
      [...common, path.join(samples, SAMPLE_FILES.modelsCsv), path.join(samples, SAMPLE_FILES.valuesCsv)],
    ],
    [
      'XLSX',
      [...common, path.join(samples, SAMPLE_FILES.modelsXlsx), path.join(samples, SAMPLE_FILES.valuesXlsx)],
    ],
    ['Parquet', [...common, pq.models, pq.values]],
  ];
  const out: ImportResult[] = [];
  for (const [source, files] of variants) {
    log(`import from ${source} (${runs}×) …`);
    type Run = Omit<ImportResult, 'source' | 'files' | 'rowsPerSec' | 'runsMs'>;
    const done: Run[] = [];
    for (let i = 0; i < runs; i++) {
      const dir = path.join(CACHE_DIR, `import-${source.toLowerCase()}-${process.pid}`);
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir, { recursive: true });
      try {
        const r = await runChild<Run>(path.join(import.meta.dirname, 'children/import-child.ts'), [
          dir,
          ...files,
        ]);
        done.push(r);
        log(
          `  ${(r.importMs / 1000).toFixed(2)} s, ${r.rowsImported} rows, peak RSS ${r.maxRssMb.toFixed(0)} MB`,
        );
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    const median = [...done].sort((a, b) => a.importMs - b.importMs)[Math.floor((done.length - 1) / 2)];
    if (!median) continue;
    out.push({
      source,
      files: files.map((f) => path.basename(f)),
      ...median,
      rowsPerSec: median.rowsImported / (median.importMs / 1000),
      runsMs: done.map((r) => r.importMs),
    });
  }
  return out;
}
