/**
 * Shapes of the generated sample: units, models and the manifest `writeSample` returns. Month indices are
 * 0..35 for 2023-01..2025-12 (see calendar.ts); indicator indices point into `INDICATORS` of the catalogue.
 */

import { type RECOGNITIONS, type STATUSES, type UNIT_TYPES } from '../../../shared/catalog';

/** A [longitude, latitude] position, WGS 84, rounded to 6 decimals. */
export type LonLat = [number, number];

/** Province code of the fictional city. */
export const SAMPLE_PROVINCE_CODE = '99';
/** Province name of the fictional city. */
export const SAMPLE_PROVINCE_NAME = 'Thành phố Mẫu';

/** A commune-level unit of the fictional city with its boundary. */
export interface SampleUnit {
  /** 5-digit text code; some start with 0 on purpose. */
  code: string;
  /** Name without the type prefix ("An Phú"). */
  name: string;
  /** Name with its prefix ("Phường An Phú"). */
  fullName: string;
  type: (typeof UNIT_TYPES)[number];
  population: number;
  /** Area of the generated polygon, km², 2 decimals. */
  areaKm2: number;
  /** Closed exterior ring, counter-clockwise, 6-decimal lon/lat. */
  ring: LonLat[];
  /** Distance of the cell's seed from the city centre, 0 (centre) .. ~1 (outline); >1 for the island. */
  radius: number;
}

/** Monthly value pattern of a model: most are normal; a few are planted for anomaly detection. */
export type ValuePattern = 'normal' | 'flat' | 'jump';

/** Everything the value generator needs to reproduce a model's monthly series. */
export interface ValueProfile {
  /** Indicator indices into `INDICATORS`, ascending, 3..8 of them, all typical of the model's field. */
  indicators: number[];
  /** Model size multiplier (log-normal, heavy right tail). */
  size: number;
  pattern: ValuePattern;
  /** For 'jump': the month index and indicator index whose value is multiplied by 50. */
  jumpMonth: number;
  jumpIndicator: number;
  /** Seed of the model's own value stream. */
  seed: number;
}

/** A generated "Dân vận khéo" model. */
export interface SampleModel {
  /** Position in the generated list (also the order of ids). */
  index: number;
  /** "MH-000123". */
  id: string;
  name: string;
  /** Index into the units array. */
  unit: number;
  /** Index into `FIELDS`. */
  field: number;
  sponsor: string;
  /** ISO date "2024-03-15". */
  startDate: string;
  /** Month index of the start date (0..33). */
  startMonth: number;
  /** Last month index with values: 35 unless the model stopped or completed earlier. */
  lastMonth: number;
  status: (typeof STATUSES)[number];
  recognition: (typeof RECOGNITIONS)[number] | '';
  lat: number | null;
  lon: number | null;
  /** Id of an earlier model of the same field this one replicates, or null. */
  replicatedFrom: string | null;
  description: string;
  /** Name template index within the field, shared by replicas of the same model. */
  template: number;
  values: ValueProfile;
}

/** One indicator observation: model index, month index, indicator index, value. */
export type ValueRow = [model: number, month: number, indicator: number, value: number];

/** What a written file holds. */
export type SampleFileKind = 'units' | 'boundaries' | 'models' | 'values' | 'readme';

/** One file written by `writeSample`. */
export interface SampleFile {
  /** File name inside the output directory. */
  name: string;
  kind: SampleFileKind;
  format: 'csv' | 'geojson' | 'xlsx' | 'txt';
  /** Data rows (features for GeoJSON, model × month rows for the wide XLSX, lines for text). */
  rows: number;
  bytes: number;
}

/** Result of `writeSample`. */
export interface SampleManifest {
  outDir: string;
  seed: number;
  scale: number;
  files: SampleFile[];
  totals: { units: number; models: number; valueRows: number };
  elapsedMs: number;
}
