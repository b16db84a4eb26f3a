/**
 * Types of the two-step import (preview → commit) that cross the API between engine and renderer.
 */

/** What a sheet or file holds. */
export type ImportKind =
  'models' | 'values_long' | 'values_wide' | 'units' | 'boundaries' | 'crosswalk' | 'unknown';

/** The physical format of a file, detected from its bytes (not only its extension). */
export type FileFormat = 'csv' | 'xlsx' | 'xls' | 'parquet' | 'arrow' | 'json' | 'geojson' | 'topojson';

/** A target field a source column can map to. Which ones apply depends on the kind. */
export type TargetField =
  // models
  | 'model_id'
  | 'name'
  | 'unit_code'
  | 'unit_name'
  | 'province'
  | 'field'
  | 'sponsor'
  | 'start_date'
  | 'status'
  | 'recognition'
  | 'lat'
  | 'lon'
  | 'replicated_from'
  | 'description'
  // indicator values (long: period + indicator + value [+ uom]; wide: period + one column per indicator)
  | 'period'
  | 'indicator'
  | 'value'
  | 'uom'
  // units (code/name/type/province/population/area)
  | 'type'
  | 'population'
  | 'area_km2'
  // columns deliberately ignored (STT row numbers, totals, unknown)
  | 'row_number';

/** One source column and what it maps to. */
export interface ColumnMapping {
  /** 0-based index of the column in the sheet's data region. */
  index: number;
  /** Header text as found (two header rows joined with " / "), NFC. */
  header: string;
  /** The target, or null to ignore the column. */
  target: TargetField | null;
  /** For wide indicator files: the catalogue code this column holds (target is then 'value'). */
  indicator?: string;
  /** 0..1: how sure the guess is (1 = exact synonym, lower = fuzzy). Shown in the preview. */
  confidence: number;
}

/** A problem found while reading or parsing; rows are 1-based as the user sees them in Excel. */
export interface ImportProblem {
  code: string;
  message: string;
  row?: number;
  column?: string;
  severity: 'info' | 'warning' | 'error';
}

/** The preview of one sheet (or the single table of a CSV/Parquet/JSON file). */
export interface SheetPreview {
  sheet: string;
  kind: ImportKind;
  /** 1-based row number of the last header row (data starts below it). */
  headerRow: number;
  /** 1 or 2: two-row headers with merged group cells are joined. */
  headerRows: number;
  columns: ColumnMapping[];
  /** Inferred type per column (same order as columns). */
  types: ('text' | 'number' | 'date' | 'period' | 'empty')[];
  /** First data rows as text, for display. */
  sampleRows: string[][];
  /** Rows seen (data region, before skipping blank/total rows) if known cheaply. */
  rowCount?: number;
  problems: ImportProblem[];
}

/** Result of `import.preview`. */
export interface ImportPreview {
  file: string;
  format: FileFormat;
  /** Text encoding detected for text formats ('utf-8', 'utf-16le', 'tcvn3', 'vni', …). */
  encoding?: string;
  /** When legacy-encoding detection is unsure, the alternatives the user may pick. */
  encodingChoices?: string[];
  delimiter?: string;
  sheets: SheetPreview[];
  problems: ImportProblem[];
}

/** What the user confirms for one sheet at commit. */
export interface SheetMappingChoice {
  sheet: string;
  kind: ImportKind;
  headerRow: number;
  headerRows: number;
  columns: { index: number; target: TargetField | null; indicator?: string }[];
  /** Skip the sheet entirely. */
  skip?: boolean;
}

/** Result of `import.commit` for one file. */
export interface ImportReport {
  importId: number;
  file: string;
  format: FileFormat;
  sheets: {
    /** The import id of this sheet (its rejects: `import.rejects`). */
    importId: number;
    sheet: string;
    kind: ImportKind;
    rowsIn: number;
    rowsImported: number;
    rowsRejected: number;
    rowsSkipped: number;
  }[];
  rowsIn: number;
  rowsImported: number;
  rowsRejected: number;
  /** Unit codes/names referenced by models but not registered in `units`. */
  unregisteredUnits: string[];
  /** Field values not in the catalogue (kept, reported). */
  unknownFields: string[];
  /** Indicator names/codes added to the catalogue by this import. */
  newIndicators: string[];
  replacedPrevious: boolean;
  problems: ImportProblem[];
  ms: number;
}
