/**
 * The real boundary files in ../shared/geo (see its README), read in place: they are never copied
 * into the repo. Tests skip with a printed reason when the folder is absent.
 */
import fs from 'node:fs';
import path from 'node:path';

export const GEO_DIR = path.resolve(__dirname, '../../../../shared/geo');

export const GEO_FILES = {
  hcmc: path.join(GEO_DIR, 'hcmc_communes_2025.geojson'),
  cantho: path.join(GEO_DIR, 'cantho_communes_2025.geojson'),
  units: path.join(GEO_DIR, 'units_hcmc_cantho_2025.csv'),
  crosswalk: path.join(GEO_DIR, 'old_to_new_hcmc_cantho.csv'),
} as const;

/** True when every real file is present; otherwise prints why the tests using them are skipped. */
export function realGeoAvailable(): boolean {
  const missing = Object.values(GEO_FILES).filter((f) => !fs.existsSync(f));
  if (missing.length) {
    console.warn(
      `[geo] skipping real-boundary tests: ${missing.join(', ')} not found (../shared/geo is absent)`,
    );
    return false;
  }
  return true;
}

/** A plain comma-separated file without quoting (both real CSVs are written that way) as records. */
export function readPlainCsv(file: string): Record<string, string>[] {
  const [head, ...lines] = fs
    .readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter(Boolean);
  const cols = (head ?? '').split(',');
  return lines.map((l) => {
    const cells = l.split(',');
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}
