/**
 * Writers for the unit list (`don_vi_hanh_chinh.csv`) and the boundaries (`ranh_gioi.geojson`).
 */

import { writeFile } from 'node:fs/promises';
import { BOM, csvLine } from './text-writer';
import { SAMPLE_PROVINCE_CODE, SAMPLE_PROVINCE_NAME, type SampleUnit } from './types';

/** Header of the unit CSV, as departments write it. */
export const UNIT_HEADERS = [
  'Mã ĐVHC',
  'Tên đơn vị',
  'Loại',
  'Tỉnh/Thành phố',
  'Dân số',
  'Diện tích (km²)',
] as const;

/** The unit CSV text: UTF-8 with BOM, codes as 5-digit text (leading zeros kept). */
export function unitsCsv(units: readonly SampleUnit[]): string {
  let out = BOM + csvLine(UNIT_HEADERS);
  for (const u of units)
    out += csvLine([u.code, u.fullName, u.type, SAMPLE_PROVINCE_NAME, u.population, u.areaKm2]);
  return out;
}

/** GeoJSON properties of a unit feature. */
export interface UnitFeatureProperties {
  code: string;
  name: string;
  full_name: string;
  type: string;
  province_code: string;
  province_name: string;
  area_km2: number;
}

/**
 * The boundaries as an RFC 7946 FeatureCollection: one Polygon per unit, `id` = code, exterior rings
 * counter-clockwise and closed, 6-decimal coordinates; one feature per line for readable diffs.
 */
export function unitsGeoJson(units: readonly SampleUnit[]): string {
  const features = units.map((u) => {
    const properties: UnitFeatureProperties = {
      code: u.code,
      name: u.name,
      full_name: u.fullName,
      type: u.type,
      province_code: SAMPLE_PROVINCE_CODE,
      province_name: SAMPLE_PROVINCE_NAME,
      area_km2: u.areaKm2,
    };
    return JSON.stringify({
      type: 'Feature',
      id: u.code,
      properties,
      geometry: { type: 'Polygon', coordinates: [u.ring] },
    });
  });
  return `{"type":"FeatureCollection","features":[\n${features.join(',\n')}\n]}\n`;
}

/** Write the unit CSV to `csvPath` and the boundaries to `geoPath`. */
export async function writeUnitFiles(
  csvPath: string,
  geoPath: string,
  units: readonly SampleUnit[],
): Promise<void> {
  await writeFile(csvPath, unitsCsv(units), 'utf8');
  await writeFile(geoPath, unitsGeoJson(units), 'utf8');
}
