/**
 * Workspace schema and its migrations. `SCHEMA_VERSION` is stored in `meta`; opening an older
 * workspace runs the missing migrations in one transaction, opening a newer one is refused.
 */

/** Each entry migrates from version i to i+1. Never edit a released migration: add a new one. */
export const MIGRATIONS: readonly string[][] = [
  [
    `CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)`,
    `CREATE TABLE units (
       code VARCHAR NOT NULL, name VARCHAR NOT NULL, full_name VARCHAR, type VARCHAR, province VARCHAR,
       population DOUBLE, area_km2 DOUBLE, name_key VARCHAR, import_id INTEGER)`,
    `CREATE TABLE boundaries (unit_code VARCHAR NOT NULL, geometry VARCHAR NOT NULL, source VARCHAR, import_id INTEGER)`,
    `CREATE TABLE models (
       model_id VARCHAR NOT NULL, name VARCHAR NOT NULL, unit_code VARCHAR, unit_name VARCHAR, province VARCHAR,
       field VARCHAR, sponsor VARCHAR, start_date DATE, status VARCHAR, recognition VARCHAR,
       lat DOUBLE, lon DOUBLE, replicated_from VARCHAR, description VARCHAR, search_text VARCHAR,
       import_id INTEGER, source_row INTEGER)`,
    `CREATE TABLE indicators (
       code VARCHAR NOT NULL, name_vi VARCHAR NOT NULL, name_en VARCHAR, unit VARCHAR,
       aggregation VARCHAR NOT NULL, weight_by VARCHAR, higher_is_better BOOLEAN NOT NULL, builtin BOOLEAN NOT NULL)`,
    `CREATE TABLE indicator_values (
       model_id VARCHAR NOT NULL, period_start DATE NOT NULL, period_grain VARCHAR NOT NULL,
       indicator_code VARCHAR NOT NULL, value DOUBLE, import_id INTEGER)`,
    `CREATE TABLE imports (
       id INTEGER NOT NULL, file VARCHAR NOT NULL, source_key VARCHAR NOT NULL, sheet VARCHAR, kind VARCHAR,
       rows_in INTEGER, rows_imported INTEGER, rows_rejected INTEGER, rows_skipped INTEGER,
       started TIMESTAMP, finished TIMESTAMP, status VARCHAR NOT NULL)`,
    `CREATE TABLE import_rejects (import_id INTEGER NOT NULL, row INTEGER, "column" VARCHAR, reason VARCHAR NOT NULL, value VARCHAR)`,
    `CREATE TABLE shortlist (
       model_id VARCHAR NOT NULL, status VARCHAR NOT NULL DEFAULT 'candidate', owner VARCHAR, added TIMESTAMP, updated TIMESTAMP)`,
    `CREATE TABLE notes (model_id VARCHAR NOT NULL, note VARCHAR NOT NULL, author VARCHAR, created TIMESTAMP)`,
    `CREATE TABLE saved_views (name VARCHAR NOT NULL, view VARCHAR NOT NULL, spec VARCHAR NOT NULL, created TIMESTAMP, updated TIMESTAMP)`,
  ],
  // Boundaries and the 2025 unit crosswalk: confirmed name aliases, boundary features waiting for a
  // person to pick their unit, the old → new crosswalk and the models it re-assigned (or left to confirm).
  [
    `CREATE TABLE unit_aliases (alias_key VARCHAR NOT NULL, unit_code VARCHAR NOT NULL, alias VARCHAR, created TIMESTAMP)`,
    `CREATE TABLE boundary_pending (
       import_id INTEGER NOT NULL, feature_index INTEGER NOT NULL, code VARCHAR, name VARCHAR, alt_name VARCHAR,
       type VARCHAR, province VARCHAR, geometry VARCHAR NOT NULL)`,
    `CREATE TABLE unit_crosswalk (
       old_code VARCHAR, old_name VARCHAR, old_key VARCHAR, old_district VARCHAR, old_district_key VARCHAR,
       old_province VARCHAR, new_code VARCHAR NOT NULL, new_name VARCHAR, relation VARCHAR NOT NULL,
       import_id INTEGER, source_row INTEGER)`,
    `CREATE TABLE unit_reassignments (
       model_id VARCHAR NOT NULL, old_ref VARCHAR NOT NULL, new_code VARCHAR, candidates VARCHAR,
       status VARCHAR NOT NULL, updated TIMESTAMP)`,
  ],
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Tables holding imported data or user state, in dependency-free order (used by info and checksums). */
export const DATA_TABLES = [
  'units',
  'boundaries',
  'models',
  'indicators',
  'indicator_values',
  'imports',
  'import_rejects',
  'shortlist',
  'notes',
  'saved_views',
  'unit_aliases',
  'boundary_pending',
  'unit_crosswalk',
  'unit_reassignments',
] as const;
