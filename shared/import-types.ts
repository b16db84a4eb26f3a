/**
 * Types of the two-step import (preview → commit) that cross the API between engine and renderer.
 */
import type { MatchCandidate, MatchedBy, UnmatchedReason } from './geo-match';

/** What a sheet or file holds. */
export type ImportKind =
  'models' | 'values_long' | 'values_wide' | 'units' | 'boundaries' | 'crosswalk' | 'unknown';

/** The physical format of a file, detected from its bytes (not only its extension). */
export type FileFormat =
  'csv' | 'xlsx' | 'xls' | 'parquet' | 'arrow' | 'json' | 'geojson' | 'topojson' | 'shapefile';

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
  /** Boundary files: how their features match the workspace's units (before anything is written). */
  boundaryMatch?: BoundaryMatchReport;
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
    /**
     * Values sheets: value cells (a slot per indicator after melting a wide sheet) left blank (not
     * reported), neither imported nor rejected.
     */
    valuesBlank?: number;
    /** Values sheets: the indicators with the most blank cells (at most `BLANK_REPORT_TOP`, most first). */
    valuesBlankByIndicator?: BlankValueCount[];
  }[];
  rowsIn: number;
  rowsImported: number;
  rowsRejected: number;
  /** Blank value cells of all the file's values sheets (absent when the file has none). */
  valuesBlank?: number;
  /** The file's indicators most often blank over all its values sheets (at most `BLANK_REPORT_TOP`). */
  valuesBlankByIndicator?: BlankValueCount[];
  /** Unit codes/names referenced by models but not registered in `units`. */
  unregisteredUnits: string[];
  /** Field values not in the catalogue (kept, reported). */
  unknownFields: string[];
  /** Indicator names/codes added to the catalogue by this import. */
  newIndicators: string[];
  replacedPrevious: boolean;
  problems: ImportProblem[];
  ms: number;
  /** Boundary files: how the features matched the units. */
  boundaryMatch?: BoundaryMatchReport;
  /** Crosswalk files (and any import while a crosswalk is stored): models re-assigned to 2025 units. */
  crosswalk?: CrosswalkReport;
}

/**
 * Value cells of one indicator left blank: empty, "-", a dash (–, —) or "x". Reports write these for "not
 * reported", which is missing data, never zero, so they are skipped and counted here instead.
 */
export interface BlankValueCount {
  /** Catalogue code (or the slug a name new to the catalogue gets). */
  indicator: string;
  /** The indicator as the file names it (long form) or its column header (wide form). */
  label: string;
  count: number;
}

/** Longest per-indicator list of blank cells a report carries (the counts are always complete). */
export const BLANK_REPORT_TOP = 5;

/** A boundary feature that found no unit, with likely units for a person to confirm. */
export interface BoundaryUnmatchedFeature {
  /** 0-based position in the file; with the import id it names the feature in `geo.confirm`. */
  index: number;
  code: string | null;
  name: string | null;
  reason: UnmatchedReason;
  candidates: MatchCandidate[];
}

/** The matching report of a boundary file (lists are capped at `GEO_REPORT_LIMIT` entries). */
export interface BoundaryMatchReport {
  /** The boundary import (0 in a preview); pending features are confirmed against it. */
  importId: number;
  features: number;
  matched: number;
  /** Matched per kind of evidence. */
  by: Record<MatchedBy, number>;
  /** Features that registered a new unit (only when the workspace had no units: the file is the list). */
  registered: number;
  /** Features without a geometry (rejected). */
  withoutGeometry: number;
  unmatchedFeatures: BoundaryUnmatchedFeature[];
  unmatchedFeatureCount: number;
  /** Registered units still without a boundary, with likely features. */
  unmatchedUnits: {
    code: string;
    name: string;
    candidates: { index: number; name: string; score: number }[];
  }[];
  unmatchedUnitCount: number;
}

/** What storing a crosswalk (or importing while one is stored) did to the models. */
export interface CrosswalkReport {
  /** Crosswalk rows stored by this import (0 when the import was not a crosswalk). */
  rows: number;
  full: number;
  partial: number;
  /** Models moved to their 2025 unit (a full relation, or a confirmed choice). */
  reassigned: number;
  /** Models naming a split (partial) old unit: waiting for a person to pick the new unit. */
  pending: number;
  /** Models naming a unit neither registered nor in the crosswalk. */
  unresolved: number;
}

/** A model naming a pre-2025 unit that was split: the new units it may belong to. */
export interface PendingReassignment {
  modelId: string;
  modelName: string;
  /** The unit as the model named it ("Phường 1, Quận 3" or an old code). */
  oldUnit: string;
  candidates: { code: string; name: string }[];
}

/** A stored boundary feature still waiting for its unit. */
export interface PendingBoundary {
  importId: number;
  index: number;
  code: string | null;
  name: string | null;
  candidates: MatchCandidate[];
}

/** Everything waiting for a person's decision after boundary and crosswalk imports (`geo.review`). */
export interface GeoReview {
  boundaries: PendingBoundary[];
  boundaryCount: number;
  reassignments: PendingReassignment[];
  reassignmentCount: number;
}

/** Longest list a boundary report or review carries (counts are always complete). */
export const GEO_REPORT_LIMIT = 500;
