/**
 * The mapping guess shown in the import preview: kind, column targets, column types and problems.
 */
import { INDICATORS, type IndicatorDef } from '../catalog';
import type { ColumnMapping, ImportKind, ImportProblem, SheetPreview, TargetField } from '../import-types';
import { cleanText } from '../text';
import { detectKind } from './detect-kind';
import { matchCrosswalkColumns, matchField } from './fields';
import { inferColumnType, type ColumnType } from './infer-type';
import { matchIndicator } from './indicators';
import { headerKeyWithoutParens, headerParts, slugify } from './normalise';
import {
  LOW_CONFIDENCE,
  MAPPING_PROBLEM,
  allowedTargets,
  missingRequired,
  requiredTargets,
  targetLabelVi,
} from './targets';

/** One sheet as the reader found it: header texts (two rows joined with " / ") and the first rows. */
export interface MappingInput {
  sheet: string;
  headers: string[];
  sampleRows: string[][];
}

/** A suggested column; `scale` multiplies values into the catalogue unit ("triệu đồng" → 1e6). */
export interface SuggestedColumn extends ColumnMapping {
  scale?: number;
}

/** The result of `suggestMapping`. */
export interface MappingSuggestion {
  kind: ImportKind;
  columns: SuggestedColumn[];
  types: SheetPreview['types'];
  problems: ImportProblem[];
  /** 0..1: detection confidence × mean confidence of the required columns (missing ones count 0). */
  confidence: number;
}

/** Confidence given to a wide-form column kept as a new indicator named after its header. */
export const NEW_INDICATOR_CONFIDENCE = 0.5;

const TOTAL_HEADERS = new Set([
  'tong',
  'tong cong',
  'cong',
  'tong so',
  'total',
  'sum',
  'grand total',
  'luy ke',
  'tong luy ke',
]);

/** Column values 1, 2, 3, … (an unnamed row-number column). */
function isSequence(cells: readonly string[]): boolean {
  const nums = cells.map((c) => cleanText(c)).filter((c) => c !== '');
  if (nums.length < 2) return false;
  return nums.every((c, i) => c === String(i + 1));
}

function lowerKey(header: string): string {
  const parts = headerParts(header);
  return headerKeyWithoutParens(parts ? parts.lower : header);
}

function mapColumn(
  header: string,
  index: number,
  kind: ImportKind,
  cells: readonly string[],
  allowed: ReadonlySet<TargetField>,
  catalog: readonly IndicatorDef[],
): SuggestedColumn {
  const none: SuggestedColumn = { index, header, target: null, confidence: 0 };
  if (!header) return isSequence(cells) ? { ...none, target: 'row_number', confidence: 0.6 } : none;
  if (kind === 'unknown') {
    const f = matchField(header);
    return f ? { ...none, ...f } : none;
  }
  if (kind === 'values_wide') {
    const fieldAllowed = new Set([...allowed].filter((t) => t !== 'value'));
    const f = matchField(header, kind, fieldAllowed);
    if (f) return { ...none, ...f };
    const ind = matchIndicator(header, catalog);
    if (ind) {
      const col: SuggestedColumn = {
        ...none,
        target: 'value',
        indicator: ind.code,
        confidence: ind.confidence,
      };
      if (ind.scale !== undefined) col.scale = ind.scale;
      return col;
    }
    if (isSequence(cells)) return { ...none, target: 'row_number', confidence: 0.6 };
    const slug = slugify(header);
    if (slug && !TOTAL_HEADERS.has(lowerKey(header)) && inferColumnType(cells) === 'number') {
      return { ...none, target: 'value', indicator: slug, confidence: NEW_INDICATOR_CONFIDENCE };
    }
    return none;
  }
  const f = matchField(header, kind, allowed);
  return f ? { ...none, ...f } : none;
}

/** Keeps the most confident column per target (per indicator in wide form) and reports the others. */
function resolveDuplicates(columns: SuggestedColumn[], kind: ImportKind, problems: ImportProblem[]): void {
  const groups = new Map<string, SuggestedColumn[]>();
  for (const c of columns) {
    if (c.target === null || c.target === 'row_number') continue;
    const key = c.target === 'value' && c.indicator !== undefined ? `value:${c.indicator}` : c.target;
    const list = groups.get(key) ?? [];
    list.push(c);
    groups.set(key, list);
  }
  for (const [key, list] of groups) {
    if (list.length < 2) continue;
    const keep = list.reduce((a, b) => (b.confidence > a.confidence ? b : a));
    const what = key.startsWith('value:')
      ? `indicator "${key.slice(6)}"`
      : `"${targetLabelVi(keep.target!, kind)}" (${keep.target})`;
    for (const c of list) {
      if (c === keep) continue;
      const close = keep.confidence - c.confidence < 0.05;
      problems.push({
        code: MAPPING_PROBLEM.ambiguous,
        severity: close ? 'warning' : 'info',
        column: c.header,
        message: `Columns "${keep.header}" and "${c.header}" both look like ${what}; kept "${keep.header}", ignored "${c.header}"`,
      });
      c.target = null;
      c.confidence = 0;
      delete c.indicator;
      delete c.scale;
    }
  }
}

