/**
 * Which targets each import kind allows and requires, the Vietnamese header names used in messages,
 * the problem codes of the mapping step, and validation of a user-edited mapping.
 */
import type { ColumnMapping, ImportKind, ImportProblem, TargetField } from '../import-types';

/** Problem codes raised by mapping suggestion and validation (ImportProblem.code). */
export const MAPPING_PROBLEM = {
  /** A required column is absent (severity error). */
  missingColumn: 'IMPORT_MISSING_COLUMN',
  /** The sheet's kind could not be told from its headers or name. */
  kindUnknown: 'IMPORT_KIND_UNKNOWN',
  /** A user-edited mapping breaks a rule (target not allowed, duplicate, no indicator code). */
  mappingInvalid: 'IMPORT_MAPPING_INVALID',
  /** Two columns looked like the same target; the better one was kept. */
  ambiguous: 'IMPORT_AMBIGUOUS_MAPPING',
  /** A guess below `LOW_CONFIDENCE`, for the preview to highlight (severity info). */
  lowConfidence: 'IMPORT_LOW_CONFIDENCE',
  /** A wide-form numeric column that is no catalogue indicator: it will be added (severity warning). */
  newIndicator: 'IMPORT_NEW_INDICATOR',
  /** The header's unit is a multiple of the catalogue unit ("triệu đồng"): values are scaled. */
  valueScale: 'IMPORT_VALUE_SCALE',
} as const;

/** Guesses below this confidence are reported as IMPORT_LOW_CONFIDENCE (info). */
export const LOW_CONFIDENCE = 0.8;

const MODEL_TARGETS: readonly TargetField[] = [
  'model_id',
  'name',
  'unit_code',
  'unit_name',
  'province',
  'field',
  'sponsor',
  'start_date',
  'status',
  'recognition',
  'lat',
  'lon',
  'replicated_from',
  'description',
  'row_number',
];

/** Model-identifying columns a values sheet may carry besides the id (kept for display and checks). */
const VALUE_CONTEXT: readonly TargetField[] = ['model_id', 'name', 'unit_code', 'unit_name', 'row_number'];

const ALLOWED: Readonly<Record<ImportKind, readonly TargetField[]>> = {
  models: MODEL_TARGETS,
  values_long: [...VALUE_CONTEXT, 'period', 'indicator', 'value', 'uom'],
  values_wide: [...VALUE_CONTEXT, 'period', 'value'],
  units: ['unit_code', 'unit_name', 'type', 'province', 'population', 'area_km2', 'row_number'],
  boundaries: ['unit_code', 'unit_name'],
  // The crosswalk's columns are roles (see matchCrosswalkColumns), not target fields.
  crosswalk: [],
  unknown: [],
};

/**
 * Required targets as groups: each inner list needs at least one of its targets mapped
 * (models: model_id, name, and unit_code or unit_name).
 */
const REQUIRED: Readonly<Record<ImportKind, readonly (readonly TargetField[])[]>> = {
  models: [['model_id'], ['name'], ['unit_code', 'unit_name']],
  values_long: [['model_id'], ['period'], ['indicator'], ['value']],
  values_wide: [['model_id'], ['period'], ['value']],
  units: [['unit_code'], ['unit_name']],
  boundaries: [],
  crosswalk: [],
  unknown: [],
};

/** The targets a column of a sheet of this kind may map to (row_number means "ignore: row numbers"). */
export function allowedTargets(kind: ImportKind): readonly TargetField[] {
  return ALLOWED[kind];
}

/**
 * The required targets of a kind as any-of groups: every group must have one of its targets mapped.
 * Empty for kinds that are not mapped column by column (crosswalk, boundaries, unknown).
 */
export function requiredTargets(kind: ImportKind): readonly (readonly TargetField[])[] {
  return REQUIRED[kind];
}

