/**
 * Import mapping: guesses what a sheet holds and what each column means, from header texts in the
 * wordings of real Vietnamese report exports (DATA.md), and validates a user-edited mapping.
 * Pure functions; the engine's preview and the renderer's mapping editor both use them.
 */
export { suggestMapping, NEW_INDICATOR_CONFIDENCE } from './import-mapping/suggest';
export type { MappingInput, MappingSuggestion, SuggestedColumn } from './import-mapping/suggest';
export { matchField, matchCrosswalkColumns } from './import-mapping/fields';
export type { FieldMatch, CrosswalkRole } from './import-mapping/fields';
export { matchIndicator, INDICATOR_THRESHOLD, INDICATOR_MARGIN } from './import-mapping/indicators';
export type { IndicatorMatch } from './import-mapping/indicators';
export { detectKind, sheetKindHint } from './import-mapping/detect-kind';
export type { KindDetection } from './import-mapping/detect-kind';
export {
  inferColumnType,
  looksNumeric,
  looksDate,
  looksPeriod,
  TYPE_AGREEMENT,
} from './import-mapping/infer-type';
export type { ColumnType } from './import-mapping/infer-type';
export {
  allowedTargets,
  requiredTargets,
  validateMapping,
  targetLabelVi,
  MAPPING_PROBLEM,
  LOW_CONFIDENCE,
} from './import-mapping/targets';
export type { MappingChoice } from './import-mapping/targets';
export { readUnit } from './import-mapping/units-of-measure';
export type { UnitReading } from './import-mapping/units-of-measure';
