/**
 * Preview problems (engine `ImportProblem`s: reading notes, mapping guesses) in the user's language:
 * the code picks the words, the column and row fill them in. Unknown codes get a generic sentence; the
 * engine's English message is kept for a tooltip only.
 */
import type { ImportProblem } from '../../../../shared/import-types';

/** Problem codes with their own words under `import.problems.`. */
export const PROBLEM_CODES = [
  'ENCODING_UNSURE',
  'INVALID_UTF8',
  'LEGACY_ENCODING',
  'COLUMN_NUMBERING_ROW',
  'ROW_NUMBERS_APPROXIMATE',
  'SHEET_HIDDEN',
  'NO_SHEETS',
  'FORMULA_NO_VALUE',
  'CELLS_BEYOND_HEADER',
  'IMPORT_NO_HEADER',
  'IMPORT_MISSING_COLUMN',
  'IMPORT_KIND_UNKNOWN',
  'IMPORT_MAPPING_INVALID',
  'IMPORT_AMBIGUOUS_MAPPING',
  'IMPORT_LOW_CONFIDENCE',
  'IMPORT_NEW_INDICATOR',
  'IMPORT_VALUE_SCALE',
] as const;

/** The i18n key and values of a problem. */
export function problemMessage(p: ImportProblem): { key: string; values: Record<string, string | number> } {
  const values: Record<string, string | number> = { code: p.code };
  if (p.column) values.column = p.column;
  if (p.row !== undefined) values.row = p.row;
  const known = (PROBLEM_CODES as readonly string[]).includes(p.code);
  return { key: known ? `import.problems.${p.code}` : 'import.problems.other', values };
}

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Problems most severe first (stable within a severity). */
export function sortProblems(problems: readonly ImportProblem[]): ImportProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => ORDER[a.p.severity] - ORDER[b.p.severity] || a.i - b.i)
    .map((x) => x.p);
}

/**
 * The engine's problems still worth showing next to the live validation: its missing-column and
 * mapping errors describe its own guess, which the editor re-checks live, so they are dropped.
 */
export function previewProblems(problems: readonly ImportProblem[]): ImportProblem[] {
  return sortProblems(
    problems.filter(
      (p) =>
        p.code !== 'IMPORT_MISSING_COLUMN' &&
        p.code !== 'IMPORT_MAPPING_INVALID' &&
        p.code !== 'IMPORT_KIND_UNKNOWN',
    ),
  );
}