const LABEL_VI: Readonly<Record<TargetField, string>> = {
  model_id: 'Mã mô hình',
  name: 'Tên mô hình',
  unit_code: 'Mã ĐVHC',
  unit_name: 'Phường/Xã',
  province: 'Tỉnh/Thành phố',
  field: 'Lĩnh vực',
  sponsor: 'Cơ quan chủ trì',
  start_date: 'Ngày bắt đầu',
  status: 'Tình trạng',
  recognition: 'Cấp công nhận',
  lat: 'Vĩ độ',
  lon: 'Kinh độ',
  replicated_from: 'Nhân rộng từ mô hình',
  description: 'Mô tả',
  period: 'Kỳ báo cáo',
  indicator: 'Chỉ tiêu',
  value: 'Giá trị',
  uom: 'Đơn vị tính',
  type: 'Loại đơn vị',
  population: 'Dân số',
  area_km2: 'Diện tích (km²)',
  row_number: 'STT',
};

/** The Vietnamese header a report would use for a target ("Mã mô hình"); units sheets say "Mã"/"Tên đơn vị". */
export function targetLabelVi(target: TargetField, kind?: ImportKind): string {
  if (kind === 'units' && target === 'unit_code') return 'Mã ĐVHC';
  if (kind === 'units' && target === 'unit_name') return 'Tên đơn vị';
  return LABEL_VI[target];
}

/** Problems for every unsatisfied required group of `kind`, given the targets that are mapped. */
export function missingRequired(kind: ImportKind, mapped: ReadonlySet<TargetField>): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const group of requiredTargets(kind)) {
    if (group.some((t) => mapped.has(t))) continue;
    const names = group.map((t) => `"${targetLabelVi(t, kind)}" (${t})`).join(' or ');
    problems.push({
      code: MAPPING_PROBLEM.missingColumn,
      severity: 'error',
      column: group.map((t) => targetLabelVi(t, kind)).join(' hoặc '),
      message: `Missing required column ${names}`,
    });
  }
  return problems;
}

/** The part of a column mapping that `validateMapping` checks; `header` only improves messages. */
export type MappingChoice = Pick<ColumnMapping, 'index' | 'target'> & { indicator?: string; header?: string };

/**
 * Checks a (user-edited) mapping for `kind`: the kind is known; every target is allowed for it;
 * required groups are present; no target is used twice (except 'value' in wide form, and row_number);
 * in wide form every value column names an indicator code and no code is used twice; no column index
 * appears twice. Returns problems (severity error), empty when the mapping can be committed.
 * Crosswalk and boundary files are not mapped column by column and always pass.
 */
export function validateMapping(kind: ImportKind, columns: readonly MappingChoice[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const invalid = (message: string, column?: string) =>
    problems.push({
      code: MAPPING_PROBLEM.mappingInvalid,
      severity: 'error',
      message,
      ...(column ? { column } : {}),
    });
  if (kind === 'unknown') {
    problems.push({
      code: MAPPING_PROBLEM.kindUnknown,
      severity: 'error',
      message: 'Choose what the sheet holds',
    });
    return problems;
  }
  if (kind === 'crosswalk' || kind === 'boundaries') return problems;

  const allowed = new Set(allowedTargets(kind));
  const name = (c: MappingChoice) => c.header ?? `#${c.index + 1}`;
  const seenIndex = new Set<number>();
  const byTarget = new Map<string, MappingChoice>();
  const mapped = new Set<TargetField>();
  for (const c of columns) {
    if (seenIndex.has(c.index)) invalid(`Column ${name(c)} is mapped twice`, c.header);
    seenIndex.add(c.index);
    if (c.target === null) continue;
    if (!allowed.has(c.target)) {
      invalid(`Column ${name(c)} cannot be "${c.target}" in a ${kind} sheet`, c.header);
      continue;
    }
    mapped.add(c.target);
    if (c.target === 'row_number') continue;
    let key: string = c.target;
    if (kind === 'values_wide' && c.target === 'value') {
      const code = c.indicator?.trim();
      if (!code) {
        invalid(`Column ${name(c)} holds values but names no indicator`, c.header);
        continue;
      }
      key = `value:${code}`;
    }
    const first = byTarget.get(key);
    if (first) {
      const what = key.startsWith('value:')
        ? `indicator "${key.slice(6)}"`
        : `"${targetLabelVi(c.target, kind)}" (${c.target})`;
      invalid(`Columns ${name(first)} and ${name(c)} are both mapped to ${what}`, c.header);
    } else {
      byTarget.set(key, c);
    }
  }
  problems.push(...missingRequired(kind, mapped));
  return problems;
}