/**
 * Guesses how to import one sheet: its kind (see `detectKind`), a target per column (`matchField`
 * restricted to the kind's allowed targets; in wide form, indicator columns become target 'value' with
 * the catalogue code, and other numeric columns a new indicator named by the header's slug, unless they
 * are row numbers or totals), the column types from the sample rows, and the problems: unknown kind
 * (warning), missing required columns (error, with the Vietnamese header name), two columns for one
 * target (the more confident kept; warning when it was a toss-up, else info), new indicators (warning),
 * scaled units such as "(triệu đồng)" (warning, `scale` on the column), and guesses below 0.8 (info).
 * Crosswalk sheets keep every target null: their columns are roles, read with `matchCrosswalkColumns`.
 */
export function suggestMapping(
  input: MappingInput,
  catalog: readonly IndicatorDef[] = INDICATORS,
): MappingSuggestion {
  const headers = input.headers.map((h) => cleanText(h));
  const detection = detectKind(headers, input.sheet, catalog);
  const { kind } = detection;
  const allowed = new Set(allowedTargets(kind));
  const cellsOf = (i: number) => input.sampleRows.map((r) => r[i] ?? '');
  const problems: ImportProblem[] = [];

  let columns: SuggestedColumn[];
  if (kind === 'crosswalk') {
    const roles = new Set(Object.values(matchCrosswalkColumns(headers)));
    columns = headers.map((header, index) => ({
      index,
      header,
      target: null,
      confidence: roles.has(index) ? 1 : 0,
    }));
  } else {
    columns = headers.map((h, i) => mapColumn(h, i, kind, cellsOf(i), allowed, catalog));
  }
  resolveDuplicates(columns, kind, problems);

  if (kind === 'unknown') {
    problems.push({
      code: MAPPING_PROBLEM.kindUnknown,
      severity: 'warning',
      message: `Could not tell what sheet "${input.sheet}" holds (models, indicator values, units or a crosswalk)`,
    });
  }
  const mapped = new Set(columns.flatMap((c) => (c.target ? [c.target] : [])));
  problems.push(...missingRequired(kind, mapped));

  const known = new Set(catalog.map((d) => d.code));
  for (const c of columns) {
    if (c.target === 'value' && c.indicator !== undefined && !known.has(c.indicator)) {
      problems.push({
        code: MAPPING_PROBLEM.newIndicator,
        severity: 'warning',
        column: c.header,
        message: `Column "${c.header}" matches no catalogue indicator; it will be imported as new indicator "${c.indicator}"`,
      });
    } else if (c.target !== null && c.confidence < LOW_CONFIDENCE) {
      const what = c.indicator
        ? `indicator "${c.indicator}"`
        : `"${targetLabelVi(c.target, kind)}" (${c.target})`;
      problems.push({
        code: MAPPING_PROBLEM.lowConfidence,
        severity: 'info',
        column: c.header,
        message: `Column "${c.header}" was guessed as ${what} (confidence ${c.confidence.toFixed(2)}); please check`,
      });
    }
    if (c.scale !== undefined) {
      const unit = matchIndicator(c.header, catalog)?.unit ?? '';
      problems.push({
        code: MAPPING_PROBLEM.valueScale,
        severity: 'warning',
        column: c.header,
        message: `Column "${c.header}" is in ${unit || 'a scaled unit'}: values will be multiplied by ${c.scale.toLocaleString('en-US')}`,
      });
    }
  }

  const types: ColumnType[] = columns.map((c) => inferColumnType(cellsOf(c.index), c.target));
  return {
    kind,
    columns,
    types,
    problems,
    confidence: overallConfidence(kind, detection.confidence, columns),
  };
}

function overallConfidence(
  kind: ImportKind,
  kindConfidence: number,
  columns: readonly SuggestedColumn[],
): number {
  if (kind === 'unknown') return 0;
  if (kind === 'crosswalk') return kindConfidence;
  const groups = requiredTargets(kind);
  if (groups.length === 0) return kindConfidence;
  const best = groups.map((g) =>
    Math.max(0, ...columns.filter((c) => c.target && g.includes(c.target)).map((c) => c.confidence)),
  );
  const mean = best.reduce((a, b) => a + b, 0) / best.length;
  return Math.round(kindConfidence * mean * 100) / 100;
}
